/**
 * DMARC diagnostic codes (RFC 9989, the 2026 DMARC standard, with RFC 7489
 * compatibility; RFC 9990 for report destinations).
 */
import { defineCode } from '../diagnostics/types';

export const DmarcCodes = {
  missing: defineCode('dmarc-missing', 'warning', 'RFC 9989 §4.10', {
    en: '{name} {senderDetail} but this zone publishes no DMARC record for it at {dmarcName}{orgDetail}: receivers have no policy for mail forged in its name',
    ja: '{name} は{senderDetail}が、このゾーンには {dmarcName}{orgDetail} に DMARC レコードがありません。受信側は、この名前をかたる偽のメールをどう扱うかの方針を知ることができません',
  }),
  syntax: defineCode('dmarc-syntax', 'error', 'RFC 9989 §4.7', {
    en: 'DMARC record syntax error: {detail}',
    ja: 'DMARC レコードの書き方の誤り: {detail}',
  }),
  multipleRecords: defineCode('dmarc-multiple-records', 'error', 'RFC 9989 §4.10', {
    en: '{name} has {count} DMARC records: receivers discard them all and act as if there were none',
    ja: '{name} に DMARC レコードが {count} 個あります。受信側はすべて無視し、DMARC がないものとして扱います',
  }),
  missingPolicy: defineCode('dmarc-missing-policy', 'warning', 'RFC 9989 §4.7', {
    en: 'No p= tag: RFC 9989 receivers treat this as p=none (monitoring only), and older RFC 7489 receivers ignore the whole record',
    ja: 'p= タグがありません。RFC 9989 に従う受信側は p=none（監視のみ）とみなし、古い RFC 7489 の受信側はレコード全体を無視します',
  }),
  invalidValue: defineCode('dmarc-invalid-value', 'error', 'RFC 9989 §4.7', {
    en: 'Invalid value "{value}" for {tag}=: {detail}',
    ja: '{tag}= の値「{value}」は正しくありません: {detail}',
  }),
  unknownTag: defineCode('dmarc-unknown-tag', 'warning', 'RFC 9989 §4.7', {
    en: 'Unknown DMARC tag "{tag}": receivers ignore it{detail}',
    ja: '「{tag}」は DMARC のタグではありません。受信側は無視します{detail}',
  }),
  deprecatedTag: defineCode(
    'dmarc-deprecated-tag',
    'information',
    'RFC 9989 §4.7; RFC 7489 §6.3',
    {
      en: '{tag}= was removed by RFC 9989: {detail}',
      ja: '{tag}= は RFC 9989 で廃止されました: {detail}',
    },
    ['deprecated'],
  ),
  policyNone: defineCode('dmarc-policy-none', 'information', 'RFC 9989 §4.7', {
    en: '{tag}=none only monitors: mail that fails DMARC is still delivered normally. {tag}=quarantine would send it to spam, {tag}=reject would refuse it; move on once the reports show all your real mail passes',
    ja: '{tag}=none は監視だけで、DMARC に失敗したメールもふつうに届きます。{tag}=quarantine なら迷惑メールフォルダーへ、{tag}=reject なら受け取り拒否になります。レポートで正規のメールがすべて合格していると確認できたら切り替えを検討してください',
  }),
  invalidUri: defineCode('dmarc-invalid-uri', 'warning', 'RFC 9989 §4.7', {
    en: 'Report address "{uri}" in {tag}= will not be used: {detail}',
    ja: '{tag}= のレポート送付先「{uri}」は使われません: {detail}',
  }),
  externalDestination: defineCode('dmarc-external-destination', 'warning', 'RFC 9990 §3', {
    en: 'Reports for {domain} go to {dest}, another organization, but {dest} does not authorize it: receivers will not send them until {authName} has a TXT record "v=DMARC1"',
    ja: '{domain} のレポートの送付先 {dest} は別の組織ですが、{dest} 側の許可がありません。{authName} に TXT レコード「v=DMARC1」が置かれるまで、受信側はレポートを送りません',
  }),
  misplaced: defineCode('dmarc-misplaced', 'warning', 'RFC 9989 §4.10', {
    en: 'This DMARC record is at {name}, where receivers never look: put it at {expected}',
    ja: 'この DMARC レコードは {name} にありますが、受信側はそこを見ません。{expected} に置いてください',
  }),
} as const;

