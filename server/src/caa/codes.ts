/**
 * CAA diagnostic codes (RFC 8659, RFC 9495): records BIND loads and certificate
 * authorities cannot read.
 */
import { defineCode } from '../diagnostics/types';

export const CaaCodes = {
  unknownTag: defineCode('caa-unknown-tag', 'warning', 'RFC 8659 §4.1', {
    en: "'{tag}' is not a CAA property: {detail}{hintDetail}",
    ja: "'{tag}' は CAA のプロパティではありません。{detail}{hintDetail}",
  }),
  badValue: defineCode('caa-bad-value', 'error', 'RFC 8659 §4.2–4.4', {
    en: 'CAA {tag} record: {detail}',
    ja: 'CAA の {tag} レコード: {detail}',
  }),
} as const;

/** Localised fragments for `{detail}` arguments, by key. */
export const CaaDetails: Record<string, { en: string; ja: string }> = {
  'caa-tag-ignored': {
    en: 'CAs ignore it, so it restricts nothing',
    ja: '認証局はこれを無視するため、何も制限しません',
  },
  'caa-tag-critical': {
    en: 'it is marked critical (flag 128), so CAs must refuse to issue any certificate for {owner}',
    ja: 'クリティカル（フラグ 128）が付いているため、認証局は {owner} の証明書をいっさい発行できません',
  },
  'caa-tag-hint': { en: " (did you mean '{suggest}'?)", ja: "（'{suggest}' の書き間違いではありませんか）" },
  'caa-tag-plain': { en: '', ja: '' },
  'caa-issuer-url': {
    en: "'{issuer}' is a URL; write the CA's domain name alone ('{replacement}'). A CA matches no URL, and reads this record as letting no CA issue",
    ja: "'{issuer}' は URL です。認証局のドメイン名だけ（'{replacement}'）を書いてください。URL はどの認証局とも一致せず、このレコードはどの認証局にも発行を認めないものとして扱われます",
  },
  'caa-issuer-dot': {
    en: "write the CA's domain name without a final dot ('{replacement}'). A CA does not match '{issuer}', and reads this record as letting no CA issue",
    ja: "認証局のドメイン名は末尾のドットなしで書いてください（'{replacement}'）。'{issuer}' はどの認証局とも一致せず、このレコードはどの認証局にも発行を認めないものとして扱われます",
  },
  'caa-issuer-syntax': {
    en: "'{issuer}' is not a domain name (letters, digits, hyphens and dots). A CA reads this record as letting no CA issue",
    ja: "'{issuer}' はドメイン名（英数字、ハイフン、ドット）ではありません。このレコードはどの認証局にも発行を認めないものとして扱われます",
  },
  'caa-issuer-several': {
    en: "'{issuer}' names more than one CA. A record names one CA, so CAs read this one as letting no CA issue: write one CAA record per CA",
    ja: "'{issuer}' は複数の認証局を書いています。一つのレコードに書ける認証局は一つなので、このレコードはどの認証局にも発行を認めないものとして扱われます。認証局ごとに CAA レコードを分けてください",
  },
  'caa-parameters': {
    en: "the part after ';' is not name=value parameters separated by ';' (no ';' at the end). A CA that follows RFC 8659 reads this record as letting no CA issue",
    ja: "';' の後が「名前=値」を ';' で区切った形になっていません（末尾に ';' は置けません）。RFC 8659 に従う認証局は、このレコードをどの認証局にも発行を認めないものとして扱います",
  },
  'caa-iodef-url': {
    en: "iodef takes a mailto:, http: or https: URL, so CAs cannot send reports to '{value}'{fixDetail}",
    ja: "iodef には mailto:、http:、https: の URL を書きます。'{value}' には認証局がレポートを送れません{fixDetail}",
  },
  'caa-iodef-mailto': { en: ": write 'mailto:{value}'", ja: "。'mailto:{value}' と書いてください" },
  'caa-iodef-plain': { en: '', ja: '' },
  'caa-flags': {
    en: 'flags {flags}: only 0 and 128 (critical) are defined, and the other bits must be 0; write 0 (or 128 for a critical property)',
    ja: 'フラグが {flags} です。定義されているのは 0 と 128（クリティカル）だけで、ほかのビットは 0 にする決まりです。0（クリティカルにするなら 128）と書いてください',
  },
};
