/**
 * Diagnostic: spf-void-lookup-limit — RFC 7208 §4.6.4: receivers SHOULD stop with
 * permerror after two "void lookups" (NXDOMAIN or no answer) caused by a, mx,
 * exists, include targets. Counted over the whole tree; reported on the term of
 * this record that brings the third one.
 */
import { SpfCodes } from '../codes';
import { walkTree } from '../lookups';
import { problemAt, termData, topLevelSteps, type LookupRule } from './context';

export const MAX_VOID_LOOKUPS = 2;

export const checkVoidLookupLimit: LookupRule = (ctx, tree) => {
  const found: { term: (typeof steps)[number]['term']; name: string }[] = [];
  const steps = topLevelSteps(ctx, tree);
  for (const step of steps) {
    if (step.child) {
      for (const node of walkTree(step.child)) for (const v of node.voids) found.push({ term: step.term, name: v.name });
    } else {
      for (const v of tree.voids) if (v.part.from === step.term.from) found.push({ term: step.term, name: v.name });
    }
  }
  if (found.length <= MAX_VOID_LOOKUPS) return [];
  const third = found[MAX_VOID_LOOKUPS];
  const names = found.map((f) => f.name).join(', ');
  return [problemAt(ctx, SpfCodes.voidLookupLimit, third.term, { count: found.length, names }, termData(ctx, third.term))];
};
