/**
 * zone-out-of-zone — a record whose owner is not at or below the zone apex.
 *
 * RFC 1034 §4.2.1: a zone holds the names at and below its top node. BIND logs
 * "ignoring out-of-zone data (NAME)" and Knot "ignoring out-of-zone data, owner NAME";
 * both drop the record. We flag it on its owner, as written or inherited.
 */
import type { Problem } from '../../diagnostics/types';
import { isSubdomain } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, ownerSpan, problem } from './context';

export function checkOutOfZone(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  for (const r of ctx.zone.records) {
    if (isSubdomain(r.owner, ctx.apex)) continue;
    out.push(problem(SemanticsCodes.outOfZone, r, ownerSpan(r), { owner: r.owner, apex: ctx.apex }));
  }
  return out;
}
