/**
 * Minimal reproductions of bugs the fuzzer found, each fixed in its own commit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpf } from '../../../server/src/spf/parser';
import { checkSpfLookups, spfLookupTrees } from '../../../server/src/spf/check';
import { MAX_TREE_NODES, walkTree, type LookupNode } from '../../../server/src/spf/lookups';
import { createResolver } from '../../../server/src/dns/chain';
import { parseZoneText } from '../../../server/src/zone/index';
import { MAX_STRING_TOKEN_CHARS, decodeToken } from '../../../server/src/zone/rdata/strings';

test('SPF: a bare qualifier at the end of the record is an unknown mechanism inside the record', () => {
  for (const [record, under] of [
    ['v=spf1 -', '-'],
    ['v=spf1 ~ -all', '~'],
    ['v=spf1 -:x', '-:x'],
  ]) {
    const spf = parseSpf(record);
    assert.deepEqual(
      spf.errors.map((e) => [e.code, record.slice(e.from, e.to), e.to <= record.length]),
      [['spf-unknown-mechanism', under, true]],
      record,
    );
  }
});

test('RDATA longer than 65535 octets is an error, as BIND\'s "ran out of space"; 65535 is fine', () => {
  const fits = '@ TXT ' + '"a" '.repeat(32767) + '""\n';
  const over = 'b TXT ' + '"a" '.repeat(32768) + '\n';
  const escaped = 'c TXT ' + `"\\001${'x'.repeat(252)}" `.repeat(300) + '\n';
  const text = fits + over + escaped;
  const zone = parseZoneText(text, { origin: 'example.com.' });
  const errors = zone.problems.filter((p) => p.code === 'zone-bad-rdata');
  assert.deepEqual(
    errors.map((p) => [p.args?.detail, p.offset, text.slice(p.offset, p.offset + p.length)]),
    [
      ['rdata-wire-too-long', fits.length + 6, over.slice(6).trimEnd()],
      ['rdata-wire-too-long', fits.length + over.length + 6, escaped.slice(6).trimEnd()],
    ],
  );
  assert.equal(zone.records.length, 3);
});

test('a character-string too long for any RDATA is rejected without decoding it (100 MB took minutes and GBs)', () => {
  const limit = MAX_STRING_TOKEN_CHARS;
  for (const [body, detail] of [
    ['a'.repeat(limit), undefined],
    ['a'.repeat(limit + 1), 'rdata-wire-too-long'],
  ] as const) {
    const text = `@ TXT "${body}"\n`;
    const zone = parseZoneText(text, { origin: 'example.com.' });
    const p = zone.problems.find((x) => x.code === 'zone-bad-rdata' || x.code === 'zone-txt-string-too-long');
    assert.ok(p);
    assert.deepEqual([p.code, p.args?.detail, p.offset, p.length], [detail ? 'zone-bad-rdata' : 'zone-txt-string-too-long', detail, 6, body.length + 2]);
  }
  const caa = `@ CAA 0 issue "${'x'.repeat(limit + 1)}"\n`;
  const p = parseZoneText(caa, { origin: 'example.com.' }).problems.find((x) => x.code === 'zone-bad-rdata');
  assert.deepEqual([p?.args?.detail, p?.offset], ['rdata-wire-too-long', caa.indexOf('"')]);
});

test('decoding keeps one source offset per octet across ASCII runs, escapes and UTF-8', () => {
  const t = { text: 'ab\\099d\u00e9f\\"', offset: 10, length: 15, quoted: true };
  const d = decodeToken(t);
  assert.ok(d.ok);
  assert.equal(d.value, 'abcd\u00c3\u00a9f"');
  assert.deepEqual(d.offsets, [11, 12, 13, 17, 18, 18, 19, 20, 22]);
});

test('SPF lookup trees stay bounded when each record includes its target twice (2^30 nodes before)', async () => {
  let text = '$TTL 300\n@ SOA ns h 1 1 1 1 1\n@ NS ns\nns A 192.0.2.1\n@ TXT "v=spf1 include:a0.example.com -all"\n';
  for (let i = 0; i < 30; i++) text += `a${i} TXT "v=spf1 include:a${i + 1}.example.com include:a${i + 1}.example.com -all"\n`;
  text += 'a30 TXT "v=spf1 -all"\n';
  const zone = parseZoneText(text, { origin: 'example.com.' });
  const resolver = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => [zone]);
  const trees = await spfLookupTrees(zone, resolver);
  assert.equal(trees.length, 32);
  // Followed records, plus the unfollowed leaves of the last ones: linear, not 2^30.
  for (const { tree } of trees) assert.ok(walkTree(tree).length <= 3 * MAX_TREE_NODES, `${walkTree(tree).length} nodes`);
  const problems = await checkSpfLookups(zone, resolver);
  const root = problems.find((p) => p.offset < text.indexOf('a0 TXT'));
  assert.equal(root?.code, 'spf-lookup-limit');
  assert.equal(text.slice(root.offset, root.offset + root.length), 'include:a0.example.com');
  // The tree was cut off at its budget, so the count is a minimum: "N+".
  assert.match(String(root.args?.count), /^\d+\+$/);
  assert.ok(parseInt(String(root.args?.count), 10) > 10);
});

test('RDATA over 65535 octets from base64 or hex is reported without keeping every octet (100 MB took 18 s and 1.7 GB)', () => {
  const key = 'A'.repeat(4 * 21846); // 65538 octets
  const text = `$TTL 60\n@ DNSKEY 257 3 8 ${key}\n@ DNSKEY 257 3 8 ${'A'.repeat(4 * 21840)}\n@ TYPE65280 \\# 65535 ${'00'.repeat(65535)}\n`;
  const zone = parseZoneText(text, { origin: 'example.com.' });
  assert.deepEqual(
    zone.problems.map((p) => [p.code, p.args?.detail, p.offset, p.length]),
    [['zone-bad-rdata', 'rdata-wire-too-long', text.indexOf('257'), '257 3 8 '.length + key.length]],
  );
  assert.equal(zone.records.length, 3);
});

test('a zone of 1,000 chained SPF records is checked in seconds (walkTree was quadratic in depth)', async () => {
  let text = '$TTL 300\n@ SOA ns h 1 1 1 1 1\n@ NS ns\nns A 192.0.2.1\n';
  for (let i = 0; i < 1000; i++) text += `s${i} TXT "v=spf1 include:s${i + 1}.example.com -all"\n`;
  text += 's1000 TXT "v=spf1 -all"\n';
  const zone = parseZoneText(text, { origin: 'example.com.' });
  const resolver = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => [zone]);
  const started = performance.now();
  const problems = await checkSpfLookups(zone, resolver);
  assert.ok(performance.now() - started < 15000, `took ${Math.round(performance.now() - started)} ms`);
  assert.equal(problems.filter((p) => p.code === 'spf-lookup-limit').length, 990);
});

test('walkTree lists a tree depth first, parents before children, in written order', () => {
  const leaf = (term: string, children: LookupNode[] = []): LookupNode => ({
    term, part: { from: 0, to: 0 }, domain: term, status: 'ok', own: 0, total: 0, children, voids: [], mxOverLimit: [],
  });
  const tree = leaf('root', [leaf('a', [leaf('a1'), leaf('a2')]), leaf('b', [leaf('b1')])]);
  assert.deepEqual(walkTree(tree).map((n) => n.term), ['root', 'a', 'a1', 'a2', 'b', 'b1']);
});
