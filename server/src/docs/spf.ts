/**
 * What each part of an SPF record means (RFC 7208): mechanisms (§5), qualifiers and
 * the results they give (§4.6.2, §2.6), modifiers (§6) and macro letters (§7.2), in
 * English and in Japanese for a reader who is not a DNS specialist.
 */
import type { MacroLetter, MechanismName, Qualifier } from '../spf/ast';
import type { Localized } from '../l10n';

export interface TermDoc {
  /** What the term matches or does. */
  readonly text: Localized;
  /** What it costs against the limit of 10 DNS lookups (§4.6.4). */
  readonly lookups: Localized;
  readonly example: string;
  /** RFC 7208 section. */
  readonly section: string;
}

const NO_LOOKUP: Localized = {
  en: 'No DNS lookup: free against the limit of 10.',
  ja: 'DNS の問い合わせは発生しません（10 回の上限に数えられません）。',
};
const ONE_LOOKUP: Localized = {
  en: '1 DNS lookup (of the 10 allowed).',
  ja: 'DNS の問い合わせを 1 回使います（上限は 10 回）。',
};

export const MechanismDocs: Record<MechanismName, TermDoc> = {
  all: {
    text: {
      en: 'Matches every sender. Written last, its qualifier decides what happens to mail from any server the record does not list.',
      ja: 'すべての送信元に一致します。末尾に書き、その前の項目に当てはまらなかったサーバーからのメールをどう扱うかを決めます。',
    },
    lookups: NO_LOOKUP,
    example: 'v=spf1 mx -all',
    section: '5.1',
  },
  include: {
    text: {
      en: 'Checks the SPF record of another domain (typically a mail provider): matches when that record gives pass for the sending server.',
      ja: '別のドメイン（主にメール配信サービス）の SPF レコードを確認し、そこで送信元サーバーが許可されていれば一致します。',
    },
    lookups: {
      en: '1 DNS lookup, plus every lookup of the included record.',
      ja: 'DNS の問い合わせを 1 回使い、さらに取り込んだ先のレコードが使う回数も加算されます。',
    },
    example: 'include:_spf.google.com',
    section: '5.2',
  },
  a: {
    text: {
      en: 'Matches when the sending server’s IP address is one of the A/AAAA addresses of the domain (this domain when none is given); `/24` widens it to a network.',
      ja: '送信元サーバーの IP アドレスが、指定したドメイン（省略時はこのドメイン）の A/AAAA レコードのアドレスと一致すれば一致します。`/24` のように書くとネットワーク単位で比較します。',
    },
    lookups: ONE_LOOKUP,
    example: 'a:mail.example.com/24',
    section: '5.3',
  },
  mx: {
    text: {
      en: 'Matches when the sending server is one of the domain’s mail servers (its MX hosts’ addresses).',
      ja: '送信元サーバーが、そのドメインのメール受信サーバー（MX レコードのホスト）のアドレスと一致すれば一致します。',
    },
    lookups: {
      en: '1 DNS lookup, plus one address lookup per MX host (at most 10 MX hosts).',
      ja: 'DNS の問い合わせを 1 回使います。加えて MX ホストごとにアドレスを調べます（MX ホストは 10 件まで）。',
    },
    example: 'mx',
    section: '5.4',
  },
  ptr: {
    text: {
      en: 'Matches when the sending IP’s reverse name ends in the domain. Slow and unreliable: RFC 7208 says not to use it.',
      ja: '送信元 IP アドレスの逆引き名がこのドメインで終われば一致します。遅く信頼性も低いため、RFC 7208 では使わないよう求めています。',
    },
    lookups: {
      en: '1 DNS lookup, plus up to 10 lookups of the reverse names.',
      ja: 'DNS の問い合わせを 1 回使い、さらに逆引き名の確認で最大 10 回問い合わせます。',
    },
    example: 'ptr:example.com',
    section: '5.5',
  },
  ip4: {
    text: {
      en: 'Matches when the sending server’s IPv4 address is in this address or network.',
      ja: '送信元サーバーの IPv4 アドレスが、このアドレス（またはネットワーク）に含まれていれば一致します。',
    },
    lookups: NO_LOOKUP,
    example: 'ip4:192.0.2.0/24',
    section: '5.6',
  },
  ip6: {
    text: {
      en: 'Matches when the sending server’s IPv6 address is in this address or network.',
      ja: '送信元サーバーの IPv6 アドレスが、このアドレス（またはネットワーク）に含まれていれば一致します。',
    },
    lookups: NO_LOOKUP,
    example: 'ip6:2001:db8::/32',
    section: '5.6',
  },
  exists: {
    text: {
      en: 'Matches when the name (usually built with macros) has an A record, whatever its address.',
      ja: '指定した名前（通常はマクロで組み立てます）に A レコードが存在すれば、アドレスの値に関係なく一致します。',
    },
    lookups: ONE_LOOKUP,
    example: 'exists:%{i}._spf.example.com',
    section: '5.7',
  },
};

