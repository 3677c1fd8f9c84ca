/**
 * The SPF errors the zone check reports (`zonelint check`, offline: the zone's own data)
 * against what check_host() gives for the same record, read from the same zone data, for an
 * address no term authorises (so that it walks every term it reaches). check_host() itself is
 * held to pyspf by pyspfDiff.test.ts. On the generated records of test/helpers/spfgen.ts:
 * - a record the evaluation ends in permerror for carries an error of the check (but for too
 *   many void lookups where names are made from the message, or where an a: target has
 *   addresses of the other family only: the check counts the void lookups it can know without
 *   a message, those void for senders of either family);
 * - a record with an error of the check (one a receiver turns into permerror) ends in
 *   permerror when the evaluation reached every term (only an `all` matched).
 *
 * `LINT_DOMAINS` sets how many generated domains (200 unless set), `LINT_SEED` the seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAsync, analyzeSync } from '../../../server/src/analysis';
import { createResolver } from '../../../server/src/dns/chain';
import { severityOf } from '../../../server/src/diagnostics/registry';
import { checkHost } from '../../../server/src/spf/evaluate';
import { parseZoneText } from '../../../server/src/zone/index';
import { APEX, generate } from '../../helpers/spfgen';

/** In no range a generated record names (but /0). */
const NOBODY = '100.64.0.1';

/** Errors of the check that a receiver meets as permerror. */
const PERMERROR_CODES = new Set([
  'spf-syntax',
  'spf-unknown-mechanism',
  'spf-invalid-ip',
  'spf-invalid-cidr',
  'spf-invalid-macro',
  'spf-multiple-records',
  'spf-duplicate-modifier',
  'spf-lookup-limit',
  'spf-void-lookup-limit',
  'spf-mx-limit',
  'spf-include-loop',
  'spf-include-no-record',
  'spf-include-broken',
  'spf-non-ascii',
  'spf-malformed-version',
]);

test('the errors the zone check reports are the permerrors an evaluation meets', async () => {
  const seed = Number(process.env.LINT_SEED ?? 7489);
  const domains = Number(process.env.LINT_DOMAINS ?? 200);
  const generated = generate(seed, domains);
  const text = generated.zone;
  const zone = parseZoneText(text, { origin: `${APEX}.` });
  const resolver = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => [zone]);
  const problems = [...analyzeSync(zone), ...(await analyzeAsync(zone, { resolver }))];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const ownerAt = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return text.slice(lineStarts[line], text.indexOf(' ', lineStarts[line]));
  };
  const errors = new Map<string, string[]>();
  for (const p of problems) {
    if (!PERMERROR_CODES.has(p.code) || severityOf(p) !== 'error') continue;
    const owner = ownerAt(p.offset);
    errors.set(owner, [...(errors.get(owner) ?? []), p.code]);
  }
  // Names with AAAA records and no A record.
  const families = new Map<string, Set<string>>();
  for (const m of text.matchAll(/^(\S+) (A|AAAA) /gm)) families.set(`${m[1]}.${APEX}`, (families.get(`${m[1]}.${APEX}`) ?? new Set()).add(m[2]));
  const v6only = new Set([...families].filter(([, f]) => !f.has('A')).map(([n]) => n));
  const differ: string[] = [];
  let permerrors = 0;
  for (let i = 0; i < domains; i++) {
    const name = `d${i}`;
    const records = text.split('\n').filter((l) => l.startsWith(`${name} TXT "v=spf1`) || l.startsWith(`${name} TXT "V=SPF1`) || l.startsWith(`${name} TXT "v=Spf1`));
    if (records.length === 0) continue;
    const domain = `${name}.${APEX}`;
    const ours = await checkHost(NOBODY, domain, `nobody@${domain}`, { resolver, helo: 'mta.example.org' });
    const found = errors.get(name) ?? [];
    const walked = ours.trace.every((t) => t.event !== 'match' || /^[-+~?]?all$/.test(t.term ?? ''));
    const why = ours.trace.find((t) => t.event === 'error')?.why;
    // Void lookups of names made from the message (%{i}, %{l}, …): the check cannot know them.
    const fromMessage = ours.trace.some((t) => t.event === 'record' && /%\{[slohipv]/i.test(t.detail ?? ''));
    // An a: target with AAAA records only is void for this IPv4 sender: the check counts a
    // target void when it has no address of either family (see the note in spf/lookups.ts).
    const ipv6Only = ours.trace.some(
      (t) => t.event === 'record' && [...(t.detail ?? '').matchAll(/(?:^|\s)[-+~?]?a(?::([^\s/]+))?(?=[\s/]|$)/g)].some((m) => v6only.has((m[1] ?? t.domain).toLowerCase())),
    );
    if (ours.result === 'permerror' && why?.code === 'void-limit' && (fromMessage || ipv6Only)) continue;
    if (ours.result === 'permerror') {
      permerrors++;
      if (found.length === 0) differ.push(`${domain}: permerror (${JSON.stringify(why)}), no error reported\n  ${records.join('\n  ')}`);
    } else if (found.length > 0 && walked && ours.result !== 'temperror') {
      differ.push(`${domain}: ${found.join(', ')} reported, evaluation ${ours.result}\n  ${records.join('\n  ')}`);
    }
  }
  assert.deepEqual(differ, [], `seed ${seed}:\n${differ.slice(0, 6).join('\n')}`);
  assert.ok(permerrors > domains / 10, `only ${permerrors} permerrors`);
});
