/**
 * What each DMARC tag and keyword value means (RFC 9989 §4.7; RFC 7489 §6.3 for the
 * tags RFC 9989 removed), in English and in plain Japanese.
 */
import type { Localized } from '../l10n';
import type { RfcRef } from './rfc';

export interface TagDoc {
  readonly name: Localized;
  readonly text: Localized;
  readonly ref: RfcRef;
}

const DMARC: RfcRef = { rfc: 9989, section: '4.7' };
const REMOVED: RfcRef = { rfc: 7489, section: '6.3' };

export const DmarcTagDocs: Record<string, TagDoc> = {
  v: {
    name: { en: 'Version', ja: 'バージョン' },
    text: { en: 'Must be `DMARC1`, first in the record: receivers ignore the record otherwise.', ja: '`DMARC1` と書き、レコードの先頭に置きます。そうでないと受信側はこのレコードを無視します。' },
    ref: DMARC,
  },
  p: {
    name: { en: 'Policy', ja: 'ポリシー' },
    text: { en: 'What receivers should do with mail that claims to be from this domain but fails DMARC (neither SPF nor DKIM passes for the domain).', ja: 'このドメインを名乗っているのに DMARC の認証に失敗したメール（なりすましメールの可能性があるもの）を、受信側がどう扱うべきかを指定します。' },
    ref: DMARC,
  },
  sp: {
    name: { en: 'Subdomain policy', ja: 'サブドメインのポリシー' },
    text: { en: 'The policy for subdomains (`news.example.com`); `p` applies when it is absent.', ja: 'サブドメイン（`news.example.com` など）に適用するポリシーです。省略すると `p` と同じになります。' },
    ref: DMARC,
  },
  np: {
    name: { en: 'Non-existent subdomain policy', ja: '存在しないサブドメインのポリシー' },
    text: { en: 'The policy for mail from subdomains that do not exist in the DNS, a favourite of forgers.', ja: 'DNS に存在しないサブドメインを名乗るメールに適用するポリシーです。なりすましによく使われる手口への対策になります。' },
    ref: DMARC,
  },
  adkim: {
    name: { en: 'DKIM alignment', ja: 'DKIM の一致判定' },
    text: { en: 'How closely the DKIM signing domain must match the From domain.', ja: 'DKIM 署名のドメインが、差出人（From）のドメインとどこまで一致している必要があるかを指定します。' },
    ref: DMARC,
  },
  aspf: {
    name: { en: 'SPF alignment', ja: 'SPF の一致判定' },
    text: { en: 'How closely the domain SPF checked (the envelope sender) must match the From domain.', ja: 'SPF で確認したドメイン（エンベロープの送信者）が、差出人（From）のドメインとどこまで一致している必要があるかを指定します。' },
    ref: DMARC,
  },
  fo: {
    name: { en: 'Failure reporting options', ja: '失敗レポートの条件' },
    text: { en: 'When to send failure reports to the `ruf` addresses, as a `:`-separated list.', ja: '`ruf` の宛先に失敗レポートを送る条件を `:` 区切りで指定します。' },
    ref: DMARC,
  },
  t: {
    name: { en: 'Testing mode', ja: 'テストモード' },
    text: { en: '`y` asks receivers to apply one step milder a policy than `p` says, while you test.', ja: '`y` にすると、導入テスト中として受信側に `p` より 1 段階ゆるい扱いを求めます。' },
    ref: DMARC,
  },
  psd: {
    name: { en: 'Public suffix domain', ja: 'パブリックサフィックス・ドメイン' },
    text: { en: 'Whether this domain is a public suffix (like a registry’s own domain) for the policy search.', ja: 'このドメインが、ポリシーを探す上でパブリックサフィックス（登録事業者のドメインなど）に当たるかどうかを示します。' },
    ref: DMARC,
  },
  rua: {
    name: { en: 'Aggregate reports', ja: '集計レポートの宛先' },
    text: { en: 'Where receivers send daily summary reports (`mailto:` addresses, comma-separated): how much mail passed or failed, from which servers.', ja: '受信側が毎日送ってくる集計レポートの宛先です（`mailto:` のアドレスをカンマ区切り）。どのサーバーからのメールが認証に成功・失敗したかがわかります。' },
    ref: DMARC,
  },
  ruf: {
    name: { en: 'Failure reports', ja: '失敗レポートの宛先' },
    text: { en: 'Where receivers send a report for each failing message (few receivers do).', ja: '認証に失敗したメール 1 通ごとのレポートの宛先です（送ってくる受信側は多くありません）。' },
    ref: DMARC,
  },
  pct: {
    name: { en: 'Percentage (removed)', ja: '適用する割合（廃止）' },
    text: { en: 'RFC 7489: the share of failing mail the policy applies to. RFC 9989 removed it; use `t=y` while testing.', ja: 'RFC 7489 の、ポリシーを適用する失敗メールの割合です。RFC 9989 で廃止されました。テスト中は `t=y` を使ってください。' },
    ref: REMOVED,
  },
  rf: {
    name: { en: 'Report format (removed)', ja: 'レポート形式（廃止）' },
    text: { en: 'RFC 7489: the format of failure reports; only `afrf` was defined. RFC 9989 removed it.', ja: 'RFC 7489 の、失敗レポートの形式です（定義されていたのは `afrf` のみ）。RFC 9989 で廃止されました。' },
    ref: REMOVED,
  },
  ri: {
    name: { en: 'Report interval (removed)', ja: 'レポート間隔（廃止）' },
    text: { en: 'RFC 7489: seconds between aggregate reports (default one day). RFC 9989 removed it.', ja: 'RFC 7489 の、集計レポートの送信間隔（秒、既定は 1 日）です。RFC 9989 で廃止されました。' },
    ref: REMOVED,
  },
};

