/**
 * zone-null-mx — a null MX written so that mail servers may not read it as one.
 *
 * RFC 7505 §3: a domain that takes no mail publishes a single MX record with preference
 * 0 and the root as exchange (`MX 0 .`), and "MUST NOT" publish other MX records beside
 * it: a sender then sees ordinary MX hosts and the root, tries them, or gives up. An MX to
 * `.` with another preference is no null MX. BIND and Knot say nothing. The diagnostic
 * sits on the record's data.
 */
import type { Problem } from '../../diagnostics/types';
import { recordsOfType } from '../checks/owners';
import { nameKey } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, problem, rdataSpan } from './context';

const MX = 15;

export function checkNullMx(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  for (const r of recordsOfType(ctx.records, MX)) {
    if (r.rdata.fields.exchange !== '.') continue;
    const at = rdataSpan(r);
    const others = (ctx.byOwner.get(nameKey(r.owner)) ?? []).filter((o) => o.typeCode === MX && o.rdata.fields.exchange !== '.');
    if (others.length > 0) {
      const hosts = others.map((o) => String(o.rdata.fields.exchange)).join(', ');
      out.push(problem(SemanticsCodes.nullMx, r, at, { owner: r.owner, detail: 'null-mx-mixed', hosts }));
    } else if (r.rdata.fields.preference !== 0) {
      out.push(problem(SemanticsCodes.nullMx, r, at, { owner: r.owner, detail: 'null-mx-preference', preference: String(r.rdata.fields.preference) }));
    }
  }
  return out;
}
