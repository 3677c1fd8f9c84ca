/**
 * Shared by zone-mx-cname, zone-ns-cname and zone-srv-cname: a target that is the
 * owner of a CNAME in this zone, or that owns nothing and is answered by a wildcard CNAME
 * (`* CNAME www` answers for `mail`: BIND refuses an NS, logs an MX or SRV, as for a
 * CNAME of the target's own).
 */
import type { CodeDef, Problem } from '../../diagnostics/types';
import { nameKey } from '../names';
import { type SemanticContext, answeringRecords, isBelowCut, problem } from './context';
import { type TargetField, targetsOf } from './targets';

const CNAME = 5;

export function checkTargetCname(ctx: SemanticContext, target: TargetField, def: CodeDef): Problem[] {
  const out: Problem[] = [];
  for (const t of targetsOf(ctx.records, target)) {
    // The CNAME first: few targets have one, and the cut tests walk every ancestor.
    if (!answeringRecords(ctx, nameKey(t.name))?.some((r) => r.typeCode === CNAME)) continue;
    if (isBelowCut(ctx, t.record.owner) || isBelowCut(ctx, t.name)) continue;
    // Of a delegation point BIND checks the NS records only: its other data is not the zone's.
    if (target.type !== 'NS' && ctx.cuts.has(nameKey(t.record.owner))) continue;
    out.push(problem(def, t.record, t.token ?? t.record.span, { target: t.name }));
  }
  return out;
}
