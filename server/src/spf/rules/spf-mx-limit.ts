/**
 * Diagnostic: spf-mx-limit — RFC 7208 §4.6.4: an `mx` mechanism must not lead to
 * more than 10 address lookups; a target with more than 10 MX records makes the
 * mechanism a permerror. Reported on the mx term, or on the include of this record
 * that leads to one.
 */
import { SpfCodes } from '../codes';
import { walkTree } from '../lookups';
import { problemAt, termData, topLevelSteps, type LookupRule } from './context';

export const checkMxLimit: LookupRule = (ctx, tree) =>
  topLevelSteps(ctx, tree).flatMap((step) => {
    const over = step.child
      ? walkTree(step.child).flatMap((n) => n.mxOverLimit)
      : tree.mxOverLimit.filter((m) => m.part.from === step.term.from);
    return over.map((m) =>
      problemAt(ctx, SpfCodes.mxLimit, step.term, { target: m.target, count: m.count }, termData(ctx, step.term)),
    );
  });
