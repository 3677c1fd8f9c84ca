/**
 * Diagnostic: dmarc-misplaced
 *
 * RFC 9989 §4.10: receivers look for DMARC only at `_dmarc.<domain>` (and report
 * authorizations at `<domain>._report._dmarc.<dest>`, RFC 9990 §3). A `v=DMARC1`
 * text anywhere else is never read. The classic relative-name slip, `_dmarc.example.com`
 * written without its final dot in the example.com zone (it lands at
 * `_dmarc.example.com.example.com.`), is zone-origin-repeated's, with its fix.
 */
import type { Problem } from '../../diagnostics/types';
import { problemOnText, type TxtRecord } from '../../dkim/records';
import { splitLabels } from '../../zone/names';
import { DmarcCodes } from '../codes';
import { display, type DmarcView } from '../collect';

const DMARC_START = /^[ \t]*v[ \t]*=[ \t]*DMARC1/i;

export function checkMisplaced(view: DmarcView): Problem[] {
  const out: Problem[] = [];
  const report = (txt: TxtRecord, expected: string) =>
    out.push({
      ...problemOnText(txt, DmarcCodes.misplaced.code, { name: display(txt.owner), expected: display(expected) }),
      data: { expectedOwner: expected },
    });
  for (const txt of view.others) {
    if (!DMARC_START.test(txt.text.value)) continue;
    const labels = splitLabels(txt.owner);
    const at = txt.labels.indexOf('_dmarc');
    // `x._dmarc.example.com`: the record was meant for `_dmarc.example.com`.
    const domain = at > 0 ? labels.slice(at + 1).join('.') + '.' : txt.owner;
    report(txt, '_dmarc.' + (domain === '.' ? '' : domain));
  }
  return out;
}
