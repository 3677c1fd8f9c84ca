/**
 * Shared by zone-mx-cname, zone-ns-cname and zone-srv-cname: a target that is the
 * owner of a CNAME in this zone.
 */
import type { CodeDef, Problem } from '../../diagnostics/types';
import { type SemanticContext, hasType, isBelowCut, problem } from './context';
import { type TargetField, targetsOf } from './targets';

export function checkTargetCname(ctx: SemanticContext, target: TargetField, def: CodeDef): Problem[] {
  const out: Problem[] = [];
  for (const t of targetsOf(ctx.records, target)) {
    // The CNAME first: few targets have one, and the cut tests walk every ancestor.
    if (!hasType(ctx, t.name, 'CNAME')) continue;
    if (isBelowCut(ctx, t.record.owner) || isBelowCut(ctx, t.name)) continue;
    out.push(problem(def, t.record, t.token ?? t.record.span, { target: t.name }));
  }
  return out;
}
