/**
 * CDS/CDNSKEY consistency at the apex (server/src/zone/checks/cdsConsistency.ts), found
 * by the differential test. Each verdict is named-checkzone 9.18's ("CDS/CDNSKEY
 * consistency checks failed" or loaded).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { describe } from './helpers';

const HEAD = '$TTL 1\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 1.2.3.4\n';
const KEY8 = '@ DNSKEY 257 3 8 AwEAAQ==\n';
const DIGEST = 'AB'.repeat(32);

function problems(body: string): string[] {
  const text = HEAD + body;
  return describe(parseZoneText(text, { origin: 'example.' }), text);
}

test('an apex CDS or CDNSKEY needs an apex DNSKEY of its algorithm (keys and digests are not compared)', () => {
  assert.deepEqual(problems(`@ CDS 1 8 2 ${DIGEST}\n`), ['zone-syntax cds-no-dnskey "@"']);
  assert.deepEqual(problems(`${KEY8}@ CDS 1 13 2 ${DIGEST}\n`), ['zone-syntax cds-no-dnskey "@"']);
  assert.deepEqual(problems(`${KEY8}example. CDNSKEY 257 3 13 AwEAAg==\n`), ['zone-syntax cds-no-dnskey "example."']);
  assert.deepEqual(problems('@ CDNSKEY 257 3 8 AwEAAQ==\n'), ['zone-syntax cds-no-dnskey "@"']);
  // Algorithm 0 other than the exact delete form is an ordinary record.
  assert.deepEqual(problems('@ CDS 0 0 0 0000\n'), ['zone-syntax cds-no-dnskey "@"']);
  assert.deepEqual(problems('@ CDNSKEY 0 3 0 AAAA\n'), ['zone-syntax cds-no-dnskey "@"']);
  // Matching algorithms load, mnemonics included, whatever the digest or key.
  assert.deepEqual(problems(`${KEY8}@ CDS 1 RSASHA256 2 ${DIGEST}\n@ CDNSKEY 257 3 8 AwEAAg==\n`), []);
  assert.deepEqual(problems(`${KEY8}@ CDS 1 8 99 ${DIGEST}\n`), []);
});

test('the delete form loads alone, with or without a DNSKEY, and in either spelling', () => {
  assert.deepEqual(problems('@ CDS 0 0 0 00\n@ CDNSKEY 0 3 0 AA==\n'), []);
  assert.deepEqual(problems(`${KEY8}@ CDS \\# 5 0000000000\n@ CDNSKEY \\# 5 0000030000\n@ CDS 0 0 0 0 0\n`), []);
  // With another record in the same RRset it is refused (that record is reported).
  assert.deepEqual(problems(`${KEY8}@ CDS 0 0 0 00\n@ CDS 1 8 2 ${DIGEST}\n`), ['zone-syntax cds-delete-not-alone "@"']);
  assert.deepEqual(problems(`${KEY8}@ CDNSKEY 0 3 0 AA==\n@ CDNSKEY 257 3 8 AwEAAg==\n`), ['zone-syntax cds-delete-not-alone "@"']);
  // A CDS delete and a CDNSKEY for a published key are two RRsets: fine.
  assert.deepEqual(problems(`${KEY8}@ CDS 0 0 0 00\n@ CDNSKEY 257 3 8 AwEAAQ==\n`), []);
});

test('CDS and CDNSKEY below the apex are not checked', () => {
  assert.deepEqual(problems(`sub CDS 1 8 2 ${DIGEST}\nsub CDNSKEY 257 3 13 AwEAAQ==\nsub DNSKEY 257 3 8 AwEAAQ==\n`), []);
  // A DNSKEY below the apex does not count for the apex.
  assert.deepEqual(problems(`sub DNSKEY 257 3 8 AwEAAQ==\n@ CDS 1 8 2 ${DIGEST}\n`), ['zone-syntax cds-no-dnskey "@"']);
});
