import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver';
import { open } from './fixture';
import { defaultSettings } from '../../../server/src/settings';

/** A zone whose apex SPF record uses every kind of term; includes resolve through the zone and the snapshot. */
const SPF_ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300',
  '  IN NS ns1',
  '  IN MX 10 mail',
  '  IN TXT "v=spf1 ip4:192.0.2.0/24 mx a:mail.example.com include:_spf.google.com include:spf.example.com ~all"',
  'spf IN TXT "v=spf1 ip6:2001:db8::/32 -all"',
  'mac IN TXT "v=spf1 exists:%{ir}.%{v}._spf.example.com ptr ?all"',
  'red IN TXT "v=spf1 redirect=spf.example.com"',
  'exp IN TXT "v=spf1 +a -all exp=explain.example.com note=x"',
  'far IN TXT "v=spf1 include:mail.unknown-provider.test -all"',
  'ns1 IN A 192.0.2.1',
  'mail IN A 192.0.2.2',
  '',
].join('\n');

type Locale = 'en' | 'ja';

/** Hovers at the `|` placed before the n-th occurrence (0-based) of `needle` in SPF_ZONE. */
function at(needle: string, shift = 0, nth = 0): string {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = SPF_ZONE.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return SPF_ZONE.slice(0, i + shift) + '|' + SPF_ZONE.slice(i + shift);
}

function hover(text: string, locale: Locale = 'en', hoverFormat: 'markdown' | 'plaintext' = 'markdown') {
  const o = open(text, { locale, hoverFormat });
  const h = o.service.doHover(o.document, o.position);
  assert.ok(h, 'a hover');
  const c = h.contents as MarkupContent;
  return { value: c.value, kind: c.kind, under: o.document.getText(h.range!) };
}

