/**
 * zone-missing-soa — no SOA record at the zone apex.
 *
 * RFC 1035 §5.2: a master file for a zone must hold exactly one SOA, at the top of the
 * zone. BIND refuses the zone ("has no SOA record"); Knot refuses it too ("missing SOA
 * at the zone apex"). We point at the first record of the main file, since the problem
 * belongs to the whole file. A file without any record says nothing in the editor (a new
 * file, a fragment to $INCLUDE); checked on its own as a zone (the CLI), it is reported
 * at its start, as both servers refuse it.
 */
import type { Problem } from '../../diagnostics/types';
import type { Zone } from '../ast';
import { SemanticsCodes } from './codes';
import { type SemanticContext, hasType, problem } from './context';

export function checkMissingSoa(ctx: SemanticContext): Problem[] {
  if (ctx.records.length === 0 || hasType(ctx, ctx.apex, 'SOA')) return [];
  const anchor = ctx.zone.records.find((r) => !r.file) ?? ctx.records[0];
  if (!anchor) return [];
  return [problem(SemanticsCodes.missingSoa, anchor, anchor.ownerSpan ?? anchor.span, { apex: ctx.apex })];
}

/** zone-missing-soa for a zone without any record, at the start of its file; undefined when it has one. */
export function checkEmptyZone(zone: Zone): Problem | undefined {
  if (zone.records.length > 0) return undefined;
  return { code: SemanticsCodes.missingSoa.code, offset: 0, length: 0, args: { apex: zone.origin } };
}
