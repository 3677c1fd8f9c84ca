/**
 * Incremental checking must give exactly what checking the whole text gives: after
 * every random edit, IncrementalZone's problems and zone equal analyzeSync(parseZoneText())
 * as multisets. Small pieces (a few lines) make edits cross piece boundaries often.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IncrementalZone } from '../../../server/src/incremental/zone';
import { ChunkedDocument } from '../../../server/src/document';
import { parseZoneText } from '../../../server/src/zone/index';
import { ZoneDataResolver } from '../../../server/src/dns/zoneData';
import type { RRType } from '../../../server/src/dns/resolver';
import { nameKey, parentName } from '../../../server/src/zone/names';
import { Rng } from '../../helpers/zonegen';
import { runSteps } from '../../../server/src/steps';
import { asChange, diff, edit, generate } from './gen';
import { expectSame, recordKeys, SAME_NOW, SAME_OPTIONS, sortedKeys, seedRange } from './same';
import { analyzeSync } from '../../../server/src/analysis';

const NOW = SAME_NOW;
const OPTIONS = SAME_OPTIONS;

const TYPES: RRType[] = ['A', 'TXT', 'MX', 'CNAME', 'NS'];

/**
 * The resolver answers the incremental zone's names from its own indexes
 * (incremental/resolverIndex.ts): exactly as from the whole text parsed again, for every
 * owner, its ancestors, a name below it and one beside it (NXDOMAIN, empty non-terminals,
 * wildcards, delegations, CNAME chains).
 */
async function expectSameAnswers(inc: IncrementalZone, text: string, context: string): Promise<void> {
  const zone = inc.zone();
  const full = parseZoneText(text, OPTIONS);
  const names = new Set<string>(['example.com.', 'nothing.example.com.', 'a.sub.example.com.', 'example.net.']);
  for (const r of full.records) {
    for (let k: string = nameKey(r.owner); k !== '.' && !names.has(k); k = parentName(k)) names.add(k);
    names.add('below.' + nameKey(r.owner));
    names.add('beside' + nameKey(r.owner));
  }
  const ours = new ZoneDataResolver([zone]);
  const theirs = new ZoneDataResolver([full]);
  for (const name of names) {
    for (const type of TYPES) {
      const [a, b] = await Promise.all([ours.lookup(name, type), theirs.lookup(name, type)]);
      assert.deepEqual(a, b, `${type} ${name}: ${context}`);
    }
  }
}

