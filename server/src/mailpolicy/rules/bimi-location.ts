/**
 * Diagnostics: bimi-missing-location, bimi-invalid-uri
 *
 * BIMI draft §4.3: `l=` is required, either empty (declining to publish a logo) or
 * a single https: URI; `a=` (evidence, a mark certificate) is optional, empty or a
 * single https: URI with a fully qualified host.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn, problemOnText, printable } from '../../dkim/records';
import { MailPolicyCodes } from '../codes';
import type { PolicyContext } from '../collect';
import { judgeUri } from '../uri';

export function checkBimiLocation(ctx: PolicyContext): Problem[] {
  if (ctx.kind.id !== 'bimi' || !ctx.record.isRecord) return [];
  const out: Problem[] = [];
  if (!ctx.record.tag('l')) out.push(problemOnText(ctx.txt, MailPolicyCodes.bimiMissingLocation.code));
  for (const name of ['l', 'a']) {
    const tag = ctx.record.tag(name);
    if (!tag || tag.value === '') continue;
    const problem = tag.value.includes(',') ? 'single' : judgeUri(tag.value, ['https']);
    if (!problem) continue;
    const detail = problem === 'scheme' || problem === 'mailto' ? 'mailpolicy-uri-scheme-https' : `mailpolicy-uri-${problem}`;
    out.push(
      problemIn(ctx.txt, MailPolicyCodes.bimiInvalidUri.code, tag.valueStart, tag.valueEnd, {
        tag: name,
        uri: printable(tag.value),
        detail,
      }),
    );
  }
  return out;
}
