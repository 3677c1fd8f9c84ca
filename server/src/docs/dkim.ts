/**
 * What each DKIM key-record tag and keyword value means (RFC 6376 §3.6.1, RFC 8463
 * for Ed25519, RFC 8301 for SHA-1), in English and in plain Japanese.
 */
import type { Localized } from '../l10n';
import type { TagDoc } from './dmarc';

const KEY: TagDoc['ref'] = { rfc: 6376, section: '3.6.1' };

export const DkimTagDocs: Record<string, TagDoc> = {
  v: {
    name: { en: 'Version', ja: 'バージョン' },
    text: { en: '`DKIM1`; optional, but when written it must come first.', ja: '`DKIM1` と書きます。省略できますが、書く場合は先頭に置きます。' },
    ref: KEY,
  },
  h: {
    name: { en: 'Hash algorithms', ja: 'ハッシュ方式' },
    text: { en: 'Which hash algorithms signatures made with this key may use (`:`-separated); all when absent.', ja: 'この鍵の署名に使ってよいハッシュ方式を `:` 区切りで指定します。省略するとすべて許可されます。' },
    ref: KEY,
  },
  k: {
    name: { en: 'Key type', ja: '鍵の種類' },
    text: { en: 'The kind of public key in `p`; `rsa` when absent.', ja: '`p` に書いた公開鍵の種類です。省略すると `rsa` になります。' },
    ref: KEY,
  },
  n: {
    name: { en: 'Notes', ja: 'メモ' },
    text: { en: 'Free notes for people reading the record; receivers ignore them.', ja: 'レコードを読む人向けの自由なメモです。受信側は無視します。' },
    ref: KEY,
  },
  p: {
    name: { en: 'Public key', ja: '公開鍵' },
    text: {
      en: 'The public key (base64) receivers use to verify signatures from this selector. Empty means the key was revoked.',
      ja: '受信側がこのセレクターの署名を検証するための公開鍵（base64）です。空にすると鍵を無効化（失効）したことになります。',
    },
    ref: KEY,
  },
  s: {
    name: { en: 'Service types', ja: 'サービスの種類' },
    text: { en: 'What the key may be used for (`:`-separated); `*` (everything) when absent.', ja: 'この鍵を使ってよい用途を `:` 区切りで指定します。省略すると `*`（すべて）になります。' },
    ref: KEY,
  },
  t: {
    name: { en: 'Flags', ja: 'フラグ' },
    text: { en: 'Options for receivers (`:`-separated).', ja: '受信側への指示を `:` 区切りで指定します。' },
    ref: KEY,
  },
};

export const DkimValueDocs: Record<string, Record<string, Localized>> = {
  v: { DKIM1: { en: 'DKIM key record version 1, the only version.', ja: 'DKIM 鍵レコードのバージョン 1（唯一のバージョン）です。' } },
  k: {
    rsa: { en: 'An RSA key; use at least 2048 bits (RFC 8301 requires 1024 at the very least).', ja: 'RSA 鍵です。2048 ビット以上を使ってください（RFC 8301 では最低でも 1024 ビット）。' },
    ed25519: { en: 'An Ed25519 key (RFC 8463): short and strong, but not every receiver checks it yet; publish an RSA key beside it.', ja: 'Ed25519 鍵です（RFC 8463）。短く強力ですが、まだ検証しない受信側もあるため、RSA 鍵も併せて公開してください。' },
  },
  h: {
    sha256: { en: 'SHA-256: the algorithm to use.', ja: 'SHA-256: 使うべきハッシュ方式です。' },
    sha1: { en: 'SHA-1: obsolete, receivers must not accept it (RFC 8301).', ja: 'SHA-1: 古い方式で、受信側は受け入れてはいけないことになっています（RFC 8301）。' },
  },
  s: {
    email: { en: 'Email signing only.', ja: 'メールの署名にだけ使います。' },
    '*': { en: 'Any service (the default).', ja: 'すべての用途（既定値）。' },
  },
  t: {
    y: { en: 'Testing: receivers should not treat mail differently based on this key’s signatures.', ja: 'テスト中: 受信側はこの鍵による署名の結果でメールの扱いを変えないでください、という意味です。' },
    s: { en: 'Strict: the signature’s `i=` domain must be exactly the `d=` domain, not a subdomain.', ja: '厳密: 署名の `i=` のドメインが `d=` のドメインと完全に同じである必要があります（サブドメインは不可）。' },
  },
};
