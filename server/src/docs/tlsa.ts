/**
 * What the fields of a TLSA record mean (RFC 6698 §2.1, the acronyms of RFC 7218, the SMTP
 * rules of RFC 7672), for hover, in English and Japanese for a reader who publishes the record
 * for a mail or web server and is not a DANE specialist.
 */
import type { Localized } from '../l10n';
import type { RfcRef } from './rfc';

export interface TlsaFieldDoc {
  readonly name: Localized;
  readonly ref: RfcRef;
  /** The meaning of each assigned value, by value. */
  readonly values: Readonly<Record<number, { readonly acronym: string; readonly text: Localized }>>;
}

export const TlsaFieldDocs: readonly TlsaFieldDoc[] = [
  {
    name: { en: 'Certificate usage', ja: '証明書の使用法' },
    ref: { rfc: 6698, section: '2.1.1' },
    values: {
      0: {
        acronym: 'PKIX-TA',
        text: {
          en: 'The server’s chain must lead to this CA and pass the usual checks against trusted CAs. Mail servers do not use it (RFC 7672 §3.1.3).',
          ja: 'サーバーの証明書チェーンがこの認証局につながり、通常の（信頼された認証局による）検証にも合格する必要があります。メールサーバー間では使われません（RFC 7672 §3.1.3）。',
        },
      },
      1: {
        acronym: 'PKIX-EE',
        text: {
          en: 'The server’s own certificate must match, and pass the usual checks against trusted CAs. Mail servers do not use it (RFC 7672 §3.1.3).',
          ja: 'サーバー自身の証明書が一致し、通常の（信頼された認証局による）検証にも合格する必要があります。メールサーバー間では使われません（RFC 7672 §3.1.3）。',
        },
      },
      2: {
        acronym: 'DANE-TA',
        text: {
          en: 'A CA of the server’s chain (one the server sends) must match; no list of trusted CAs is consulted. The record survives renewals by the same CA.',
          ja: 'サーバーが送る証明書チェーンの中の認証局が一致すれば合格です。信頼された認証局の一覧は見ません。同じ認証局で更新する限り、レコードを変えずに済みます。',
        },
      },
      3: {
        acronym: 'DANE-EE',
        text: {
          en: 'The server’s own certificate or key must match; names and expiry dates are not checked. The usual choice for a mail server, with selector 1. When renewing, keep the key (certbot --reuse-key) or publish the new key’s record first: otherwise mail servers that use DANE refuse to deliver after the renewal.',
          ja: 'サーバー自身の証明書か公開鍵が一致すれば合格です。名前や有効期限は確認しません。メールサーバーではセレクター 1 と組み合わせるのが一般的です。証明書を更新するときは同じ鍵を使う（certbot --reuse-key）か、新しい鍵のレコードを先に公開してから切り替えてください。そうしないと、DANE を使うメールサーバーは更新後に配送を拒否します。',
        },
      },
    },
  },
  {
    name: { en: 'Selector', ja: 'セレクター' },
    ref: { rfc: 6698, section: '2.1.2' },
    values: {
      0: {
        acronym: 'Cert',
        text: {
          en: 'The whole certificate is matched: the record must change at every renewal.',
          ja: '証明書全体を照合します。証明書を更新するたびにレコードも変える必要があります。',
        },
      },
      1: {
        acronym: 'SPKI',
        text: {
          en: 'Only the public key (SubjectPublicKeyInfo) is matched: the record stays valid across renewals that keep the key.',
          ja: '公開鍵（SubjectPublicKeyInfo）だけを照合します。同じ鍵のまま証明書を更新する限り、レコードはそのまま使えます。',
        },
      },
    },
  },
  {
    name: { en: 'Matching type', ja: 'マッチングタイプ' },
    ref: { rfc: 6698, section: '2.1.3' },
    values: {
      0: { acronym: 'Full', text: { en: 'The data is the certificate or key itself, in hex.', ja: 'データは証明書または公開鍵そのもの（16 進数）です。' } },
      1: { acronym: 'SHA2-256', text: { en: 'The data is its SHA-256 digest: 32 octets, 64 hex digits.', ja: 'データはその SHA-256 ダイジェストです（32 オクテット、16 進数 64 桁）。' } },
      2: { acronym: 'SHA2-512', text: { en: 'The data is its SHA-512 digest: 64 octets, 128 hex digits.', ja: 'データはその SHA-512 ダイジェストです（64 オクテット、16 進数 128 桁）。' } },
    },
  },
];

/** Well-known TLS services by port, for the owner's hover. */
export const TlsaServices: Readonly<Record<number, string>> = {
  25: 'SMTP',
  443: 'HTTPS',
  465: 'SMTPS',
  587: 'Submission',
  853: 'DNS over TLS',
  993: 'IMAPS',
  995: 'POP3S',
};

export const TlsaTexts = {
  unassigned: { en: '{value} is not assigned: clients treat the record as unusable.', ja: '{value} は割り当てられていない値です。クライアントはこのレコードを使えないものとして扱います。' },
  data: { en: 'Certificate association data', ja: '証明書の関連付けデータ' },
  dataText: {
    en: 'Matched against the {what} the server presents: {octets} octets written here.',
    ja: 'サーバーが示す{what}と照合します。ここには {octets} オクテット書かれています。',
  },
  digestOf: { en: '{hash} digest of the {part}', ja: '{part}の {hash} ダイジェスト' },
  certificate: { en: 'certificate', ja: '証明書' },
  key: { en: 'public key', ja: '公開鍵' },
  owner: {
    en: 'TLSA records for port {port}/{protocol} of {host}{service}',
    ja: '{host} のポート {port}/{protocol}{service}の TLSA レコード',
  },
} satisfies Record<string, Localized>;
