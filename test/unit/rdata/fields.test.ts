/** Typed fields by RFC name, as the semantic checks read them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from './helpers';

describe('RDATA fields', () => {
  it('SOA', () => {
    assert.deepEqual(parse('SOA', 'ns hostmaster 2024010101 1h 15m 1w 300').rdata.fields, {
      mname: 'ns.example.',
      rname: 'hostmaster.example.',
      serial: 2024010101,
      refresh: 3600,
      retry: 900,
      expire: 604800,
      minimum: 300,
    });
  });

  it('MX, SRV, NS/CNAME/PTR/DNAME targets keep the case as written', () => {
    assert.deepEqual(parse('MX', '10 Mail').rdata.fields, { preference: 10, exchange: 'Mail.example.' });
    assert.deepEqual(parse('SRV', '1 2 443 @').rdata.fields, { priority: 1, weight: 2, port: 443, target: 'example.' });
    for (const t of ['NS', 'CNAME', 'PTR', 'DNAME']) assert.deepEqual(parse(t, 'x.org.').rdata.fields, { target: 'x.org.' });
  });

  it('A and AAAA addresses in canonical text', () => {
    assert.deepEqual(parse('A', '192.0.2.1').rdata.fields, { address: '192.0.2.1' });
    assert.deepEqual(parse('AAAA', '2001:DB8:0:0:0:0:0:1').rdata.fields, { address: '2001:db8::1' });
  });

  it('TXT data as binary strings, CAA flags/tag/value', () => {
    assert.deepEqual(parse('TXT', '"v=DMARC1;" " p=none"').rdata.fields, { data: ['v=DMARC1;', ' p=none'] });
    assert.deepEqual(parse('CAA', '128 issue "ca.example; x=1"').rdata.fields, {
      flags: 128,
      tag: 'issue',
      value: 'ca.example; x=1',
    });
  });

  it('DS, DNSKEY, RRSIG, NSEC3 and SVCB', () => {
    const ds = parse('DS', '1 RSASHA256 2 ' + 'AB'.repeat(32)).rdata.fields;
    assert.equal(ds.algorithm, 8);
    assert.equal(ds.digestType, 2);
    assert.equal((ds.digest as Uint8Array).length, 32);
    const key = parse('DNSKEY', '257 3 13 AQID').rdata.fields;
    assert.deepEqual([key.flags, key.protocol, key.algorithm, Array.from(key.key as Uint8Array)], [257, 3, 13, [1, 2, 3]]);
    const sig = parse('RRSIG', 'MX 13 2 300 20300101000000 1700000000 7 example. AQID').rdata.fields;
    assert.deepEqual([sig.typeCovered, sig.expiration, sig.inception, sig.signersName], ['MX', 1893456000, 1700000000, 'example.']);
    const n3 = parse('NSEC3', '1 1 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR A MX').rdata.fields;
    assert.deepEqual([n3.flags, n3.nextHashedOwner, n3.types], [1, '2T7B4G4VSA5SMI47K61MV5BV1A22BOJR', ['A', 'MX']]);
    assert.deepEqual(parse('HTTPS', '1 . alpn=h2,h3 port=443').rdata.fields, {
      priority: 1,
      target: '.',
      params: { alpn: '"h2,h3"', port: '443' },
    });
  });

  it('generic \\# for a known type yields the same fields and text as the text form', () => {
    const generic = parse('MX', '\\# 5 000a 01 61 00').rdata;
    assert.equal(generic.canonical, '10 a.');
    assert.deepEqual(generic.fields, { preference: 10, exchange: 'a.' });
    const unknown = parse('TYPE65280', '\\# 3 abcdef').rdata;
    assert.equal(unknown.canonical, '\\# 3 ABCDEF');
    assert.deepEqual(Array.from(unknown.fields.data as Uint8Array), [0xab, 0xcd, 0xef]);
  });

  it('LOC latitude/longitude in degrees and altitude in metres', () => {
    const f = parse('LOC', '42 21 54 N 71 06 18 W -24m 30m').rdata.fields;
    assert.equal(f.latitude, 42.365);
    assert.equal(f.longitude, -71.105);
    assert.equal(f.altitude, -24);
  });
});
