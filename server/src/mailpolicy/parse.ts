/**
 * Parsers for MTA-STS (RFC 8461 §3.1), TLS-RPT (RFC 8460 §3) and BIMI (BIMI draft
 * §4.3) TXT records. All three are `;`-separated `name=value` lists opening with a
 * version; MTA-STS and TLS-RPT allow no spaces around `=` and are case-sensitive.
 */
import { parseTagList, type Tag, type TagList } from '../dkim/taglist';
import { BIMI, MTASTS, TLSRPT, type RecordKind } from './kinds';

export interface PolicyRecord {
  readonly kind: RecordKind;
  /** Whether the text begins with this kind's version: receivers keep only those. */
  readonly isRecord: boolean;
  readonly list: TagList;
  /** The first tag when it is `v`. */
  readonly version?: Tag;
  tag(name: string): Tag | undefined;
}

/** RFC 8461/8460 extension names: (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / "."). */
const EXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

export function parsePolicyRecord(kind: RecordKind, text: string): PolicyRecord {
  const list = parseTagList(text, kind.spacesAroundEquals ? {} : { nameChars: EXT_NAME });
  const first = list.tags[0];
  return {
    kind,
    isRecord: kind.start.test(text),
    list,
    version: first && first.name.toLowerCase() === 'v' && first.start === 0 ? first : undefined,
    tag: (name) => list.byName.get(name),
  };
}

export const parseMtaSts = (text: string): PolicyRecord => parsePolicyRecord(MTASTS, text);
export const parseTlsRpt = (text: string): PolicyRecord => parsePolicyRecord(TLSRPT, text);
export const parseBimi = (text: string): PolicyRecord => parsePolicyRecord(BIMI, text);
