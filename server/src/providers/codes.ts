/**
 * Provider diagnostic codes: the zone shows a sending service that the SPF record
 * does not authorise (RFC 7208 §5.2: a sender is authorised by the terms of the
 * record, usually an `include:` of the provider's record).
 *
 * Problem `data` (ProviderMissingData): the provider id, the terms to add, and the
 * evidence, for the quick-fix that inserts the terms.
 */
import { defineCode } from '../diagnostics/types';
import type { Span } from '../zone/ast';
import { PROVIDERS } from './catalogue';
import type { EvidenceKind } from './detect';

export interface ProviderMissingData {
  readonly provider: string;
  readonly terms: readonly string[];
  readonly verified: boolean;
  readonly evidence: { readonly kind: EvidenceKind; readonly text: string; readonly span: Span };
}

export const ProviderCodes = {
  providerMissing: defineCode('spf-provider-missing', 'warning', 'RFC 7208 §5.2', {
    en: "The zone shows that this domain uses {providerDetail} ({evidenceDetail}: {evidence}), but the SPF record does not authorise it, so its mail fails SPF. Add '{terms}'",
    ja: "このゾーンからは {providerDetail} を使っていることがわかります（{evidenceDetail}: {evidence}）が、SPF レコードで許可されていないため、そこから送ったメールは SPF に失敗します。'{terms}' を追加してください",
  }),
  mailchannelsLockdown: defineCode('spf-mailchannels-lockdown', 'warning', 'RFC 7208 §5.2, MailChannels Domain Lockdown', {
    en: "include:relay.mailchannels.net authorises every MailChannels customer, not only your host: with no Domain Lockdown record at _mailchannels.{name}{detail}, another MailChannels account can send mail as {name} that passes SPF and DMARC. Publish TXT \"v=mc1 auth=<account id>\" there, with the id your host's mail shows in its X-MailChannels-Auth-Id header",
    ja: "include:relay.mailchannels.net はホスティング会社だけでなく MailChannels の全利用者を許可します。_mailchannels.{name} に Domain Lockdown レコードがない{detail}ため、MailChannels の別のアカウントが {name} になりすまして送ったメールも SPF と DMARC に合格します。そこに TXT \"v=mc1 auth=<アカウント ID>\" を公開してください（ID はホスティング会社から届くメールの X-MailChannels-Auth-Id ヘッダーに書かれています）",
  }),
  mailchannelsLockdownSyntax: defineCode('spf-mailchannels-lockdown-syntax', 'warning', 'MailChannels Domain Lockdown', {
    en: "This Domain Lockdown record for {name} is not in the form MailChannels reads ('v=mc1', then auth=, senderid= or sidw= fields separated by spaces): {detail}",
    ja: "{name} の Domain Lockdown レコードが、MailChannels の読む形（'v=mc1' のあとに auth=、senderid=、sidw= のフィールドを半角スペースで区切って並べる）になっていません。{detail}",
  }),
  includeTypo: defineCode('spf-include-typo', 'warning', 'RFC 7208 §5.2', {
    en: "'{written}' looks like a misspelling of '{intended}'{whoseDetail}: unless {written} publishes an SPF record, receivers return permerror for every message (and whoever registers that name could send as this domain). Write '{intended}'",
    ja: "'{written}' は '{intended}'{whoseDetail}の書き間違いのようです。{written} に SPF レコードがない限り、受信側はすべてのメールに permerror を返します（その名前を取得した第三者は、このドメインとしてメールを送れるようにもなります）。'{intended}' と書いてください",
  }),
} as const;

export const ProviderDetails: Record<string, { en: string; ja: string }> = {
  'include-typo-provider': { en: ', the SPF include of {provider}', ja: '（{provider} の SPF の include）' },
  'include-typo-own': { en: ", a name of this zone's own domain {apex}", ja: '（このゾーンのドメイン {apex} の名前）' },
  'provider-evidence-mx': { en: 'its MX host', ja: 'MX のホスト' },
  'mailchannels-none': { en: '', ja: '' },
  'mailchannels-cfid-only': {
    en: ' (the one there lists only cfid=, which MailChannels no longer supports since 31 August 2024)',
    ja: '（あるレコードは cfid= だけで、MailChannels は 2024 年 8 月 31 日以降 cfid= に対応していません）',
  },
  'lockdown-fullwidth': {
    en: "'{found}' is full-width text, typed in a Japanese input method: type '{ascii}' in ASCII (half-width)",
    ja: "'{found}' は全角の文字です。半角の '{ascii}' に直してください",
  },
  'lockdown-version': {
    en: "it must start with v=mc1, not '{found}', or MailChannels ignores it and locks nothing down",
    ja: "先頭は '{found}' ではなく v=mc1 にする必要があります。そうでないと MailChannels はこのレコードを無視し、何も制限しません",
  },
  'lockdown-leading-space': {
    en: 'it starts with a space: v=mc1 must come first',
    ja: '先頭に空白があります。v=mc1 を最初に書いてください',
  },
  'lockdown-separator': {
    en: "'{found}' separates fields with '{sep}': use a space (as written, '{sep}' is part of the value, an account no mail is sent with)",
    ja: "'{found}' ではフィールドを '{sep}' で区切っています。半角スペースで区切ってください（このままでは '{sep}' も値の一部になり、実在しないアカウントとして読まれます）",
  },
  'lockdown-missing-equals': {
    en: "'{found}' is not a name=value field",
    ja: "'{found}' が「名前=値」の形になっていません",
  },
  'lockdown-unknown-field': {
    en: "'{field}=' is not one of its fields (auth=, senderid=, sidw=)",
    ja: "'{field}=' はこのレコードのフィールド（auth=、senderid=、sidw=）ではありません",
  },
  'lockdown-empty': {
    en: "'{field}=' has no value",
    ja: "'{field}=' に値がありません",
  },
  'lockdown-cfid': {
    en: 'cfid= (Cloudflare Workers) is no longer supported since 31 August 2024 and locks nothing down: list your host\'s account with auth= instead',
    ja: 'cfid=（Cloudflare Workers）は 2024 年 8 月 31 日以降サポートされておらず、何も制限しません。代わりに auth= でホスティング会社のアカウントを指定してください',
  },
  'provider-evidence-dkim': { en: 'a DKIM selector points to', ja: 'DKIM セレクターの CNAME 先' },
  'provider-evidence-verification': { en: 'a verification record', ja: 'ドメイン確認用のレコード' },
  ...Object.fromEntries(PROVIDERS.map((p) => [`provider-${p.id}`, p.names])),
};
