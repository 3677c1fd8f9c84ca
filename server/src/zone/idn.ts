/**
 * Domain names written in Unicode (`ショップ.example.jp.`, full-width `ｍａｉｌ`). DNS names
 * are octets and the names people look up are ASCII: an internationalized name is looked
 * up in its IDNA form (RFC 5890, `xn--…`), full-width letters as the letters they stand
 * for. BIND does not convert a zone file's names: it publishes the UTF-8 bytes as they are
 * (`\227\130\183…`), a name no browser or mail server asks for. The IDNA form comes from
 * Node's url.domainToASCII (UTS #46 processing, ICU).
 */
import { isUtf8 } from 'node:buffer';
import { domainToASCII } from 'node:url';
import type { Problem, ProblemArgs } from '../diagnostics/types';
import { ZoneCodes } from './codes';
import { escapedOctet } from './encoding';
import { lookalikeKind } from './lookalike';
import { decodeName, escapeLabel } from './names';

export interface UnicodeName {
  /** The name as written with each Unicode label in its IDNA form; undefined when there is none. */
  readonly ascii: string | undefined;
  /**
   * For a name written in ASCII whose escapes spell UTF-8 text (`\227\130\183…`, as BIND,
   * dig and named-checkzone -D print a Unicode name): the name with that text shown.
   */
  readonly escaped?: string;
}

/**
 * Whether the name token `text` (as written) has Unicode characters, or escapes that spell
 * UTF-8 text, and its ASCII form. Undefined for a name without any, and for one whose only
 * non-ASCII characters are bytes that are not UTF-8 (zone-not-utf8) or look-alikes of blanks
 * and punctuation (zone-lookalike-character): those are reported as what they are.
 */
export function unicodeName(text: string): UnicodeName | undefined {
  let unicode = false;
  let convertible = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x5c /* \ */) convertible = false;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A character beyond U+FFFF: its two halves.
      unicode = true;
      i++;
    } else if (escapedOctet(c) >= 0 || lookalikeKind(c) !== undefined || c === 0xfffd || (c & 0xf800) === 0xd800) {
      // A byte that is not UTF-8, a look-alike, U+FFFD or a lone surrogate: not text.
      convertible = false;
    } else unicode = true;
  }
  if (!unicode) return convertible ? undefined : escapedUnicodeName(text);
  return { ascii: convertible ? asciiForm(text) : undefined };
}

/** Whether decoded text is what unicodeName reports: no look-alike, U+FFFD or control character. */
function isNameText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || c === 0xfffd || lookalikeKind(c) !== undefined) return false;
  }
  return true;
}

/**
 * A name written in ASCII with labels whose escaped octets are UTF-8 text: shown with that
 * text, and with each such label in its IDNA form. Undefined when no label is, or when one
 * holds octets that are not UTF-8 text (a binary label, written so on purpose).
 */
function escapedUnicodeName(text: string): UnicodeName | undefined {
  const d = decodeName(text);
  if (!d.ok) return undefined;
  const shown: string[] = [];
  const ascii: (string | undefined)[] = [];
  let any = false;
  for (const label of d.labels) {
    if (!/[\x80-\xff]/.test(label)) {
      shown.push(escapeLabel(label));
      ascii.push(escapeLabel(label));
      continue;
    }
    const octets = Buffer.from(label, 'latin1');
    if (!isUtf8(octets)) return undefined;
    const u = octets.toString('utf8');
    if (!isNameText(u)) return undefined;
    any = true;
    // Shown as text, with what presentation form escapes (a dot inside the label) escaped.
    shown.push(u.replace(/[.\\"();@$ ]/g, (c) => '\\' + c));
    // One label stays one: a full stop look-alike mapped to a dot would make two.
    const idna = domainToASCII(u);
    ascii.push(idna === '' || idna.includes('.') || idna.length > 63 ? undefined : idna);
  }
  if (!any) return undefined;
  const end = d.relative ? '' : '.';
  const all = ascii.every((a) => a !== undefined);
  return { ascii: all ? ascii.join('.') + end : undefined, escaped: shown.join('.') + end };
}

/** Each label with non-ASCII characters in its IDNA form, the rest as written; undefined when a label has none. */
function asciiForm(text: string): string | undefined {
  const labels = text.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!/[^\x00-\x7f]/.test(label)) continue;
    // UTS #46 refuses a label it cannot map (''), and maps the full-width and ideographic
    // full stops (．。) to dots: `www．example` was meant as two labels.
    const ascii = domainToASCII(label);
    if (ascii === '' || ascii.split('.').some((l) => l.length === 0 || l.length > 63)) return undefined;
    labels[i] = ascii;
  }
  return labels.join('.');
}

/** zone-unicode-name on the name token `t`, whose name is `name` (presentation form). */
export function unicodeNameProblem(t: { readonly text: string; readonly offset: number; readonly length: number }, name: string, u: UnicodeName): Problem {
  const written = t.text.length > 80 ? t.text.slice(0, 79) + '…' : t.text;
  const how: ProblemArgs = u.escaped !== undefined ? { howDetail: 'idn-escaped', unicode: u.escaped } : { howDetail: 'idn-written' };
  const args: ProblemArgs = u.ascii !== undefined ? { written, ...how, name, detail: 'idn-ascii', ascii: u.ascii } : { written, ...how, name, detail: 'idn-none' };
  return { code: ZoneCodes.unicodeName.code, offset: t.offset, length: t.length, args };
}
