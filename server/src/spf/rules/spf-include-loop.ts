/**
 * Diagnostic: spf-include-loop — RFC 7208 §4.6.4, §5.2: an include or redirect chain
 * that comes back to a record already being evaluated never ends; receivers stop
 * at the lookup limit with permerror. Reported on the term of this record that
 * starts the loop, with the chain of names.
 */
import { SpfCodes } from '../codes';
import type { LookupNode } from '../lookups';
import { problemAt, termData, topLevelSteps, type LookupRule } from './context';

function loops(node: LookupNode, path: string[]): string[][] {
  if (node.status === 'loop') return [[...path, node.domain]];
  return node.children.flatMap((c) => loops(c, [...path, node.domain]));
}

export const checkIncludeLoop: LookupRule = (ctx, tree) =>
  topLevelSteps(ctx, tree).flatMap((step) => {
    if (!step.child) return [];
    return loops(step.child, [tree.domain]).map((path) =>
      problemAt(ctx, SpfCodes.includeLoop, step.term, { path: path.join(' → ') }, { ...termData(ctx, step.term), path }),
    );
  });
