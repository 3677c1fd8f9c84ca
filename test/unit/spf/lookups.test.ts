import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import { ChainResolver, offlineResolver } from '../../../server/src/dns/chain';
import { spfLookupTrees } from '../../../server/src/spf/check';
import { breakdownBeyond, walkTree, type LookupNode } from '../../../server/src/spf/lookups';

const zone = parseZoneText(
  `$ORIGIN example.com.
$TTL 300
@ SOA ns hostmaster 1 3600 600 86400 300
@ NS ns
ns A 192.0.2.53
@ TXT "v=spf1 a mx include:_a.example.com exists:%{i}._bl.example.com include:%{l}.example.net include:_spf.example.org redirect=_r.example.com"
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
      ['include:%{l}.example.net', 'macro', 0, 0],
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

/** The lookup tree of each SPF record of example.com whose other records are `records`, answered from that zone alone. */
async function treesOf(records: string): Promise<Map<string, LookupNode>> {
  const zone = parseZoneText(`$ORIGIN example.com.\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n${records}\n`, {
    origin: 'example.com.',
  });
  const trees = await spfLookupTrees(zone, new ChainResolver([new ZoneDataResolver([zone])], offlineResolver));
  return new Map(trees.map((t) => [t.tree.domain, t.tree]));
}

test('terms after `all` are never evaluated (RFC 7208 §5.1) and cost no lookup', async () => {
  const trees = await treesOf(`@ TXT "v=spf1 a include:_a.example.com ~all include:_b.example.com mx exists:x.example.com"
_a TXT "v=spf1 -all include:_b.example.com"
_b TXT "v=spf1 a mx ptr -all"`);
  const root = trees.get('example.com')!;
  // a and include:_a (whose record stops at -all) before ~all; nothing after it is reached.
  assert.deepEqual([root.own, root.total], [2, 2]);
  assert.deepEqual(root.children.map((c) => [c.term, c.own, c.total]), [['include:_a.example.com', 0, 0]]);
});

test('a target written with %{d} alone (the record\'s own domain) is followed and probed; one made from the message is not', async () => {
  const trees = await treesOf(`@ TXT "v=spf1 include:_spf.%{d} a:%{d} mx:%{d2} exists:%{i}._bl.%{d} -all"
_spf TXT "v=spf1 a:%{d} ip4:192.0.2.0/24 -all"
self TXT "v=spf1 include:%{d} -all"`);
  const root = trees.get('example.com')!;
  // include:_spf.example.com is followed (its a:%{d} is _spf.example.com, which has no address: void);
  // a:%{d} and mx:%{d2} are example.com (no A, no MX: void each); exists:%{i}… depends on the sender.
  assert.deepEqual(root.children.map((c) => [c.term, c.domain, c.status, c.total]), [['include:_spf.%{d}', '_spf.example.com', 'ok', 1]]);
  assert.deepEqual(root.voids.map((v) => v.name), ['example.com', 'example.com']);
  assert.deepEqual(root.children[0].voids.map((v) => v.name), ['_spf.example.com']);
  assert.equal(root.total, 5);
  // include:%{d} at self.example.com includes itself: a loop, as the evaluation finds it.
  const self = trees.get('self.example.com')!;
  assert.deepEqual(self.children.map((c) => [c.domain, c.status]), [['self.example.com', 'loop']]);
});
