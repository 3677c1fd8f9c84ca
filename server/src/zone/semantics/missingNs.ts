/**
 * zone-missing-ns — no NS RRset at the zone apex.
 *
 * RFC 1035 §5.2 / RFC 1034 §4.2.1: the top of a zone carries the NS records naming its
 * authoritative servers. BIND refuses the zone ("has no NS records"); Knot reports
 * "missing NS at the zone apex". We point at the SOA record, which marks the apex, or
 * at the first record of the main file when there is no SOA either.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import { type SemanticContext, hasType, problem, recordsAt } from './context';

export function checkMissingNs(ctx: SemanticContext): Problem[] {
  if (ctx.records.length === 0 || hasType(ctx, ctx.apex, 'NS')) return [];
  const anchor =
    recordsAt(ctx, ctx.apex).find((r) => r.type === 'SOA') ?? ctx.zone.records.find((r) => !r.file) ?? ctx.records[0];
  if (!anchor) return [];
  return [problem(SemanticsCodes.missingNs, anchor, anchor.ownerSpan ?? anchor.span, { apex: ctx.apex })];
}
