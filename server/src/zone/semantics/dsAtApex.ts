/**
 * zone-ds-at-apex — a DS record at the top of its own zone.
 *
 * RFC 4035 §2.4 (and RFC 4034 §5): the DS RRset lives on the parent side of a zone
 * cut; at a zone's own apex it is never served (queries for it go to the parent).
 * BIND refuses to load the zone ("DS record at top of zone"); kzonecheck says nothing.
 * We flag the record's type.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import { type SemanticContext, problem, recordsAt } from './context';

export function checkDsAtApex(ctx: SemanticContext): Problem[] {
  return recordsAt(ctx, ctx.apex)
    .filter((r) => r.type === 'DS')
    .map((r) => problem(SemanticsCodes.dsAtApex, r, r.typeSpan, { apex: ctx.apex }));
}