const cases: Array<{ what: string; text: string; under: string; en: RegExp[]; ja: RegExp[] }> = [
  {
    what: 'ip4 mechanism',
    text: at('ip4:', 1),
    under: 'ip4:192.0.2.0/24',
    en: [/\*\*ip4\*\* — SPF mechanism/, /IPv4 address/, /No DNS lookup/, /\[RFC 7208 §5\.6\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc7208#section-5\.6\)/, /Example: `ip4:192\.0\.2\.0\/24`/, /pass \(allowed\)/],
    ja: [/SPF のメカニズム/, /IPv4 アドレス/, /DNS の問い合わせは発生しません/, /例: `ip4:/, /pass（許可）/],
  },
  {
    what: 'ip6 mechanism',
    text: at('ip6:', 1),
    under: 'ip6:2001:db8::/32',
    en: [/IPv6 address/, /section-5\.6/],
    ja: [/IPv6 アドレス/],
  },
  {
    what: 'mx mechanism',
    text: at(' mx ', 2),
    under: 'mx',
    en: [/mail servers/, /1 DNS lookup, plus one address lookup per MX host/, /section-5\.4/],
    ja: [/メール受信サーバー/, /1 回使います/],
  },
  {
    what: 'a mechanism',
    text: at('a:mail', 0),
    under: 'a:mail.example.com',
    en: [/A\/AAAA addresses/, /1 DNS lookup \(of the 10 allowed\)/, /section-5\.3/],
    ja: [/A\/AAAA レコード/, /上限は 10 回/],
  },
  {
    what: 'ptr mechanism',
    text: at('ptr', 1),
    under: 'ptr',
    en: [/reverse name/, /not to use it/, /section-5\.5/],
    ja: [/逆引き/, /使わないよう/],
  },
  {
    what: 'exists mechanism',
    text: at('exists', 1),
    under: 'exists:%{ir}.%{v}._spf.example.com',
    en: [/has an A record/, /section-5\.7/],
    ja: [/A レコードが存在すれば/],
  },
  {
    what: 'all mechanism with ~: softfail and the Gmail consequence',
    text: at('~all', 1),
    under: '~all',
    en: [/\*\*all\*\*/, /softfail \(probably not allowed\)/, /spam/, /550-5\.7\.26/, /section-5\.1/, /section-8\.5/],
    ja: [/すべての送信元/, /softfail（おそらく不許可）/, /迷惑メールフォルダ/, /550-5\.7\.26/],
  },
  {
    what: '~ qualifier',
    text: at('~all'),
    under: '~',
    en: [/\*\*~\*\* — SPF qualifier/, /softfail: the server is probably not allowed/, /section-4\.6\.2/],
    ja: [/SPF の修飾記号/, /おそらく不許可/, /怪しいメール/],
  },
  {
    what: '- qualifier',
    text: at('-all'),
    under: '-',
    en: [/fail: the server is not allowed/, /section-8\.4/],
    ja: [/fail（不許可）/, /拒否/],
  },
  {
    what: '? qualifier',
    text: at('?all'),
    under: '?',
    en: [/neutral: the domain says nothing/],
    ja: [/neutral（判断なし）/],
  },
  {
    what: '+ qualifier',
    text: at('+a'),
    under: '+',
    en: [/pass: the server is allowed/, /section-8\.3/],
    ja: [/pass（許可）/],
  },
  {
    what: 'macro letter with reversal',
    text: at('%{ir}', 2),
    under: '%{ir}',
    en: [/SPF macro/, /`%\{i\}` expands to the sending server’s IP address/, /reverse order/, /section-7\.2/],
    ja: [/SPF のマクロ/, /`%\{i\}` は送信元サーバーの IP アドレス.*に置き換わります/, /逆順/],
  },
  {
    what: 'macro letter v',
    text: at('%{v}', 2),
    under: '%{v}',
    en: [/`in-addr` for an IPv4 sender/],
    ja: [/`in-addr`/, /IPv6 なら `ip6`/],
  },
  {
    what: 'exp modifier',
    text: at('exp=', 1),
    under: 'exp=explain.example.com',
    en: [/\*\*exp=\*\* — SPF modifier/, /explains a fail/, /section-6\.2/],
    ja: [/SPF の修飾子/, /説明文/],
  },
  {
    what: 'an unknown modifier',
    text: at('note=', 1),
    under: 'note=x',
    en: [/does not define: receivers ignore it/],
    ja: [/定義されていない修飾子/],
  },
  {
    what: 'include: the provider, the record it resolves to, its cost',
    text: at('include:_spf', 3),
    under: 'include:_spf.google.com',
    en: [/Provider: \*\*Google Workspace\*\*/, /`_spf\.google\.com` publishes:/, /v=spf1 include:_netblocks\.google\.com/, /bundled provider snapshot of \d{4}-\d\d-\d\d/, /Costs \*\*4\*\* of the 10 DNS lookups/, /section-5\.2/],
    ja: [/提供元: \*\*Google Workspace\*\*/, /`_spf\.google\.com` の SPF レコード/, /同梱のプロバイダー情報/, /10 回の上限のうち \*\*4 回\*\*/],
  },
  {
    what: 'include of a record in the zone',
    text: at('include:spf.', 3),
    under: 'include:spf.example.com',
    en: [/v=spf1 ip6:2001:db8::\/32 -all/, /zone data of the workspace/, /Costs \*\*1\*\*/],
    ja: [/ワークスペースのゾーンデータ/, /\*\*1 回\*\*/],
  },
  {
    what: 'include that cannot be followed offline',
    text: at('include:mail.unknown', 3),
    under: 'include:mail.unknown-provider.test',
    en: [/`mail\.unknown-provider\.test`: not checked \(offline, or the lookup failed\)/],
    ja: [/未確認（オフライン、または問い合わせに失敗）/],
  },
  {
    what: 'redirect',
    text: at('redirect=', 2),
    under: 'redirect=spf.example.com',
    en: [/SPF modifier/, /the other domain’s SPF record decides/, /v=spf1 ip6:2001:db8::\/32 -all/, /Costs \*\*1\*\*/, /section-6\.1/],
    ja: [/代わりに指定したドメインの SPF レコードで判定/, /\*\*1 回\*\*/],
  },
  {
    what: 'v=spf1: the summary of the whole record',
    text: at('v=spf1 ip4', 2),
    under: 'v=spf1',
    en: [
      /DNS lookups: \*\*7 of 10\*\*/,
      /Breakdown: 4 in the record itself, include:_spf\.google\.com \+3$/m,
      /Mail from a server this record does not list: \*\*softfail \(probably not allowed\)\*\*/,
      /Gmail/,
      /550-5\.7\.26/,
      /No problems found/,
    ],
    ja: [/DNS の問い合わせ回数: \*\*10 回中 7 回\*\*/, /内訳: レコード自体で 4 回、include:_spf\.google\.com で \+3 回$/m, /このレコードに載っていないサーバーからのメール: \*\*softfail（おそらく不許可）\*\*/, /迷惑メールフォルダ/],
  },
];

for (const c of cases) {
  for (const locale of ['en', 'ja'] as const) {
    test(`SPF hover (${locale}): ${c.what}`, () => {
      const h = hover(c.text, locale);
      assert.equal(h.under, c.under);
      assert.equal(h.kind, 'markdown');
      for (const re of c[locale]) assert.match(h.value, re);
      if (locale === 'ja') assert.match(h.value, /[\u3040-\u30ff]/, 'Japanese text');
    });
  }
}

test('v=spf1 summary lists the problems on the record, in the locale', () => {
  const text = '$ORIGIN example.com.\n@ IN TXT "|v=spf1 ptr +all"\n';
  const en = hover(text).value;
  assert.match(en, /Problems on this record:/);
  assert.match(en, /\(`spf-ptr-deprecated`\)/);
  assert.match(en, /\(`spf-permissive-all`\)/);
  assert.match(en, /anyone can send mail as this domain/);
  const ja = hover(text, 'ja').value;
  assert.match(ja, /このレコードの問題:/);
  assert.match(ja, /なりすましメールを防げません/);
});

test('v=spf1 summary: over the limit, and no all (neutral by default)', () => {
  const includes = Array.from({ length: 11 }, (_, k) => `a:h${k}.example.com`).join(' ');
  const h = hover(`$ORIGIN example.com.\n@ IN TXT "|v=spf1 ${includes}"\n`);
  assert.match(h.value, /\*\*11 of 10\*\*/);
  assert.match(h.value, /Over the limit: receivers stop with permerror/);
  assert.match(h.value, /\*\*neutral\*\* \(the record ends without `all`\)/);
  const ja = hover(`$ORIGIN example.com.\n@ IN TXT "|v=spf1 ${includes}"\n`, 'ja');
  assert.match(ja.value, /上限を超えています/);
});

test('a record split into strings: the hover finds terms in the second string', () => {
  const h = hover('$ORIGIN example.com.\n@ IN TXT "v=spf1 ip4:192.0.2.1 " "in|clude:_spf.google.com -all"\n');
  assert.equal(h.under, 'include:_spf.google.com');
  assert.match(h.value, /Costs \*\*4\*\*/);
});

test('plain text for clients without markdown: no marks, links spelled out', () => {
  const h = hover(at('~all', 1), 'en', 'plaintext');
  assert.equal(h.kind, 'plaintext');
  assert.doesNotMatch(h.value, /\*\*|`|\]\(/);
  assert.match(h.value, /RFC 7208 §5\.1 <https:\/\/www\.rfc-editor\.org\/rfc\/rfc7208#section-5\.1>/);
});

test('async hover follows includes through the resolver and agrees with the sync path', async () => {
  const o = open(at('v=spf1 ip4', 2), { locale: 'en', settings: () => defaultSettings });
  const sync = o.service.doHover(o.document, o.position);
  const later = await o.service.doHoverAsync(o.document, o.position);
  assert.ok(sync && later);
  assert.deepEqual(later.range, sync.range);
  assert.match((later.contents as MarkupContent).value, /DNS lookups: \*\*7 of 10\*\*/);
  const inc = open(at('include:_spf', 3));
  const h = await inc.service.doHoverAsync(inc.document, inc.position);
  assert.match((h!.contents as MarkupContent).value, /v=spf1 include:_netblocks\.google\.com[\s\S]*snapshot[\s\S]*Costs \*\*4\*\*/);
});

test('hover on include:relay.mailchannels.net says what the zone\'s Domain Lockdown record allows, or that there is none', () => {
  const zoneWith = (lockdown: string) =>
    ['$ORIGIN shop.example.jp.', '$TTL 300', '@ SOA ns h 1 2 3 4 5', '@ NS ns', 'ns A 192.0.2.1', '@ TXT "v=spf1 a include:relay.mail|channels.net ~all"', lockdown, ''].join('\n');
  const none = hover(zoneWith(''));
  assert.match(none.value, /Domain Lockdown: none at `_mailchannels\.shop\.example\.jp` .*any MailChannels customer can send mail as `shop\.example\.jp` that passes SPF/);
  assert.match(hover(zoneWith('_mailchannels TXT "v=mc1 cfid=x.workers.dev"')).value, /Domain Lockdown: none at/);
  const listed = hover(zoneWith('_mailchannels TXT "v=mc1 auth=myhost auth=other"'), 'ja');
  assert.match(listed.value, /Domain Lockdown: `_mailchannels\.shop\.example\.jp` により、MailChannels 経由で `shop\.example\.jp` としてメールを送れるのは `myhost`, `other` だけです。/);
  assert.match(hover(zoneWith('_mailchannels TXT "v=mc1 senderid=myhost|x-authuser|a@shop.example.jp"')).value, /lists the senders that may send mail as/);
  // Another include hears nothing of it.
  assert.doesNotMatch(hover(at('include:_spf.google', 10)).value, /Domain Lockdown/);
});