describe('incremental zone: the same problems as a whole check', () => {
  for (const seed of seedRange()) {
    it(`seed ${seed}: 25 random edits`, async () => {
      const rng = new Rng(seed * 7919);
      let text = generate(seed, rng.int(10, 60));
      const pieceLines = rng.int(1, 6);
      const inc = new IncrementalZone(OPTIONS, () => NOW, pieceLines);
      // The same edits through an editor document, which tells where the text changed.
      const doc = new ChunkedDocument('file:///zone', 'dns-zone', 1, text, rng.int(1, 64));
      const viaDoc = new IncrementalZone(OPTIONS, () => NOW, pieceLines);
      inc.update(text);
      viaDoc.update(doc, doc.takeChange());
      expectSame(inc, text, `seed ${seed}, initial`);
      for (let i = 0; i < 25; i++) {
        const before = text;
        text = edit(rng, text);
        const d = diff(before, text);
        inc.update(text);
        expectSame(inc, text, `seed ${seed}, edit ${i}: ${JSON.stringify(d)}`);
        await expectSameAnswers(inc, text, `seed ${seed}, edit ${i}: ${JSON.stringify(d)}`);
        doc.update([asChange(doc, before, text)], i + 2);
        assert.equal(doc.getText(), text);
        viaDoc.update(doc, doc.takeChange());
        expectSame(viaDoc, text, `seed ${seed}, edit ${i} through a document: ${JSON.stringify(d)}`);
      }
    });
  }

  // A wildcard answers for a name that does not exist, from its closest encloser only
  // (RFC 4592): a name appearing or going elsewhere (here `b`, `x.b`, `y.d.e`, none of them a
  // target or pointing at one) changes what is said of the targets below it that own nothing.
  it('with a wildcard, names appearing and going change the targets below them', () => {
    const head = '$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\n* A 192.0.2.9\n';
    const filler = Array.from({ length: 30 }, (_, i) => `h${i} A 192.0.2.${i + 10}\n`).join('');
    const targets = 'm MX 10 a.b\ns SRV 0 0 1 c.d.e\n';
    const steps = ['', 'b TXT "x"\n', '', 'x.b A 192.0.2.3\n', 'x.c A 192.0.2.3\n', 'y.d.e A 192.0.2.4\n', 'y.d.e A 192.0.2.4\n*.d.e A 192.0.2.5\n', 'y.d.e A 192.0.2.4\n', ''];
    const inc = new IncrementalZone(OPTIONS, () => NOW, 1);
    let partial = 0;
    for (const [i, added] of steps.entries()) {
      const text = head + filler + added + targets + filler.replace(/h(\d+)/g, 'k$1');
      const stats = inc.update(text);
      if (i > 0 && !stats.full) partial++;
      expectSame(inc, text, `step ${i}: ${JSON.stringify(added)}`);
    }
    // Checked edit by edit, not whole (else this tests nothing of the incremental checks),
    // but for the wildcard *.d.e coming and going (a wildcard edited checks all).
    assert.equal(partial, steps.length - 3);
    // The MX edited with x.b there: its check reads whether b exists, which only x.b says.
    const last = head + filler + 'x.b A 192.0.2.3\n' + targets + filler.replace(/h(\d+)/g, 'k$1');
    inc.update(last);
    const edited = last.replace('m MX 10 a.b', 'm MX 20 a.b');
    assert.equal(inc.update(edited).full, false);
    expectSame(inc, edited, 'the MX edited');
    assert.deepEqual(
      inc.allProblems().filter((p) => p.code.endsWith('no-address')).map((p) => p.args?.['target']),
      ['a.b.example.com.'],
    );
  });

  // spf-stale-ip and spf-ipv6-missing read the addresses of the name's mail servers, and zone-cname-target-missing
  // whether its target owns records: edits of those other names change what is said.
  it('a mail server moving, and an alias target appearing, are seen by the checks of the names that read them', () => {
    const head = '$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n';
    const filler = Array.from({ length: 30 }, (_, i) => `h${i} A 192.0.2.${i + 10}\n`).join('');
    const mail = 'shop MX 10 mail\nshop TXT "v=spf1 ip4:198.51.100.5 ~all"\nwww CNAME web\n';
    const steps = ['mail A 198.51.100.5\n', 'mail A 198.51.100.5\nmail AAAA 2001:db8::25\n', 'mail A 203.0.113.10\n', 'mail A 203.0.113.10\nweb A 203.0.113.10\n', 'mail AAAA 2001:db8::25\nweb TXT "x"\n', ''];
    const inc = new IncrementalZone(OPTIONS, () => NOW, 1);
    let partial = 0;
    const said: string[][] = [];
    for (const [i, added] of steps.entries()) {
      const text = head + filler + mail + filler.replace(/h(\d+)/g, 'k$1') + added;
      const stats = inc.update(text);
      if (i > 0 && !stats.full) partial++;
      expectSame(inc, text, `step ${i}: ${JSON.stringify(added)}`);
      said.push(inc.allProblems().filter((p) => /^(spf-stale-ip|spf-ipv6-missing|zone-cname-target-missing)$/.test(p.code)).map((p) => p.code).sort());
    }
    assert.equal(partial, steps.length - 1, 'checked edit by edit');
    assert.deepEqual(said, [
      ['zone-cname-target-missing'],
      ['spf-ipv6-missing', 'zone-cname-target-missing'],
      ['spf-stale-ip', 'zone-cname-target-missing'],
      ['spf-stale-ip'],
      // An IPv6 server, and only IPv4 addresses listed: nothing of its family looks stale.
      [],
      ['zone-cname-target-missing'],
    ]);
  });

  it('a zone put together in steps across an edit is the zone of the text after the edit', () => {
    const before = generate(7, 40);
    const inc = new IncrementalZone(OPTIONS, () => NOW, 2);
    inc.update(before);
    const steps = inc.zoneSteps();
    for (let i = 0; i < 5; i++) assert.equal(steps.next().done, false, 'still putting it together');
    const after = before.replace('\tNS ns2', '\tNS ns3');
    assert.notEqual(after, before);
    inc.update(after);
    const zone = runSteps(steps);
    assert.deepEqual(recordKeys(zone), recordKeys(parseZoneText(after, OPTIONS)));
    assert.equal(inc.zone(), zone, 'and it is the zone kept');
  });

  // The indexes of a zone just parsed whole are made after its first check (zoneSteps, in
  // steps) or by the first edit that needs them: here no zone() comes between.
  it('an edit right after opening, before any zone(), gives what a whole check gives', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rng = new Rng(seed * 3571);
      let text = generate(seed, rng.int(10, 60));
      const inc = new IncrementalZone(OPTIONS, () => NOW, rng.int(1, 6));
      assert.equal(inc.update(text).full, true);
      for (let i = 0; i < 3; i++) {
        text = edit(rng, text);
        inc.update(text);
      }
      expectSame(inc, text, `seed ${seed}`);
      await expectSameAnswers(inc, text, `seed ${seed}`);
    }
  });

  it('a zone just opened answers the resolver (its indexes made when first read), then edits go on from them', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = new Rng(seed * 7331);
      let text = generate(seed, rng.int(10, 60));
      const inc = new IncrementalZone(OPTIONS, () => NOW, rng.int(1, 6));
      inc.update(text);
      // A feature's zone (the outline's, say) first; then a resolver reads it.
      const zone = inc.zone();
      assert.deepEqual(recordKeys(zone), recordKeys(parseZoneText(text, OPTIONS)));
      await expectSameAnswers(inc, text, `seed ${seed}, opened`);
      for (let i = 0; i < 3; i++) {
        text = edit(rng, text);
        inc.update(text);
      }
      expectSame(inc, text, `seed ${seed}, edited`);
      await expectSameAnswers(inc, text, `seed ${seed}, edited`);
    }
  });

  it('an edit while the indexes are being made in steps: made once, and the zone is the new text', async () => {
    const before = generate(11, 60);
    const inc = new IncrementalZone(OPTIONS, () => NOW, 1);
    const { parsedPieces } = inc.update(before);
    assert.ok(parsedPieces > 40, `only ${parsedPieces} pieces`);
    const steps = inc.zoneSteps(true);
    // A step per piece to put the records together, then the indexes a few pieces a step.
    for (let i = 0; i < parsedPieces + 2; i++) assert.equal(steps.next().done, false, `step ${i}`);
    let text = before.replace('\tNS ns2', '\tNS ns3');
    assert.notEqual(text, before);
    inc.update(text);
    const zone = runSteps(steps);
    assert.deepEqual(recordKeys(zone), recordKeys(parseZoneText(text, OPTIONS)));
    expectSame(inc, text, 'after the steps');
    await expectSameAnswers(inc, text, 'after the steps');
    // Pieces indexed twice would leave an owner's records twice in what the next edits read.
    const rng = new Rng(99);
    for (let i = 0; i < 10; i++) {
      text = edit(rng, text);
      inc.update(text);
      expectSame(inc, text, `edit ${i} after the steps`);
    }
    await expectSameAnswers(inc, text, 'after the edits');
  });

  it('problems in $INCLUDEd files (one of them twice) are filed under their owners as a whole check files them', () => {
    const files: Record<string, string> = {
      '/zones/mail.inc': ['mail MX 10 mx.example.net.', 'mail TXT "v=spf1 ip4:192.0.2.300 -all"', '_dmarc.mail TXT "v=DMARC1; p=bogus"', ''].join('\n'),
      '/zones/hosts.inc': ['www CNAME host', 'www TXT "x"', 'host A 192.0.2.1', ''].join('\n'),
    };
    const options = { origin: 'example.com.', path: '/zones/db.example', readFile: (p: string) => files[p] };
    const text = [
      '$ORIGIN example.com.',
      '@ SOA ns1 hostmaster 1 2 3 4 5',
      '  NS ns1',
      'ns1 A 192.0.2.1',
      '$INCLUDE mail.inc',
      'a TXT "v=spf1 -all"',
      'a TXT "v=spf1 ~all"',
      '$INCLUDE hosts.inc',
      '$ORIGIN sub.example.com.',
      '$INCLUDE mail.inc',
      '',
    ].join('\n');
    const inc = new IncrementalZone(options, () => NOW, 2);
    inc.update(text);
    const expected = analyzeSync(parseZoneText(text, options), { now: NOW });
    assert.ok(expected.some((p) => p.file === '/zones/mail.inc'), 'problems in the included file');
    assert.ok(expected.some((p) => p.file === '/zones/hosts.inc'), 'and in the other');
    assert.deepEqual(sortedKeys(inc.allProblems()), sortedKeys(expected));
    // An edit checks owners again from what was filed under them.
    const edited = text.replace('a TXT "v=spf1 ~all"', 'b TXT "v=spf1 ~all"');
    inc.update(edited);
    assert.deepEqual(sortedKeys(inc.allProblems()), sortedKeys(analyzeSync(parseZoneText(edited, options), { now: NOW })));
  });

  it('a zone made before an edit still answers the resolver from its own records', async () => {
    const before = ['$ORIGIN example.com.', '@ SOA ns1 hostmaster 1 2 3 4 5', '  NS ns1', 'ns1 A 192.0.2.1', 'a.b TXT "x"', ''].join('\n');
    const inc = new IncrementalZone(OPTIONS, () => NOW, 2);
    inc.update(before);
    const old = inc.zone();
    const resolver = new ZoneDataResolver([old]);
    assert.equal((await resolver.lookup('b.example.com.', 'A')).kind, 'nodata', 'b is an empty non-terminal');
    inc.update(before.replace('a.b TXT "x"', 'c TXT "x"').replace('ns1 A 192.0.2.1', 'ns1 A 192.0.2.2'));
    assert.notEqual(inc.zone(), old);
    assert.equal((await resolver.lookup('b.example.com.', 'A')).kind, 'nodata', 'still, in the zone made before the edit');
    assert.deepEqual(await resolver.lookup('ns1.example.com.', 'A'), await new ZoneDataResolver([parseZoneText(before, OPTIONS)]).lookup('ns1.example.com.', 'A'));
    assert.equal((await new ZoneDataResolver([inc.zone()]).lookup('b.example.com.', 'A')).kind, 'nxdomain', 'gone in the new one');
  });

  it('an edit in the middle of a large zone parses one piece and checks a few owners', () => {
    const lines = ['$ORIGIN example.com.', '$TTL 3600', '@ SOA ns1 host 1 2 3 4 5', '@ NS ns1', 'ns1 A 192.0.2.1'];
    for (let i = 0; i < 5000; i++) lines.push(`h${i} A 192.0.2.${(i % 250) + 1}`, `\tTXT "v=spf1 a -all"`);
    let text = lines.join('\n') + '\n';
    const inc = new IncrementalZone(OPTIONS, () => NOW);
    assert.equal(inc.update(text).full, true);
    const at = text.indexOf('h2500 ');
    text = text.slice(0, at) + 'x' + text.slice(at);
    const stats = inc.update(text);
    assert.equal(stats.full, false);
    assert.equal(stats.parsedPieces, 1);
    assert.ok(stats.checkedOwners <= 4, `checked ${stats.checkedOwners} owners`);
    assert.ok(stats.checkedRecords < 50, `read ${stats.checkedRecords} records`);
    expectSame(inc, text, 'large zone');
  });

  it('a serial bump checks the apex, not the whole zone; removing the SOA checks all', () => {
    const lines = ['$ORIGIN example.com.', '$TTL 3600', '@ SOA ns1 host 2026112401 2 3 4 5', '@ NS ns1', '@ MX 10 ns1', 'ns1 A 192.0.2.1'];
    for (let i = 0; i < 3000; i++) lines.push(`h${i} A 192.0.2.${(i % 250) + 1}`, `\tTXT "v=spf1 a -all"`);
    let text = lines.join('\n') + '\n';
    const inc = new IncrementalZone(OPTIONS, () => NOW);
    inc.update(text);
    text = text.replace('2026112401', '2026112402');
    const bump = inc.update(text);
    assert.equal(bump.full, false);
    assert.ok(bump.checkedRecords < 50, `read ${bump.checkedRecords} records`);
    expectSame(inc, text, 'serial bump');
    // The SOA turned into something else: zone-missing-soa belongs to the whole zone.
    text = text.replace('@ SOA ns1', '@ SOx ns1');
    assert.equal(inc.update(text).full, true);
    expectSame(inc, text, 'SOA broken');
    assert.ok(inc.allProblems().some((p) => p.code === 'zone-missing-soa'));
  });

  it('serial edits in generated zones, valid and not, give what a whole check gives', () => {
    let edits = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = new Rng(seed * 104729);
      let text = generate(seed, rng.int(10, 60));
      const inc = new IncrementalZone(OPTIONS, () => NOW, rng.int(1, 6));
      inc.update(text);
      for (const serial of ['2024010102', '1', '4294967296', '2024O10101', '2026112401']) {
        const at = text.search(/SOA [^(]*\( \d+/);
        if (at < 0) break;
        text = text.replace(/(SOA [^(]*\( )\S+/, `$1${serial}`);
        inc.update(text);
        expectSame(inc, text, `seed ${seed}, serial ${serial}`);
        edits++;
      }
    }
    assert.ok(edits >= 100, `only ${edits} serial edits`);
  });

  it('a $TTL edit parses on to where the state is the same again', () => {
    const lines = ['$ORIGIN example.com.', '$TTL 3600', '@ SOA ns1 host 1 2 3 4 5', '@ NS ns1', 'ns1 A 192.0.2.1'];
    for (let i = 0; i < 2000; i++) lines.push(`h${i} A 192.0.2.${(i % 250) + 1}`);
    lines.splice(1000, 0, '$TTL 300');
    let text = lines.join('\n') + '\n';
    const inc = new IncrementalZone(OPTIONS, () => NOW, 100);
    inc.update(text);
    text = text.replace('$TTL 300', '$TTL 600');
    const stats = inc.update(text);
    // Every record after the $TTL changed TTL: parsed again to the end, checked as a whole.
    assert.ok(stats.parsedPieces >= 10, `parsed ${stats.parsedPieces} pieces`);
    expectSame(inc, text, '$TTL edit');
  });

  // Found by 2,000 seeds of the random edits: the DKIM check put its finding about a TXT
  // record without RDATA at offset 0 of the file, and the incremental zone, which keeps a
  // record's problems with the piece it lies in, lost it after an edit.
  it('a _domainkey TXT record losing its RDATA gives what a whole check gives', () => {
    const lines = ['$ORIGIN example.com.', '$TTL 3600', '@ SOA ns1 host 1 2 3 4 5', '@ NS ns1', 'ns1 A 192.0.2.1'];
    for (let i = 0; i < 40; i++) lines.push(`h${i} A 192.0.2.${i + 1}`);
    lines.push('s1._domainkey TXT "v=DKIM1; k=rsa; p="', 'h99 A 192.0.2.99');
    const text = lines.join('\n') + '\n';
    const edited = text.replace(' "v=DKIM1; k=rsa; p="', '');
    const record = edited.indexOf('s1._domainkey');
    for (const pieceLines of [1, 3, 7]) {
      const inc = new IncrementalZone(OPTIONS, () => NOW, pieceLines);
      inc.update(text);
      expectSame(inc, text, `before, pieces of ${pieceLines} lines`);
      inc.update(edited);
      expectSame(inc, edited, `RDATA removed, pieces of ${pieceLines} lines`);
      const dkim = inc.allProblems().filter((p) => p.code.startsWith('dkim-'));
      assert.ok(dkim.length > 0, 'the empty record is still reported');
      for (const p of dkim) assert.ok(p.offset >= record && p.offset <= edited.indexOf('\n', record), `${p.code} at ${p.offset} lies on the record's line`);
    }
  });

  // Found by seeds 2,001-6,000 of the random edits. The provider rule reads the SPF records a
  // record includes through the zone, to ten levels; the incremental zone followed one.
  it('an SPF include two levels away: edits at either end re-check the provider rule', () => {
    const head = ['$ORIGIN example.com.', '$TTL 3600', '@ SOA ns1 host 1 2 3 4 5', '@ NS ns1', 'ns1 A 192.0.2.1'];
    const lines = [
      ...head,
      'x MX 10 aspmx.l.google.com.',
      'x TXT "v=spf1 ip4:192.0.2.0/24 include:relay.example.com ~all"',
      ...Array.from({ length: 20 }, (_, i) => `h${i} A 192.0.2.${i + 10}`),
      'relay TXT "v=spf1 include:host2.example.com -all"',
      ...Array.from({ length: 20 }, (_, i) => `g${i} A 192.0.2.${i + 40}`),
      'host2 TXT "v=spf1 include:_spf.google.com -all"',
    ];
    const text = lines.join('\n') + '\n';
    const providerOn = (problems: readonly { code: string }[]) => problems.filter((p) => p.code === 'spf-provider-missing').length;
    for (const pieceLines of [1, 4, 9]) {
      const inc = new IncrementalZone(OPTIONS, () => NOW, pieceLines);
      inc.update(text);
      expectSame(inc, text, 'before');
      assert.equal(providerOn(inc.allProblems()), 0, 'Google is included through relay and host2');
      // The far end changes: x's problem appears.
      const dropped = text.replace('include:_spf.google.com', 'ip4:198.51.100.0/24');
      inc.update(dropped);
      expectSame(inc, dropped, `host2 no longer includes Google, pieces of ${pieceLines}`);
      assert.equal(providerOn(inc.allProblems()), 1);
      inc.update(text);
      expectSame(inc, text, `and back, pieces of ${pieceLines}`);
      // The near end changes: x is checked again with the records two includes away.
      const touched = text.replace('x MX 10 aspmx.l.google.com.', 'x MX 10 aspmx.l.google.com.\nx DNAME example.net.');
      inc.update(touched);
      expectSame(inc, touched, `a record added to x, pieces of ${pieceLines}`);
    }
  });

  // Found by the same soak, when a load problem at the offset of a parse problem was dropped:
  // a warning appearing on an unchanged record hid its load problem. Now both are kept (as
  // BIND reports both), and the incremental zone must keep both too.
  it('a parse warning appearing on an unchanged record leaves its load problem, as a whole check does', () => {
    const lines = ['$ORIGIN example.com.', '$TTL 3600', '@ SOA ns1 host 1 2 3 4 5', '@ NS ns1', 'ns1 A 192.0.2.1'];
    for (let i = 0; i < 12; i++) lines.push(`h${i} A 192.0.2.${i + 10}`);
    lines.push('ns2 CNAME x.sub', '\tTXT "v=spf1 mx ~all"', 'a.b SRV 10 5 5060 a.b');
    const text = lines.join('\n') + '\n';
    const withOrigin = text.replace('\tTXT', '$ORIGIN sub.example.com.\n\tTXT');
    for (const pieceLines of [1, 2, 4, 7]) {
      const inc = new IncrementalZone(OPTIONS, () => NOW, pieceLines);
      inc.update(text);
      expectSame(inc, text, 'before');
      assert.ok(inc.allProblems().some((p) => p.code === 'zone-cname-and-other-data'));
      inc.update(withOrigin);
      expectSame(inc, withOrigin, `$ORIGIN before the inherited owner, pieces of ${pieceLines}`);
      const at = withOrigin.indexOf('\tTXT');
      const codes = inc.allProblems().filter((p) => p.offset === at + 1 && p.code.startsWith('zone-')).map((p) => p.code).sort();
      assert.deepEqual(codes, ['zone-cname-and-other-data', 'zone-inherited-owner'], 'the warning and the error, at the TXT');
      inc.update(text);
      expectSame(inc, text, `$ORIGIN removed, pieces of ${pieceLines}`);
    }
  });
});
