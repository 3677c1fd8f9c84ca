/**
 * zone-mx-no-address and zone-srv-no-address against a live named-checkzone: a zone
 * holding every case targetNoAddress.ts tells apart (missing, existing without address,
 * empty non-terminal, at and below a delegation, below a DNAME, a CNAME, the root, outside
 * the zone): BIND's integrity warnings and ours name the same owner/target pairs, with
 * wildcards added too (one answers for a name that does not exist, from its closest
 * encloser only: RFC 4592).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { check } from './helpers';

const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;

const ZONE = [
  '$TTL 300',
  '@ SOA ns1 hostmaster 1 3600 900 604800 300',
  '@ NS ns1',
  'ns1 A 192.0.2.1',
  'host A 192.0.2.2',
  'v6 AAAA 2001:db8::2',
  'txtonly TXT "no address here"',
  'alias CNAME host',
  'deep.ent A 192.0.2.3',
  'sub NS ns.sub',
  'ns.sub A 192.0.2.6',
  'sub MX 10 missing-at-cut',
  'old DNAME example.net.',
  // Targets, one record each.
  'm1 MX 10 host',
  'm2 MX 10 v6',
  'm3 MX 10 missing',
  'm4 MX 10 txtonly',
  'm5 MX 10 ent',
  'm10 MX 10 sub',
  'm11 MX 10 mail.sub',
  'm12 MX 10 mail.old',
  'm13 MX 10 alias',
  'm14 MX 0 .',
  'm15 MX 10 mail.example.net.',
  '_sip._tcp SRV 10 5 5060 missing-sip',
  '_xmpp._tcp SRV 10 5 5222 host',
  '_none._tcp SRV 0 0 0 .',
].join('\n') + '\n';

const EXPECTED = ['m3 missing', 'm4 txtonly', 'm5 ent', '_sip._tcp missing-sip'];

/** The same zone with wildcards: one answers for `anything.wild`, none for the empty non-terminal `a.ent.wild2`. */
const WILD =
  ZONE +
  [
    '*.wild A 192.0.2.4',
    'exists.wild TXT "exists: the wildcard does not apply"',
    'ent.wild2 TXT "makes a.ent.wild2 an empty non-terminal"',
    'x.a.ent.wild2 TXT "below"',
    '*.wild2 A 192.0.2.5',
    'm6 MX 10 anything.wild',
    'm7 MX 10 exists.wild',
    'm8 MX 10 a.ent.wild2',
  ].join('\n') +
  '\n';

/** In the wildcard zone: m6's target is answered by *.wild; m8's closest encloser is the empty non-terminal ent.wild2, which has no wildcard. */
const EXPECTED_WILD = ['m3 missing', 'm4 txtonly', 'm5 ent', 'm7 exists.wild', 'm8 a.ent.wild2', '_sip._tcp missing-sip'];

/** A wildcard at the apex answers for every name that does not exist: not for ent (an empty non-terminal), nor below the cut or the DNAME. */
const APEX_WILD = ZONE + '* A 192.0.2.9\n';
const EXPECTED_APEX_WILD = ['m4 txtonly', 'm5 ent'];

const short = (name: unknown) => String(name).replace(/\.?example\.com\.$/, '') || '@';

function ours(text: string): string[] {
  return check(text, 'example.com.')
    .problems.filter((p) => p.code === 'zone-mx-no-address' || p.code === 'zone-srv-no-address')
    .map((p) => `${short(p.args?.['owner'])} ${short(p.args?.['target'])}`);
}

function bind(text: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-noaddr-'));
  try {
    fs.writeFileSync(path.join(dir, 'db'), text);
    const run = spawnSync('named-checkzone', ['-i', 'local', 'example.com', 'db'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    return [...run.stdout.matchAll(/^zone \S+: (\S+)\/(?:MX|SRV) '([^']+)' has no address records/gm)].map((m) => `${short(m[1] + '.')} ${short(m[2] + '.')}`).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the cases, as targetNoAddress.ts reads them', () => {
  assert.deepEqual(ours(ZONE), EXPECTED);
  assert.deepEqual(ours(WILD), EXPECTED_WILD);
  // A wildcard elsewhere in the zone leaves the others judged; one at the apex answers for the names that do not exist.
  assert.deepEqual(ours(ZONE + '*.other A 192.0.2.9\n'), EXPECTED);
  assert.deepEqual(ours(APEX_WILD), EXPECTED_APEX_WILD);
  const { problems } = check(ZONE, 'example.com.');
  const sip = problems.find((p) => p.code === 'zone-srv-no-address')!;
  assert.equal(ZONE.slice(sip.offset, sip.offset + sip.length), 'missing-sip');
  assert.match(formatMessage(sip, 'ja'), /^サービスの接続先 missing-sip\.example\.com\. は/);
});

test('named-checkzone names the same owner/target pairs, with wildcards too', { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
  assert.deepEqual(bind(ZONE), [...EXPECTED].sort());
  assert.deepEqual(bind(WILD), [...EXPECTED_WILD].sort());
  assert.deepEqual(bind(ZONE + '*.other A 192.0.2.9\n'), [...EXPECTED].sort());
  assert.deepEqual(bind(APEX_WILD), [...EXPECTED_APEX_WILD].sort());
});
