/** zone-bad-rdata: each problem names its detail and points at the offending token. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { parseRdata } from '../../../server/src/zone/rdata/index';
import { parse, tokens, under } from './helpers';

/** [type, rdata, detail, text under the problem] */
const CASES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['A', '1.2.3', 'rdata-ipv4', '1.2.3'],
  ['A', '01.2.3.4', 'rdata-ipv4', '01.2.3.4'],
  ['A', '1.2.3.4 5.6.7.8', 'rdata-extra', '5.6.7.8'],
  ['AAAA', '2001:db8::g', 'rdata-ipv6', '2001:db8::g'],
  ['AAAA', 'fe80::1%eth0', 'rdata-ipv6', 'fe80::1%eth0'],
  ['MX', '65536 mail', 'rdata-int', '65536'],
  ['MX', '0x10 mail', 'rdata-int', '0x10'],
  ['MX', '"10" mail', 'rdata-quoted', '"10"'],
  ['MX', '10', 'rdata-missing', ''],
  ['MX', '10 a..b', 'rdata-name', 'a..b'],
  ['SRV', '1 2 3', 'rdata-missing', ''],
  ['SOA', 'ns h 1h 1 1 1 1', 'rdata-int', '1h'],
  ['SOA', 'ns h 1 1 1 1 1x', 'rdata-ttl', '1x'],
  ['SOA', 'ns h 4294967296 1 1 1 1', 'rdata-int', '4294967296'],
  ['DNSKEY', '257 3 8 AQID AQ=', 'rdata-base64', 'AQID AQ='],
  ['DNSKEY', '257 3 8', 'rdata-missing', ''],
  ['DS', '1 8 2 1234', 'rdata-value', '1234'],
  ['DS', '1 8 2 12 3G', 'rdata-hex', '12 3G'],
  ['SSHFP', '1 1 1234', 'rdata-value', '1234'],
  ['ZONEMD', '1 1 1 123456789012345678901234', 'rdata-value', '123456789012345678901234'],
  ['RRSIG', 'A 8 2 3600 20231301000000 20230101000000 1 . AQID', 'rdata-time', '20231301000000'],
  ['NSEC', '. A BOGUS', 'rdata-type', 'BOGUS'],
  ['NSEC', '.', 'rdata-missing', ''],
  ['NSEC3', '1 0 1 XY 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3S', 'rdata-hex', 'XY'],
  ['NSEC3', '1 0 1 - 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3W', 'rdata-base32', '2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3W'],
  ['CAA', '0 is-sue "x"', 'rdata-value', 'is-sue'],
  ['CAA', '0 issue', 'rdata-missing', ''],
  ['URI', '1 2 https://x/', 'rdata-value', 'https://x/'],
  ['X25', '"123"', 'rdata-value', '"123"'],
  ['HINFO', 'a b c', 'rdata-extra', 'c'],
  ['LOC', '91 N 0 E 0', 'rdata-value', '91'],
  ['APL', '1:10.0.0.0/33', 'rdata-value', '1:10.0.0.0/33'],
  ['EUI48', '01-23-45-67-89', 'rdata-value', '01-23-45-67-89'],
  ['AMTRELAY', '0 0 4 a', 'rdata-int', '4'],
  ['IPSECKEY', '10 1 2 1.2.3.4', 'rdata-missing', ''],
  ['SVCB', '1 . port=1 port=2', 'rdata-svc-duplicate', 'port=2'],
  ['SVCB', '1 . PORT=1', 'rdata-svc-key', 'PORT=1'],
  ['SVCB', '1 . key3=53', 'rdata-svc-key', 'key3=53'],
  ['SVCB', '1 . alpn', 'rdata-svc-value', 'alpn'],
  ['SVCB', '1 . alpn=a,,b', 'rdata-svc-value', 'alpn=a,,b'],
  ['SVCB', '1 . ech=W', 'rdata-svc-value', 'ech=W'],
  ['SVCB', '1 . mandatory=port', 'rdata-svc-mandatory', 'mandatory=port'],
  ['SVCB', '1 . no-default-alpn', 'rdata-svc-value', 'no-default-alpn'],
  ['SVCB', '1 . dohpath=/abc', 'rdata-svc-value', 'dohpath=/abc'],
  ['A', '\\# 4 0102030', 'rdata-hex', '0102030'],
  ['A', '\\# 5 0102030405', 'rdata-generic-wire', '\\# 5 0102030405'],
  ['TYPE731', '\\# 6 ABCDEZ123456', 'rdata-hex', 'ABCDEZ123456'],
  ['TYPE731', '\\# 1 0000', 'rdata-generic-length', '0000'],
  ['TYPE731', '\\# 2 00', 'rdata-generic-length', '00'],
  ['TYPE731', '\\# 0x1 ab', 'rdata-int', '0x1'],
  ['TYPE731', '\\#', 'rdata-missing', ''],
  ['TYPE731', '1 ab', 'rdata-unknown-type', '1'],
  ['TXT', '\\# 0', 'rdata-generic-wire', '\\# 0'],
];

describe('zone-bad-rdata ranges', () => {
  for (const [type, text, detail, bad] of CASES) {
    it(`${type} ${text} → ${detail}`, () => {
      const { problems } = parse(type, text);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].code, 'zone-bad-rdata');
      assert.equal(problems[0].args?.detail, detail);
      assert.equal(under(text, problems[0]), bad);
      if (bad === '') assert.equal(problems[0].offset, text.length);
    });
  }

  it('points at ctx.at when a record has no RDATA at all', () => {
    const { problems } = parseRdata(15, [], { origin: 'example.', at: 42 });
    assert.deepEqual(
      problems.map((p) => [p.offset, p.length, p.args?.field]),
      [[42, 0, 'preference']],
    );
  });

  it('formats messages in English and Japanese with the detail filled in', () => {
    const p = parse('MX', '65536 mail').problems[0];
    assert.equal(formatMessage(p, 'en'), 'Invalid MX record data: preference must be an integer from 0 to 65535');
    assert.match(formatMessage(p, 'ja'), /^MX レコードのデータが正しくありません: preference は 0 から 65535/);
  });

  it('keeps the tokens as written in canonical and empty fields when invalid', () => {
    const { rdata } = parse('A', '1.2.3');
    assert.equal(rdata.canonical, '1.2.3');
    assert.deepEqual(rdata.fields, {});
  });

  it('never throws on arbitrary token soup', () => {
    const junk = ['\\#', '"', '=', '-', '0', '65536', 'a=b', '\\', '.', '..', 'key7=', '"x"', '::', '1.2.3.4', 'A'];
    for (let type = 0; type < 300; type++) {
      for (let n = 0; n < 6; n++) {
        const words = Array.from({ length: n }, (_, i) => junk[(type * 7 + i * 13 + n) % junk.length]);
        assert.doesNotThrow(() => parseRdata(type, tokens(words.join(' ')), { origin: '.' }));
      }
    }
  });
});
