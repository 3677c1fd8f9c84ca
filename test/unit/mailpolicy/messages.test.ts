import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { allCodes, formatMessage } from '../../../server/src/diagnostics/registry';
import type { Problem } from '../../../server/src/diagnostics/types';
import { DmarcCodes, DmarcDetails } from '../../../server/src/dmarc/codes';
import { DkimCodes, DkimDetails } from '../../../server/src/dkim/codes';
import { MailPolicyCodes, MailPolicyDetails } from '../../../server/src/mailpolicy/codes';
import { checkDmarc } from '../../../server/src/dmarc/index';
import { checkDkim } from '../../../server/src/dkim/index';
import { checkMailPolicy } from '../../../server/src/mailpolicy/index';
import { fixtureZone } from '../../fixtures/mail/zone';

const tables = [DmarcCodes, DkimCodes, MailPolicyCodes].flatMap((t) => Object.values(t));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

test('every mail-record code is registered, namespaced, with an RFC and both languages', () => {
  const codes = tables.map((d) => d.code);
  for (const required of [
    'dmarc-missing', 'dmarc-syntax', 'dmarc-multiple-records', 'dmarc-missing-policy', 'dmarc-invalid-value',
    'dmarc-unknown-tag', 'dmarc-deprecated-tag', 'dmarc-policy-none', 'dmarc-invalid-uri',
    'dmarc-external-destination', 'dmarc-misplaced', 'dkim-syntax', 'dkim-invalid-key', 'dkim-weak-key',
    'dkim-revoked', 'dkim-testing', 'dkim-unknown-tag', 'dkim-multiple-records',
  ]) {
    assert.ok(codes.includes(required), required);
  }
  for (const def of tables) {
    assert.equal(allCodes.get(def.code), def, `${def.code} is registered`);
    assert.match(def.code, /^(dmarc|dkim|mtasts|tlsrpt|bimi)-[a-z0-9-]+$/);
    assert.match(def.rfc, /^(RFC \d+|draft-)/);
    assert.match(def.message.ja, JAPANESE, def.code);
    assert.deepEqual(placeholders(def.message.ja), placeholders(def.message.en), def.code);
  }
  for (const [key, d] of Object.entries({ ...DmarcDetails, ...DkimDetails, ...MailPolicyDetails })) {
    assert.deepEqual(placeholders(d.ja), placeholders(d.en), key);
    if (d.en !== '') assert.match(d.ja, JAPANESE, key);
  }
});

test('every problem the fixtures raise reads as a finished sentence in English and Japanese', () => {
  const fixtures = ['dmarc.zone', 'dmarc-missing.zone', 'mailpolicy.zone'].map((f) =>
    readFileSync(join(__dirname, '../../fixtures/mail', f), 'utf8'),
  );
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const dkim = [
    `a._domainkey TXT ( "v=DKIM1; t=y; h=sha1; g=*; P=1; x=2; p=${key.slice(0, 100)}" "${key.slice(100)}" )`,
    'b._domainkey TXT "v=DKIM2; k=ed25519; p=AAAA; p="',
    'c._domainkey TXT "k=foo; p=!!"',
    'd._domainkey TXT "v=DKIM1; p="',
    'd._domainkey TXT "v=DKIM1; p=; n=old"',
  ].join('\n');
  const problems: Problem[] = [
    ...checkDmarc(fixtureZone(fixtures[0])),
    ...checkDmarc(fixtureZone(fixtures[1], 'example.net.')),
    ...checkMailPolicy(fixtureZone(fixtures[2])),
    ...checkDkim(fixtureZone(dkim)),
    // A sender without a key of its own or of a parent: dkim-missing.
    ...checkDkim(fixtureZone('news TXT "v=spf1 a -all"\n')),
  ];
  const seen = new Set(problems.map((p) => p.code));
  for (const def of tables) {
    if (def.code !== 'dmarc-external-destination') assert.ok(seen.has(def.code), `${def.code} is exercised`);
  }
  for (const p of problems) {
    for (const locale of ['en', 'ja'] as const) {
      const text = formatMessage(p, locale);
      assert.doesNotMatch(text, /\{\w+\}/, `${p.code} (${locale}): ${text}`);
      assert.doesNotMatch(text, /undefined/, `${p.code} (${locale}): ${text}`);
    }
  }
});
