/**
 * Diagnostic codes for the mail-policy records that sit next to DMARC and DKIM:
 * MTA-STS (RFC 8461 §3.1), SMTP TLS Reporting (RFC 8460 §3) and BIMI
 * (draft-brand-indicators-for-message-identification-10 §4.3).
 */
import { defineCode } from '../diagnostics/types';

const BIMI = 'draft-brand-indicators-for-message-identification-10 §4.3';

export const MailPolicyCodes = {
  mtastsSyntax: defineCode('mtasts-syntax', 'error', 'RFC 8461 §3.1', {
    en: 'MTA-STS record syntax error: {detail}. Senders then act as if the domain had no MTA-STS policy',
    ja: 'MTA-STS レコードの書き方の誤り: {detail}。送信側はこのドメインに MTA-STS ポリシーがないものとして扱います',
  }),
  mtastsMissingId: defineCode('mtasts-missing-id', 'error', 'RFC 8461 §3.1', {
    en: 'The MTA-STS record has no id= field: senders ignore it. Add id= with a value you change whenever the policy file changes',
    ja: 'MTA-STS レコードに id= がないため、送信側に無視されます。ポリシーファイルを変えるたびに変える値を id= に書いてください',
  }),
  mtastsInvalidId: defineCode('mtasts-invalid-id', 'error', 'RFC 8461 §3.1', {
    en: 'id={value} is not valid: use 1 to 32 letters and digits only (a date such as 20260101T000000 with the T is fine, dashes and dots are not)',
    ja: 'id={value} は正しくありません。英字と数字だけを 1〜32 文字で書いてください（20260101T000000 のような日付は可、ハイフンやドットは不可）',
  }),
  mtastsMultipleRecords: defineCode('mtasts-multiple-records', 'error', 'RFC 8461 §3.1', {
    en: '{name} has {count} MTA-STS records: senders then act as if there were none',
    ja: '{name} に MTA-STS レコードが {count} 個あります。この場合、送信側はレコードがないものとして扱います',
  }),
  mtastsMisplaced: defineCode('mtasts-misplaced', 'warning', 'RFC 8461 §3.1', {
    en: 'This MTA-STS record is at {name}, where senders never look: put it at {expected}',
    ja: 'この MTA-STS レコードは {name} にありますが、送信側はそこを見ません。{expected} に置いてください',
  }),
  mtastsNoPolicyHost: defineCode('mtasts-no-policy-host', 'warning', 'RFC 8461 §3.2', {
    en: 'Senders fetch the MTA-STS policy from https://{host}/.well-known/mta-sts.txt, but this zone has no address record for {host}',
    ja: '送信側は MTA-STS のポリシーを https://{host}/.well-known/mta-sts.txt から取得しますが、このゾーンには {host} のアドレスレコードがありません',
  }),
  tlsrptSyntax: defineCode('tlsrpt-syntax', 'error', 'RFC 8460 §3', {
    en: 'TLS-RPT record syntax error: {detail}. Senders will not send TLS reports',
    ja: 'TLS-RPT レコードの書き方の誤り: {detail}。送信側は TLS レポートを送りません',
  }),
  tlsrptMissingRua: defineCode('tlsrpt-missing-rua', 'error', 'RFC 8460 §3', {
    en: 'The TLS-RPT record has no rua= field, so reports have nowhere to go',
    ja: 'TLS-RPT レコードに rua= がないため、レポートの送り先がありません',
  }),
  tlsrptInvalidUri: defineCode('tlsrpt-invalid-uri', 'error', 'RFC 8460 §3', {
    en: 'Report destination "{uri}" cannot be used: {detail}',
    ja: 'レポートの送付先「{uri}」は使えません: {detail}',
  }),
  tlsrptMultipleRecords: defineCode('tlsrpt-multiple-records', 'error', 'RFC 8460 §3', {
    en: '{name} has {count} TLS-RPT records: senders then send no reports at all',
    ja: '{name} に TLS-RPT レコードが {count} 個あります。この場合、送信側はレポートをまったく送りません',
  }),
  tlsrptMisplaced: defineCode('tlsrpt-misplaced', 'warning', 'RFC 8460 §3', {
    en: 'This TLS-RPT record is at {name}, where senders never look: put it at {expected}',
    ja: 'この TLS-RPT レコードは {name} にありますが、送信側はそこを見ません。{expected} に置いてください',
  }),
  bimiSyntax: defineCode('bimi-syntax', 'error', BIMI, {
    en: 'BIMI record syntax error: {detail}. Mailbox providers ignore the record',
    ja: 'BIMI レコードの書き方の誤り: {detail}。メールサービス側はこのレコードを無視します',
  }),
  bimiMissingLocation: defineCode('bimi-missing-location', 'error', BIMI, {
    en: 'The BIMI record has no l= tag (the logo location). Write l=https://… or, to decline, an empty l=',
    ja: 'BIMI レコードに l= タグ（ロゴの場所）がありません。l=https://… を書くか、掲載しない場合は空の l= を書いてください',
  }),
  bimiInvalidUri: defineCode('bimi-invalid-uri', 'error', BIMI, {
    en: '{tag}= "{uri}" cannot be used: {detail}',
    ja: '{tag}= の「{uri}」は使えません: {detail}',
  }),
  bimiInvalidValue: defineCode('bimi-invalid-value', 'error', BIMI, {
    en: 'Invalid value "{value}" for {tag}=: use {allowed}',
    ja: '{tag}= の値「{value}」は正しくありません。{allowed} を使ってください',
  }),
  bimiUnknownTag: defineCode('bimi-unknown-tag', 'warning', BIMI, {
    en: 'Unknown BIMI tag "{tag}": mailbox providers ignore it',
    ja: '「{tag}」は BIMI のタグではありません。メールサービス側は無視します',
  }),
  bimiMultipleRecords: defineCode('bimi-multiple-records', 'error', BIMI, {
    en: '{name} has {count} BIMI records: mailbox providers cannot tell which logo to show and use none',
    ja: '{name} に BIMI レコードが {count} 個あります。どのロゴを表示すべきか決められないため、どれも使われません',
  }),
  bimiMisplaced: defineCode('bimi-misplaced', 'warning', BIMI, {
    en: 'This BIMI record is at {name}, where mailbox providers never look: put it at {expected}',
    ja: 'この BIMI レコードは {name} にありますが、メールサービス側はそこを見ません。{expected} に置いてください',
  }),
  bimiDmarcNotEnforced: defineCode('bimi-dmarc-not-enforced', 'warning', 'draft-brand-indicators-for-message-identification-10 §1', {
    en: 'The logo will not be shown: BIMI needs a DMARC policy of quarantine (applied to all mail) or reject, but {detail}',
    ja: 'ロゴは表示されません。BIMI には DMARC のポリシーが quarantine（すべてのメールに適用）か reject である必要がありますが、{detail}',
  }),
} as const;

