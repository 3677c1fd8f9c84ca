/**
 * zone-dname-occlusion — records below a DNAME.
 *
 * RFC 6672 §2.3: a DNAME redirects every name below its owner, so the owner must have
 * no descendants; data written there is never served. Knot reports "child record
 * exists under DNAME". BIND loads such data silently — and accepts a DNAME at a
 * delegation with glue below it (bin/tests/system/checkzone good1.db), where the names
 * below are glue of the delegation, not DNAME-occluded: we follow BIND and skip DNAMEs
 * at delegations or below them.
 */
import type { Problem } from '../../diagnostics/types';
import { recordsOfType } from '../checks/owners';
import { isSubdomain, nameKey, namesEqual } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, isBelowCut, ownerSpan, problem } from './context';

const DNAME = 39;

export function checkDnameOcclusion(ctx: SemanticContext): Problem[] {
  const dnames: string[] = [];
  const seen = new Set<string>();
  for (const r of recordsOfType(ctx.records, DNAME)) {
    const key = nameKey(r.owner);
    if (seen.has(key) || ctx.cuts.has(key) || isBelowCut(ctx, r.owner)) continue;
    seen.add(key);
    dnames.push(r.owner);
  }
  if (dnames.length === 0) return [];
  const out: Problem[] = [];
  for (const r of ctx.records) {
    const dname = dnames.find((d) => !namesEqual(d, r.owner) && isSubdomain(r.owner, d));
    if (dname === undefined) continue;
    out.push(problem(SemanticsCodes.dnameOcclusion, r, ownerSpan(r), { owner: r.owner, dname }));
  }
  return out;
}
