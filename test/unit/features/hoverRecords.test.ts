/** Hover on DMARC and DKIM tags and values, and on every zone-file token kind, in both languages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver';
import { open } from './fixture';

const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 1h',
  '$INCLUDE other.zone',
  '@ 86400 IN SOA ns1 hostmaster 2024010502 7200 3600 1209600 300',
  '  IN NS ns1',
  '_dmarc IN TXT "v=DMARC1; p=quarantine; sp=reject; adkim=s; fo=1:d; rua=mailto:dmarc@example.com; pct=50; x=1"',
  'sel._domainkey IN TXT "v=DKIM1; k=ed25519; h=sha256; t=y:s; n=note; s=email; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="',
  'ns1 IN A 192.0.2.1',
  'www IN CAA 0 issue "letsencrypt.org; validationmethods=dns-01"',
  'www IN CAA 128 iodef "mailto:sec@example.com"',
  'www IN CAA 0 isue ";"',
  '_25._tcp.mail IN TLSA 3 1 1 8cb0c6b8b7dd0ffe1a4f6ec1a0ab2f70c4a6a4b5f7e1f19c0d7b3e8a1f2c3d4e',
  '_443._tcp.www IN TLSA 9 0 2 8cb0c6b8b7dd0ffe1a4f6ec1a0ab2f70c4a6a4b5f7e1f19c0d7b3e8a1f2c3d4e8cb0c6b8b7dd0ffe1a4f6ec1a0ab2f70c4a6a4b5f7e1f19c0d7b3e8a1f2c3d4e',
  '',
].join('\n');

function at(needle: string, shift = 0): string {
  const i = ZONE.indexOf(needle);
  assert.ok(i >= 0, needle);
  return ZONE.slice(0, i + shift) + '|' + ZONE.slice(i + shift);
}

function hover(text: string, locale: 'en' | 'ja') {
  const o = open(text, { locale });
  const h = o.service.doHover(o.document, o.position);
  assert.ok(h, 'a hover');
  return { value: (h.contents as MarkupContent).value, under: o.document.getText(h.range!) };
}

const cases: Array<{ what: string; text: string; under: string; en: RegExp[]; ja: RegExp[] }> = [
  // DMARC (RFC 9989 §4.7)
  { what: 'DMARC v tag', text: at('v=DMARC1'), under: 'v', en: [/DMARC tag: Version/, /rfc9989#section-4\.7/], ja: [/DMARC のタグ: バージョン/] },
  { what: 'DMARC version value', text: at('DMARC1', 2), under: 'DMARC1', en: [/Value `DMARC1`: DMARC version 1/], ja: [/値 `DMARC1`: DMARC のバージョン 1/] },
  { what: 'DMARC p tag', text: at('p=quar'), under: 'p', en: [/Policy/, /fails DMARC/], ja: [/ポリシー/, /なりすましメール/] },
  { what: 'DMARC p value', text: at('quarantine', 3), under: 'quarantine', en: [/Value `quarantine`: .*spam folder/], ja: [/迷惑メールフォルダ/] },
  { what: 'DMARC sp value', text: at('reject', 1), under: 'reject', en: [/Subdomain policy/, /Refuse failing mail/], ja: [/サブドメインのポリシー/, /拒否/] },
  { what: 'DMARC adkim value', text: at('adkim=s', 6), under: 's', en: [/DKIM alignment/, /strict: the domains must be exactly the same/], ja: [/DKIM の一致判定/, /strict（厳密）/] },
  { what: 'DMARC fo list item', text: at('1:d', 2), under: 'd', en: [/Failure reporting options/, /Value `d`: Report when the DKIM signature fails/], ja: [/失敗レポートの条件/, /DKIM 署名の検証が失敗/] },
  { what: 'DMARC rua value', text: at('mailto:', 3), under: 'mailto:dmarc@example.com', en: [/Aggregate reports/, /Value `mailto:dmarc@example\.com`/], ja: [/集計レポートの宛先/] },
  { what: 'DMARC removed tag', text: at('pct='), under: 'pct', en: [/removed/, /rfc7489#section-6\.3/], ja: [/廃止/] },
  { what: 'DMARC unknown tag', text: at('x=1'), under: 'x', en: [/does not define: receivers ignore it/], ja: [/定義されていないタグ/] },
  // DKIM (RFC 6376 §3.6.1)
  { what: 'DKIM v value', text: at('DKIM1', 1), under: 'DKIM1', en: [/DKIM key tag: Version/, /DKIM key record version 1/, /rfc6376#section-3\.6\.1/], ja: [/DKIM 鍵のタグ: バージョン/] },
  { what: 'DKIM k value', text: at('ed25519', 2), under: 'ed25519', en: [/Key type/, /Ed25519 key \(RFC 8463\)/], ja: [/鍵の種類/, /Ed25519 鍵です/] },
  { what: 'DKIM h value', text: at('sha256', 1), under: 'sha256', en: [/Hash algorithms/, /SHA-256/], ja: [/ハッシュ方式/] },
  { what: 'DKIM t list item', text: at('y:s', 2), under: 's', en: [/Flags/, /Strict: the signature’s `i=` domain/], ja: [/フラグ/, /厳密/] },
  { what: 'DKIM n tag', text: at('n=note'), under: 'n', en: [/Notes/, /receivers ignore them/], ja: [/メモ/] },
  { what: 'DKIM s value', text: at('email', 1), under: 'email', en: [/Service types/, /Email signing only/], ja: [/サービスの種類/, /メールの署名/] },
  { what: 'DKIM p tag', text: at('p=11'), under: 'p', en: [/Public key/, /Empty means the key was revoked/], ja: [/公開鍵/, /失効/] },
  // CAA (RFC 8659)
  { what: 'CAA flags', text: at('128 iodef'), under: '128', en: [/CAA flags/, /Issuer Critical/, /rfc8659#section-4\.1/], ja: [/CAA のフラグ/, /クリティカル/] },
  { what: 'CAA issue tag', text: at('issue "', 1), under: 'issue', en: [/\*\*issue\*\* — CAA property/, /rfc8659#section-4\.2/, /may issue certificates/], ja: [/CAA のプロパティ/, /発行してよい認証局/] },
  { what: 'CAA issue value', text: at('letsencrypt.org;', 2), under: '"letsencrypt.org; validationmethods=dns-01"', en: [/Certificate authority: `letsencrypt\.org`/, /Parameters: `validationmethods=dns-01`/], ja: [/認証局: `letsencrypt\.org`/, /パラメーター/] },
  { what: 'CAA iodef tag', text: at('iodef', 1), under: 'iodef', en: [/report a request it refused/], ja: [/報告する先/] },
  { what: 'CAA unknown tag', text: at('isue', 1), under: 'isue', en: [/Not a property certificate authorities know/], ja: [/認証局が知らないプロパティ/] },
  // TLSA (RFC 6698, RFC 7672)
  { what: 'TLSA owner', text: at('_25._tcp.mail', 1), under: '_25._tcp.mail', en: [/`_25\._tcp\.mail\.example\.com\.`/, /TLSA records for port 25\/TCP of `mail\.example\.com` \(SMTP\)/, /rfc6698#section-3/], ja: [/`mail\.example\.com` のポート 25\/TCP（SMTP）の TLSA レコード/] },
  { what: 'TLSA usage', text: at('3 1 1', 1), under: '3', en: [/\*\*TLSA Certificate usage\*\*/, /`3` DANE-EE: The server’s own certificate or key must match/, /certbot --reuse-key/, /rfc6698#section-2\.1\.1/], ja: [/証明書の使用法/, /`3` DANE-EE: サーバー自身の証明書か公開鍵/, /同じ鍵を使う/] },
  { what: 'TLSA selector', text: at('3 1 1', 2), under: '1', en: [/TLSA Selector/, /`1` SPKI: Only the public key/, /rfc6698#section-2\.1\.2/], ja: [/セレクター/, /公開鍵（SubjectPublicKeyInfo）だけ/] },
  { what: 'TLSA matching type', text: at('3 1 1', 4), under: '1', en: [/TLSA Matching type/, /`1` SHA2-256: .*64 hex digits/], ja: [/マッチングタイプ/, /16 進数 64 桁/] },
  { what: 'TLSA data', text: at('8cb0c6b8b7dd0ffe1a4f6ec1a0ab2f70c4a6a4b5f7e1f19c0d7b3e8a1f2c3d4e', 10), under: '8cb0c6b8b7dd0ffe1a4f6ec1a0ab2f70c4a6a4b5f7e1f19c0d7b3e8a1f2c3d4e', en: [/Certificate association data/, /Matched against the SHA-256 digest of the public key the server presents: 32 octets written here/, /rfc6698#section-2\.1\.4/], ja: [/証明書の関連付けデータ/, /公開鍵の SHA-256 ダイジェストと照合します。ここには 32 オクテット/] },
  { what: 'TLSA unassigned usage', text: at('9 0 2', 1), under: '9', en: [/TLSA Certificate usage/, /`9` is not assigned: clients treat the record as unusable/], ja: [/割り当てられていない値/] },
  { what: 'TLSA SHA-512 data of a certificate', text: at('8cb0c6b8b7dd0ffe1a4f6ec1a0ab2f70c4a6a4b5f7e1f19c0d7b3e8a1f2c3d4e8cb0c6b8b7dd0ffe1a4f6ec1a0ab2f70c4a6a4b5f7e1f19c0d7b3e8a1f2c3d4e', 70), under: '8cb0c6b8b7dd0ffe1a4f6ec1a0ab2f70c4a6a4b5f7e1f19c0d7b3e8a1f2c3d4e8cb0c6b8b7dd0ffe1a4f6ec1a0ab2f70c4a6a4b5f7e1f19c0d7b3e8a1f2c3d4e', en: [/SHA-512 digest of the certificate the server presents: 64 octets/], ja: [/証明書の SHA-512 ダイジェスト/] },
  { what: 'TLSA owner of HTTPS', text: at('_443._tcp.www', 2), under: '_443._tcp.www', en: [/port 443\/TCP of `www\.example\.com` \(HTTPS\)/], ja: [/ポート 443\/TCP（HTTPS）/] },
  // Zone file
  { what: 'RR type', text: at('SOA', 1), under: 'SOA', en: [/Record type \(type code 6\)/, /Fields, in order: `mname` `rname` `serial` `refresh` `retry` `expire` `minimum`/, /\[RFC 1035 §3\.3\.13\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc1035#section-3\.3\.13\)/], ja: [/レコード型（型番号 6）/, /フィールド（記述順）/, /ゾーンの起点/] },
  { what: '$TTL directive', text: at('$TTL', 1), under: '$TTL', en: [/Directive/, /default TTL/], ja: [/ディレクティブ/, /既定の TTL/] },
  { what: '$TTL value', text: at('1h', 1), under: '1h', en: [/Default TTL/, /1 hour \(3600 seconds\)/], ja: [/既定の TTL/, /1時間（|1時間 \(/] },
  { what: '$INCLUDE directive', text: at('$INCLUDE', 1), under: '$INCLUDE', en: [/Reads another file/], ja: [/別のファイル/] },
  { what: 'record TTL', text: at('86400', 1), under: '86400', en: [/1 day \(86400 seconds\)/], ja: [/1日（86400 秒）/] },
  { what: 'class IN', text: at('IN SOA'), under: 'IN', en: [/Internet class/], ja: [/インターネット・クラス/] },
  { what: 'class CH', text: 'version.bind. 0 |CH TXT "9.18"\n', under: 'CH', en: [/Chaos class/], ja: [/Chaos クラス/] },
  { what: 'SOA mname', text: at('ns1 hostmaster', 1), under: 'ns1', en: [/SOA mname/, /primary name server/], ja: [/プライマリサーバー/] },
  { what: 'SOA rname', text: at('hostmaster', 1), under: 'hostmaster', en: [/Contact mailbox/, /`@` written as a dot/], ja: [/管理者のメールアドレス/] },
  { what: 'SOA serial', text: at('2024010502', 1), under: '2024010502', en: [/Serial number/, /YYYYMMDDnn/, /Read as a date: 2024-01-05, change number 2/], ja: [/シリアル番号/, /2024-01-05、その日の 2 番目の変更/] },
  { what: 'SOA refresh', text: at('7200', 1), under: '7200', en: [/SOA refresh/, /secondaries ask the primary/, /2 hours/], ja: [/更新間隔/, /2時間/] },
  { what: 'SOA retry', text: at('3600 1209600', 1), under: '3600', en: [/SOA retry/, /asking again/, /1 hour/], ja: [/再試行間隔/] },
  { what: 'SOA expire', text: at('1209600', 1), under: '1209600', en: [/SOA expire/, /2 weeks/], ja: [/有効期限/, /2週間/] },
  { what: 'SOA minimum', text: at('300\n', 1), under: '300', en: [/Negative-caching TTL/, /does not exist/, /5 minutes/, /rfc2308#section-4/], ja: [/不在応答のキャッシュ時間/, /5分/] },
];

for (const c of cases) {
  for (const locale of ['en', 'ja'] as const) {
    test(`hover (${locale}): ${c.what}`, () => {
      const h = hover(c.text, locale);
      assert.equal(h.under, c.under);
      for (const re of c[locale]) assert.match(h.value, re);
      if (locale === 'ja') assert.match(h.value, /[\u3040-\u30ff\u4e00-\u9fff]/, 'Japanese text');
    });
  }
}

test('a TXT record that is neither SPF, DMARC nor DKIM has no tag hover', () => {
  const o = open('$ORIGIN example.com.\nwww IN TXT "p=|reject"\n');
  assert.equal(o.service.doHover(o.document, o.position), undefined);
});

test('hover on the type of a record with an optional field left out (ISDN without subaddress) lists the fields it has', () => {
  // JSON.stringify(undefined) is undefined: the hover threw.
  const o = open('$ORIGIN example.com.\nisdn IN |ISDN "150862028003217"\n');
  const h = o.service.doHover(o.document, o.position);
  assert.ok(h, 'a hover');
  const value = (h.contents as MarkupContent).value;
  assert.match(value, /\*\*ISDN\*\*/);
  assert.match(value, /`address`: `150862028003217`/);
  assert.doesNotMatch(value, /subaddress/);
});

test('hover on a record type names its RDATA fields as the field list above it does (the RFC names), not by the parser\'s', () => {
  const value = (text: string) => {
    const o = open(text);
    const h = o.service.doHover(o.document, o.position);
    assert.ok(h, 'a hover');
    return (h.contents as MarkupContent).value;
  };
  const cname = value('$ORIGIN example.com.\nwww IN |CNAME example.com.\n');
  assert.match(cname, /Fields, in order: `cname`/);
  assert.match(cname, /^- `cname`: `example\.com\.`$/m);
  assert.doesNotMatch(cname, /`target`/);
  const ds = value('$ORIGIN example.com.\nsub IN |DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118\n');
  assert.match(ds, /^- `key-tag`: `60485`$/m);
  assert.match(ds, /^- `digest-type`: `1`$/m);
  // TXT's strings: `txt-data`, without the list's ellipsis.
  assert.match(value('$ORIGIN example.com.\n@ IN |TXT "a" "b"\n'), /^- `txt-data`: `"a" "b"`$/m);
});

test('hover on a MailChannels Domain Lockdown record explains each field, in English and Japanese, with the documentation link', () => {
  const hoverAt = (record: string, locale: 'en' | 'ja' = 'en') => {
    const o = open(`$ORIGIN example.com.\n_mailchannels IN TXT ${record}\n`, { locale });
    const h = o.service.doHover(o.document, o.position);
    return h && { value: (h.contents as MarkupContent).value, under: o.document.getText(h.range!) };
  };
  const auth = hoverAt('"v=mc1 au|th=myhost senderid=myhost|x-authuser|a@example.com"')!;
  assert.equal(auth.under, 'auth=myhost');
  assert.match(auth.value, /^\*\*`auth`\*\* — MailChannels Domain Lockdown field · \[MailChannels Domain Lockdown\]\(https:\/\/docs\.mailchannels\.com\/outbound\/domain-lockdown\)/);
  assert.match(auth.value, /X-MailChannels-Auth-Id/);
  assert.match(hoverAt('"v=mc1 auth=myhost sender|id=myhost|x-authuser|a@example.com"')!.value, /X-MailChannels-SenderId/);
  assert.match(hoverAt('"v=m|c1 auth=myhost"', 'ja')!.value, /^\*\*`v`\*\* — MailChannels Domain Lockdown のフィールド/);
  assert.match(hoverAt('"v=mc1 cfid=x.work|ers.dev"')!.value, /no longer supported since 31 August 2024/);
  assert.match(hoverAt('"v=mc1 acc|ount=myhost"')!.value, /Not a Domain Lockdown field/);
  // `auth=myhost;`: the field without the separator.
  assert.equal(hoverAt('"v=mc1 au|th=myhost;"')!.under, 'auth=myhost');
  // Not a lockdown record: no field hover.
  assert.equal(hoverAt('"hel|lo"'), undefined);
});

test('a CAA or TLSA record written in RFC 3597 form has no field hover: its tokens are octets, not fields', () => {
  for (const text of ['$ORIGIN example.com.\n@ IN CAA \\# |7 00 03 666f6f 6262\n', '$ORIGIN example.com.\n_25._tcp IN TLSA \\# |4 03 01 01 00\n', '$ORIGIN example.com.\n_25._tcp IN TLSA \\# 4 |03 01 01 00\n']) {
    const o = open(text);
    assert.equal(o.service.doHover(o.document, o.position), undefined, text);
  }
  // The same records in their own form do have one.
  const o = open('$ORIGIN example.com.\n_25._tcp IN TLSA |3 1 1 00\n');
  assert.match((o.service.doHover(o.document, o.position)!.contents as MarkupContent).value, /DANE-EE/);
});
