/**
 * SPF diagnostic codes (RFC 7208). Each code is defined here once and referred to
 * by constant; the rule that emits it lives in rules/<code>.ts.
 *
 * Problem `data` shapes, for the quick-fixes (all spans are zone-text spans):
 * - spf-unknown-mechanism: SpfReplaceData, `replacement` the suggested spelling of
 *   the name part (`include:`, `ip4:`, `ptr`…), absent when there is no guess.
 * - spf-invalid-ip, spf-invalid-cidr, spf-invalid-macro, spf-syntax, spf-non-ascii:
 *   SpfTermData (the term holding the error).
 * - spf-permissive-all: SpfReplaceData with `replacement` `~all`.
 * - spf-ptr-deprecated, spf-after-all, spf-duplicate-term, spf-redundant-ip,
 *   spf-redirect-ignored, spf-duplicate-modifier: SpfTermData (a fix deletes the term,
 *   `deleteSpan` includes the space before it).
 * - spf-no-all: SpfInsertData (`offset` just after the last term, `text` ` ~all`).
 * - spf-strings-joined: SpfInsertData (`text` a space, inside a quoted string), absent
 *   when neither string can take one.
 * - spf-deprecated-rrtype: { typeSpan } (a fix writes TXT over it).
 * - spf-multiple-records: { owner, records: Span[] } (each record's whole span).
 * - spf-lookup-limit: SpfTermData & { total, tree: LookupNode } (see lookups.ts).
 * - spf-void-lookup-limit, spf-mx-limit: SpfTermData (the term of this record that
 *   leads to the lookups).
 * - spf-include-loop: SpfTermData & { path: string[] } (the names around the loop).
 * - spf-include-no-record: SpfTermData & { target } (the name without a record).
 * - spf-missing: { owner, insertOffset } (a fix adds a `v=spf1 mx ~all` TXT record).
 * - spf-null-mx-missing: { owner } (a fix adds a `v=spf1 -all` TXT record).
 * - spf-stale-ip: SpfTermData & { replacement } (`ip4:` or `ip6:` and the mail server's
 *   address: a fix writes it over the term, or before it).
 * - spf-ipv6-missing: { insert } (`ip6:` and the mail server's IPv6 address; a fix adds it
 *   before `all`).
 * - spf-malformed-version: { to } (the version as written ends at octet `to`; the fix
 *   reads the record again and writes it as SPF reads it).
 */
import { defineCode } from '../diagnostics/types';
import type { Span } from '../zone/ast';

export interface SpfTermData {
  /** The whole term, as written. */
  readonly term: string;
  readonly termSpan: Span;
  /** The term and the space before it: what a deletion removes. */
  readonly deleteSpan: Span;
}

export interface SpfReplaceData extends SpfTermData {
  readonly replaceSpan: Span;
  readonly replacement?: string;
}

export interface SpfInsertData {
  readonly offset: number;
  readonly text: string;
}

const RFC = 'RFC 7208';

