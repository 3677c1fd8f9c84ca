/** The documentation tables cover exactly what the parsers know: no token without a text, no text for nothing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MECHANISM_NAMES } from '../../../server/src/spf/ast';
import { MacroLetterDocs, MechanismDocs } from '../../../server/src/docs/spf';
import { DmarcTagDocs, DmarcValueDocs } from '../../../server/src/docs/dmarc';
import { DkimTagDocs, DkimValueDocs } from '../../../server/src/docs/dkim';
import { RdataFieldOrder } from '../../../server/src/docs/zone';
import { DMARC_REMOVED_TAGS, DMARC_TAGS } from '../../../server/src/dmarc/parse';
import { DKIM_KEY_TAGS } from '../../../server/src/dkim/parse';
import { TypeDocs } from '../../../server/src/l10n/rrtypes';
import { typeCode } from '../../../server/src/zone/rdata/types';

const sorted = (xs: Iterable<string>) => [...xs].sort();

test('SPF: one text per mechanism and per macro letter of RFC 7208', () => {
  assert.deepEqual(sorted(Object.keys(MechanismDocs)), sorted(MECHANISM_NAMES));
  assert.deepEqual(sorted(Object.keys(MacroLetterDocs)), sorted('slodiphvcrt'));
});

test('DMARC: one text per tag the parser knows, values only where the tag accepts them', () => {
  assert.deepEqual(sorted(Object.keys(DmarcTagDocs)), sorted([...DMARC_TAGS.keys(), ...DMARC_REMOVED_TAGS.keys()]));
  for (const [tag, values] of Object.entries(DmarcValueDocs)) {
    const rule = DMARC_TAGS.get(tag) ?? DMARC_REMOVED_TAGS.get(tag);
    assert.ok(rule, tag);
    for (const value of Object.keys(values)) {
      if (typeof rule === 'object') assert.ok(rule.valid(value), `${tag}=${value} is not a valid value`);
      else assert.equal(rule, 'version');
    }
  }
  for (const policyTag of ['p', 'sp', 'np']) assert.deepEqual(sorted(Object.keys(DmarcValueDocs[policyTag])), ['none', 'quarantine', 'reject']);
});

test('DKIM: one text per key-record tag of RFC 6376 §3.6.1; values only for known tags', () => {
  assert.deepEqual(sorted(Object.keys(DkimTagDocs)), sorted(DKIM_KEY_TAGS));
  for (const tag of Object.keys(DkimValueDocs)) assert.ok(DKIM_KEY_TAGS.includes(tag), tag);
});

test('RR types: every documented type is a real type and has its fields in order', () => {
  assert.deepEqual(sorted(Object.keys(RdataFieldOrder)), sorted(Object.keys(TypeDocs)));
  for (const t of Object.keys(TypeDocs)) assert.notEqual(typeCode(t), undefined, t);
});