/** The result a qualifier gives when its mechanism matches (§4.6.2), and what receivers do with it (§8). */
export const QualifierDocs: Record<Qualifier, { readonly result: string; readonly text: Localized }> = {
  '+': {
    result: 'pass',
    text: {
      en: 'pass: the server is allowed to send mail for the domain. `+` is the default when no qualifier is written.',
      ja: 'pass（許可）: このサーバーはこのドメインのメールを送ってよいサーバーです。記号を省略した場合も `+` と同じです。',
    },
  },
  '-': {
    result: 'fail',
    text: {
      en: 'fail: the server is not allowed to send for the domain; receivers may reject the mail.',
      ja: 'fail（不許可）: このサーバーからのメールはこのドメインのものとは認められません。受信側はメールを拒否できます。',
    },
  },
  '~': {
    result: 'softfail',
    text: {
      en: 'softfail: the server is probably not allowed; receivers usually accept the mail but treat it as suspicious (often the spam folder).',
      ja: 'softfail（おそらく不許可）: 正規のサーバーではなさそうだ、という意味です。受信側は通常メールを受け取りますが、怪しいメールとして扱い、迷惑メールフォルダに入れることがよくあります。',
    },
  },
  '?': {
    result: 'neutral',
    text: {
      en: 'neutral: the domain says nothing about this server, as if it had no SPF record.',
      ja: 'neutral（判断なし）: このサーバーについてドメイン側は何も表明しません。SPF レコードがない場合と同じ扱いです。',
    },
  },
};

export const ModifierDocs: Record<'redirect' | 'exp', TermDoc> = {
  redirect: {
    text: {
      en: 'When no mechanism of this record matches, the other domain’s SPF record decides instead. Ignored when the record has an `all`.',
      ja: 'このレコードのどの項目にも一致しなかったとき、代わりに指定したドメインの SPF レコードで判定します。`all` があるレコードでは無視されます。',
    },
    lookups: {
      en: '1 DNS lookup, plus every lookup of the target record.',
      ja: 'DNS の問い合わせを 1 回使い、さらに転送先のレコードが使う回数も加算されます。',
    },
    example: 'redirect=_spf.example.com',
    section: '6.1',
  },
  exp: {
    text: {
      en: 'Names a TXT record whose text (with macros) explains a fail to the sender, e.g. in the bounce message.',
      ja: 'fail になったときに送信者へ示す説明文（マクロ使用可）を置いた TXT レコードの名前です。エラーメールなどに表示されます。',
    },
    lookups: {
      en: 'Not counted: looked up only after a fail.',
      ja: '上限には数えられません（fail のときだけ問い合わせます）。',
    },
    example: 'exp=explain._spf.example.com',
    section: '6.2',
  },
};

export const UnknownModifierDoc: TermDoc = {
  text: {
    en: 'A modifier RFC 7208 does not define: receivers ignore it.',
    ja: 'RFC 7208 で定義されていない修飾子です。受信側は無視します。',
  },
  lookups: NO_LOOKUP,
  example: 'v=spf1 ip4:192.0.2.1 note=hello -all',
  section: '6',
};

export const VersionDoc: TermDoc = {
  text: {
    en: 'Marks this TXT record as an SPF record: the list of servers allowed to send mail for the domain.',
    ja: 'この TXT レコードが SPF レコード（このドメインのメールを送ってよいサーバーの一覧）であることを示します。',
  },
  lookups: NO_LOOKUP,
  example: 'v=spf1 include:_spf.google.com ~all',
  section: '4.5',
};

/** The macro letters (§7.2): what each expands to. `c`, `r`, `t` only in `exp` texts. */
export const MacroLetterDocs: Record<MacroLetter, Localized> = {
  s: { en: 'the sender’s address (`user@example.com`)', ja: '送信者のメールアドレス（`user@example.com`）' },
  l: { en: 'the local part of the sender’s address (`user`)', ja: '送信者アドレスの @ より前の部分（`user`）' },
  o: { en: 'the domain of the sender’s address (`example.com`)', ja: '送信者アドレスのドメイン部分（`example.com`）' },
  d: { en: 'the domain whose record is being checked', ja: '現在確認している SPF レコードのドメイン' },
  i: { en: 'the sending server’s IP address (IPv6 as dotted nibbles)', ja: '送信元サーバーの IP アドレス（IPv6 は 1 桁ずつドットで区切った形）' },
  p: { en: 'the sending IP’s verified reverse name; slow, RFC 7208 says not to use it', ja: '送信元 IP アドレスの確認済みの逆引き名。遅いため RFC 7208 では使わないよう求めています' },
  v: { en: '`in-addr` for an IPv4 sender, `ip6` for IPv6', ja: '送信元が IPv4 なら `in-addr`、IPv6 なら `ip6`' },
  h: { en: 'the name the sending server gave in HELO/EHLO', ja: '送信元サーバーが HELO/EHLO で名乗った名前' },
  c: { en: 'the sending IP in readable form (only in `exp` texts)', ja: '読みやすい形の送信元 IP アドレス（`exp` の説明文でのみ使用可）' },
  r: { en: 'the name of the receiving host doing the check (only in `exp` texts)', ja: '確認を行っている受信側ホストの名前（`exp` の説明文でのみ使用可）' },
  t: { en: 'the current time, in seconds since 1970 (only in `exp` texts)', ja: '現在時刻（1970 年からの秒数。`exp` の説明文でのみ使用可）' },
};

/** The result names with a gloss, and where RFC 7208 §8 says how receivers handle them. */
export const ResultNames: Record<Qualifier, { readonly name: Localized; readonly section: string }> = {
  '+': { name: { en: 'pass (allowed)', ja: 'pass（許可）' }, section: '8.3' },
  '-': { name: { en: 'fail (not allowed)', ja: 'fail（不許可）' }, section: '8.4' },
  '~': { name: { en: 'softfail (probably not allowed)', ja: 'softfail（おそらく不許可）' }, section: '8.5' },
  '?': { name: { en: 'neutral (no statement)', ja: 'neutral（判断なし）' }, section: '8.2' },
};
