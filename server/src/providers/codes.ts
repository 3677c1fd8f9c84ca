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
} as const;

export const ProviderDetails: Record<string, { en: string; ja: string }> = {
  'provider-evidence-mx': { en: 'its MX host', ja: 'MX のホスト' },
  'provider-evidence-dkim': { en: 'a DKIM selector points to', ja: 'DKIM セレクターの CNAME 先' },
  'provider-evidence-verification': { en: 'a verification record', ja: 'ドメイン確認用のレコード' },
  ...Object.fromEntries(PROVIDERS.map((p) => [`provider-${p.id}`, p.names])),
};
