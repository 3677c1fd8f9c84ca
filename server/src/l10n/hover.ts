/** The labels and sentences hovers are built from, in English and Japanese. */
import type { LookupStatus } from '../spf/lookups';
import type { Localized } from './index';

export const HoverText = {
  spfMechanism: { en: 'SPF mechanism', ja: 'SPF のメカニズム（判定項目）' },
  spfQualifier: { en: 'SPF qualifier', ja: 'SPF の修飾記号' },
  spfModifier: { en: 'SPF modifier', ja: 'SPF の修飾子' },
  spfMacro: { en: 'SPF macro', ja: 'SPF のマクロ' },
  spfRecord: { en: 'SPF record of {domain}', ja: '{domain} の SPF レコード' },
  whenMatches: { en: 'When it matches: **{result}**', ja: '一致したときの結果: **{result}**' },
  lookupCost: { en: 'DNS lookups', ja: 'DNS の問い合わせ回数' },
  example: { en: 'Example', ja: '例' },
  macroExpandsTo: { en: '`%{{letter}}` expands to {meaning}.', ja: '`%{{letter}}` は{meaning}に置き換わります。' },
  macroReversed: { en: 'The parts are taken in reverse order (`r`).', ja: '各部分を逆順に並べます（`r`）。' },
  macroKeep: { en: 'Only the last {n} parts are kept.', ja: '右側の {n} 個の部分だけを使います。' },
  macroUrl: { en: 'Upper case: the value is URL-encoded.', ja: '大文字なので、値は URL エンコードされます。' },
  provider: { en: 'Provider: **{name}**', ja: '提供元: **{name}**' },
  lockdownListed: {
    en: 'Domain Lockdown: {name} lets only {accounts} send mail as {domain} through MailChannels.',
    ja: 'Domain Lockdown: {name} により、MailChannels 経由で {domain} としてメールを送れるのは {accounts} だけです。',
  },
  lockdownSenders: {
    en: 'Domain Lockdown: {name} lists the senders that may send mail as {domain} through MailChannels.',
    ja: 'Domain Lockdown: {name} に、MailChannels 経由で {domain} としてメールを送れる送信者が指定されています。',
  },
  lockdownMissing: {
    en: 'Domain Lockdown: none at {name} (a cfid= or empty record locks nothing down), so any MailChannels customer can send mail as {domain} that passes SPF.',
    ja: 'Domain Lockdown: {name} に有効なレコードがない（cfid= だけや空のレコードは何も制限しません）ため、MailChannels の利用者なら誰でも {domain} として SPF に合格するメールを送れます。',
  },
  resolvesTo: { en: '{domain} publishes:', ja: '{domain} の SPF レコード:' },
  resolvedFrom: { en: 'Source: {source}', ja: '情報源: {source}' },
  sourceZone: { en: 'the zone data of the workspace', ja: 'ワークスペースのゾーンデータ' },
  sourceSnapshot: { en: 'the bundled provider snapshot of {date}', ja: '同梱のプロバイダー情報（{date} 時点）' },
  sourceLive: { en: 'live DNS', ja: '実際の DNS' },
  includeCost: {
    en: 'Costs **{n}** of the 10 DNS lookups (this term and everything it pulls in).',
    ja: '10 回の上限のうち **{n} 回** を使います（この項目と、その先で使われる分の合計）。',
  },
  lookupsUsed: { en: 'DNS lookups: **{n} of 10**', ja: 'DNS の問い合わせ回数: **10 回中 {n} 回**' },
  lookupsOver: {
    en: 'Over the limit: receivers stop with permerror and the whole record is treated as broken.',
    ja: '上限を超えています。受信側は permerror（恒久的エラー）として扱い、レコード全体が無効とみなされます。',
  },
  lookupsPartial: {
    en: 'At least: some targets could not be followed (see below).',
    ja: '少なくともこの回数です（たどれなかった参照先があります。下記参照）。',
  },
  breakdown: { en: 'Breakdown: {own} in the record itself{beyond}', ja: '内訳: レコード自体で {own} 回{beyond}' },
  unlisted: { en: 'Mail from a server this record does not list: **{result}**', ja: 'このレコードに載っていないサーバーからのメール: **{result}**' },
  unlistedRedirect: {
    en: 'Mail from a server this record does not list: decided by the record of `{domain}` (`redirect`).',
    ja: 'このレコードに載っていないサーバーからのメール: `{domain}` のレコードで判定されます（`redirect`）。',
  },
  unlistedDefault: {
    en: 'Mail from a server this record does not list: **neutral** (the record ends without `all`).',
    ja: 'このレコードに載っていないサーバーからのメール: **neutral（判断なし）**（末尾に `all` がないため）。',
  },
  gmailSoftfail: {
    en: 'At Gmail such mail is likely to land in spam; senders of bulk mail (5,000+ messages a day to Gmail) whose mail passes neither SPF nor DKIM may see it rejected with `550-5.7.26`.',
    ja: 'Gmail ではこうしたメールは迷惑メールフォルダに入りやすくなります。Gmail 宛てに 1 日 5,000 通以上送る大量送信者の場合、SPF と DKIM のどちらにも合格しないメールは `550-5.7.26` エラーで拒否されることがあります。',
  },
  gmailFail: {
    en: 'Gmail and most receivers reject such mail or put it in spam: forged mail is stopped, but so is mail from any server you forgot to list.',
    ja: 'Gmail をはじめ多くの受信側はこうしたメールを拒否するか迷惑メールフォルダに入れます。なりすましメールを防げる一方、一覧に入れ忘れた自社サーバーのメールも届かなくなります。',
  },
  gmailNeutral: {
    en: 'Receivers treat such mail as unauthenticated; Gmail may put it in spam and, for bulk senders, reject it with `550-5.7.26` unless DKIM passes.',
    ja: '受信側はこうしたメールを「認証されていない」ものとして扱います。Gmail では迷惑メールフォルダに入ることがあり、大量送信者の場合は DKIM に合格しない限り `550-5.7.26` エラーで拒否されることがあります。',
  },
  gmailPass: {
    en: 'Every server on the Internet passes: anyone can send mail as this domain, and the record protects nothing.',
    ja: 'インターネット上のどのサーバーも合格になります。誰でもこのドメインを名乗ってメールを送れてしまい、なりすましメールを防げません。',
  },
  problems: { en: 'Problems on this record:', ja: 'このレコードの問題:' },
  noProblems: { en: 'No problems found on this record.', ja: 'このレコードに問題は見つかりませんでした。' },
  dmarcTag: { en: 'DMARC tag', ja: 'DMARC のタグ' },
  dkimTag: { en: 'DKIM key tag', ja: 'DKIM 鍵のタグ' },
  lockdownField: { en: 'MailChannels Domain Lockdown field', ja: 'MailChannels Domain Lockdown のフィールド' },
  lockdownUnknown: {
    en: 'Not a Domain Lockdown field: the record lists `auth=`, `senderid=` or `sidw=` fields after `v=mc1`, separated by spaces.',
    ja: 'Domain Lockdown のフィールドではありません。このレコードには `v=mc1` のあとに `auth=`、`senderid=`、`sidw=` のフィールドを半角スペースで区切って書きます。',
  },
  value: { en: 'Value `{value}`', ja: '値 `{value}`' },
  unknownTag: { en: 'A tag this record type does not define: receivers ignore it.', ja: 'この種類のレコードでは定義されていないタグです。受信側は無視します。' },
  serialLooksDate: { en: 'Read as a date: {date}, change number {n}.', ja: '日付として読むと {date}、その日の {n} 番目の変更です。' },
  fieldOrder: { en: 'Fields, in order', ja: 'フィールド（記述順）' },
} satisfies Record<string, Localized>;

/** What happened when an include or redirect was followed (spf/lookups.ts LookupStatus). */
export const LookupStatusText: Record<LookupStatus, Localized> = {
  ok: { en: 'followed', ja: '確認済み' },
  'no-record': { en: 'no SPF record there: the include gives permerror', ja: 'SPF レコードがありません（permerror になります）' },
  'multiple-records': { en: 'more than one SPF record there: permerror', ja: 'SPF レコードが複数あります（permerror になります）' },
  'syntax-error': { en: 'the record there has a syntax error: permerror', ja: '参照先のレコードに書式の誤りがあります（permerror になります）' },
  loop: { en: 'includes itself again (a loop): permerror', ja: '自分自身を再び取り込んでいます（ループ。permerror になります）' },
  macro: { en: 'written with macros: depends on each message, not counted here', ja: 'マクロを使っているためメールごとに変わります（ここでは数えていません）' },
  unresolved: { en: 'not checked (offline, or the lookup failed)', ja: '未確認（オフライン、または問い合わせに失敗）' },
};
