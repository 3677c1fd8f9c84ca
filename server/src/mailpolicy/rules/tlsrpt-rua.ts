/**
 * Diagnostics: tlsrpt-missing-rua, tlsrpt-invalid-uri
 *
 * RFC 8460 §3: `rua=` is required: one or more URIs separated by commas, each
 * `mailto:` (reports by mail) or `https:` (reports POSTed to a web service).
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn, problemOnText, printable } from '../../dkim/records';
import { splitValue } from '../../dkim/taglist';
import { MailPolicyCodes } from '../codes';
import type { PolicyContext } from '../collect';
import { judgeUri } from '../uri';

export function checkTlsRptRua(ctx: PolicyContext): Problem[] {
  if (ctx.kind.id !== 'tlsrpt' || !ctx.record.isRecord) return [];
  const rua = ctx.record.tag('rua');
  if (!rua) return [problemOnText(ctx.txt, MailPolicyCodes.tlsrptMissingRua.code)];
  if (rua.value === '') {
    return [problemIn(ctx.txt, MailPolicyCodes.tlsrptInvalidUri.code, rua.start, rua.end, { uri: '', detail: 'mailpolicy-uri-empty' })];
  }
  const out: Problem[] = [];
  for (const { item, from, to } of splitValue(rua, ',')) {
    const problem = judgeUri(item, ['mailto', 'https']);
    if (!problem) continue;
    const detail = problem === 'scheme' ? 'mailpolicy-uri-scheme-tlsrpt' : `mailpolicy-uri-${problem}`;
    const range = item === '' ? [Math.max(rua.valueStart, from - 1), Math.min(rua.valueEnd, to + 1)] : [from, to];
    out.push(problemIn(ctx.txt, MailPolicyCodes.tlsrptInvalidUri.code, range[0], range[1], { uri: printable(item), detail }));
  }
  return out;
}