export const SpfCodes = {
  syntax: defineCode('spf-syntax', 'error', `${RFC} §4.6.1`, {
    en: 'SPF syntax error: {detail}; receivers treat the whole record as a permanent error (permerror)',
    ja: 'SPF の書式の誤り: {detail}。受信側はレコード全体を恒久的エラー（permerror）として扱います',
  }),
  unknownMechanism: defineCode('spf-unknown-mechanism', 'error', `${RFC} §5`, {
    en: "Unknown SPF mechanism '{name}'{hintDetail}",
    ja: "'{name}' という SPF のメカニズムはありません{hintDetail}",
  }),
  invalidIp: defineCode('spf-invalid-ip', 'error', `${RFC} §5.6`, {
    en: "'{address}' is not a valid {family} address",
    ja: "'{address}' は正しい {family} アドレスではありません",
  }),
  invalidCidr: defineCode('spf-invalid-cidr', 'error', `${RFC} §5.6`, {
    en: "Invalid prefix length '{cidr}': write /0 to /{max} without leading zeros",
    ja: "プレフィックス長 '{cidr}' が不正です。/0 から /{max} までを先頭に 0 を付けずに書きます",
  }),
  invalidMacro: defineCode('spf-invalid-macro', 'error', `${RFC} §7.1`, {
    en: "Invalid macro '{macro}': {detail}",
    ja: "マクロ '{macro}' が不正です: {detail}",
  }),
  multipleRecords: defineCode('spf-multiple-records', 'error', `${RFC} §4.5`, {
    en: "'{owner}' has {count} SPF records; with more than one, receivers return permerror. Merge them into one",
    ja: "'{owner}' には SPF レコードが {count} 個あります。2 個以上あると受信側は permerror を返すので、1 つにまとめてください",
  }),
  duplicateModifier: defineCode('spf-duplicate-modifier', 'error', `${RFC} §6`, {
    en: "'{name}=' appears more than once; receivers return permerror",
    ja: "'{name}=' が 2 回以上書かれています。受信側は permerror を返します",
  }),
  redirectIgnored: defineCode('spf-redirect-ignored', 'warning', `${RFC} §6.1`, {
    en: "'redirect=' is ignored because the record has an 'all' mechanism",
    ja: "レコードに 'all' があるため、'redirect=' は無視されます",
  }),
  afterAll: defineCode('spf-after-all', 'warning', `${RFC} §4.6.2, §5.1`, {
    en: "'{term}' comes after 'all' and is never evaluated",
    ja: "'{term}' は 'all' より後ろにあるため、評価されることはありません",
  }),
  noAll: defineCode('spf-no-all', 'warning', `${RFC} §4.7`, {
    en: "The record has neither 'all' nor 'redirect=': mail from any other host gets the neutral result. End it with '~all' or '-all'",
    ja: "レコードに 'all' も 'redirect=' もないため、ほかのホストからのメールは neutral（判定なし）になります。最後に '~all' か '-all' を書いてください",
  }),
  permissiveAll: defineCode('spf-permissive-all', 'warning', `${RFC} §5.1`, {
    en: "'{term}' {detail}",
    ja: "'{term}' {detail}",
  }),
  ptrDeprecated: defineCode(
    'spf-ptr-deprecated',
    'warning',
    `${RFC} §5.5`,
    {
      en: "The 'ptr' mechanism should not be used: it is slow, unreliable, and some receivers ignore it. List the addresses with ip4:/ip6: or use a:",
      ja: "'ptr' メカニズムは使うべきではありません（遅く、当てにならず、無視する受信側もあります）。ip4:/ip6: でアドレスを並べるか a: を使ってください",
    },
    ['deprecated'],
  ),
  lookupLimit: defineCode('spf-lookup-limit', 'error', `${RFC} §4.6.4`, {
    en: 'This record needs {count} DNS lookups; over the limit of 10, receivers return permerror ({ownDetail}{breakdown})',
    ja: 'このレコードは DNS の参照が {count} 回必要です。上限の 10 回を超えると受信側は permerror を返します（{ownDetail}{breakdown}）',
  }),
  voidLookupLimit: defineCode('spf-void-lookup-limit', 'error', `${RFC} §4.6.4`, {
    en: '{count} lookups find no record ({names}); over 2 such void lookups, receivers return permerror',
    ja: '{count} 回の参照でレコードが見つかりません（{names}）。このような空振りが 2 回を超えると受信側は permerror を返します',
  }),
  mxLimit: defineCode('spf-mx-limit', 'error', `${RFC} §4.6.4`, {
    en: "'{target}' has {count} MX records; with more than 10, the 'mx' mechanism gives permerror",
    ja: "'{target}' には MX レコードが {count} 個あります。10 個を超えると 'mx' メカニズムは permerror になります",
  }),
  includeLoop: defineCode('spf-include-loop', 'error', `${RFC} §4.6.4, §5.2`, {
    en: 'Include loop: {path}; receivers end with permerror',
    ja: 'include の循環: {path}。受信側は permerror で終わります',
  }),
  includeNoRecord: defineCode('spf-include-no-record', 'error', `${RFC} §5.2, §6.1`, {
    en: "'{target}' has no SPF record, so '{term}' gives permerror",
    ja: "'{target}' には SPF レコードがないため、'{term}' は permerror になります",
  }),
  includeBroken: defineCode('spf-include-broken', 'error', `${RFC} §4.5, §5.2, §6.1`, {
    en: "'{target}' {detail}, so '{term}' gives permerror",
    ja: "'{target}' {detail}ため、'{term}' は permerror になります",
  }),
  staleIp: defineCode('spf-stale-ip', 'warning', `${RFC} §5.6`, {
    en: '{term} matches no address of {domain} or of its mail servers, and its mail server {host} ({address}) is not in this record: mail it sends as {domain} gets SPF {result}. If the server moved, {term} is its old address: authorise {address} instead (or write mx)',
    ja: '{term} は {domain} やそのメールサーバーのどのアドレスにも一致しません。一方、メールサーバー {host}（{address}）はこのレコードで許可されておらず、そこから {domain} として送るメールは SPF {result} になります。サーバーを移転したのなら {term} は古いアドレスです。代わりに {address} を許可してください（mx と書いても許可できます）',
  }),
  ipv6Missing: defineCode('spf-ipv6-missing', 'warning', `${RFC} §5.6`, {
    en: "The mail server {host} of {domain} has the IPv6 address {address}, which this record does not authorise (it lists no ip6: term), while its IPv4 address {v4} passes: mail it sends over IPv6, as it does to receivers that take mail there (Gmail, Outlook.com), gets SPF {result}. Add ip6:{address}",
    ja: "{domain} のメールサーバー {host} には IPv6 アドレス {address} がありますが、このレコードは ip6: を一つも書いておらず、このアドレスを許可していません（IPv4 アドレス {v4} は許可されています）。IPv6 で受け取る受信側（Gmail、Outlook.com など）へ IPv6 で送ったメールは SPF {result} になります。ip6:{address} を追加してください",
  }),
  recordTooLong: defineCode('spf-record-too-long', 'warning', `${RFC} §3.4`, {
    en: 'The record is {length} octets long; over 450, the DNS answer may not fit in a UDP packet and some receivers fail to read it',
    ja: 'レコードの長さが {length} オクテットあります。450 を超えると DNS の応答が UDP パケットに収まらず、読めない受信側があります',
  }),
  duplicateTerm: defineCode(
    'spf-duplicate-term',
    'hint',
    `${RFC} §4.6.2`,
    {
      en: "'{term}' repeats an earlier term and has no effect",
      ja: "'{term}' は前にある項目の繰り返しで、効果がありません",
    },
    ['unnecessary'],
  ),
  redundantIp: defineCode(
    'spf-redundant-ip',
    'hint',
    `${RFC} §5.6`,
    {
      en: "'{term}' is already covered by '{covering}'",
      ja: "'{term}' の範囲は '{covering}' に含まれています",
    },
    ['unnecessary'],
  ),
  nonAscii: defineCode('spf-non-ascii', 'error', `${RFC} §4.6.1`, {
    en: 'SPF records must be plain ASCII; receivers return permerror for {charDetail}',
    ja: 'SPF レコードには ASCII 文字しか使えません。{charDetail}',
  }),
  deprecatedRrtype: defineCode(
    'spf-deprecated-rrtype',
    'warning',
    `${RFC} §3.1, §14.1`,
    {
      en: 'The SPF record type (99) is obsolete and no receiver reads it; publish the record as TXT',
      ja: 'SPF 型（99）のレコードは廃止され、どの受信側も読みません。TXT レコードとして公開してください',
    },
    ['deprecated'],
  ),
  missing: defineCode('spf-missing', 'information', `${RFC} §2.1, §4.5`, {
    en: "'{owner}' receives mail (it has MX records) but publishes no SPF record, so anyone can send as it",
    ja: "'{owner}' には MX レコードがあるのに SPF レコードがないため、誰でもこのドメインを名乗ってメールを送れます",
  }),
  malformedVersion: defineCode('spf-malformed-version', 'error', `${RFC} §4.5`, {
    en: "This record is meant as SPF, but it starts '{written}'{joinDetail}: receivers read a record as SPF only when it starts with 'v=spf1' and a space, so the name has no SPF record. Write 'v=spf1 '",
    ja: "SPF レコードのつもりのようですが、'{written}' で始まっています{joinDetail}。受信側は 'v=spf1' と半角スペースで始まるレコードだけを SPF として読むため、この名前には SPF レコードがないことになります。'v=spf1 ' と書いてください",
  }),
  stringsJoined: defineCode('spf-strings-joined', 'error', `${RFC} §3.3`, {
    en: "The record's strings are joined with nothing between them, so '{left}' and '{right}' run together as '{joined}'; put a space where they meet",
    ja: "レコードの文字列は間に何も入れずにつなげられるため、'{left}' と '{right}' が '{joined}' とつながってしまいます。つなぎ目に半角スペースを入れてください",
  }),
  nullMxMissing: defineCode('spf-null-mx-missing', 'information', `${RFC} §8.4, RFC 7505 §4`, {
    en: "'{owner}' takes no mail (null MX) and publishes no SPF record, so anyone can send as it; a domain that sends no mail says so with 'v=spf1 -all'",
    ja: "'{owner}' はメールを受け取らない設定（null MX）ですが SPF レコードがないため、誰でもこのドメインを名乗ってメールを送れます。メールを送らないドメインは 'v=spf1 -all' でそれを示せます",
  }),
  nullMxSender: defineCode('spf-null-mx-sender', 'warning', `${RFC} §2.4, RFC 7505 §4.2`, {
    en: "'{owner}' has a null MX (it takes no mail), yet its SPF record authorises senders: receivers reject mail whose envelope sender has a null MX domain (550 5.7.27), and bounces have nowhere to go. Point its MX at a host that takes its bounces, or, if it sends no mail, make the record 'v=spf1 -all'",
    ja: "'{owner}' はメールを受け取らない設定（null MX）なのに、SPF レコードは送信サーバーを許可しています。エンベロープの送信者のドメインが null MX のメールは受信側に拒否され（550 5.7.27）、エラーメールの戻り先もありません。エラーメールを受け取るホストを MX に設定するか、メールを送らないならレコードを 'v=spf1 -all' にしてください",
  }),
} as const;

