/**
 * zone-wildcard-ns — an NS RRset at a wildcard owner.
 *
 * RFC 4592 §4.2: NS records at a wildcard do not create a delegation and their
 * behaviour is undefined, so implementations refuse them. BIND fails the load with
 * "invalid NS owner name (wildcard)"; Knot's zone scanner accepts it (knot-01_owner).
 * We follow BIND, on the owner of each such record.
 */
import type { Problem } from '../../diagnostics/types';
import { recordsOfType } from '../checks/owners';
import { splitLabels } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, ownerSpan, problem } from './context';

const NS = 2;

export function checkWildcardNs(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  for (const r of recordsOfType(ctx.all, NS)) {
    if (splitLabels(r.owner)[0] !== '*') continue;
    out.push(problem(SemanticsCodes.wildcardNs, r, ownerSpan(r), { owner: r.owner }));
  }
  return out;
}
