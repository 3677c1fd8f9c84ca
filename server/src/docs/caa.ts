/**
 * What the parts of a CAA record mean (RFC 8659; RFC 9495 for issuemail; the CA/Browser
 * Forum's requirements for issuevmc and the contact properties), for hover, in English and
 * Japanese for a reader who is not a certificate specialist.
 */
import type { Localized } from '../l10n';
import type { RfcRef } from './rfc';

export interface CaaTagDoc {
  readonly text: Localized;
  /** The RFC that defines it, when one does. */
  readonly ref?: RfcRef;
}

export const CaaTagDocs: Record<string, CaaTagDoc> = {
  issue: {
    text: {
      en: 'Names a certificate authority, by its domain (`letsencrypt.org`, `pki.goog`), that may issue certificates for this name and the names below it. Once a name has an issue record, every CA it does not name must refuse; `;` alone lets no CA issue.',
      ja: 'この名前とその下の名前の証明書を発行してよい認証局を、認証局のドメイン名（`letsencrypt.org`、`pki.goog` など）で指定します。issue レコードが一つでもあると、書かれていない認証局は発行を断ります。`;` だけなら、どの認証局にも発行を認めません。',
    },
    ref: { rfc: 8659, section: '4.2' },
  },
  issuewild: {
    text: {
      en: 'Like issue, for wildcard certificates (`*.example.jp`) only: where a name has issuewild records, they decide for wildcard certificates instead of its issue records.',
      ja: 'issue と同じ働きを、ワイルドカード証明書（`*.example.jp`）についてだけ持ちます。issuewild があると、ワイルドカード証明書には issue の代わりにこちらが使われます。',
    },
    ref: { rfc: 8659, section: '4.3' },
  },
  iodef: {
    text: {
      en: 'Where a certificate authority may report a request it refused because of these records: a `mailto:`, `http:` or `https:` URL.',
      ja: 'これらのレコードを理由に断った発行申請を、認証局が報告する先です。`mailto:`、`http:`、`https:` の URL を書きます。',
    },
    ref: { rfc: 8659, section: '4.4' },
  },
  issuemail: {
    text: {
      en: 'Names a certificate authority that may issue S/MIME (email) certificates for addresses at this domain.',
      ja: 'このドメインのメールアドレス用の S/MIME（メール）証明書を発行してよい認証局を指定します。',
    },
    ref: { rfc: 9495 },
  },
  issuevmc: {
    text: {
      en: 'Names a certificate authority that may issue Verified Mark Certificates (the logo certificates of BIMI) for this name.',
      ja: 'この名前の VMC（BIMI のロゴ用の証明書）を発行してよい認証局を指定します。',
    },
  },
  contactemail: {
    text: {
      en: 'An email address a certificate authority may write to when it checks that a certificate request comes from the domain’s owner.',
      ja: '証明書の申請者がドメインの持ち主であるかを確認するとき、認証局が連絡してよいメールアドレスです。',
    },
  },
  contactphone: {
    text: {
      en: 'A telephone number a certificate authority may call when it checks that a certificate request comes from the domain’s owner.',
      ja: '証明書の申請者がドメインの持ち主であるかを確認するとき、認証局が連絡してよい電話番号です。',
    },
  },
};

export const CaaTexts = {
  property: { en: 'CAA property', ja: 'CAA のプロパティ' },
  unknown: {
    en: 'Not a property certificate authorities know: they ignore it (or, marked critical with flag 128, refuse to issue at all).',
    ja: '認証局が知らないプロパティです。認証局はこれを無視します（フラグ 128 でクリティカルにしてあると、発行そのものを断ります）。',
  },
  flags: { en: 'CAA flags', ja: 'CAA のフラグ' },
  flagsText: {
    en: '`0`, or `128` (Issuer Critical): a certificate authority that does not know the property must then refuse to issue any certificate. The other bits are reserved and must be 0.',
    ja: '`0` か `128`（クリティカル）を書きます。128 にすると、そのプロパティを知らない認証局は証明書をいっさい発行できません。ほかのビットは予約済みで、0 にする決まりです。',
  },
  authority: { en: 'Certificate authority: {ca}', ja: '認証局: {ca}' },
  none: { en: 'No certificate authority: this record lets none issue.', ja: '認証局なし: このレコードはどの認証局にも発行を認めません。' },
  parameters: { en: 'Parameters', ja: 'パラメーター' },
} satisfies Record<string, Localized>;
