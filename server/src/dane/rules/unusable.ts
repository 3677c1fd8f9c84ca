/**
 * tlsa-unusable — a record a client sets aside (RFC 6698 §2.1.1–2.1.3, RFC 7671 §4): a
 * usage, selector or matching type that is not assigned; and, for an SMTP server
 * (`_25._tcp.`), the PKIX usages 0 and 1, which mail servers treat as unusable (RFC 7672
 * §3.1.3: there is no set of trusted CAs between mail servers). A name whose records are all
 * unusable gets no DANE at all.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../../zone/ast';
import { nameKey } from '../../zone/names';
import { problem } from '../../zone/semantics/context';
import { DaneCodes } from '../codes';
import { fieldSpan, tlsaFields } from '../tlsa';

const FIELDS = [
  { name: 'usage', max: 3 },
  { name: 'selector', max: 1 },
  { name: 'matching type', max: 2 },
] as const;
const PKIX = ['PKIX-TA', 'PKIX-EE'];

export function checkUnusable(tlsa: readonly ResourceRecord[]): Problem[] {
  const out: Problem[] = [];
  for (const r of tlsa) {
    const f = tlsaFields(r);
    if (!f) continue;
    const values = [f.usage, f.selector, f.matchingType];
    const put = (index: number, args: Record<string, string | number>) => out.push(problem(DaneCodes.unusable, r, fieldSpan(r, index), args));
    const unassigned = FIELDS.findIndex((field, i) => values[i] > field.max);
    if (unassigned >= 0) put(unassigned, { detail: 'tlsa-unassigned', field: FIELDS[unassigned].name, value: values[unassigned] });
    else if (f.usage <= 1 && nameKey(r.owner).startsWith('_25._tcp.')) put(0, { detail: 'tlsa-smtp-pkix', value: f.usage, name: PKIX[f.usage] });
  }
  return out;
}
