/**
 * Targets (NS, MX, SRV) that own nothing, answered or not by a wildcard (RFC 4592: the
 * `*` child of the closest encloser only, never below a cut), and records at a delegation
 * point (BIND checks only their NS records): what zone-missing-glue,
 * zone-ns-cname, zone-mx-cname, zone-srv-cname, zone-mx-no-address and
 * zone-srv-no-address say, and what named-checkzone says of the same zone. Knot agrees with
 * BIND that a wildcard A answers for an in-zone name server (no "missing glue record").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from './helpers';
import { bindTargetFindings, ourTargetFindings } from './targetFindings';

const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;

const HEAD = ['$TTL 300', '@ SOA ns1 hostmaster 1 3600 900 604800 300', '@ NS ns1', 'ns1 A 192.0.2.1'];

/** Each case's lines after HEAD, and the findings as `kind target` (relative to example.com). */
const CASES: { name: string; lines: string[]; findings: string[] }[] = [
  { name: 'apex wildcard A answers an apex name server', lines: ['* A 192.0.2.9', '@ NS ns2'], findings: [] },
  { name: 'apex wildcard A answers a delegation name server outside the cut', lines: ['* A 192.0.2.9', 'sub NS ns.other'], findings: [] },
  { name: 'no wildcard answers glue below a cut', lines: ['* A 192.0.2.9', 'sub NS ns.sub'], findings: ['glue ns.sub'] },
  { name: 'a wildcard below the cut is occluded', lines: ['*.sub A 192.0.2.9', 'sub NS ns.sub'], findings: ['glue ns.sub'] },
  { name: 'wildcard CNAME for a name server', lines: ['* CNAME ns1', '@ NS ns2'], findings: ['ns-cname ns2'] },
  { name: 'wildcard TXT for a name server', lines: ['* TXT "x"', '@ NS ns2'], findings: ['glue ns2'] },
  { name: 'wildcard CNAME for a mail server', lines: ['* CNAME ns1', '@ MX 10 mail'], findings: ['mx-cname mail'] },
  { name: 'wildcard CNAME for a service target', lines: ['* CNAME ns1', '@ SRV 0 0 1 sip'], findings: ['srv-cname sip'] },
  { name: 'wildcard TXT for a service target', lines: ['* TXT "x"', '@ SRV 0 0 1 sip'], findings: ['srv-no-address sip'] },
  { name: 'the closest encloser exists: the apex wildcard does not answer', lines: ['* A 192.0.2.9', 'b TXT "x"', '@ MX 10 a.b'], findings: ['mx-no-address a.b'] },
  { name: 'an empty non-terminal is the closest encloser', lines: ['* A 192.0.2.9', 'x.b A 192.0.2.2', '@ MX 10 a.b'], findings: ['mx-no-address a.b'] },
  { name: 'the target itself is an empty non-terminal', lines: ['* A 192.0.2.9', '*.b A 192.0.2.9', '@ MX 10 b'], findings: ['mx-no-address b'] },
  { name: 'the wildcard of the closest encloser answers', lines: ['*.b A 192.0.2.9', 'b TXT "x"', '@ MX 10 a.b'], findings: [] },
  { name: 'a wildcard two levels up answers when nothing is between', lines: ['* A 192.0.2.9', '@ MX 10 a.b'], findings: [] },
  {
    name: 'of a delegation point only the NS records are checked',
    lines: ['* CNAME ns1', 'sub NS ns1', 'sub MX 10 alias', 'alias CNAME ns1', 'sub MX 10 nothere.other', 'other TXT "x"', 'sub SRV 0 0 1 nothere.other'],
    findings: [],
  },
];

const short = (name: string) => name.replace(/\.?example\.com\.?$/, '') || '@';

/** `kind target` with the target relative to example.com. */
const relative = (finding: string) => {
  const [kind, target] = finding.split(' ');
  return `${kind} ${short(target)}`;
};

function ours(text: string): string[] {
  return ourTargetFindings(check(text, 'example.com.').problems).map(relative).sort();
}

/** named-checkzone's integrity messages, as the same `kind target`. */
function bind(text: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-wild-'));
  try {
    fs.writeFileSync(path.join(dir, 'db'), text);
    const run = spawnSync('named-checkzone', ['-i', 'local', 'example.com', 'db'], { cwd: dir, encoding: 'utf8' });
    return bindTargetFindings(run.stdout).map(relative).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const zoneOf = (lines: string[]) => [...HEAD, ...lines].join('\n') + '\n';

for (const c of CASES) {
  test(`wildcard targets: ${c.name}`, () => {
    assert.deepEqual(ours(zoneOf(c.lines)), [...c.findings].sort());
  });
}

test('named-checkzone finds the same in every case', { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
  for (const c of CASES) assert.deepEqual(bind(zoneOf(c.lines)), [...c.findings].sort(), c.name);
});
