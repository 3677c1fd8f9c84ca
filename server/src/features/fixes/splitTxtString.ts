/**
 * Fix for zone-txt-string-too-long (RFC 1035 §3.3: a character-string holds at most
 * 255 octets): split the string into several quoted strings of at most 255 octets each.
 * The split never cuts an escape or a multi-octet UTF-8 character. TXT consumers (SPF,
 * DKIM, DMARC) join the strings without separators, so the record's meaning is kept.
 */
import { decodeToken } from '../../zone/rdata/strings';
import type { Fix, FixContext } from '../codeActions';
import { recordAt, tokenAt } from '../spans';

const MAX = 255;

export function splitLongTxtString(ctx: FixContext): Fix | undefined {
  const at = ctx.document.offsetAt(ctx.diagnostic.range.start);
  const record = recordAt(ctx.zone, at);
  const hit = record && tokenAt(record.tokens, at);
  if (!hit) return undefined;
  const decoded = decodeToken(hit.token);
  if (!decoded.ok || decoded.value.length <= MAX) return undefined;
  const { offsets } = decoded;
  const text = ctx.document.getText();
  const chunks: string[] = [];
  let start = 0;
  while (start < decoded.value.length) {
    let cut = Math.min(start + MAX, decoded.value.length);
    // Back off to the first octet of a character, so no escape or UTF-8 sequence is split.
    while (cut < decoded.value.length && cut > start && offsets[cut] === offsets[cut - 1]) cut--;
    chunks.push(text.slice(offsets[start], offsets[cut]));
    start = cut;
  }
  const from = offsets[0];
  const to = offsets[decoded.value.length];
  const newText = hit.token.quoted ? chunks.join('" "') : chunks.map((c) => `"${c}"`).join(' ');
  return {
    title: {
      en: `Split into ${chunks.length} strings of at most 255 octets`,
      ja: `255オクテット以下の${chunks.length}個の文字列に分割する`,
    },
    edits: [{ range: { start: ctx.document.positionAt(from), end: ctx.document.positionAt(to) }, newText }],
  };
}
