/**
 * zone-check-names against a live named-checkzone: a zone with a bad name in every place
 * BIND's check-names reads (owners of A, AAAA, MX, A6, WKS; mailbox owners of MB and MG;
 * host names in SOA, NS, MX, SRV, AFSDB, RT, A6, DSYNC and ServiceMode SVCB/HTTPS RDATA;
 * mailboxes in SOA, RP and MINFO) and in places it does not (MR, KX, PX, PTR, CNAME, an
 * AliasMode SVCB, the txt-dname of RP, an RP owner, records made by $GENERATE): BIND's
 * warnings and ours name the same lines and names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMailbox } from '../../../server/src/zone/semantics/checkNames';
import { check } from './helpers';

const hasBind = spawnSync('named-checkzone', ['-v']).status === 0;

const ZONE = [
  '$TTL 300',
  '@ SOA ns_1 host_master.a_b 1 2 3 4 5',
  '@ NS ns1',
  '@ NS ns_2',
  'ns1 A 192.0.2.1',
  'ns_2 A 192.0.2.2',
  'a_1 AAAA 2001:db8::1',
  'mx_o MX 10 mx_t',
  'w_1 WKS 192.0.2.1 6 25',
  'a_6 A6 0 2001:db8::1',
  'z6 A6 64 ::1 p_x.example.net.',
  '_sip._tcp SRV 0 0 1 s_t',
  '_sip._udp SRV 0 0 1 .',
  'af AFSDB 1 af_x',
  'rt RT 1 rt_x',
  'd DSYNC CDS NOTIFY 53 d_x',
  'h1 HTTPS 1 h_s alpn=h2',
  'h2 SVCB 0 h_a',
  'h3 SVCB 2 .',
  'r_p RP first_ok.a t_x',
  'r2 RP first_ok.a_b t_x',
  'mi MINFO rm_x.ok em_x.bad_',
  'm_b.x_y MB ok',
  'm_g.x_y MG ok',
  'm_g MG ok',
  'm_r.x_y MR ok',
  'kx KX 1 k_x',
  'px PX 1 p_x q_x',
  'pt PTR p_t',
  'cn CNAME c_n',
  '$GENERATE 1-2 g_$ A 10.0.0.$',
  '$GENERATE 1-2 gm$ NS x_$',
  '*.w A 192.0.2.9',
  'x_1 TXT "not a host: not checked"',
].join('\n') + '\n';

/** `line name` for each finding, names relative to example.com. */
const EXPECTED = [
  '2 ns_1',
  '2 host_master.a_b',
  '4 ns_2',
  '6 ns_2',
  '7 a_1',
  '8 mx_o',
  '8 mx_t',
  '9 w_1',
  '10 a_6',
  '11 p_x.example.net',
  '12 s_t',
  '14 af_x',
  '15 rt_x',
  '16 d_x',
  '17 h_s',
  '21 first_ok.a_b',
  '22 em_x.bad_',
  '23 m_b.x_y',
  '24 m_g.x_y',
];

const short = (name: string) => name.replace(/\.$/, '').replace(/\.example\.com$/, '');
const byLine = (a: string, b: string) => Number(a.split(' ')[0]) - Number(b.split(' ')[0]) || a.localeCompare(b);

function ours(): string[] {
  return check(ZONE, 'example.com.')
    .problems.filter((p) => p.code === 'zone-check-names')
    .map((p) => `${ZONE.slice(0, p.offset).split('\n').length} ${short(String(p.args?.['name']))}`)
    .sort(byLine);
}

test('zone-check-names: the names BIND checks, where it checks them', () => {
  assert.deepEqual(ours(), [...EXPECTED].sort(byLine));
});

test('a mailbox: any printable first label, then a host name', () => {
  assert.ok(isMailbox('host_master.example.com.'));
  assert.ok(isMailbox('h\\.master.example.com.'));
  assert.ok(isMailbox('.'));
  assert.ok(!isMailbox('a\\032b.example.com.'), 'a space in the local part');
  assert.ok(!isMailbox('hostmaster.a_b.example.com.'));
  assert.ok(!isMailbox('hostmaster.a\\.b.example.com.'), 'an escaped dot is not between labels');
});

test('named-checkzone warns about the same lines and names', { skip: hasBind ? false : 'named-checkzone (bind9-utils) is not installed' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-checknames-'));
  try {
    fs.writeFileSync(path.join(dir, 'db'), ZONE);
    const run = spawnSync('named-checkzone', ['-i', 'local', 'example.com', 'db'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const theirs = [...run.stdout.matchAll(/^db:(\d+): (?:warning: )?(\S+): bad (?:owner )?name \(check-names\)$/gm)].map((m) => `${m[1]} ${short(m[2])}`);
    assert.deepEqual(theirs.sort(byLine), [...EXPECTED].sort(byLine));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
