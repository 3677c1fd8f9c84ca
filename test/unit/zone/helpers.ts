/** Small helpers for zone parser tests. */
import type { Problem } from '../../../server/src/diagnostics/types';
import type { Zone } from '../../../server/src/zone/ast';

/** The source text a problem points at. */
export function under(text: string, p: Pick<Problem, 'offset' | 'length'>): string {
  return text.slice(p.offset, p.offset + p.length);
}

/** `code detail "text under it"` for each problem, for exact assertions. */
export function describe(zone: Zone, text: string): string[] {
  return zone.problems.map((p) => {
    const detail = p.args?.detail === undefined ? '' : ` ${p.args.detail}`;
    return `${p.code}${detail} ${JSON.stringify(under(text, p))}`;
  });
}

/** `owner ttl class type rdata` per record. */
export function lines(zone: Zone): string[] {
  return zone.records.map((r) => `${r.owner} ${r.ttl} ${r.class} ${r.type} ${r.rdata.canonical}`.trimEnd());
}
