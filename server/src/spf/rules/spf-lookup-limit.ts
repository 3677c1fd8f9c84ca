/**
 * Diagnostic: spf-lookup-limit — RFC 7208 §4.6.4: at most 10 DNS-querying terms
 * (include, a, mx, ptr, exists, redirect) per check, counting every included and
 * redirected record; the 11th makes check_host() return permerror. Reported on
 * the term of this record at which the count passes 10, with the breakdown.
 */
import { SpfCodes } from '../codes';
import { breakdownBeyond, walkTree } from '../lookups';
import { problemAt, termData, topLevelSteps, type LookupRule } from './context';

export const MAX_LOOKUPS = 10;

export const checkLookupLimit: LookupRule = (ctx, tree) => {
  if (tree.total <= MAX_LOOKUPS) return [];
  let count = 0;
  const steps = topLevelSteps(ctx, tree);
  const crossing =
    steps.find((s) => {
      count += 1 + (s.child?.total ?? 0);
      return count > MAX_LOOKUPS;
    }) ?? steps[steps.length - 1];
  // A tree cut off at its node budget (or with unanswered lookups) counts fewer than the
  // real total: say "N+" rather than a number that looks exact.
  const partial = walkTree(tree).some((n) => n.status === 'unresolved');
  // "(8 in the record itself, include:_spf.google.com +3)": the record's own terms, then what
  // each include adds; the list in each language's own punctuation (`breakdown@ja`).
  const beyond = breakdownBeyond(tree);
  const args = { count: partial ? `${tree.total}+` : tree.total, ownDetail: 'spf-lookups-own', own: tree.own, breakdown: beyond.en, 'breakdown@ja': beyond.ja };
  return [problemAt(ctx, SpfCodes.lookupLimit, crossing.term, args, { ...termData(ctx, crossing.term), total: tree.total, tree })];
};
