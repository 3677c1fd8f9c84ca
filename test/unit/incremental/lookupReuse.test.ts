/**
 * The SPF lookup checks of an edited zone keep what the last run found for records whose
 * trees read no name that changed (IncrementalZone.answersChangedSince): after every
 * random edit, the problems must be exactly those of a run that keeps nothing, and over a
 * series of edits most trees must be kept.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IncrementalZone } from '../../../server/src/incremental/zone';
import { checkSpfLookups, SpfLookupMemo, type LookupReuse } from '../../../server/src/spf/check';
import { ChainResolver, offlineResolver } from '../../../server/src/dns/chain';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import type { Zone } from '../../../server/src/zone/ast';
import { Rng } from '../../helpers/zonegen';
import { edit, generate, statement } from './gen';
import { SAME_NOW, SAME_OPTIONS, seedRange } from './same';

/** Lines that make lookups depend on other names: includes, CNAME chains, wildcards, cuts. */
const LINKED = [
  'a\tA 192.0.2.1',
  'a\tTXT "v=spf1 a:c.example.com mx:a.example.com include:b.example.com -all"',
  'b\tTXT "v=spf1 include:a.example.com a:z.w.example.com -all"',
  'b\tTXT "v=spf1 a:x.d.example.com include:c.example.com ~all"',
  'c\tCNAME a',
  'c\tCNAME b',
  'd\tA 192.0.2.4',
  'y.x.d\tA 192.0.2.5',
  '*.w\tA 192.0.2.6',
  'w\tNS ns.example.net.',
  'a\tMX 10 d',
  'e\tTXT "v=spf1 include:c.example.com a:a.example.com a:d.example.com a:w.example.com mx:b.example.com -all"',
  // A wildcard answers for p.q.w until q.w exists (r.q.w makes it an empty non-terminal).
  'f\tTXT "v=spf1 a:p.q.w.example.com a:p2.q.w.example.com a:p3.q.w.example.com -all"',
  'g\tTXT "v=spf1 a:z.v.example.com a:z2.v.example.com a:z3.v.example.com -all"',
  'r.q.w\tA 192.0.2.7',
  // A wildcard CNAME answers z.v with d's records (d stays while its address goes).
  '*.v\tCNAME d',
  'd\tTXT "here"',
];

function linkedZone(rng: Rng): string {
  const lines = ['$ORIGIN example.com.', '$TTL 300', '@\tSOA ns1 hostmaster 1 2 3 4 5', '\tNS ns1', 'ns1\tA 192.0.2.53'];
  for (let i = 0; i < rng.int(4, 14); i++) lines.push(rng.pick(LINKED));
  return lines.join('\n') + '\n';
}

/** A random edit, often one of the linked lines put in, taken out or replaced. */
function linkedEdit(rng: Rng, text: string): string {
  const lines = text.split('\n');
  const at = rng.int(5, Math.max(5, lines.length - 1));
  switch (rng.int(0, 4)) {
    case 0:
      lines.splice(at, 0, rng.pick(LINKED));
      return lines.join('\n');
    case 1:
      lines.splice(at, 1);
      return lines.join('\n');
    case 2:
      lines[at] = rng.pick(LINKED);
      return lines.join('\n');
    case 3:
      lines.splice(at, 0, statement(rng));
      return lines.join('\n');
    default:
      return edit(rng, text);
  }
}

function resolverFor(zone: Zone): ChainResolver {
  return new ChainResolver([new ZoneDataResolver([zone])], offlineResolver);
}

async function run(
  seed: number,
  first: (rng: Rng) => string,
  next: (rng: Rng, text: string) => string,
): Promise<{ kept: number; built: number }> {
  const rng = new Rng(seed * 104729);
  let text = first(rng);
  const inc = new IncrementalZone(SAME_OPTIONS, () => SAME_NOW, rng.int(1, 4));
  let last: { memo: SpfLookupMemo; generation: number } | undefined;
  let kept = 0;
  let built = 0;
  for (let i = 0; i < 30; i++) {
    inc.update(text);
    const zone = inc.zone();
    const fresh = await checkSpfLookups(zone, resolverFor(zone));
    const reuse: LookupReuse = {
      last: last?.memo,
      changed: last === undefined ? undefined : inc.answersChangedSince(last.generation),
      next: new SpfLookupMemo(),
    };
    const got = await checkSpfLookups(zone, resolverFor(zone), undefined, undefined, reuse);
    assert.deepEqual(got, fresh, `seed ${seed}, edit ${i}`);
    kept += reuse.next.reused;
    built += reuse.next.built;
    // Now and then a run is skipped (the server's was cancelled): the next one looks further back.
    if (rng.chance(0.8)) last = { memo: reuse.next, generation: inc.generation };
    text = next(rng, text);
  }
  return { kept, built };
}

describe('SPF lookup checks keep what no change reached', () => {
  let kept = 0;
  let built = 0;
  for (const seed of seedRange()) {
    it(`seed ${seed}: linked names, 30 edits`, async () => {
      const r = await run(seed, linkedZone, linkedEdit);
      kept += r.kept;
      built += r.built;
    });
    it(`seed ${seed}: generated zone, 30 edits`, async () => {
      const r = await run(seed, (rng) => generate(seed, rng.int(10, 50)), edit);
      kept += r.kept;
      built += r.built;
    });
  }
  it('keeps trees in every run', () => {
    assert.ok(kept > 0, `kept ${kept}, built ${built}`);
  });
});