/** Localised fragments for `{detail}` and `{hintDetail}` arguments, by key. */
export const SpfDetails: Record<string, { en: string; ja: string }> = {
  'spf-lookups-own': { en: '{own} in the record itself', ja: 'レコード自体で {own} 回' },
  'spf-target-several': { en: 'has more than one SPF record', ja: 'には SPF レコードが複数ある' },
  'spf-target-syntax': { en: 'has an SPF record with a syntax error', ja: 'の SPF レコードに書式の誤りがある' },
  'spf-version': { en: "the record must start with 'v=spf1'", ja: "レコードは 'v=spf1' で始めます" },
  'spf-char-other': { en: 'this character', ja: 'この文字があると受信側は permerror を返します' },
  'spf-char-space': {
    en: 'this full-width or typographic space (type an ASCII space instead)',
    ja: 'この全角などの空白があると受信側は permerror を返します。半角スペースに直してください',
  },
  'spf-char-fullwidth': {
    en: "this full-width text, typed in a Japanese input method (type '{ascii}' in ASCII, half-width, instead)",
    ja: "この全角の文字があると受信側は permerror を返します。半角の '{ascii}' に直してください",
  },
  'spf-char-invisible': {
    en: 'this invisible character (delete it)',
    ja: 'この目に見えない文字があると受信側は permerror を返します。削除してください',
  },
  'spf-control-char': {
    en: 'a control character (terms are separated by single spaces only)',
    ja: '制御文字があります（項目の区切りは半角スペースだけです）',
  },
  'spf-empty-domain': { en: 'the domain after ":" or "=" is empty', ja: '":" または "=" の後のドメインが空です' },
  'spf-domain-end': {
    en: 'a domain must end in a top-level label such as ".com" (not a number) or a macro',
    ja: 'ドメインは ".com" のようなトップレベルのラベル（数字だけは不可）かマクロで終わる必要があります',
  },
  'spf-unexpected-after-name': { en: 'unexpected text after the mechanism name', ja: 'メカニズム名の後に余計な文字があります' },
  'spf-no-argument': { en: 'this mechanism needs ":" and a value', ja: 'このメカニズムには ":" と値が必要です' },
  'spf-bad-modifier-name': {
    en: 'a modifier name must start with a letter',
    ja: '修飾子の名前は英字で始める必要があります',
  },
  'spf-bad-cidr-form': {
    en: 'write /N for IPv4 and //N for IPv6 (ip6: takes a single /N)',
    ja: 'IPv4 は /N、IPv6 は //N と書きます（ip6: では /N を 1 つだけ）',
  },
  'spf-macro-percent': {
    en: "'%' must be followed by '{', '%', '_' or '-'; write '%%' for a literal percent sign",
    ja: "'%' の後には '{'、'%'、'_'、'-' のどれかが必要です。% そのものは '%%' と書きます",
  },
  'spf-macro-letter': {
    en: 'the macro letters are s, l, o, d, i, p, h, v (and c, r, t in explanations)',
    ja: 'マクロの文字は s, l, o, d, i, p, h, v です（説明文では c, r, t も使えます）',
  },
  'spf-macro-exp-letter': {
    en: 'the letters c, r and t are allowed only in explanation text',
    ja: 'c, r, t は説明文（exp のテキスト）の中でしか使えません',
  },
  'spf-macro-zero-digits': { en: 'the number of parts must not be zero', ja: '取り出す部分の数に 0 は指定できません' },
  'spf-macro-unclosed': { en: "the macro is not closed with '}'", ja: "マクロが '}' で閉じられていません" },
  'spf-version-joined': {
    en: ' (its strings are joined with nothing between them)',
    ja: '（文字列は間に何も入れずにつなげられます）',
  },
  'spf-version-plain': { en: '', ja: '' },
  'spf-hint-suggest': { en: "; did you mean '{suggestion}'?", ja: "。'{suggestion}' の誤りではありませんか？" },
  'spf-hint-none': { en: '', ja: '' },
  'spf-plus-all': {
    en: 'lets every host on the Internet pass as this domain; use ~all or -all',
    ja: 'はインターネット上のすべてのホストにこのドメインとしての送信を許可します。~all か -all を使ってください',
  },
  'spf-neutral-all': {
    en: 'says nothing about other hosts, so spoofed mail is not rejected; use ~all or -all',
    ja: 'はほかのホストについて何も示さないため、なりすましメールが拒否されません。~all か -all を使ってください',
  },
};