/** Localised fragments for `{detail}` arguments, by key. */
export const DmarcDetails: Record<string, { en: string; ja: string }> = {
  'dmarc-sender-spf': { en: 'sends mail (it has an SPF record)', ja: 'メールを送る設定（SPF レコード）があります' },
  'dmarc-sender-mx': { en: 'sends mail (it has an MX record)', ja: 'メールを送る設定（MX レコード）があります' },
  // A parked name: DMARC p=reject is what makes receivers refuse mail forged in its name.
  'dmarc-sender-none': { en: "says it sends no mail (its SPF record authorises no host)", ja: 'メールを送らない設定（どのホストも許可しない SPF レコード）です' },
  'dmarc-missing-org': {
    en: ' nor at its organizational domain\'s {orgDmarcName}',
    ja: ' にも、組織ドメインの {orgDmarcName}',
  },
  'dmarc-missing-same': { en: '', ja: '' },
  'dmarc-version-first': {
    en: 'the record must begin with "v=DMARC1" (exactly, upper case), or receivers ignore all of it',
    ja: 'レコードは「v=DMARC1」（大文字そのまま）で始める必要があります。そうでないと受信側はレコード全体を無視します',
  },
  'dmarc-version-value': {
    en: 'the version must be exactly "DMARC1", found "{found}"; receivers ignore the whole record',
    ja: 'バージョンは正確に「DMARC1」でなければなりません（「{found}」になっています）。受信側はレコード全体を無視します',
  },
  'dmarc-leading-space': {
    en: 'the record must begin with "v=DMARC1" itself; remove the leading space, or receivers ignore the record',
    ja: 'レコードは「v=DMARC1」そのもので始める必要があります。先頭の空白を削除してください。そうでないと受信側はレコードを無視します',
  },
  'dmarc-version-separator': {
    en: 'a ";" is missing after "v=DMARC1", so the version reads as something else and receivers ignore the record',
    ja: '「v=DMARC1」の後に「;」がないため、バージョンが別の値として読まれ、受信側はレコードを無視します',
  },
  'dmarc-missing-semicolon': {
    en: 'a ";" is missing before this tag, so it is read as part of the value of {tag}=',
    ja: 'このタグの前に「;」がないため、{tag}= の値の一部として読まれてしまいます',
  },
  'dmarc-empty-tag': {
    en: 'an empty entry between semicolons',
    ja: 'セミコロンの間が空になっています',
  },
  'dmarc-missing-equals': {
    en: '"{text}" is not a tag=value pair (a missing "=" or ";"?)',
    ja: '「{text}」は「タグ=値」の形になっていません（「=」か「;」が抜けていませんか）',
  },
  'dmarc-lookalike-blank': {
    en: '"{text}" holds a full-width or invisible blank, which receivers do not read as a space: type an ASCII space (or delete it)',
    ja: '「{text}」に全角などの空白か目に見えない文字があり、受信側はこれを空白として扱いません。半角スペースに直すか削除してください',
  },
  'dmarc-bad-name': {
    en: '"{text}" is not a valid tag name',
    ja: '「{text}」はタグ名として使えません',
  },
  'dmarc-fullwidth': {
    en: '"{text}" in the value of {tag}= is full-width text, typed in a Japanese input method: type \'{ascii}\' in ASCII (half-width)',
    ja: '{tag}= の値の「{text}」は全角の文字です。半角の \'{ascii}\' に直してください',
  },
  'dmarc-bad-char': {
    en: 'a control or non-ASCII character in the value of {tag}=',
    ja: '{tag}= の値に制御文字か ASCII 以外の文字が含まれています',
  },
  'dmarc-duplicate': {
    en: '{tag}= appears more than once',
    ja: '{tag}= が二回以上書かれています',
  },
  'dmarc-not-dmarc': {
    en: 'this TXT record at a _dmarc name does not begin with "v=DMARC1", so receivers ignore it',
    ja: '_dmarc の名前にあるこの TXT レコードは「v=DMARC1」で始まっていないため、受信側に無視されます',
  },
  'dmarc-value-empty': {
    en: 'the value is empty',
    ja: '値が空です',
  },
  'dmarc-value-policy': {
    en: 'use none, quarantine or reject',
    ja: 'none、quarantine、reject のいずれかを使ってください',
  },
  'dmarc-value-policy-ignored': {
    en: 'use none, quarantine or reject; with an invalid policy receivers fall back to p=none, or skip DMARC entirely when there is no valid rua=',
    ja: 'none、quarantine、reject のいずれかを使ってください。不正なポリシーの場合、受信側は p=none とみなすか、有効な rua= がなければ DMARC をまったく適用しません',
  },
  'dmarc-value-alignment': {
    en: 'use r (relaxed) or s (strict)',
    ja: 'r（緩やか）か s（厳密）を使ってください',
  },
  'dmarc-value-fo': {
    en: 'use 0, 1, d or s, several joined with ":"',
    ja: '0、1、d、s のいずれか、または「:」でつないだ組み合わせを使ってください',
  },
  'dmarc-value-yn': {
    en: 'use y or n',
    ja: 'y か n を使ってください',
  },
  'dmarc-value-psd': {
    en: 'use y, n or u',
    ja: 'y、n、u のいずれかを使ってください',
  },
  'dmarc-value-pct': {
    en: 'use a whole number from 0 to 100',
    ja: '0 から 100 までの整数を使ってください',
  },
  'dmarc-value-ri': {
    en: 'use a number of seconds',
    ja: '秒数（整数）を使ってください',
  },
  'dmarc-value-rf': {
    en: 'use afrf',
    ja: 'afrf を使ってください',
  },
  'dmarc-unknown-hint': {
    en: ' (did you mean {suggest}=?)',
    ja: '（{suggest}= の書き間違いではありませんか）',
  },
  'dmarc-unknown-plain': { en: '', ja: '' },
  'dmarc-deprecated-pct': {
    en: 'receivers that follow it apply the policy to all failing mail; to stage a rollout use t=y (testing) instead',
    ja: 'RFC 9989 に従う受信側は、失敗したメールすべてにポリシーを適用します。段階的に導入したい場合は代わりに t=y（テスト）を使ってください',
  },
  'dmarc-deprecated-rf': {
    en: 'failure reports always use the AFRF format now; remove the tag',
    ja: '失敗レポートは現在つねに AFRF 形式です。このタグは削除してかまいません',
  },
  'dmarc-deprecated-ri': {
    en: 'receivers choose the aggregate report interval themselves (usually daily); remove the tag',
    ja: '集計レポートの間隔は受信側が決めます（通常は一日ごと）。このタグは削除してかまいません',
  },
  'dmarc-uri-scheme': {
    en: 'receivers are only required to support mailto: addresses',
    ja: '受信側に対応が義務づけられているのは mailto: のアドレスだけです',
  },
  'dmarc-uri-mailto': {
    en: 'a mailto: URI needs an address of the form name@domain',
    ja: 'mailto: の後には「名前@ドメイン」の形のアドレスが必要です',
  },
  'dmarc-uri-malformed': {
    en: 'this is not a URI (commas and "!" inside an address must be percent-encoded)',
    ja: 'URI の形になっていません（アドレス中のカンマと「!」はパーセントエンコードが必要です）',
  },
  'dmarc-uri-empty': {
    en: 'an empty entry in the list',
    ja: 'リストに空の項目があります',
  },
};
