/**
 * Diagnostic: spf-malformed-version — RFC 7208 §4.5: a TXT record is an SPF record only
 * when its text begins with exactly `v=spf1` followed by a space or the end. A record
 * meant as SPF but written ` v=spf1 …` (a leading space), `v=spf 1 …`, `v=spf1include:…`,
 * `v=spf1, a, -all`, or split as `"v=spf1" "a -all"` (strings are joined as they are,
 * §3.3) is no SPF record to any receiver: the name has none. Reported on the version
 * as written; the quick-fix writes the record as SPF reads it (`v=spf1 ` in place of the
 * version, and spaces for the commas). Sender ID's `v=spf2.0/…` (RFC 4406) is another
 * record and is left alone.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../../zone/ast';
import { joinStrings } from '../../zone/txt';
import { looksLikeSpf } from '../detect';
import { SpfCodes } from '../codes';
import type { OwnerRule } from './context';

const TXT = 16;
/** The most of the record's first word the message shows after the version. */
const SHOWN = 24;
/**
 * A version meant as `v=spf1`, and the comma or semicolon some write after it; not
 * `v=spf10` or `v=spf1.0`, which read as another version.
 */
const MEANT = /^\s*v\s*=\s*spf\s*1(?![0-9.])(?:\s*[,;])?/i;

/**
 * When the text means SPF but is not: `to`, the end of the version as written, and the
 * text as SPF reads it (`v=spf1 ` in its place; where a comma or semicolon followed the
 * version, every such separator a space).
 */
export function malformedVersion(text: string): { to: number; value: string } | undefined {
  if (looksLikeSpf(text)) return undefined;
  const m = MEANT.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  if (/[,;]\s*$/.test(m[0])) return { to: m[0].length, value: ['v=spf1', ...rest.split(/\s*[,;]\s*|\s+/).filter((t) => t !== '')].join(' ') };
  return { to: m[0].length, value: (rest.length > 0 && rest[0] !== ' ' ? 'v=spf1 ' : 'v=spf1') + rest };
}

/** Whether the record is a TXT meant as SPF that receivers do not read as one. */
export function isMalformedSpf(rr: ResourceRecord): boolean {
  const strings = rr.typeCode === TXT ? rr.rdata.strings : undefined;
  return strings !== undefined && strings.length > 0 && malformedVersion(strings.map((s) => s.value).join('')) !== undefined;
}

export const checkMalformedVersion: OwnerRule = (owner) => {
  const out: Problem[] = [];
  for (const rr of owner.rrs) {
    const strings = rr.typeCode === TXT ? rr.rdata.strings : undefined;
    if (!strings || strings.length === 0) continue;
    // Bare words after a bare `v=spf1`: zone-txt-unquoted's (the fix is quotes, not a space).
    if (strings.length > 1 && !strings[0].quoted && /^v=spf1$/i.test(strings[0].value)) continue;
    const joined = joinStrings(strings);
    const found = malformedVersion(joined.value);
    if (!found) continue;
    const span = joined.spanOf(0, found.to);
    const text = joined.value;
    // What the record starts with: the version and the rest of its first word.
    const space = text.indexOf(' ', found.to);
    const end = Math.min(space < 0 ? text.length : space, found.to + SHOWN);
    const written = text.slice(0, end).trimStart() + (end < text.length && text[end] !== ' ' ? '…' : '');
    // A version alone in the first string, the rest in the next: joined as they are.
    const alone = strings.length > 1 && strings[0].value.trim().length > 0 && strings[0].value.length <= found.to && found.to < text.length;
    out.push({
      code: SpfCodes.malformedVersion.code,
      offset: span.offset,
      length: span.length,
      args: { written, joinDetail: alone ? 'spf-version-joined' : 'spf-version-plain' },
      data: { to: found.to },
      ...(rr.file ? { file: rr.file } : {}),
    });
  }
  return out;
};
