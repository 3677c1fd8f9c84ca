/**
 * The DNS lookups the linter counts for an SPF record (spf/lookups.ts: the spf-lookup-limit
 * checks, the code lens' "n/10", the hover) against the lookups check_host() makes when it
 * evaluates the record for an address no term authorises, so that it walks every term it
 * reaches (RFC 7208 §4.6.4 counts "during SPF evaluation"). check_host() itself is held to
 * pyspf by pyspfDiff.test.ts; here both ask knotd for the generated records of test/helpers/spfgen.ts.
 *
 * The counts must be equal when the evaluation read every record it reached to its end: no
 * term matched but an `all`, and nothing made it stop early (permerror, temperror); and
 * when the evaluation went over 10, the count must be over 10 too. A tree with a part the
 * linter cannot follow (macros in an include, a loop, no record) is not compared. Void
 * lookups are not limited here: the count of §4.6.4's 10 is what is compared.
 *
 * `LOOKUP_DOMAINS` sets how many generated domains (200 unless set), `LOOKUP_SEED` the seed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveResolver } from '../../../server/src/dns/live';
import { checkHost } from '../../../server/src/spf/evaluate';
import { lookupTree, walkTree } from '../../../server/src/spf/lookups';
import { parseSpf } from '../../../server/src/spf/parser';
import type { RunningServer } from '../../helpers/dns-server';
import { generate, serveGenerated } from '../../helpers/spfgen';

/** In no range a generated record names (but /0). */
const NOBODY = '100.64.0.1';

const seed = Number(process.env.LOOKUP_SEED ?? 4646);
const domains = Number(process.env.LOOKUP_DOMAINS ?? 200);
const generated = generate(seed, domains);
let server: RunningServer;

before(async () => {
  server = await serveGenerated(generated);
});
after(async () => {
  await server?.stop();
});

test('the lookups counted for a record are the lookups an evaluation that walks it makes', async () => {
  const resolver = new LiveResolver({ servers: [server.address], timeoutMs: 2000, tries: 2 });
  const records = new Map<string, string>();
  for (const line of generated.zone.split('\n')) {
    const m = /^(d\d+) TXT "(v=spf1 [^"]*)"$/.exec(line);
    if (m) records.set(m[1], records.has(m[1]) ? '' : m[2]);
  }
  const differ: string[] = [];
  let compared = 0;
  for (const [name, text] of records) {
    if (text === '') continue; // two SPF records: permerror, nothing to count
    const domain = `${name}.spfdiff.test`;
    const spf = parseSpf(text);
    if (spf.errors.length > 0) continue;
    const tree = await lookupTree(spf, domain, resolver);
    if (walkTree(tree).some((n) => n.status !== 'ok')) continue;
    const ours = await checkHost(NOBODY, domain, `nobody@${domain}`, { resolver, helo: 'mta.example.org', maxVoidLookups: Infinity });
    // Every record it read was read to its end: only `all` terms matched (in an included record
    // too, where a match ends that record's evaluation before its later terms).
    const walked = ours.trace.every((t) => t.event !== 'match' || /^[-+~?]?all$/.test(t.term ?? ''));
    // Over the limit: the evaluation stops at the 11th lookup, and the count must say over 10.
    if (ours.trace.some((t) => t.why?.code === 'lookup-limit')) {
      if (tree.total <= 10) differ.push(`${domain}: counted ${tree.total}, evaluation went over 10\n  ${text}`);
      continue;
    }
    if (!walked || ours.result === 'permerror' || ours.result === 'temperror') continue;
    compared++;
    if (ours.lookups !== tree.total) differ.push(`${domain}: counted ${tree.total}, evaluation made ${ours.lookups}\n  ${text}`);
  }
  assert.deepEqual(differ, [], `seed ${seed}:\n${differ.slice(0, 5).join('\n')}`);
  assert.ok(compared > domains / 4, `only ${compared} records compared`);
});
