import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isKnownType, isMetaType, isObsoleteType, typeCode, typeName } from '../../../server/src/zone/rdata/types';

describe('type mnemonics', () => {
  it('maps mnemonics in any case, and TYPEnnn', () => {
    assert.equal(typeCode('a'), 1);
    assert.equal(typeCode('Nsap-Ptr'), 23);
    assert.equal(typeCode('HTTPS'), 65);
    assert.equal(typeCode('TYPE1'), 1);
    assert.equal(typeCode('type65535'), 65535);
    assert.equal(typeCode('TYPE65536'), undefined);
    assert.equal(typeCode('TYPE65535x'), undefined);
    assert.equal(typeCode('BOGUS'), undefined);
  });
  it('prints the canonical mnemonic or TYPEnnn', () => {
    assert.equal(typeName(99), 'SPF');
    assert.equal(typeName(32769), 'DLV');
    assert.equal(typeName(731), 'TYPE731');
    assert.equal(typeName(65533), 'TYPE65533');
    assert.equal(isKnownType(262), true);
    assert.equal(isKnownType(54), false);
  });
  it('treats TYPE0, OPT and 128–255 as meta types, as BIND 9.18 does', () => {
    for (const t of [0, 41, 128, 249, 250, 251, 252, 253, 254, 255]) assert.equal(isMetaType(t), true, String(t));
    for (const t of [1, 40, 42, 127, 256, 257, 65535]) assert.equal(isMetaType(t), false, String(t));
  });
  it('flags MD and MF as obsolete (BIND: "type \'MD\': obsolete")', () => {
    assert.deepEqual([3, 4].map(isObsoleteType), [true, true]);
    assert.deepEqual([1, 5, 15].map(isObsoleteType), [false, false, false]);
  });
});
