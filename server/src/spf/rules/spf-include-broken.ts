/**
 * Diagnostic: spf-include-broken — RFC 7208 §5.2 and §6.1: an include or redirect whose
 * target gives permerror makes the whole evaluation permerror. The target has more than
 * one SPF record (§4.5) or an SPF record with a syntax error (§4.6). Reported on the term
 * of this record that leads there, as spf-include-no-record is (the target's own record,
 * when it is in the zone, has its own diagnostics; an include of a provider's broken
 * record has none elsewhere).
 */
import { SpfCodes } from '../codes';
import { walkTree } from '../lookups';
import { problemAt, termData, topLevelSteps, type LookupRule } from './context';

const DETAIL: Partial<Record<string, string>> = {
  'multiple-records': 'spf-target-several',
  'syntax-error': 'spf-target-syntax',
};

export const checkIncludeBroken: LookupRule = (ctx, tree) =>
  topLevelSteps(ctx, tree).flatMap((step) => {
    if (!step.child) return [];
    return walkTree(step.child)
      .filter((n) => DETAIL[n.status] !== undefined)
      .map((n) =>
        problemAt(
          ctx,
          SpfCodes.includeBroken,
          step.term,
          { target: n.domain, term: n.term, detail: DETAIL[n.status] as string },
          { ...termData(ctx, step.term), target: n.domain },
        ),
      );
  });
