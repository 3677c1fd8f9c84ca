/**
 * RDATA against a live `named-checkzone` (BIND 9.18, Debian's bind9-utils, installed by
 * .ci/run): each case is written to a zone; BIND's verdict decides whether we must
 * accept it (and print exactly its canonical RDATA) or report a problem.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseRdata, typeCode } from '../../../server/src/zone/rdata/index';
import { tokens } from './helpers';
import { squeeze } from './zone-lines';

const CASES: ReadonlyArray<readonly [string, string]> = [
  ['A', '192.0.2.1'], ['A', '192.0.2.256'], ['A', '1.2.3'], ['A', '\\# 4 C0000201'],
  ['AAAA', '2001:DB8::1'], ['AAAA', '::'], ['AAAA', '::ffff:192.0.2.1'], ['AAAA', '::192.0.2.1'],
  ['AAAA', '1:0:0:2:0:0:0:3'], ['AAAA', '0:0:1::'], ['AAAA', '2001:db8:0:0:1:0:0:1'], ['AAAA', '1::2:3:4:5:6:7'],
  ['AAAA', '::1:0:0:0'], ['AAAA', '2001:db8::1::2'], ['AAAA', '12345::1'], ['AAAA', '1::1.2.3.4'], ['AAAA', '::1.2.3'],
  ['AAAA', '::01.2.3.4'], ['AAAA', '1:2:3:4:5:6:7:1.2.3.4'], ['AAAA', ':1::2'], ['AAAA', '1:2:3:4:5:6:1.2.3.4'],
  ['NS', 'ns1'], ['NS', 'a\\.b'], ['NS', '"quoted"'], ['CNAME', '@'], ['DNAME', 'x.Example.COM.'],
  ['PTR', '\\065b\\255'], ['MB', 'm'], ['NSAP-PTR', 'n'],
  ['MX', '0 .'], ['MX', '10 mail extra'], ['AFSDB', '1 afs'], ['RT', '1 r'], ['KX', '1 k'], ['PX', '1 a b'],
  ['SRV', '0 5 5060 sip'], ['SRV', '0 5 65536 sip'],
  ['TXT', '"a" "" b'], ['TXT', '"\\000\\127\\128"'], ['TXT', '"tab\there"'], ['TXT', 'semi\\;colon'],
  ['TXT', '"é"'], ['TXT', '"\\1"'], ['SPF', '"v=spf1" " a" " -all"'],
  ['HINFO', '"x86" "Linux 6"'], ['HINFO', 'only'], ['X25', '311061700956'], ['X25', '12a4'],
  ['ISDN', '150862028003217 004'], ['GPOS', '-32.6882 116.8652 10.0'],
  ['NAPTR', '100 10 "S" "SIP+D2U" "" _sip._udp'], ['NAPTR', '100 10 S SIP+D2U "!^.*$!sip:x@y!" .'],
  ['CAA', '0 issue "letsencrypt.org"'], ['CAA', '128 iodef "mailto:a@b"'], ['CAA', '0 issuewild ";"'],
  ['CAA', '256 issue "x"'], ['CAA', '0 issue "a\\"b"'],
  ['URI', '10 1 "ftp://ftp1.example.com/public"'], ['URI', '1 1 ""'],
  ['DS', '60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118'],
  ['DS', '60485 RSASHA1 SHA-1 2BB183AF5F22588179A53B0A98631FAD1A292118'],
  ['DS', '60485 8 4 2BB183AF5F22588179A53B0A98631FAD1A292118'], ['DS', '60485 8 99 ab'],
  ['CDS', '0 0 0 00'], ['TA', '1 8 2 ' + 'ab'.repeat(32)], ['DLV', '1 8 3 ' + 'ab'.repeat(32)],
  ['DNSKEY', '256 3 ED25519 AwEAAaz/tAm8yTn4Mfeh5eyI96WSVexTBAvkMgJzkKTOiW1vkIbzxeF3'],
  ['DNSKEY', 'KSK|ZONE 3 13 AQID'], ['DNSKEY', '0x0101 3 13 AQID'], ['DNSKEY', '256 3 13 AQI'],
  ['CDNSKEY', '0 3 0 AA=='], ['RKEY', '0 3 1 AQID'], ['RKEY', '256 3 1 AQID'], ['RKEY', '1 3 8 AQID'], ['KEY', 'NOKEY 3 1'], ['KEY', '256 3 8 AQID'],
  ['RRSIG', 'A 13 2 3600 20300101000000 20200101000000 12345 example. AQID'],
  ['RRSIG', 'TYPE65534 13 2 3600 2000000000 1000000000 1 . AQID'],
  ['RRSIG', 'A 13 2 3600 20300101000000 20200101000000 12345 example.'],
  ['RRSIG', 'A 13 2 3600 20300230000000 20200101000000 12345 example. AQID'],
  ['SIG', 'NXT 1 3 3600 20000102030405 19961211100908 2143 foo.nil. AQID'], ['SIG', 'A 1 2 3 60241688 157206046 1 a. AQID'],
  ['SIG', 'A 1 2 3 20300101000000 157206046 1 a. AQID'], ['RRSIG', 'A 1 2 3 60241688 157206046 1 a. AQID'],
  ['SIG', 'TYPE777 8 1 1 20300101000000 20200101000000 1 a. AQID'], ['SIG', '777 8 1 1 20300101000000 20200101000000 1 a. AQID'],
  ['SIG', 'TYPE0 8 1 1 20300101000000 20200101000000 1 a. AQID'], ['SIG', 'mx 8 1 1 20300101000000 20200101000000 1 a. AQID'],
  ['RRSIG', 'A 8 2 1 20200611063000 114884493 5 m.e.o. AQID'], ['RRSIG', 'A 8 3 1 20200611063000 114884493 5 m.e.o. AQID'],
  ['RRSIG', 'A 8 0 1 20200611063000 114884493 5 . AQID'], ['SIG', 'A 8 0 1 20200611063000 20200611063000 5 m.e.o. AQID'],
  ['RRSIG', '777 8 1 1 20300101000000 20200101000000 1 a. AQID'], ['RRSIG', 'TYPE0 8 1 1 20300101000000 20200101000000 1 a. AQID'],
  ['NSEC', 'host.example. A MX RRSIG NSEC TYPE1234'], ['NSEC', 'a. TYPE0'], ['NSEC', 'a. CAA HTTPS'],
  ['NXT', 'a. A MX SIG NXT'],
  ['NSEC3', '1 1 12 aabbccdd 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A RRSIG'],
  ['NSEC3', '1 0 0 - 2t7b4g4vsa5smi47k61mv5bv1a22bojr'], ['NSEC3', '1 0 1 - S8OJ8PBAI3ER9PE4'], ['NSEC3', '2 0 1 - S8OJ8PBAI3ER9PE4'],
  ['NSEC3', '1 0 1 - 00'], ['NSEC3', '1 0 1 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR00000000'], ['NSEC3', '1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJ'],
  ['NSEC3PARAM', '1 0 10 D2CF0294C020CE6C'], ['NSEC3PARAM', '1 0 10 ABC'],
  ['CSYNC', '66 3 A NS AAAA'], ['ZONEMD', '2018031500 1 1 ' + 'ab'.repeat(48)], ['ZONEMD', '1 1 2 ' + 'ab'.repeat(48)],
  ['TLSA', '0 0 1 d2abde240d7cd3ee6b4b28c54df034b97983a1d16e8a410e4561cb106618e971'],
  ['SMIMEA', '3 0 0 3082'], ['SSHFP', '4 2 ' + 'ab'.repeat(32)], ['SSHFP', '1 3 abcd'],
  ['CERT', 'PGP 0 0 AQID'], ['CERT', '3 0 5 AQID'], ['CERT', 'IACPKIX 1 ED448 AQID'], ['CERT', 'BOGUS 0 0 AQID'],
  ['DHCID', 'AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA='], ['OPENPGPKEY', 'AQID'],
  ['HHIT', 'AQID'], ['BRID', 'AQ=='],
  ['HIP', '2 200100107B1A74DF365639CC39F1D578 AwEAAQ== rvs1 rvs2.example.'],
  ['IPSECKEY', '10 2 2 2001:db8::1 AQID'], ['IPSECKEY', '10 3 2 gw AQID'], ['IPSECKEY', '10 4 2 gw AQID'],
  ['AMTRELAY', '10 1 2 2001:db8::1'], ['AMTRELAY', '10 0 1 203.0.113.15'], ['AMTRELAY', '10 2 1 1.2.3.4'],
  ['DOA', '0 0 0 "" -'], ['DOA', '4294967295 1 255 "text/plain" AQID'],
  ['SINK', '1 0 0 AQID'], ['EID', 'ab cd'], ['NIMLOC', '0123'],
  ['NSAP', '0x47.0005.80.005a00.0000.0001.e133.ffffff000162.00'], ['NSAP', '0x1'], ['NSAP', '47'],
  ['ATMA', '+1.2.3'], ['ATMA', '39.246f.000e7c9c0312.0001.0001.000012345678.00'],
  ['A6', '0 2001:db8::1'], ['A6', '64 ::1 pfx'], ['A6', '65 ::ffff:ffff:ffff:ffff pfx'], ['A6', '129 x'],
  ['WKS', '192.0.2.1 TCP smtp http 1024'], ['WKS', '192.0.2.1 17 0'],
  ['APL', '1:192.168.32.0/21 !1:192.168.38.0/28'], ['APL', '2:2001:db8::/32 !2:ff00::/8 1:0.0.0.0/0'],
  ['APL', '3:1.2.3.4/8'], ['APL', '1:1.2.3.0/24x'],
  ['LOC', '42 21 54 N 71 06 18 W -24m 30m'], ['LOC', '42 21 43.952 N 71 5 6.344 W -24m 1m 200m 10m'],
  ['LOC', '52 22 23.000 S 4 53 32.000 E -2.00m 0.01m 0.5m 0.99m'], ['LOC', '0 N 0 E 0'],
  ['LOC', '90 S 180 W 42849672.95m 90000000m 90000000m 90000000m'], ['LOC', '91 N 0 E 0'],
  ['LOC', '1 2 3.4567 N 0 E 0'], ['LOC', '\\# 16 00121613 80000000 80000000 00989680'],
  ['EUI48', '00-00-5e-00-53-2A'], ['EUI64', '00-00-5e-ef-10-00-00-2a'], ['EUI48', '00:00:5e:00:53:2a'],
  ['NID', '10 14:4fff:ff20:ee64'], ['L32', '10 10.1.2.0'], ['L64', '10 2001:0DB8:1140:1000'], ['LP', '10 l64-subnet1'],
  ['DSYNC', 'CDS NOTIFY 5359 dsync.example.net.'], ['DSYNC', 'CSYNC 1 53 .'],
  ['AVC', '"app-name:WOLFGANG|app-class:OAM"'], ['NINFO', 'x'], ['RESINFO', 'qnamemin'], ['WALLET', 'BTC "x"'],
  ['TALINK', 'a b'], ['MINFO', 'a b'], ['RP', 'a b'],
  ['SVCB', '1 svc alpn=h2,h3 port=8443 ipv4hint=192.0.2.1,192.0.2.2 ipv6hint=2001:db8::1'],
  ['HTTPS', '1 . alpn=h3 no-default-alpn ech=AEj+DQBEAQAgACAdd+scUi0IYFsXnUIU7ko2Nd9+F8M26pAGZVpz/KrWPgAEAAEAAWQVZWNoLXNpdGVzLmV4YW1wbGUubmV0AAA='],
  ['HTTPS', '1 . mandatory=alpn,port alpn=h2 port=443'], ['HTTPS', '1 . key65000="a\\010b"'],
  ['SVCB', '1 . ipv6hint=::ffff:1.2.3.4'], ['SVCB', '1 . port=99999'], ['SVCB', '1 . alpn="h2,h3"'],
  ['SVCB', '1 . mandatory=mandatory'], ['SVCB', '\\# 9 0001 00 0003 0002 0035'], ['SVCB', '\\# 8 0001 00 0003 0001 35'],
  ['HTTPS', '0 target'], ['CAA', '\\# 15 00 05 6973737565 6361 2e6e6574'],
  ['TXT', '""'], ['TXT', '"\\""'], ['TXT', '\\"'], ['TXT', '"a;b" c\\"d'], ['TXT', '"\\a\\b\\c"'], ['TXT', '"~\\127"'],
  ['TXT', '"line1\nline2"'], ['TXT', '( "a"\n "b" )'], ['TXT', '\\# 6 03616263 0100'], ['TXT', '\\# 2 0361'],
  ['MX', '10 a\\032b'], ['MX', '10 \\@x'], ['MX', '10 x\\$'], ['MX', '10 é'], ['CNAME', '*.wild'], ['CNAME', '-dash-'],
  ['MX', '10 ' + 'a'.repeat(64)], ['MX', '10 \\046'],
  ['RRSIG', 'A 13 2 3600 0 1 1 . AQID'], ['RRSIG', 'A 13 2 3600 4294967295 99999999999 1 . AQID'],
  ['RRSIG', 'A 13 2 3600 19700101000000 21060207062815 1 . AQID'], ['RRSIG', 'A 13 2 3600 20240229235959 1 1 . AQID'],
  ['LOC', '0 0 0 N 0 0 0 E 0m'], ['LOC', '10 N 20 W -100000m'], ['LOC', '10 N 20 W -100000.01m'],
  ['LOC', '1 59 59.999 N 179 59 59.999 E 1.5m 12345678m 0m 0.1m'], ['LOC', '1 60 N 0 E 0'], ['LOC', '1 N 0 E'],
  ['LOC', '1 N 0 E 0 1 2 3 4'], ['LOC', '1 2 N 3 4 E 5m'],
  ['APL', '1:0.0.0.0/0 2:::/0'], ['APL', '!2:fe80::1/128'], ['APL', '1:10.1.0.0/16'],
  ['WKS', '10.0.0.1 6'], ['WKS', '10.0.0.1 UDP domain ntp 65535'],
  ['WKS', '192.0.2.1 17 http 516'], ['WKS', '192.0.2.1 udp domain smtp'], ['WKS', '192.0.2.1 tcp ntp'], ['WKS', '192.0.2.1 1 http ntp'],
  ['NSEC3', '1 0 65535 ' + 'ab'.repeat(255) + ' 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR'],
  ['NSEC3PARAM', '1 0 10 ' + 'ab'.repeat(256)],
  ['SVCB', '2 . alpn=h2 mandatory=alpn key123="" key124=x'], ['SVCB', '1 . ipv4hint=1.2.3.4,,5.6.7.8'],
  ['SVCB', '1 . ipv4hint="1.2.3.4,5.6.7.8"'], ['SVCB', '1 . alpn=\\"quoted\\"'], ['SVCB', '1 . key9="a\\\\b\\"c"'],
  ['SVCB', '\\# 7 0001 00 0005 0000'], ['SVCB', '\\# 7 0001 00 0002 0000'], ['HTTPS', '1 . port="80" alpn="h2"'],
  ['CAA', '0 tbs ""'], ['CAA', '0 TAG "v"'], ['CAA', '0 a"b" "v"'], ['CAA', '255 issue x\\044y'],
  ['DOA', '1 2 3 "a" AQID AQID'], ['DOA', '1 2 3 "a" - AQID'],
  ['HIP', '2 AB AQID'], ['HIP', '2 ABC AQID'], ['HIP', '2 AB'],
  ['IPSECKEY', '0 0 0 . AQID'], ['IPSECKEY', '0 1 0 1.2.3.4 AQID AQ=='],
  ['AMTRELAY', '0 0 0 x'], ['AMTRELAY', '0 0 3 ."'],
  ['ATMA', '+'], ['ATMA', 'abc'], ['ATMA', '+12a'],
  ['A6', '0 ::'], ['A6', '128 .'], ['A6', '127 ::1 a.'], ['A6', '1 ffff:: a.'],
  ['EID', ''], ['SINK', '1 2 3'], ['SINK', '1 2'],
  ['GPOS', '"" "" ""'], ['GPOS', 'a b c d'], ['ISDN', 'a'], ['X25', '"1234" extra'],
  ['URI', '1 2 "a" extra'], ['NAPTR', '1 2 "a" "b" "c"'], ['NAPTR', '1 2 "a!" "b" "c" .'],
  ['KEY', '0x10000 3 1'], ['KEY', 'BOGUS 3 1'], ['DNSKEY', '256 3 RSASHA256 "AQID"'],
  ['DS', '1 8 SHA-384 ' + 'ab'.repeat(48)], ['DS', '1 8 GOST ' + 'ab'.repeat(32)], ['DS', '1 8 2 ' + 'ab'.repeat(31) + 'a'],
  ['CSYNC', '1 2'], ['CSYNC', '4294967296 0 A'], ['ZONEMD', '1 2 1 ' + 'ab'.repeat(12)], ['ZONEMD', '1 1 3 ' + 'ab'.repeat(11)],
  ['TLSA', '3 1 1 "ab"'], ['SSHFP', '1 1 ' + 'ab'.repeat(20) + ' ab'],
  ['L64', '10 1:2:3'], ['NID', '10 12345:0:0:0'], ['EUI64', '00-00-5e-ef-10-00-00'],
  ['DSYNC', 'BOGUS NOTIFY 1 .'], ['DSYNC', 'A 255 65535 x'], ['DSYNC', 'A 256 1 x'],
  ['NAPTR', '1 2 "" "" "!a!b!i" .'], ['NAPTR', '1 2 "" "" "!a!b!x" .'], ['NAPTR', '1 2 "" "" "!a\\\\!b!c!" .'],
  ['NAPTR', '1 2 "" "" "!(a)!\\\\1!" .'], ['NAPTR', '1 2 "" "" "!a!\\\\1!" .'], ['NAPTR', '1 2 "" "" "1a1b1" .'],
  ['NAPTR', '1 2 "" "" "!!!" .'], ['ZONEMD', '1 3 1 ' + 'ab'.repeat(12)], ['ZONEMD', '1 1 99 ' + 'ab'.repeat(12)],
  ['SVCB', '\\# 17 0001 00 0000 0002 0003 0003 0002 0035'], ['TXT', '"a\\\nb"'],
  ['TYPE65280', '\\# 3 abcdef'], ['TYPE1', '\\# 4 7f000001'], ['TYPE731', '\\# 0'],
  ['UINFO', '\\# 1 01'], ['NULL', '\\# 2 abcd'], ['NULL', 'x'], ['KEYDATA', 'x'],
];

function namedCheckzone(): string | undefined {
  const r = spawnSync('which', ['named-checkzone'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const binary = namedCheckzone();
const ORIGIN = 'live.example.';
const HEADER = '$TTL 300\n@ SOA ns h 1 1 1 1 1\n@ NS ns\nns A 192.0.2.53\n';
const HEADER_LINES = 4;

/** The zone text, and for each line the case written on it (a case may span lines). */
function zoneOf(cases: ReadonlyArray<readonly [number, string, string]>): { text: string; lineCase: Map<number, number> } {
  let text = HEADER;
  let line = HEADER_LINES + 1;
  const lineCase = new Map<number, number>();
  for (const [i, type, rdata] of cases) {
    const rec = `r${i} ${type} ${rdata}\n`;
    const lines = rec.split('\n').length - 1;
    for (let k = 0; k < lines; k++) lineCase.set(line + k, i);
    line += lines;
    text += rec;
  }
  return { text, lineCase };
}

