/**
 * Diagnostic: spf-include-no-record — RFC 7208 §5.2 (include of a domain without
 * an SPF record is permerror, not a mismatch) and §6.1 (likewise for redirect=).
 * Reported on the term of this record that leads there; lookups that failed or
 * were not made (offline) are not reported.
 */
import { SpfCodes } from '../codes';
import { walkTree } from '../lookups';
import { problemAt, termData, topLevelSteps, type LookupRule } from './context';

export const checkIncludeNoRecord: LookupRule = (ctx, tree) =>
  topLevelSteps(ctx, tree).flatMap((step) => {
    if (!step.child) return [];
    return walkTree(step.child)
      .filter((n) => n.status === 'no-record')
      .map((n) =>
        problemAt(ctx, SpfCodes.includeNoRecord, step.term, { target: n.domain, term: n.term }, { ...termData(ctx, step.term), target: n.domain }),
      );
  });
