/**
 * zone-cname-target-missing — an alias whose target is a name inside the zone that has no
 * records.
 *
 * RFC 1034 §3.6.2: a resolver that meets a CNAME restarts the query at its target. A target
 * inside this zone that owns nothing (nor is answered by a wildcard, RFC 4592) gets the
 * authoritative "no such name" or, for an empty non-terminal, no data: every lookup of the
 * alias finds nothing. BIND and Knot load such a zone without a word. The usual cause is a
 * name of another domain written without its final dot (`www CNAME ghs.googlehosted.com` in
 * the example.jp zone names ghs.googlehosted.com.example.jp.), which the message says when
 * the name as written reads as a public one; or an address written where a name goes. Not
 * reported: a CNAME at or below a delegation or below a DNAME, a target at or below a
 * delegation or below a DNAME (another zone's data), targets outside the zone, and records
 * made by $GENERATE (their spans point at the directive).
 */
import type { Problem } from '../../diagnostics/types';
import { isSubdomain, nameKey } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, answeringRecords, isBelowCut, problem } from './context';
import { writtenAddress } from './targetAddress';
import { targetRepeatsOrigin } from '../finalDot';
import { belowDname, finalDotDetail, withFinalDot } from './targetNoAddress';
import { CNAME_TARGET, targetsOf } from './targets';

export function checkCnameTargetMissing(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  const apexKey = nameKey(ctx.apex);
  for (const t of targetsOf(ctx.records, CNAME_TARGET)) {
    if (t.record.generated || !isSubdomain(t.name, ctx.apex)) continue;
    const key = nameKey(t.name);
    // The name first: most targets own records, and the cut tests walk every ancestor.
    if (ctx.byOwner.has(key)) continue;
    const answers = answeringRecords(ctx, key);
    if (answers !== undefined) continue;
    const owner = nameKey(t.record.owner);
    if (ctx.cuts.has(owner) || isBelowCut(ctx, t.record.owner) || ctx.cuts.has(key) || isBelowCut(ctx, t.name)) continue;
    if (belowDname(ctx, key, apexKey) || belowDname(ctx, owner, apexKey)) continue;
    const token = t.token;
    if (targetRepeatsOrigin(token, t.name)) continue;
    const detail = token && !token.quoted && writtenAddress(token.text) !== undefined ? { detail: 'target-address', written: token.text } : finalDotDetail(token, answers);
    out.push(withFinalDot(problem(SemanticsCodes.cnameTargetMissing, t.record, token ?? t.record.span, { owner: t.record.owner, target: t.name, ...detail })));
  }
  return out;
}
