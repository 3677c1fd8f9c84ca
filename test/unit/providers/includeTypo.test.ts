/**
 * spf-include-typo: an include or redirect one or two letters off a catalogued provider's
 * domain, with another registrable domain under the same public suffix. Offline nothing else
 * shows it; receivers return permerror. The fix writes the provider's domain, and
 * spf-provider-missing leaves the record to it (adding the include beside the misspelt one
 * would leave the permerror).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PROVIDERS } from '../../../server/src/providers/index';
import { misspeltInclude } from '../../../server/src/providers/includeTypo';
import { formatMessage, severityOf } from '../../../server/src/diagnostics/registry';
import { fixesFor } from '../../../server/src/fixes/index';
import { applyEdits, asSent, check, HEAD } from '../fixes/helpers';
import { editDistance } from '../../../server/src/distance';

const includes = [...new Set(PROVIDERS.flatMap((p) => [...p.spf, ...(p.accepts ?? [])]).filter((t) => t.startsWith('include:')).map((t) => t.slice(8)))];

test('misspelt includes are found, with the provider meant; other names are not', () => {
  const meant = (d: string) => misspeltInclude(d)?.domain;
  assert.equal(meant('spf.sender.xsever.jp'), 'spf.sender.xserver.jp');
  assert.equal(meant('_spf.gogle.com'), '_spf.google.com');
  assert.equal(meant('spf.protection.outlok.com'), 'spf.protection.outlook.com');
  assert.equal(meant('relay.mailchanels.net'), 'relay.mailchannels.net');
  assert.equal(meant('_spf.salseforce.com'), '_spf.salesforce.com', 'a swap of two letters is one edit');
  assert.equal(meant('sparkpostmial.com'), 'sparkpostmail.com');
  assert.equal(meant('spf.mandrilapp.com'), 'spf.mandrillapp.com');
  assert.equal(meant('_spf.protonmial.ch'), '_spf.protonmail.ch', 'a swap in a 10-letter label');
  assert.equal(meant('relay.mailchanels.net'), 'relay.mailchannels.net');
  assert.equal(meant('relay.mialchanels.net'), 'relay.mailchannels.net', 'two edits in a 12-letter label');
  for (const fine of [
    ...includes,
    'spf.google.com', // the same registrable domain: another name of the provider, maybe
    'mailgun.com', // another public suffix: a regional or other domain
    'amazonses.co',
    'servers.mscv.net', // `mcsv` is too short to judge
    'zoho.sa',
    'spf.protection.outlk.com', // two edits off a 7-letter label
    'amazonaws.com', // two edits off amazonses (9 letters): a name of its own
    'spf.mailgun.org', // another name under a provider's registrable domain
    'example.com',
    'spf.example.jp',
  ])
    assert.equal(meant(fine), undefined, fine);
});

test('every catalogued include is its own, and a letter dropped from a long registrable label is a typo of a catalogued include one edit away', () => {
  for (const d of includes) assert.equal(misspeltInclude(d), undefined, d);
  const long = includes.filter((d) => {
    const label = d.split('.').slice(-2)[0];
    return label.length >= 6 && !d.endsWith('.co.jp') && !d.endsWith('.com.au');
  });
  fc.assert(
    fc.property(fc.constantFrom(...long), fc.nat(), (d, n) => {
      const labels = d.split('.');
      const i = labels.length - 2;
      const label = labels[i];
      const at = n % label.length;
      labels[i] = label.slice(0, at) + label.slice(at + 1);
      const typo = labels.join('.');
      const found = misspeltInclude(typo);
      assert.ok(found, typo);
      assert.ok(includes.includes(found.domain));
      assert.ok(editDistance(typo, found.domain) <= 1, `${typo} → ${found.domain}`);
    }),
    { numRuns: 300 },
  );
});

test('the warning on the domain as written, in English and Japanese; include and redirect, any case, a final dot', () => {
  const text = HEAD + '@ TXT "v=spf1 include:SPF.Sender.XSever.JP. ~all"\nx TXT "v=spf1 redirect=_spf.gogle.com"\ny TXT "v=spf1 include:%{d}.gogle.com include:_spf.google.com ~all"\n';
  const { problems } = check(text);
  const typos = problems.filter((p) => p.code === 'spf-include-typo');
  assert.deepEqual(
    typos.map((p) => text.slice(p.offset, p.offset + p.length)),
    ['SPF.Sender.XSever.JP', '_spf.gogle.com'],
  );
  assert.equal(severityOf(typos[0]), 'warning');
  assert.equal(
    formatMessage(typos[0]),
    "'SPF.Sender.XSever.JP' looks like a misspelling of 'spf.sender.xserver.jp', the SPF include of Xserver: unless SPF.Sender.XSever.JP publishes an SPF record, receivers return permerror for every message (and whoever registers that name could send as this domain). Write 'spf.sender.xserver.jp'",
  );
  assert.match(formatMessage(typos[1], 'ja'), /^'_spf\.gogle\.com' は '_spf\.google\.com'（Google Workspace の SPF の include）の書き間違いのようです。/);
});

test('quick-fix: the provider\'s domain in place of the misspelt one; spf-provider-missing leaves the record to it', () => {
  const text = HEAD + '@ MX 10 smtp.google.com.\n@ TXT "v=spf1 include:_spf.gogle.com ~all"\n';
  const { zone, problems } = check(text);
  assert.deepEqual(problems.filter((p) => p.code.startsWith('spf-')).map((p) => p.code), ['spf-include-typo']);
  const [typo] = problems.filter((p) => p.code === 'spf-include-typo');
  const fixes = fixesFor({ text, zone, problem: asSent(typo) });
  assert.deepEqual(fixes.map((f) => f.title.en), ["Change to '_spf.google.com'"]);
  const after = applyEdits(text, fixes[0].edits);
  assert.equal(after, text.replace('_spf.gogle.com', '_spf.google.com'));
  assert.deepEqual(check(after).problems.filter((p) => p.code.startsWith('spf-')), []);
  // Without the misspelt include, the provider is missing and said to be.
  const without = text.replace('include:_spf.gogle.com ', '');
  assert.deepEqual(check(without).problems.filter((p) => p.code.startsWith('spf-')).map((p) => p.code), ['spf-provider-missing']);
});

test('an include one letter off the zone\'s own domain: the same warning, naming the zone\'s domain, and the fix', () => {
  // HEAD is the example.com zone.
  const text = HEAD + '@ TXT "v=spf1 include:_spf.exmaple.com -all"\n_spf TXT "v=spf1 ip4:192.0.2.0/24 -all"\nx TXT "v=spf1 include:_spf.example.com include:_spf.example2.com -all"\n';
  const { zone, problems } = check(text);
  const typos = problems.filter((p) => p.code === 'spf-include-typo');
  assert.deepEqual(typos.map((p) => text.slice(p.offset, p.offset + p.length)), ['_spf.exmaple.com']);
  assert.equal(
    formatMessage(typos[0]),
    "'_spf.exmaple.com' looks like a misspelling of '_spf.example.com', a name of this zone's own domain example.com: unless _spf.exmaple.com publishes an SPF record, receivers return permerror for every message (and whoever registers that name could send as this domain). Write '_spf.example.com'",
  );
  assert.match(formatMessage(typos[0], 'ja'), /^'_spf\.exmaple\.com' は '_spf\.example\.com'（このゾーンのドメイン example\.com の名前）の書き間違いのようです。/);
  const [fix] = fixesFor({ text, zone, problem: asSent(typos[0]) });
  const after = applyEdits(text, fix.edits);
  assert.equal(after, text.replace('include:_spf.exmaple.com', 'include:_spf.example.com'));
  assert.deepEqual(check(after).problems.filter((p) => p.code === 'spf-include-typo'), []);
});
