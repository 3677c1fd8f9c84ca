/**
 * A name written without its final dot that ends with its own origin (zone/finalDot.ts):
 * `mail.example.jp` in the example.jp. zone names mail.example.jp.example.jp. BIND loads it
 * so (checked below with named-checkzone -D); zone-origin-repeated says so on the name as
 * written, and the quick-fix adds the dot.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText, printZone } from '../../../server/src/zone/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { fixesFor } from '../../../server/src/fixes/index';
import { repeatsOrigin } from '../../../server/src/zone/finalDot';
import { parseRdataFull } from '../../../server/src/zone/rdata/index';
import { fastRdata } from '../../../server/src/zone/rdata/fast';
import { analyzeSync } from '../../../server/src/analysis';
import { applyEdits } from '../fixes/helpers';
import { bindRecords, needsBind, recordLines } from '../../helpers/bind';

const HEAD = '$ORIGIN example.jp.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 900 604800 3600\n@ NS ns1\nns1 A 192.0.2.1\n';
const CODE = 'zone-origin-repeated';

const parse = (text: string) => parseZoneText(text, { origin: 'example.jp.' });
const hits = (text: string) => parse(text).problems.filter((p) => p.code === CODE);
const written = (text: string) => hits(text).map((p) => text.slice(p.offset, p.offset + p.length));

test('repeatsOrigin: a relative name ending with the labels of its origin, without case; not absolute names, @, other names or the root', () => {
  const o = 'example.jp.';
  for (const yes of ['mail.example.jp', 'example.jp', 'MAIL.Example.JP', 'a.b.example.jp', '*.example.jp', '_dmarc.example.jp']) assert.equal(repeatsOrigin(yes, o), true, yes);
  for (const no of ['mail.example.jp.', 'mail', '@', 'xexample.jp', 'mail.example', 'example.jp.com', 'jp', 'x\\.example.jp', '']) assert.equal(repeatsOrigin(no, o), false, no);
  assert.equal(repeatsOrigin('example', '.'), false, 'under the root everything relative is absolute already');
  assert.equal(repeatsOrigin('co.jp', 'jp.'), true, 'a one-label origin too');
  assert.equal(repeatsOrigin('host.sub.example.jp', 'sub.example.jp.'), true);
  assert.equal(repeatsOrigin('host.example.jp', 'sub.example.jp.'), false);
});

test('owners, $ORIGIN and the names in RDATA that repeat their origin are reported on the name as written, with the origin then in effect', () => {
  const text =
    HEAD.replace('hostmaster', 'hostmaster.example.jp') +
    'mail.example.jp IN A 192.0.2.2\n' +
    '@ IN MX 10 mail.example.jp\n' +
    'www IN CNAME Example.JP\n' +
    'ok IN CNAME example.jp.\n' +
    'ok2 IN CNAME www\n' +
    '_sip._tcp IN SRV 0 5 5060 sip.example.jp\n' +
    'sub IN NS ns.sub.example.jp\n' +
    '$ORIGIN sub.example.jp\n' +
    '$ORIGIN sub.example.jp.\n' +
    'host.sub.example.jp IN A 192.0.2.5\n' +
    'host.example.jp IN A 192.0.2.6\n' +
    '$GENERATE 1-3 gen$.sub.example.jp A 192.0.2.$\n';
  assert.deepEqual(written(text), [
    'hostmaster.example.jp',
    'mail.example.jp',
    'mail.example.jp',
    'Example.JP',
    'sip.example.jp',
    'ns.sub.example.jp',
    'sub.example.jp',
    'host.sub.example.jp',
    // The owner a $GENERATE template makes repeats it too: said once, on the template.
    'gen$.sub.example.jp',
  ]);
  const [soa, owner] = hits(text);
  assert.equal(
    formatMessage(owner),
    "'mail.example.jp' has no final dot, so the origin example.jp. is added to it and it names mail.example.jp.example.jp., with the origin twice: write 'mail.example.jp.', with the final dot",
  );
  assert.equal(
    formatMessage(soa, 'ja'),
    "'hostmaster.example.jp' は末尾にドットがないため、後ろにオリジン example.jp. が付け足され、オリジンが二重になった hostmaster.example.jp.example.jp. という名前になります。末尾にドットを付けて 'hostmaster.example.jp.' と書いてください",
  );
  const sub = hits(text).find((p) => text.slice(p.offset, p.offset + p.length) === 'host.sub.example.jp')!;
  assert.equal(sub.args?.name, 'host.sub.example.jp.sub.example.jp.', 'the origin set by $ORIGIN, not the zone apex');
});

test('the RDATA is the same whichever path reads it: the fast path leaves a repeated origin to the full one', () => {
  for (const [code, text] of [
    [15, '10 mail.example.jp'],
    [5, 'www.example.jp'],
    [2, 'ns.example.jp'],
    [33, '0 5 5060 sip.example.jp'],
  ] as const) {
    const tokens = text.split(' ').map((t, i, all) => ({ text: t, offset: all.slice(0, i).join(' ').length + (i ? 1 : 0), length: t.length, quoted: false }));
    assert.equal(fastRdata(code, tokens, 'example.jp.'), undefined, text);
    const warnings: never[] = [];
    const full = parseRdataFull(code, tokens, { origin: 'example.jp.', warnings });
    assert.deepEqual(full.problems, []);
    assert.match(full.rdata.canonical, /example\.jp\.example\.jp\.$/);
    assert.equal(warnings.length, 1, text);
  }
});

test('quick-fix: the final dot, and every such name of the file at once; the zone then has none', () => {
  const text = HEAD + 'mail.example.jp IN A 192.0.2.2\n@ IN MX 10 mail.example.jp\nwww IN CNAME example.jp\n';
  const zone = parse(text);
  const problems = zone.problems.filter((p) => p.code === CODE);
  assert.equal(problems.length, 3);
  const [one, all] = fixesFor({ text, zone, problem: problems[1] });
  assert.deepEqual(one.title, { en: "Add the final dot: 'mail.example.jp.'", ja: "末尾にドットを付けて 'mail.example.jp.' にする" });
  assert.equal(one.preferred, true);
  assert.equal(applyEdits(text, one.edits), text.replace('MX 10 mail.example.jp', 'MX 10 mail.example.jp.'));
  assert.equal(all.title.en, 'Add the final dot to all 3 names of this file that repeat their origin');
  const fixed = applyEdits(text, all.edits);
  assert.equal(fixed, HEAD + 'mail.example.jp. IN A 192.0.2.2\n@ IN MX 10 mail.example.jp.\nwww IN CNAME example.jp.\n');
  assert.deepEqual(parse(fixed).problems, []);
});

test('BIND loads such a name with the origin twice, as we print it; after the fix, the name meant', { skip: needsBind }, () => {
  const text = HEAD + 'mail.example.jp IN A 192.0.2.2\n@ IN MX 10 mail.example.jp\nwww IN CNAME Example.JP\n';
  const before = bindRecords(text, 'example.jp');
  assert.ok(before.includes('mail.example.jp.example.jp. 3600 in a 192.0.2.2'), before.join('\n'));
  assert.ok(before.includes('www.example.jp. 3600 in cname example.jp.example.jp.'), before.join('\n'));
  assert.deepEqual(recordLines(printZone(parse(text))), before);
  const zone = parse(text);
  const problem = zone.problems.find((p) => p.code === CODE)!;
  const fixes = fixesFor({ text, zone, problem });
  const after = bindRecords(applyEdits(text, fixes[fixes.length - 1].edits), 'example.jp');
  assert.ok(after.includes('mail.example.jp. 3600 in a 192.0.2.2'), after.join('\n'));
  assert.ok(after.includes('example.jp. 3600 in mx 10 mail.example.jp.'), after.join('\n'));
  assert.ok(after.includes('www.example.jp. 3600 in cname example.jp.'), after.join('\n'));
});

test('the warning does not hide an error at the same place: a line that is only such a name still lacks its type', () => {
  const text = HEAD + 'mail.example.jp\n';
  const problems = parse(text).problems.map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]);
  assert.deepEqual(problems.find((p) => p[0] === 'zone-syntax'), ['zone-syntax', 'mail.example.jp']);
  assert.ok(problems.some((p) => p[0] === CODE));
});

test('one diagnostic for one slip: a DMARC record at _dmarc.example.jp without its dot is not also dmarc-misplaced', () => {
  const text = HEAD + '_dmarc.example.jp TXT "v=DMARC1; p=reject"\n';
  const zone = parse(text);
  assert.deepEqual(written(text), ['_dmarc.example.jp']);
  assert.deepEqual(analyzeSync(zone).filter((p) => p.code === 'dmarc-misplaced'), []);
});

test('a target of another domain written without its dot (MX, SRV, NS, CNAME): the target rules say the dot is missing, and the fix adds it', () => {
  const text =
    HEAD +
    '@ IN MX 1 ASPMX.L.GOOGLE.COM\n' +
    'www IN CNAME ghs.googlehosted.com\n' +
    '_sip._tcp IN SRV 0 5 5060 sip.provider.net\n' +
    '@ IN NS ns1.xserver.jp\n' +
    'web IN CNAME 192.0.2.7\n' +
    'old IN CNAME gone\n' +
    'lab IN CNAME host.lab\n';
  const zone = parse(text);
  const problems = analyzeSync(zone).filter((p) => /^zone-(cname-target-missing|mx-no-address|srv-no-address|missing-glue)$/.test(p.code));
  const shown = problems.map((p) => [p.code, text.slice(p.offset, p.offset + p.length), p.args?.detail]);
  assert.deepEqual(shown, [
    ['zone-mx-no-address', 'ASPMX.L.GOOGLE.COM', 'target-final-dot'],
    ['zone-srv-no-address', 'sip.provider.net', 'target-final-dot'],
    ['zone-cname-target-missing', 'ghs.googlehosted.com', 'target-final-dot'],
    ['zone-cname-target-missing', '192.0.2.7', 'target-address'],
    ['zone-cname-target-missing', 'gone', 'target-plain'],
    // `lab` is not a top-level domain: no hint.
    ['zone-cname-target-missing', 'host.lab', 'target-plain'],
    ['zone-missing-glue', 'ns1.xserver.jp', 'target-final-dot'],
  ]);
  const [mx, , www, web, old] = problems;
  assert.equal(
    formatMessage(www),
    "www.example.jp. is an alias of ghs.googlehosted.com.example.jp., a name inside this zone that has no records here: lookups of www.example.jp. find nothing. 'ghs.googlehosted.com' has no final dot, so it is read as a name inside this zone: write 'ghs.googlehosted.com.' for the name outside it",
  );
  assert.equal(
    formatMessage(mx, 'ja'),
    "メールサーバー ASPMX.L.GOOGLE.COM.example.jp. はこのゾーンの中の名前なのに、アドレス（A または AAAA）レコードがありません。example.jp. 宛てのメールをこのサーバーに届けられません。'ASPMX.L.GOOGLE.COM' は末尾にドットがないため、このゾーンの中の名前として読まれます。ゾーンの外の名前のつもりなら、末尾にドットを付けて 'ASPMX.L.GOOGLE.COM.' と書いてください",
  );
  assert.match(formatMessage(web), /find nothing\. A CNAME names a host, not an address: for the address 192\.0\.2\.7, write an A or AAAA record instead of the CNAME$/);
  assert.match(formatMessage(old), /lookups of old\.example\.jp\. find nothing$/);
  assert.deepEqual(fixesFor({ text, zone, problem: old }), [], 'no dot to add to a name meant inside the zone');
  assert.deepEqual(fixesFor({ text, zone, problem: web }), []);
  let fixed = text;
  for (const p of [...problems].sort((a, b) => b.offset - a.offset)) {
    const [fix] = fixesFor({ text, zone, problem: p });
    if (fix) fixed = applyEdits(fixed, fix.edits);
  }
  assert.equal(fixed, text.replace('GOOGLE.COM', 'GOOGLE.COM.').replace('googlehosted.com', 'googlehosted.com.').replace('provider.net', 'provider.net.').replace('xserver.jp', 'xserver.jp.'));
  const left = analyzeSync(parse(fixed)).filter((p) => /^zone-(cname-target-missing|mx-no-address|srv-no-address|missing-glue)$/.test(p.code));
  assert.deepEqual(left.map((p) => fixed.slice(p.offset, p.offset + p.length)), ['192.0.2.7', 'gone', 'host.lab']);
});

test('one diagnostic for one slip: a target written with its own origin again is zone-origin-repeated only, but for an apex name server BIND refuses the zone for', () => {
  const text =
    HEAD +
    'mail IN A 192.0.2.25\n' +
    '@ IN MX 10 mail.example.jp\n' +
    'blog IN CNAME example.jp\n' +
    '_sip._tcp IN SRV 0 5 5060 mail.example.jp\n' +
    'sub IN NS ns.sub.example.jp\n' +
    '@ IN NS ns1.example.jp\n' +
    // Not the slip: the target rules speak as before.
    'old IN CNAME gone\n';
  const zone = parse(text);
  const problems = analyzeSync(zone).filter((p) => /^zone-(cname-target-missing|mx-no-address|srv-no-address|missing-glue|origin-repeated)$/.test(p.code));
  const shown = problems.map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]).sort((a, b) => text.indexOf(a[1]) - text.indexOf(b[1]) || a[0].localeCompare(b[0]));
  assert.deepEqual(shown, [
    ['zone-origin-repeated', 'mail.example.jp'],
    ['zone-origin-repeated', 'example.jp'],
    ['zone-origin-repeated', 'mail.example.jp'],
    ['zone-origin-repeated', 'ns.sub.example.jp'],
    ['zone-missing-glue', 'ns1.example.jp'],
    ['zone-origin-repeated', 'ns1.example.jp'],
    ['zone-cname-target-missing', 'gone'],
  ].sort((a, b) => text.indexOf(a[1]) - text.indexOf(b[1]) || a[0].localeCompare(b[0])));
  assert.equal(problems.find((p) => p.code === 'zone-missing-glue')?.severity, 'error');
  // Without the slip (the final dot written), the targets are found and nothing is said.
  const fixed = text.replace(/(mail|ns\.sub|ns1)\.example\.jp\n/g, '$1.example.jp.\n').replace('CNAME example.jp\n', 'CNAME example.jp.\n').replace('sub IN NS', 'ns.sub IN A 192.0.2.53\nsub IN NS');
  const left = analyzeSync(parse(fixed)).filter((p) => /^zone-(cname-target-missing|mx-no-address|srv-no-address|missing-glue|origin-repeated)$/.test(p.code));
  assert.deepEqual(left.map((p) => p.code), ['zone-cname-target-missing']);
});
