/**
 * DANE diagnostic codes (RFC 6698, RFC 7671, RFC 7672 for SMTP): TLSA records BIND loads
 * and a TLS client cannot use.
 */
import { defineCode } from '../diagnostics/types';

export const DaneCodes = {
  badData: defineCode('tlsa-bad-data', 'error', 'RFC 6698 §2.1.4; RFC 7671 §5', {
    en: 'TLSA record: {detail}',
    ja: 'TLSA レコード: {detail}',
  }),
  unusable: defineCode('tlsa-unusable', 'warning', 'RFC 6698 §2.1; RFC 7672 §3.1.3', {
    en: 'TLSA record: {detail}',
    ja: 'TLSA レコード: {detail}',
  }),
  misplaced: defineCode('tlsa-misplaced', 'warning', 'RFC 6698 §3', {
    en: 'This TLSA record is at {name}, where clients never look: TLSA records go at _port._protocol.host (_25._tcp.mail.example.jp for the mail server mail.example.jp)',
    ja: 'この TLSA レコードは {name} にありますが、クライアントはそこを見ません。TLSA レコードは _ポート._プロトコル.ホスト名（メールサーバー mail.example.jp なら _25._tcp.mail.example.jp）に置きます',
  }),
  notMxHost: defineCode('tlsa-not-mx-host', 'warning', 'RFC 7672 §2.2.3', {
    en: 'Mail for {domain} goes to its MX host ({hosts}), and sending servers look for TLSA records at _25._tcp.<MX host>, never at this name: this record is read by no one, so DANE is not in force{detail}',
    ja: '{domain} 宛てのメールは MX ホスト（{hosts}）に届きます。送信側のメールサーバーが TLSA レコードを探すのは _25._tcp.<MX ホスト> で、この名前は見ません。このレコードは誰にも読まれず、DANE は有効になっていません{detail}',
  }),
} as const;

/** Localised fragments for `{detail}` arguments, by key. */
export const DaneDetails: Record<string, { en: string; ja: string }> = {
  'tlsa-digest-length': {
    en: 'matching type {matching} ({hash}) needs a digest of {want} octets ({digits} hex digits), and this one has {got}: it matches no certificate, and a client that uses DANE refuses the connection (mail waits, then bounces)',
    ja: 'マッチングタイプ {matching}（{hash}）には {want} オクテット（16 進数 {digits} 桁）のダイジェストが必要ですが、これは {got} オクテットです。どの証明書とも一致せず、DANE を使うクライアントは接続を拒否します（メールは配送が保留され、やがて返送されます）',
  },
  'tlsa-full-cert': {
    en: 'selector 0 with matching type 0 needs the whole certificate (DER, in hex), and this data is not one: it matches no certificate, and a client that uses DANE refuses the connection',
    ja: 'セレクター 0、マッチングタイプ 0 には証明書そのもの（DER を 16 進数で）が必要ですが、このデータは証明書ではありません。どの証明書とも一致せず、DANE を使うクライアントは接続を拒否します',
  },
  'tlsa-full-spki': {
    en: 'selector 1 with matching type 0 needs the whole public key (SubjectPublicKeyInfo, DER, in hex), and this data is not one: it matches no certificate, and a client that uses DANE refuses the connection',
    ja: 'セレクター 1、マッチングタイプ 0 には公開鍵そのもの（SubjectPublicKeyInfo の DER を 16 進数で）が必要ですが、このデータは公開鍵ではありません。どの証明書とも一致せず、DANE を使うクライアントは接続を拒否します',
  },
  'tlsa-unassigned': {
    en: '{field} {value} is not assigned (usage 0–3, selector 0–1, matching type 0–2), so clients treat the record as unusable',
    ja: '{field} の {value} は割り当てられていない値です（使用法 0〜3、セレクター 0〜1、マッチングタイプ 0〜2）。クライアントはこのレコードを使えないものとして扱います',
  },
  'tlsa-smtp-pkix': {
    en: 'usage {value} ({name}) is not used between mail servers, which treat the record as unusable: write 3 (DANE-EE) or 2 (DANE-TA)',
    ja: '使用法 {value}（{name}）はメールサーバー間では使われず、このレコードは使えないものとして扱われます。3（DANE-EE）か 2（DANE-TA）を使ってください',
  },
  'tlsa-mx-inside': { en: ': put it at _25._tcp.{first}', ja: '。_25._tcp.{first} に置いてください' },
  'tlsa-mx-several': {
    en: ': put it at _25._tcp. of each MX host ({hosts}) that presents this certificate',
    ja: '。この証明書を使う MX ホスト（{hosts}）それぞれの _25._tcp. の下に置いてください',
  },
  'tlsa-mx-outside': {
    en: '. The MX host is run by someone else, and its TLSA records are theirs to publish',
    ja: '。MX ホストは別の事業者が運用しているもので、その TLSA レコードを公開するのはその事業者です',
  },
};
