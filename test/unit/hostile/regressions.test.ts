/**
 * Hostile inputs that once misbehaved, found by the fuzzing work of issue 10: a range
 * of zero length on a non-ASCII character, an exponential hover lookup tree, and DMARC
 * report destinations looked up one after another. Cheap and deterministic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAsync, analyzeSync } from '../../../server/src/analysis';
import { createResolver } from '../../../server/src/dns/chain';
import { lookupTreeSync } from '../../../server/src/features/hover/spfTree';
import type { SyncTxt } from '../../../server/src/features/hover/txtSource';
import { MAX_TREE_NODES, walkTree } from '../../../server/src/spf/lookups';
import { parseSpf } from '../../../server/src/spf/parser';
import { parseZoneText } from '../../../server/src/zone/index';
import { startSilentServer } from '../../helpers/dns-server';

test(
  'a DKIM or DMARC problem on a non-ASCII character covers that character',
  () => {
    const text = '$TTL 60\ns._domainkey TXT "v=DKIM1; n=caf\u00e9; p="\n_dmarc TXT "v=DMARC1; p=r\u00e9ject"\n';
    const problems = analyzeSync(parseZoneText(text, { origin: 'example.com.' }));
    const badChars = problems.filter((p) => p.args?.detail === 'dkim-bad-char' || p.args?.detail === 'dmarc-bad-char');
    assert.deepEqual(badChars.map((p) => text.slice(p.offset, p.offset + p.length)), ['\u00e9', '\u00e9']);
  },
);

test(
  'the hover lookup tree stays bounded when each record includes its target twice',
  () => {
    // 12 levels: 8,191 nodes unbounded, a fraction of a second either way.
    const txt: SyncTxt = (name) => {
      const i = Number(name.split('.')[0].slice(1));
      return { kind: 'ok', source: 'zone', texts: [i >= 12 ? 'v=spf1 -all' : `v=spf1 include:a${i + 1}.test include:a${i + 1}.test -all`] };
    };
    const tree = lookupTreeSync(parseSpf('v=spf1 include:a0.test -all'), 'example.com', txt);
    assert.ok(walkTree(tree).length <= 3 * MAX_TREE_NODES, `${walkTree(tree).length} nodes`);
  },
);

test(
  'DMARC report destinations at a server that never answers are checked within one lookup deadline',
  async () => {
    const silent = await startSilentServer();
    try {
      const uris = Array.from({ length: 12 }, (_, i) => `mailto:r@ext${i}.test`).join(',');
      const text = `$TTL 300\n@ SOA ns h 1 1 1 1 1\n@ NS ns\nns A 192.0.2.1\n_dmarc TXT "v=DMARC1; p=reject; rua=${uris}"\n`;
      const zone = parseZoneText(text, { origin: 'example.com.' });
      const resolver = createResolver({ mode: 'live', servers: [silent.address], timeoutMs: 300, tries: 1 }, () => [zone]);
      const started = performance.now();
      const problems = await analyzeAsync(zone, { resolver });
      const took = performance.now() - started;
      assert.deepEqual(problems, []);
      // One deadline (300 ms × 1 try + 500 ms) and slack, not twelve deadlines in a row.
      assert.ok(took < 3000, `took ${Math.round(took)} ms`);
    } finally {
      await silent.close();
    }
  },
);

test('a lookup count from a tree cut off at its node budget is shown as a minimum ("N+")', async () => {
  const lines = ['$TTL 300', '@ SOA ns h 1 1 1 1 1', '@ NS ns', 'ns A 192.0.2.1', '@ TXT "v=spf1 include:a0.example.com -all"'];
  for (let i = 0; i < 20; i++) lines.push(`a${i} TXT "v=spf1 include:a${i + 1}.example.com include:a${i + 1}.example.com -all"`);
  lines.push('a20 TXT "v=spf1 -all"');
  const zone = parseZoneText(lines.join('\n') + '\n', { origin: 'example.com.' });
  const resolver = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => [zone]);
  const problems = await analyzeAsync(zone, { resolver });
  const limit = problems.find((p) => p.code === 'spf-lookup-limit' && p.offset === zone.records[4].rdata.strings![0].span.offset + 1 + 'v=spf1 '.length);
  assert.ok(limit, JSON.stringify(problems.map((p) => [p.code, p.offset])));
  assert.match(String(limit.args?.count), /^\d+\+$/);
});
