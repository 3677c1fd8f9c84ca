/**
 * zone-out-of-zone — a record whose owner is not at or below the zone apex.
 *
 * RFC 1034 §4.2.1: a zone holds the names at and below its top node. BIND logs
 * "ignoring out-of-zone data (NAME)" and Knot "ignoring out-of-zone data, owner NAME";
 * both drop the record. We flag it on its owner, as written or inherited — unless the
 * parser already reported the same code at the same place (zone.problems), so a caller
 * that shows both lists does not show it twice.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { isSubdomain } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, ownerSpan, problem } from './context';

export function checkOutOfZone(ctx: SemanticContext): Problem[] {
  // ctx.all holds every record at or below the apex: as many as the zone, none is outside.
  if (ctx.all.length === ctx.zone.records.length) return [];
  const out: Problem[] = [];
  const code = SemanticsCodes.outOfZone.code;
  const already = ctx.zone.problems.filter((p) => p.code === code);
  const reported = (r: ResourceRecord): boolean =>
    already.some((p) => p.file === r.file && p.offset >= r.span.offset && p.offset < r.span.offset + r.span.length);
  // Records of one owner come in runs: the owner is tested once per run.
  let lastOwner: string | undefined;
  let inside = true;
  for (const r of ctx.zone.records) {
    if (r.owner !== lastOwner) {
      lastOwner = r.owner;
      inside = isSubdomain(r.owner, ctx.apex);
    }
    if (inside || reported(r)) continue;
    out.push(problem(SemanticsCodes.outOfZone, r, ownerSpan(r), { owner: r.owner, origin: ctx.apex }));
  }
  return out;
}
