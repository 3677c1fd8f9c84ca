/** Shared by the zone-semantics tests: parse a zone text and run the semantic checks. */
import type { Problem } from '../../../server/src/diagnostics/types';
import { parseZoneText } from '../../../server/src/zone';
import type { Zone } from '../../../server/src/zone/ast';
import { checkZoneSemantics } from '../../../server/src/zone/semantics';

export interface Checked {
  readonly zone: Zone;
  readonly problems: Problem[];
}

export function check(text: string, origin = 'example.com.', now?: Date): Checked {
  const zone = parseZoneText(text, { origin });
  return { zone, problems: checkZoneSemantics(zone, { now }) };
}

/** `code "text under the range"` for each problem, for readable assertions. */
export function described(text: string, problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code} ${JSON.stringify(text.slice(p.offset, p.offset + p.length))}`);
}
