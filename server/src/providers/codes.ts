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
} as const;

export const ProviderDetails: Record<string, { en: string; ja: string }> = {
  'provider-evidence-mx': { en: 'its MX host', ja: 'MX のホスト' },
  'mailchannels-none': { en: '', ja: '' },
  'mailchannels-cfid-only': {
    en: ' (the one there lists only cfid=, which MailChannels no longer supports since 31 August 2024)',
    ja: '（あるレコードは cfid= だけで、MailChannels は 2024 年 8 月 31 日以降 cfid= に対応していません）',
  },
  'provider-evidence-dkim': { en: 'a DKIM selector points to', ja: 'DKIM セレクターの CNAME 先' },
  'provider-evidence-verification': { en: 'a verification record', ja: 'ドメイン確認用のレコード' },
  ...Object.fromEntries(PROVIDERS.map((p) => [`provider-${p.id}`, p.names])),
};
