import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import { ChainResolver, offlineResolver } from '../../../server/src/dns/chain';
import { spfLookupTrees } from '../../../server/src/spf/check';
import { breakdownBeyond, walkTree } from '../../../server/src/spf/lookups';

const zone = parseZoneText(
  `$ORIGIN example.com.
$TTL 300
@ SOA ns hostmaster 1 3600 600 86400 300
@ NS ns
ns A 192.0.2.53
@ TXT "v=spf1 a mx include:_a.example.com exists:%{i}._bl.example.com include:%{d}.example.net include:_spf.example.org redirect=_r.example.com"
_a TXT "v=spf1 include:_b.example.com ptr ?all"
_b TXT "v=spf1 a:ns.example.com ip4:192.0.2.0/24 -all"
_r TXT "v=spf1 include:_a.example.com"
`,
  { origin: 'example.com.' },
);

test('the tree counts every DNS-querying term through includes and redirects', async () => {
  const resolver = new ChainResolver([new ZoneDataResolver([zone])], offlineResolver);
  const [{ tree }] = await spfLookupTrees(zone, resolver);
  // Root: a, mx, include, exists, include, include, redirect = 7.
  assert.equal(tree.own, 7);
  assert.deepEqual(
    tree.children.map((c) => [c.term, c.status, c.own, c.total]),
    [
      ['include:_a.example.com', 'ok', 2, 3],
      ['include:%{d}.example.net', 'macro', 0, 0],
      ['include:_spf.example.org', 'unresolved', 0, 0],
      ['redirect=_r.example.com', 'ok', 1, 4],
    ],
  );
  assert.equal(tree.total, 14);
  assert.equal(tree.own, 7);
  assert.deepEqual(breakdownBeyond(tree), {
    en: ', include:_a.example.com +3, redirect=_r.example.com +4',
    ja: '、include:_a.example.com で +3 回、redirect=_r.example.com で +4 回',
  });
  // The root's `a` and `mx` find nothing at example.com: two void lookups.
  assert.deepEqual(tree.voids.map((v) => v.term), ['a', 'mx']);
  assert.equal(walkTree(tree).length, 8);
});

test('terms after `all` are never evaluated (RFC 7208 §5.1) and cost no lookup', async () => {
  const after = parseZoneText(
    `$ORIGIN example.com.
$TTL 300
@ SOA ns hostmaster 1 3600 600 86400 300
@ NS ns
ns A 192.0.2.53
@ TXT "v=spf1 a include:_a.example.com ~all include:_b.example.com mx exists:x.example.com"
_a TXT "v=spf1 -all include:_b.example.com"
_b TXT "v=spf1 a mx ptr -all"
`,
    { origin: 'example.com.' },
  );
  const resolver = new ChainResolver([new ZoneDataResolver([after])], offlineResolver);
  const trees = await spfLookupTrees(after, resolver);
  const root = trees.find((t) => t.tree.domain === 'example.com')!.tree;
  // a and include:_a (whose record stops at -all) before ~all; nothing after it is reached.
  assert.deepEqual([root.own, root.total], [2, 2]);
  assert.deepEqual(root.children.map((c) => [c.term, c.own, c.total]), [['include:_a.example.com', 0, 0]]);
});
