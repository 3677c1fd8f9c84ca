/**
 * Diagnostic: spf-include-broken — RFC 7208 §5.2 and §6.1: an include or redirect whose
 * target gives permerror makes the whole evaluation permerror. The target has more than
 * one SPF record (§4.5) or an SPF record with a syntax error (§4.6). Reported on the term
 * of this record that leads there, as spf-include-no-record is (the target's own record,
 * when it is in the zone, has its own diagnostics; an include of a provider's broken
 * record has none elsewhere).
 */
import { SpfCodes } from '../codes';
import { nestedWithStatus, problemAt, termData, type LookupRule } from './context';

const DETAIL: Partial<Record<string, string>> = {
  'multiple-records': 'spf-target-several',
  'syntax-error': 'spf-target-syntax',
};

export const checkIncludeBroken: LookupRule = (ctx, tree) =>
  nestedWithStatus(ctx, tree, ['multiple-records', 'syntax-error']).map(({ term, node }) =>
    problemAt(
      ctx,
      SpfCodes.includeBroken,
      term,
      { target: node.domain, term: node.term, detail: DETAIL[node.status] as string },
      { ...termData(ctx, term), target: node.domain },
    ),
  );