describe('SPF lookup checks after an edit', () => {
  const hosts = Array.from({ length: 200 }, (_, i) => `h${i}\tA 192.0.2.${1 + (i % 250)}\nh${i}\tTXT "v=spf1 a:h${i}.example.com include:_spf.example.com -all"\n`);
  const text = `$ORIGIN example.com.\n@\tSOA ns1 hostmaster 1 2 3 4 5\n\tNS ns1\n_spf\tTXT "v=spf1 ip4:192.0.2.0/24 -all"\n${hosts.join('')}`;

  async function runOver(inc: IncrementalZone, last?: { memo: SpfLookupMemo; generation: number }): Promise<LookupReuse> {
    const zone = inc.zone();
    const reuse: LookupReuse = {
      last: last?.memo,
      changed: last === undefined ? undefined : inc.answersChangedSince(last.generation),
      next: new SpfLookupMemo(),
    };
    const got = await checkSpfLookups(zone, resolverFor(zone), undefined, undefined, reuse);
    assert.deepEqual(got, await checkSpfLookups(zone, resolverFor(zone)));
    return reuse;
  }

  it('look up again only the trees that read a changed name', async () => {
    const inc = new IncrementalZone({}, () => SAME_NOW, 2);
    inc.update(text);
    const first = await runOver(inc);
    assert.deepEqual([first.next.reused, first.next.built], [0, 201]);
    let last = { memo: first.next, generation: inc.generation };

    // Nothing changed: every tree kept.
    const same = await runOver(inc, last);
    assert.deepEqual([same.next.reused, same.next.built], [201, 0]);

    // One host's address: its own tree (and its piece's other record, parsed again).
    const oneHost = text.replace('h100\tA 192.0.2.101', 'h100\tA 192.0.2.222');
    inc.update(oneHost);
    const one = await runOver(inc, last);
    assert.ok(one.next.built >= 1 && one.next.built <= 3, `built ${one.next.built}`);
    assert.equal(one.next.reused + one.next.built, 201);
    last = { memo: one.next, generation: inc.generation };

    // The record every other one includes: every tree that includes it.
    inc.update(oneHost.replace('ip4:192.0.2.0/24 -all', 'ip4:192.0.2.0/25 -all'));
    const included = await runOver(inc, last);
    assert.ok(included.next.built >= 200, `built ${included.next.built}`);

    // Another origin: the zone is parsed again, and no answer can be trusted.
    const generation = inc.generation;
    inc.update(text.replace('$ORIGIN example.com.', '$ORIGIN example.org.'));
    assert.equal(inc.answersChangedSince(generation), undefined);
  });

  it('too many updates since: nothing can be trusted', () => {
    const small = '$ORIGIN example.com.\n@\tSOA ns1 hostmaster 1 2 3 4 5\nh\tA 192.0.2.1\n';
    const inc = new IncrementalZone({}, () => SAME_NOW);
    inc.update(small);
    const since = inc.generation;
    for (let i = 0; i < 1000; i++) inc.update(i % 2 === 0 ? small.replace('192.0.2.1', '192.0.2.2') : small);
    const changed = inc.answersChangedSince(since);
    assert.ok(changed !== undefined && changed('h.example.com.') && changed('example.com.') && !changed('other.example.com.'));
    for (let i = 0; i < 30; i++) inc.update(i % 2 === 0 ? small.replace('192.0.2.1', '192.0.2.2') : small);
    assert.equal(inc.answersChangedSince(since), undefined);
    assert.equal(inc.answersChangedSince(inc.generation)?.('h.example.com.'), false);
  });

  it('a name a wildcard CNAME leads to: the trees that met the wildcard are looked up again', async () => {
    const base = `$ORIGIN example.com.\n@\tSOA ns1 hostmaster 1 2 3 4 5\n\tNS ns1\n*.v\tCNAME d\nd\tA 192.0.2.4\nd\tTXT "here"\n${hosts.slice(0, 20).join('')}g\tTXT "v=spf1 a:z.v.example.com a:z2.v.example.com a:z3.v.example.com -all"\n`;
    const inc = new IncrementalZone({}, () => SAME_NOW, 2);
    inc.update(base);
    const first = await runOver(inc);
    assert.deepEqual(first.next.built, 21);
    const generation = inc.generation;
    // d keeps its TXT record: the name stays, its address goes, and z.v has none now.
    inc.update(base.replace('d\tA 192.0.2.4\n', ''));
    const r = await runOver(inc, { memo: first.next, generation });
    assert.ok(r.next.built >= 1);
  });

  it('a CNAME that leads to a changed name, a new wildcard, a new cut: looked up again', async () => {
    const base = `$ORIGIN example.com.\n@\tSOA ns1 hostmaster 1 2 3 4 5\n\tNS ns1\nalias\tCNAME real\nreal\tA 192.0.2.1\nm\tTXT "v=spf1 a:alias.example.com a:q.w.example.com -all"\n${hosts.slice(0, 20).join('')}`;
    const inc = new IncrementalZone({}, () => SAME_NOW, 2);
    inc.update(base);
    let last = { memo: (await runOver(inc)).next, generation: inc.generation };
    const edits = [
      base.replace('real\tA 192.0.2.1\n', ''),
      base.replace('real\tA 192.0.2.1\n', '').replace('\nm\tTXT', '\n*.w\tA 192.0.2.9\nm\tTXT'),
      base.replace('\nm\tTXT', '\nw\tNS ns.example.net.\nm\tTXT'),
    ];
    for (const edited of edits) {
      inc.update(edited);
      const r = await runOver(inc, last);
      assert.ok(r.next.built >= 1, 'the tree of m is looked up again');
      last = { memo: r.next, generation: inc.generation };
    }
  });
});
