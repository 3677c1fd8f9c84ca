/**
 * Diagnostics: mtasts-misplaced, tlsrpt-misplaced, bimi-misplaced
 *
 * RFC 8461 §3.1 (`_mta-sts.<domain>`), RFC 8460 §3 (`_smtp._tls.<domain>`), BIMI
 * draft §4.3 (`<selector>._bimi.<domain>`, selector `default` unless a message
 * names another): a record of one of these kinds anywhere else is never read.
 */
import type { Problem } from '../../diagnostics/types';
import { problemOnText } from '../../dkim/records';
import { splitLabels } from '../../zone/names';
import type { MailPolicyView } from '../collect';
import { KINDS } from '../kinds';

export function checkMisplaced(view: MailPolicyView): Problem[] {
  const out: Problem[] = [];
  for (const txt of view.others) {
    const kind = KINDS.find((k) => k.resembles.test(txt.text.value));
    if (!kind) continue;
    const expected = kind.expected(splitLabels(txt.owner));
    out.push({
      ...problemOnText(txt, kind.misplaced.code, {
        name: txt.owner.replace(/\.$/, ''),
        expected: expected.replace(/\.$/, ''),
      }),
      data: { expectedOwner: expected },
    });
  }
  return out;
}
