/**
 * Shared by zone-mx-no-address and zone-srv-no-address: a target inside the zone that
 * has no address records, as BIND's integrity checks find it ("MX 'x' has no address
 * records (A or AAAA)"). BIND asks its database for the target's A, then AAAA records. Not
 * reported: a record at a delegation point or below one (BIND checks only the NS records
 * there), a target at or below a delegation or below a DNAME, a CNAME (zone-mx-cname's), a
 * target written as an address (zone-mx-address's; BIND logs both), the root (`MX 0 .`,
 * `SRV 0 0 0 .`: no service) and names outside the zone. A target that owns no records is
 * answered as BIND's database answers it: by the wildcard at its closest encloser (RFC
 * 4592: `*.example.com.` answers for `mail.example.com.`, not for `a.b.example.com.` when
 * `b.example.com.` exists, nor for an empty non-terminal). The diagnostic sits on the
 * target token. A target that has no records at all, written without its final dot as a
 * name of the public DNS (`MX 10 aspmx.l.google.com`), is said to miss its dot.
 */
import type { CodeDef, Problem } from '../../diagnostics/types';
import type { ResourceRecord, Token } from '../ast';
import { isSubdomain, nameKey, parentName } from '../names';
import { type SemanticContext, answeringRecords, isBelowCut, problem } from './context';
import { writtenAddress } from './targetAddress';
import { looksOutside, targetRepeatsOrigin } from '../finalDot';
import type { ProblemArgs } from '../../diagnostics/types';
import { type TargetField, targetsOf } from './targets';

const A = 1;
const CNAME = 5;
const DNAME = 39;
const AAAA = 28;

export function checkTargetNoAddress(ctx: SemanticContext, target: TargetField, def: CodeDef): Problem[] {
  const out: Problem[] = [];
  const apexKey = nameKey(ctx.apex);
  for (const t of targetsOf(ctx.records, target)) {
    if (t.name === '.' || !isSubdomain(t.name, ctx.apex)) continue;
    const key = nameKey(t.name);
    const here = ctx.byOwner.get(key);
    if (here !== undefined && here.some(addressOrAlias)) continue;
    // Of a delegation point BIND checks the NS records only: its other data is not the zone's.
    if (isBelowCut(ctx, t.record.owner) || ctx.cuts.has(nameKey(t.record.owner)) || ctx.cuts.has(key) || isBelowCut(ctx, t.name)) continue;
    if (belowDname(ctx, key, apexKey)) continue;
    // Written as an address: zone-mx-address says so (BIND logs both).
    if (t.token && writtenAddress(t.token.text) !== undefined) continue;
    // `MX 10 mail.example.jp` in the example.jp zone: zone-origin-repeated says so.
    if (targetRepeatsOrigin(t.token, t.name)) continue;
    const answers = here ?? answeringRecords(ctx, key);
    if (here === undefined && answers?.some(addressOrAlias)) continue;
    out.push(withFinalDot(problem(def, t.record, t.token ?? t.record.span, { target: t.name, owner: t.record.owner, ...finalDotDetail(t.token, answers) })));
  }
  return out;
}

/** Records that give a target an address, or make it another rule's (a CNAME). */
export function addressOrAlias(r: ResourceRecord): boolean {
  return r.typeCode === A || r.typeCode === AAAA || r.typeCode === CNAME;
}

export function belowDname(ctx: SemanticContext, key: string, apexKey: string): boolean {
  for (let name = key; name !== apexKey && name !== '.'; ) {
    name = parentName(name);
    if (ctx.byOwner.get(name)?.some((r) => r.typeCode === DNAME)) return true;
  }
  return false;
}

/**
 * The `{detail}` of a target inside the zone without what it needs: that its final dot is
 * missing, when nothing answers there and the name as written reads as a public one.
 */
export function finalDotDetail(token: Token | undefined, answers: readonly ResourceRecord[] | undefined): ProblemArgs {
  return answers === undefined && token !== undefined && !token.quoted && looksOutside(token.text)
    ? { detail: 'target-final-dot', written: token.text }
    : { detail: 'target-plain' };
}

/** The fix's data when the message says the final dot is missing: the name as written, which the fix ends with a dot. */
export function withFinalDot(p: Problem): Problem {
  return p.args?.detail === 'target-final-dot' ? { ...p, data: { finalDot: p.args.written } } : p;
}
