/**
 * Zone-file documentation beside the RR-type table (l10n/rrtypes.ts): each type's
 * RDATA fields in the order they are written, and the SOA fields (RFC 1035 §3.3.13,
 * RFC 1912 §2.2 for the serial's date format, RFC 2308 §4 for the negative TTL).
 */
import type { Localized } from '../l10n';
import type { RfcRef } from './rfc';

/** RDATA fields in presentation order, by the names the RFCs give them. */
export const RdataFieldOrder: Record<string, readonly string[]> = {
  A: ['address'],
  AAAA: ['address'],
  NS: ['nsdname'],
  CNAME: ['cname'],
  SOA: ['mname', 'rname', 'serial', 'refresh', 'retry', 'expire', 'minimum'],
  PTR: ['ptrdname'],
  MX: ['preference', 'exchange'],
  TXT: ['txt-data…'],
  SPF: ['txt-data…'],
  SRV: ['priority', 'weight', 'port', 'target'],
  CAA: ['flags', 'tag', 'value'],
  DNAME: ['target'],
  DS: ['key-tag', 'algorithm', 'digest-type', 'digest'],
  DNSKEY: ['flags', 'protocol', 'algorithm', 'public-key'],
  RRSIG: ['type-covered', 'algorithm', 'labels', 'original-ttl', 'expiration', 'inception', 'key-tag', 'signer', 'signature'],
  NSEC: ['next-domain', 'type-bit-maps'],
  NSEC3: ['hash-algorithm', 'flags', 'iterations', 'salt', 'next-hashed-owner', 'type-bit-maps'],
  NSEC3PARAM: ['hash-algorithm', 'flags', 'iterations', 'salt'],
  CDS: ['key-tag', 'algorithm', 'digest-type', 'digest'],
  CDNSKEY: ['flags', 'protocol', 'algorithm', 'public-key'],
  TLSA: ['usage', 'selector', 'matching-type', 'certificate-data'],
  SSHFP: ['algorithm', 'fp-type', 'fingerprint'],
  HTTPS: ['priority', 'target', 'params…'],
  SVCB: ['priority', 'target', 'params…'],
  NAPTR: ['order', 'preference', 'flags', 'services', 'regexp', 'replacement'],
  HINFO: ['cpu', 'os'],
  LOC: ['latitude', 'longitude', 'altitude', 'size', 'horiz-pre', 'vert-pre'],
  OPENPGPKEY: ['public-key'],
  URI: ['priority', 'weight', 'target'],
  ZONEMD: ['serial', 'scheme', 'hash-algorithm', 'digest'],
  RP: ['mbox', 'txt-dname'],
};

export type SoaField = 'mname' | 'rname' | 'serial' | 'refresh' | 'retry' | 'expire' | 'minimum';

export const SOA_FIELDS: readonly SoaField[] = ['mname', 'rname', 'serial', 'refresh', 'retry', 'expire', 'minimum'];

export interface SoaFieldDoc {
  readonly name: Localized;
  readonly text: Localized;
  readonly ref: RfcRef;
}

const SOA: RfcRef = { rfc: 1035, section: '3.3.13' };

export const SoaFieldDocs: Record<SoaField, SoaFieldDoc> = {
  mname: {
    name: { en: 'Primary server', ja: 'プライマリサーバー' },
    text: { en: 'The name of the zone’s primary name server, where changes are made.', ja: 'このゾーンの元データを持つプライマリ（マスター）ネームサーバーの名前です。' },
    ref: SOA,
  },
  rname: {
    name: { en: 'Contact mailbox', ja: '管理者のメールアドレス' },
    text: { en: 'The administrator’s mail address, with the `@` written as a dot: `hostmaster.example.com.` is `hostmaster@example.com`.', ja: '管理者のメールアドレスです。`@` をドットに置き換えて書きます（`hostmaster.example.com.` は `hostmaster@example.com`）。' },
    ref: SOA,
  },
  serial: {
    name: { en: 'Serial number', ja: 'シリアル番号' },
    text: {
      en: 'The zone’s version: secondaries copy the zone only when it grows, so raise it on every change. A common format is the date and a counter, `YYYYMMDDnn` (RFC 1912 §2.2).',
      ja: 'ゾーンの版番号です。セカンダリサーバーはこの数が増えたときだけゾーンをコピーするので、変更のたびに増やしてください。日付と通し番号を並べた `YYYYMMDDnn` 形式がよく使われます（RFC 1912 §2.2）。',
    },
    ref: SOA,
  },
  refresh: {
    name: { en: 'Refresh', ja: '更新間隔（refresh）' },
    text: { en: 'How often secondaries ask the primary whether the serial has changed.', ja: 'セカンダリサーバーが、シリアル番号が変わったかをプライマリに確認する間隔です。' },
    ref: SOA,
  },
  retry: {
    name: { en: 'Retry', ja: '再試行間隔（retry）' },
    text: { en: 'How long a secondary waits before asking again when the primary did not answer.', ja: 'プライマリから応答がなかったとき、セカンダリサーバーが再び確認するまでの待ち時間です。' },
    ref: SOA,
  },
  expire: {
    name: { en: 'Expire', ja: '有効期限（expire）' },
    text: { en: 'How long a secondary keeps answering with its copy when it cannot reach the primary; after that it stops answering for the zone.', ja: 'プライマリに接続できない状態が続いたとき、セカンダリサーバーが手元のコピーで応答を続ける期間です。これを過ぎるとこのゾーンへの応答をやめます。' },
    ref: SOA,
  },
  minimum: {
    name: { en: 'Negative-caching TTL', ja: '不在応答のキャッシュ時間（minimum）' },
    text: { en: 'How long resolvers may remember that a name or record does not exist (RFC 2308 §4).', ja: '「その名前やレコードは存在しない」という応答を、リゾルバーが覚えておいてよい時間です（RFC 2308 §4）。' },
    ref: { rfc: 2308, section: '4' },
  },
};
