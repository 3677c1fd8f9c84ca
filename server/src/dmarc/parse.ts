/**
 * The DMARC policy record (RFC 9989 §4.7, formal definition in the section after
 * it; RFC 7489 §6.3–6.4 for the tags RFC 9989 removed): a DKIM-style tag list whose
 * first tag is `v=DMARC1`. Tag names and keyword values follow ABNF quoted strings,
 * so they are case-insensitive; only `DMARC1` is case-sensitive.
 */
import { parseTagList, splitValue, type Tag, type TagList } from '../dkim/taglist';

export interface DmarcRecord {
  /** True when receivers take the text as a DMARC record: it begins with `v=DMARC1`. */
  readonly isDmarc: boolean;
  readonly list: TagList;
  /** The first tag when it is `v`, whatever its value. */
  readonly version?: Tag;
  /** A tag by lower-case name (its first occurrence). */
  tag(name: string): Tag | undefined;
}

const DMARC_START = /^v[ \t]*=[ \t]*DMARC1[ \t]*(;|$)/i;

/** Whether receivers treat this TXT text as a DMARC record (RFC 9989 §4.10 step 2). */
export function isDmarcText(text: string): boolean {
  const m = DMARC_START.exec(text);
  // `v` may be either case (ABNF "v"), the value must be exactly DMARC1.
  return m !== null && m[0].includes('DMARC1');
}

/** A text that was meant to be DMARC, even if written wrongly (for syntax reports). */
export function looksLikeDmarc(text: string): boolean {
  return /v[ \t]*=[ \t]*dmarc/i.test(text);
}

export function parseDmarc(text: string): DmarcRecord {
  const list = parseTagList(text, { nameChars: /^[A-Za-z]+$/, foldCase: true });
  const first = list.tags[0];
  const version = first && first.name.toLowerCase() === 'v' && first.start === firstNonSpace(text) ? first : undefined;
  return {
    isDmarc: isDmarcText(text),
    list,
    version,
    tag: (name) => list.byName.get(name),
  };
}

function firstNonSpace(text: string): number {
  const m = /[^ \t\r\n]/.exec(text);
  return m ? m.index : text.length;
}

/**
 * Where a value runs into the next tag because a `;` is missing (`p=reject rua=…`):
 * the octet range from the whitespace to the next tag's `=`, or undefined.
 */
export function runOn(tag: Tag): { from: number; to: number } | undefined {
  const m = /[ \t]+[A-Za-z]+[ \t]*=/.exec(tag.value);
  return m ? { from: tag.valueStart + m.index, to: tag.valueStart + m.index + m[0].length } : undefined;
}

/** The policy keywords of p=, sp=, np=. */
export type Policy = 'none' | 'quarantine' | 'reject';

export function policyOf(tag: Tag | undefined): Policy | undefined {
  const v = tag?.value.toLowerCase();
  return v === 'none' || v === 'quarantine' || v === 'reject' ? v : undefined;
}

/** What a value must look like, per tag; `detail` names the fragment that says so. */
export interface ValueRule {
  readonly valid: (value: string) => boolean;
  readonly detail: string;
}

const oneOf = (...words: string[]) => (v: string) => words.includes(v.toLowerCase());
const colonListOf = (...words: string[]) => (v: string) =>
  v.split(':').every((item) => words.includes(item.trim().toLowerCase()));

/** The tags RFC 9989 defines, with their value syntax (URI lists are checked apart). */
export const DMARC_TAGS: ReadonlyMap<string, ValueRule | 'uri-list' | 'version'> = new Map<
  string,
  ValueRule | 'uri-list' | 'version'
>([
  ['v', 'version'],
  ['p', { valid: oneOf('none', 'quarantine', 'reject'), detail: 'dmarc-value-policy-ignored' }],
  ['sp', { valid: oneOf('none', 'quarantine', 'reject'), detail: 'dmarc-value-policy-ignored' }],
  ['np', { valid: oneOf('none', 'quarantine', 'reject'), detail: 'dmarc-value-policy' }],
  ['adkim', { valid: oneOf('r', 's'), detail: 'dmarc-value-alignment' }],
  ['aspf', { valid: oneOf('r', 's'), detail: 'dmarc-value-alignment' }],
  ['fo', { valid: colonListOf('0', '1', 'd', 's'), detail: 'dmarc-value-fo' }],
  ['t', { valid: oneOf('y', 'n'), detail: 'dmarc-value-yn' }],
  ['psd', { valid: oneOf('y', 'n', 'u'), detail: 'dmarc-value-psd' }],
  ['rua', 'uri-list'],
  ['ruf', 'uri-list'],
]);

/** RFC 7489 tags that RFC 9989 removed: still read by older receivers, so still checked. */
export const DMARC_REMOVED_TAGS: ReadonlyMap<string, ValueRule> = new Map([
  ['pct', { valid: (v: string) => /^[0-9]{1,3}$/.test(v) && Number(v) <= 100, detail: 'dmarc-value-pct' }],
  ['rf', { valid: colonListOf('afrf'), detail: 'dmarc-value-rf' }],
  ['ri', { valid: (v: string) => /^[0-9]{1,10}$/.test(v) && Number(v) <= 0xffffffff, detail: 'dmarc-value-ri' }],
]);

export type ReportUriProblem = 'empty' | 'malformed' | 'scheme' | 'mailto';

/** One entry of rua= or ruf=, with its octet range in the record. */
export interface ReportUri {
  readonly tag: string;
  readonly uri: string;
  readonly from: number;
  readonly to: number;
  /** The mail domain of a valid mailto: URI, lower-case, no trailing dot. */
  readonly host?: string;
  readonly problem?: ReportUriProblem;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;

/** Splits rua=/ruf= into URIs and judges each (RFC 9989 §4.7 dmarc-uri, RFC 6068 mailto). */
export function reportUris(tag: Tag): ReportUri[] {
  return splitValue(tag, ',').map(({ item, from, to }) => {
    const base = { tag: tag.name.toLowerCase(), uri: item, from, to };
    if (item === '') return { ...base, problem: 'empty' as const };
    // RFC 7489's size limit suffix (`!10m`): RFC 9989 receivers ignore it.
    const uri = item.replace(/![0-9]+[kmgt]?$/i, '');
    if (!SCHEME.test(uri) || /[\s!<>"]/.test(uri)) return { ...base, problem: 'malformed' as const };
    if (!/^mailto:/i.test(uri)) return { ...base, problem: 'scheme' as const };
    const host = mailtoHost(uri);
    return host === undefined ? { ...base, problem: 'mailto' as const } : { ...base, host };
  });
}

/** The domain of a `mailto:name@domain` URI (RFC 6068), lower-case without a final dot; undefined if malformed. */
export function mailtoHost(uri: string): string | undefined {
  const address = decodePercent(uri.slice(uri.indexOf(':') + 1).replace(/\?.*$/, ''));
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const host = address.slice(at + 1);
  if (at <= 0 || !LOCAL.test(local) || !HOST.test(host)) return undefined;
  return host.toLowerCase().replace(/\.$/, '');
}

function decodePercent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