function run(dir: string, text: string): { stdout: string; stderr: string } {
  const file = path.join(dir, 'live.zone');
  writeFileSync(file, text);
  const r = spawnSync(binary as string, ['-i', 'none', '-k', 'ignore', '-D', '-o', '-', ORIGIN, file], {
    encoding: 'utf8',
  });
  return { stdout: r.stdout, stderr: r.stderr + r.stdout };
}

describe('RDATA against live named-checkzone', { skip: binary ? false : 'named-checkzone not installed (bind9-utils)' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zonelint-rdata-'));
  const numbered = CASES.map(([type, rdata], i) => [i, type, rdata] as const);
  // One run to learn which lines BIND rejects, one on the rest for canonical text.
  const all = zoneOf(numbered);
  const first = run(dir, all.text);
  const rejected = new Set<number>();
  // Warnings ("signature has expired", "old style DNSSEC") carry line numbers too.
  for (const m of first.stderr.matchAll(/^(?:\w+: )?\S*live\.zone:([0-9]+): (.*)$/gm)) {
    const i = all.lineCase.get(Number(m[1]));
    if (i !== undefined && !/expired|old style/.test(m[2])) rejected.add(i);
  }
  const accepted = numbered.filter(([i]) => !rejected.has(i));
  const second = run(dir, zoneOf(accepted).text);
  rmSync(dir, { recursive: true, force: true });
  const printed = new Map<number, string>();
  for (const line of second.stdout.split('\n')) {
    const m = /^r([0-9]+)\.live\.example\.\s+[0-9]+\s+IN\s+\S+\s*(.*)$/.exec(line);
    if (m) printed.set(Number(m[1]), m[2]);
  }

  it('BIND loaded the accepted cases', () => {
    assert.equal(printed.size, accepted.length, second.stderr);
    assert.ok(rejected.size >= 30, `BIND rejected only ${rejected.size}`);
  });

  for (const [i, type, rdata] of numbered) {
    it(`${type} ${rdata.slice(0, 60)}`, () => {
      const code = typeCode(type) ?? 65533;
      const res = parseRdata(code, tokens(rdata), { origin: ORIGIN });
      if (rejected.has(i)) {
        assert.notDeepEqual(res.problems, [], 'BIND rejects this RDATA');
        return;
      }
      assert.deepEqual(res.problems, []);
      assert.equal(squeeze(res.rdata.canonical), squeeze(printed.get(i) ?? '<missing>'));
    });
  }
});
