/**
 * Diagnostic: spf-include-no-record — RFC 7208 §5.2 (include of a domain without
 * an SPF record is permerror, not a mismatch) and §6.1 (likewise for redirect=).
 * Reported on the term of this record that leads there; lookups that failed or
 * were not made (offline) are not reported.
 */
import { SpfCodes } from '../codes';
import { nestedWithStatus, problemAt, termData, type LookupRule } from './context';

export const checkIncludeNoRecord: LookupRule = (ctx, tree) =>
  nestedWithStatus(ctx, tree, ['no-record']).map(({ term, node }) =>
    problemAt(ctx, SpfCodes.includeNoRecord, term, { target: node.domain, term: node.term }, { ...termData(ctx, term), target: node.domain }),
  );