/** Localised fragments for `{detail}` arguments, by key. */
export const MailPolicyDetails: Record<string, { en: string; ja: string }> = {
  'mailpolicy-not-version': {
    en: 'the record must begin with exactly "{version}"',
    ja: 'レコードは正確に「{version}」で始める必要があります',
  },
  'mailpolicy-version-separator': {
    en: 'a ";" is missing after "{version}"',
    ja: '「{version}」の後に「;」がありません',
  },
  'mailpolicy-empty-tag': { en: 'an empty entry between semicolons', ja: 'セミコロンの間が空になっています' },
  'mailpolicy-missing-equals': {
    en: '"{text}" is not a name=value pair (a missing "=" or ";"?)',
    ja: '「{text}」は「名前=値」の形になっていません（「=」か「;」が抜けていませんか）',
  },
  'mailpolicy-bad-name': { en: '"{text}" is not a valid field name', ja: '「{text}」は項目名として使えません' },
  'mailpolicy-bad-char': {
    en: 'a character not allowed in the value of {tag}=',
    ja: '{tag}= の値に使えない文字が含まれています',
  },
  'mailpolicy-duplicate': { en: '{tag}= appears more than once', ja: '{tag}= が二回以上書かれています' },
  'mailpolicy-space-equals': {
    en: 'no spaces are allowed around "=" in {tag}=',
    ja: '{tag}= の「=」の前後に空白は入れられません',
  },
  'mailpolicy-value-space': {
    en: 'the value of {tag}= may not contain spaces',
    ja: '{tag}= の値に空白は入れられません',
  },
  'mailpolicy-uri-empty': { en: 'an empty entry in the list', ja: 'リストに空の項目があります' },
  'mailpolicy-uri-malformed': { en: 'it is not a URI', ja: 'URI の形になっていません' },
  'mailpolicy-uri-scheme-tlsrpt': {
    en: 'only mailto: and https: destinations are defined',
    ja: '送付先に使えるのは mailto: と https: だけです',
  },
  'mailpolicy-uri-scheme-https': { en: 'only https: is allowed', ja: '使えるのは https: だけです' },
  'mailpolicy-uri-mailto': {
    en: 'a mailto: URI needs an address of the form name@domain',
    ja: 'mailto: の後には「名前@ドメイン」の形のアドレスが必要です',
  },
  'mailpolicy-uri-host': {
    en: 'the URI must name a fully qualified host',
    ja: 'URI には完全なホスト名（FQDN）が必要です',
  },
  'mailpolicy-uri-single': {
    en: 'only a single URI is allowed here',
    ja: 'ここには URI を一つしか書けません',
  },
  'bimi-dmarc-none': {
    en: 'the DMARC policy at {dmarcName} is {tag}=none',
    ja: '{dmarcName} の DMARC ポリシーが {tag}=none です',
  },
  'bimi-dmarc-pct': {
    en: 'the DMARC policy at {dmarcName} applies quarantine to only pct={pct}% of mail',
    ja: '{dmarcName} の DMARC ポリシーは quarantine を pct={pct}% のメールにしか適用しません',
  },
  'bimi-dmarc-no-policy': {
    en: 'the DMARC record at {dmarcName} has no valid p= policy',
    ja: '{dmarcName} の DMARC レコードに有効な p= ポリシーがありません',
  },
  'bimi-dmarc-missing': {
    en: 'this zone publishes no DMARC record for {domain} (looked at {dmarcName})',
    ja: 'このゾーンには {domain} の DMARC レコードがありません（{dmarcName} を確認しました）',
  },
};