const policies: Record<string, Localized> = {
  none: { en: 'Take no action: only collect reports (monitoring).', ja: '何もしません。レポートを集めるだけです（様子見の段階）。' },
  quarantine: { en: 'Treat failing mail as suspicious: usually the spam folder.', ja: '失敗したメールを怪しいものとして扱います。通常は迷惑メールフォルダに入ります。' },
  reject: { en: 'Refuse failing mail outright.', ja: '失敗したメールを受け取らずに拒否します。' },
};
const alignment: Record<string, Localized> = {
  r: { en: 'relaxed: the same organisational domain is enough (`mail.example.com` matches `example.com`).', ja: 'relaxed（ゆるい）: 同じ組織のドメインなら一致とみなします（`mail.example.com` と `example.com` は一致）。' },
  s: { en: 'strict: the domains must be exactly the same.', ja: 'strict（厳密）: ドメインが完全に同じ場合だけ一致とみなします。' },
};
const yesNo: Record<string, Localized> = {
  y: { en: 'yes', ja: 'はい' },
  n: { en: 'no (the default)', ja: 'いいえ（既定値）' },
};

export const DmarcValueDocs: Record<string, Record<string, Localized>> = {
  v: { DMARC1: { en: 'DMARC version 1, the only version.', ja: 'DMARC のバージョン 1（唯一のバージョン）です。' } },
  p: policies,
  sp: policies,
  np: policies,
  adkim: alignment,
  aspf: alignment,
  fo: {
    '0': { en: 'Report when every check fails (the default).', ja: 'すべての認証が失敗したときにレポートします（既定値）。' },
    '1': { en: 'Report when any check fails.', ja: 'どれか 1 つでも認証が失敗したらレポートします。' },
    d: { en: 'Report when the DKIM signature fails.', ja: 'DKIM 署名の検証が失敗したらレポートします。' },
    s: { en: 'Report when SPF fails.', ja: 'SPF の確認が失敗したらレポートします。' },
  },
  t: {
    y: { en: 'Testing: receivers apply one step milder a policy (`reject` → `quarantine`, `quarantine` → `none`).', ja: 'テスト中: 受信側は 1 段階ゆるいポリシーを適用します（`reject` → `quarantine`、`quarantine` → `none`）。' },
    n: yesNo.n,
  },
  psd: {
    y: { en: 'This domain is a public suffix.', ja: 'このドメインはパブリックサフィックスです。' },
    n: { en: 'This domain is an organisation’s own domain.', ja: 'このドメインは組織自身のドメインです。' },
    u: { en: 'Unknown: let the receiver decide (the default).', ja: '不明: 受信側の判断に任せます（既定値）。' },
  },
  rf: { afrf: { en: 'The Authentication Failure Reporting Format (RFC 6591).', ja: '認証失敗レポート形式（RFC 6591）です。' } },
};
