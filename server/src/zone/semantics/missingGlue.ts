/**
 * zone-missing-glue — an NS target inside the zone with no address records.
 *
 * RFC 1034 §4.2.1: when a name server's name lies inside the zone (in bailiwick), the
 * zone must carry its A/AAAA records, or nobody can find the server — as glue when the
 * name is below a delegation (RFC 9471 "required glue"), as ordinary data otherwise.
 * BIND (`named-checkzone`, integrity checks) logs "NS 'x' has no address records (A or
 * AAAA)", or "has no REQUIRED/SIBLING GLUE address records"; Knot logs "missing glue
 * record". Both check only NS RRsets that are served: the apex's and delegations'
 * not themselves below another cut. One diagnostic per NS record, on its target: an
 * error for the apex's name servers (BIND does not load the zone), else a warning.
 *
 * A target that owns nothing may be answered by a wildcard (RFC 4592), as BIND and Knot
 * read it, unless it lies below a cut (glue is never synthesised). Targets that are CNAMEs
 * or written as addresses get their own, more precise codes. A target that owns nothing,
 * written without its final dot as a name of the public DNS (`NS ns1.xserver.jp`), is said
 * to miss its dot, with the fix that adds it.
 */
import type { Problem } from '../../diagnostics/types';
import { isSubdomain, nameKey, namesEqual } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, answeringRecords, isBelowCut, problem } from './context';
import { writtenAddress } from './targetAddress';
import { targetRepeatsOrigin } from '../finalDot';
import { addressOrAlias, finalDotDetail, withFinalDot } from './targetNoAddress';
import { NS_TARGET, targetsOf } from './targets';

export function checkMissingGlue(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  for (const t of targetsOf(ctx.records, NS_TARGET)) {
    if (isBelowCut(ctx, t.record.owner)) continue;
    if (!isSubdomain(t.name, ctx.apex)) continue;
    const glue = isBelowCut(ctx, t.name);
    const key = nameKey(t.name);
    const answer = glue ? ctx.byOwner.get(key) : answeringRecords(ctx, key);
    if (answer?.some(addressOrAlias)) continue;
    if (t.token && writtenAddress(t.token.text) !== undefined) continue;
    // `NS ns1.provider.net` without its final dot: a name inside the zone that owns nothing.
    const p = withFinalDot(problem(SemanticsCodes.missingGlue, t.record, t.token ?? t.record.span, { target: t.name, owner: t.record.owner, ...finalDotDetail(t.token, answer) }));
    // BIND refuses the zone when an apex name server has no address (not when it lies
    // below a delegation, nor for a delegation's own name servers: those it only logs).
    const apexError = namesEqual(t.record.owner, ctx.apex) && !glue;
    // `NS ns1.example.jp` in the example.jp zone: zone-origin-repeated says so, unless BIND refuses the zone for it.
    if (!apexError && targetRepeatsOrigin(t.token, t.name)) continue;
    out.push(apexError ? { ...p, severity: 'error' } : p);
  }
  return out;
}

