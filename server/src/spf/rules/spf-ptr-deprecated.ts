/**
 * Diagnostic: spf-ptr-deprecated — RFC 7208 §5.5: "This mechanism SHOULD NOT be
 * published": it is slow, depends on reverse DNS the domain owner rarely controls,
 * and large receivers skip it.
 */
import { isMechanism } from '../ast';
import { SpfCodes } from '../codes';
import { problemAt, soundTerms, termData, type RecordRule } from './context';

export const checkPtrDeprecated: RecordRule = (ctx) =>
  soundTerms(ctx.spf)
    .filter(isMechanism)
    .filter((t) => t.name === 'ptr')
    .map((t) => problemAt(ctx, SpfCodes.ptrDeprecated, t, {}, termData(ctx, t)));
