/**
 * Diagnostic: dmarc-invalid-uri
 *
 * RFC 9989 §4.7: rua= and ruf= are comma-separated URIs (commas and `!` inside one
 * percent-encoded); receivers MUST support mailto: and ignore URIs they do not
 * support, so anything but a well-formed mailto:name@domain may receive nothing. A value
 * holding full-width text (mailto：…) is left to dmarc-syntax, which fixes it.
 */
import type { Problem } from '../../diagnostics/types';
import { problemIn, printable } from '../../dkim/records';
import { holdsFullWidth } from '../../zone/lookalike';
import { DmarcCodes } from '../codes';
import { reportUris, runOn } from '../parse';
import type { DmarcContext } from '../context';

const DETAIL = {
  empty: 'dmarc-uri-empty',
  malformed: 'dmarc-uri-malformed',
  scheme: 'dmarc-uri-scheme',
  mailto: 'dmarc-uri-mailto',
} as const;

export function checkInvalidUri(ctx: DmarcContext): Problem[] {
  if (!ctx.dmarc.isDmarc) return [];
  const out: Problem[] = [];
  for (const name of ['rua', 'ruf']) {
    const tag = ctx.dmarc.tag(name);
    // An empty rua= is dmarc-invalid-value's to report.
    // Full-width text typed in a Japanese input method (mailto：…) is dmarc-syntax's, with its fix.
    if (!tag || tag.value === '' || runOn(tag) || holdsFullWidth(tag.value)) continue;
    for (const uri of reportUris(tag)) {
      if (!uri.problem) continue;
      const from = uri.problem === 'empty' ? Math.max(tag.valueStart, uri.from - 1) : uri.from;
      const to = uri.problem === 'empty' ? Math.min(tag.valueEnd, uri.to + 1) : uri.to;
      out.push(
        problemIn(ctx.txt, DmarcCodes.invalidUri.code, from, to, {
          tag: name,
          uri: printable(uri.uri),
          detail: DETAIL[uri.problem],
        }, uri.problem === 'scheme' ? undefined : 'error'),
      );
    }
  }
  return out;
}
