/**
 * RDATA diagnostic codes (RFC 1035 §5.1 and each type's presentation-format RFC, as
 * BIND 9.18's `dns_rdata_fromtext` reads them). The variable part is a `Details` key.
 */
import { defineCode } from '../../diagnostics/types';

export const RdataCodes = {
  badRdata: defineCode('zone-bad-rdata', 'error', 'RFC 1035 §5.1; RFC 3597 §5', {
    en: 'Invalid {type} record data: {detail}',
    ja: '{type} レコードのデータが正しくありません: {detail}',
  }),
  // BIND rejects the zone (Knot only warns): an error, not a warning.
  txtStringTooLong: defineCode('zone-txt-string-too-long', 'error', 'RFC 1035 §3.3', {
    en: 'A character-string may hold at most 255 octets; this one has {length}. Split it into several quoted strings',
    ja: '1 つの文字列は 255 オクテットまでです（この文字列は {length} オクテット）。複数の引用符付き文字列に分けてください',
  }),
} as const;

/** Fragments for `{detail}`; their own `{placeholders}` are filled from the same args. */
export const RdataDetails: Record<string, { en: string; ja: string }> = {
  'rdata-missing': { en: '{field} is missing', ja: '{field} がありません' },
  'rdata-extra': { en: 'unexpected extra data', ja: '余分なデータがあります' },
  'rdata-int': {
    en: '{field} must be an integer from {min} to {max}',
    ja: '{field} は {min} から {max} までの整数でなければなりません',
  },
  'rdata-ttl': {
    en: '{field} must be a number of seconds (units such as 1h allowed) up to 4294967295',
    ja: '{field} は秒数（1h などの単位も可）で、4294967295 以下でなければなりません',
  },
  'rdata-ipv4': { en: '{field} is not an IPv4 address', ja: '{field} が IPv4 アドレスではありません' },
  'rdata-ipv6': { en: '{field} is not an IPv6 address', ja: '{field} が IPv6 アドレスではありません' },
  'rdata-name': { en: '{field} is not a valid domain name', ja: '{field} が正しいドメイン名ではありません' },
  'rdata-quoted': {
    en: '{field} must not be quoted',
    ja: '{field} は引用符で囲めません',
  },
  'rdata-base64': { en: '{field} is not valid base64', ja: '{field} が正しい base64 ではありません' },
  'rdata-base32': { en: '{field} is not valid base32hex', ja: '{field} が正しい base32hex ではありません' },
  'rdata-hex': { en: '{field} is not valid hexadecimal', ja: '{field} が正しい 16 進数ではありません' },
  'rdata-newline': {
    en: 'a quoted string cannot continue on the next line; write \\010 for a line break',
    ja: '引用符付き文字列を次の行へ続けることはできません。改行は \\010 と書いてください',
  },
  'rdata-escape': { en: 'bad escape sequence', ja: 'エスケープの書き方が誤っています' },
  'rdata-time': {
    en: '{field} must be YYYYMMDDHHmmSS or a number of seconds',
    ja: '{field} は YYYYMMDDHHmmSS 形式か秒数でなければなりません',
  },
  'rdata-type': { en: '{field}: unknown record type', ja: '{field}: 不明なレコードタイプです' },
  'rdata-value': { en: '{field} has an invalid value', ja: '{field} の値が正しくありません' },
  'rdata-too-long': { en: '{field} is too long', ja: '{field} が長すぎます' },
  'rdata-wire-too-long': {
    en: 'the data is longer than the 65535 octets a record can hold (RDLENGTH is 16 bits)',
    ja: 'データが、1つのレコードに入る 65535 オクテットを超えています（RDLENGTH は16ビット）',
  },
  'rdata-generic-length': {
    en: 'the \\# length says {expected} octets but the data has {actual}',
    ja: '\\# の長さは {expected} オクテットですが、データは {actual} オクテットです',
  },
  'rdata-generic-wire': {
    en: 'the \\# data is not a valid {type} record',
    ja: '\\# のデータが {type} レコードとして正しくありません',
  },
  'rdata-svc-key': { en: 'unknown or malformed SvcParam key', ja: 'SvcParam のキーが不明か誤っています' },
  'rdata-svc-duplicate': { en: 'duplicate SvcParam key', ja: 'SvcParam のキーが重複しています' },
  'rdata-svc-mandatory': {
    en: 'mandatory lists a key that is missing or invalid',
    ja: 'mandatory に、存在しないか不正なキーが含まれています',
  },
  'rdata-svc-alias': {
    en: 'an AliasMode record (priority 0) must not have SvcParams',
    ja: 'AliasMode（優先度0）のレコードには SvcParam を書けません',
  },
  'rdata-svc-value': { en: 'invalid SvcParam value', ja: 'SvcParam の値が正しくありません' },
  'rdata-unknown-type': {
    en: 'this type has no text form; write its data as \\# length hex (RFC 3597)',
    ja: 'このタイプには文字表現がありません。\\# 長さ 16進数 の形式で書いてください（RFC 3597）',
  },
};
