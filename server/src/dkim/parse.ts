/**
 * The DKIM key record (RFC 6376 §3.6.1): a tag list with v (first, `DKIM1`), h
 * (hash algorithms), k (key type), n (notes), p (base64 public key, required,
 * empty when revoked), s (service types) and t (flags). Tag names are
 * case-sensitive; keyword values are compared case-insensitively.
 */
import { parseTagList, splitValue, type Tag, type TagList } from './taglist';

export interface DkimKeyRecord {
  readonly list: TagList;
  /** The `v` tag when it is the first tag. */
  readonly version?: Tag;
  /** The key type: `k=` lower-cased, `rsa` by default. */
  readonly keyType: string;
  /** The public key's base64 with the whitespace RFC 6376 allows inside removed. */
  readonly publicKey?: string;
  tag(name: string): Tag | undefined;
}

export const DKIM_KEY_TAGS: readonly string[] = ['v', 'h', 'k', 'n', 'p', 's', 't'];

export function parseDkimKey(text: string): DkimKeyRecord {
  const list = parseTagList(text);
  const first = list.tags[0];
  const p = list.byName.get('p');
  return {
    list,
    version: first && first.name === 'v' && list.errors.every((e) => e.from > first.start) ? first : undefined,
    keyType: (list.byName.get('k')?.value ?? 'rsa').toLowerCase(),
    publicKey: p ? p.value.replace(/[ \t\r\n]+/g, '') : undefined,
    tag: (name) => list.byName.get(name),
  };
}

/** The entries of a colon-separated list tag (h, s, t), with their octet ranges. */
export function listItems(tag: Tag | undefined): { item: string; from: number; to: number }[] {
  return tag ? splitValue(tag, ':') : [];
}

/**
 * Whether the s= list keeps the key away from mail: it lists neither `email` nor `*`
 * (RFC 6376 §3.6.1: verifiers "MUST ignore this record if the appropriate type is not listed").
 */
export function servesNoMail(key: DkimKeyRecord): boolean {
  const s = key.tag('s');
  const services = listItems(s).map((i) => i.item.toLowerCase());
  return s !== undefined && !services.includes('*') && !services.includes('email');
}

/**
 * Why verifiers never use this record to check mail, if they do not: a first `v=` other than
 * `DKIM1` (§3.6.1: such records "MUST be discarded"), or an s= list without email.
 */
export function ignoredForMail(key: DkimKeyRecord): 'version' | 'service' | undefined {
  if (key.version !== undefined && key.version.value !== 'DKIM1') return 'version';
  return servesNoMail(key) ? 'service' : undefined;
}

/** Where a text is a DKIM key record: `<selector>._domainkey.<domain>`. */
export function dkimSelector(labels: readonly string[]): { selector: string; at: number } | undefined {
  const at = labels.indexOf('_domainkey');
  if (at < 1) return undefined;
  return { selector: labels.slice(0, at).join('.'), at };
}
