/**
 * The provider catalogue: every provider issue 6 names, with the include it lists,
 * honest verified flags (from shared/providers/provider-includes.tsv), and patterns
 * that match the hosts they are for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostMatches, providerById, providersForRelay, providerTerms, PROVIDERS } from '../../../server/src/providers/index';

const REQUIRED: Record<string, string[]> = {
  'google-workspace': ['include:_spf.google.com'],
  'microsoft-365': ['include:spf.protection.outlook.com'],
  'amazon-ses': ['include:amazonses.com'],
  sendgrid: ['include:sendgrid.net'],
  mailgun: ['include:mailgun.org'],
  'mailgun-eu': ['include:eu.mailgun.org'],
  mailchimp: ['include:servers.mcsv.net'],
  mandrill: ['include:spf.mandrillapp.com'],
  zoho: ['include:zoho.com'],
  'zoho-eu': ['include:zoho.eu'],
  'zoho-jp': ['include:zoho.jp'],
  postmark: ['include:spf.mtasv.net'],
  sparkpost: ['include:sparkpostmail.com'],
  salesforce: ['include:_spf.salesforce.com'],
  fastmail: ['include:spf.messagingengine.com'],
  proton: ['include:_spf.protonmail.ch'],
  zendesk: ['include:mail.zendesk.com'],
  mimecast: ['include:_netblocks.mimecast.com'],
  brevo: ['include:spf.brevo.com'],
  mailjet: ['include:spf.mailjet.com'],
  xserver: ['include:spf.sender.xserver.jp'],
  mailchannels: ['include:relay.mailchannels.net'],
  heteml: ['include:_spf.heteml.jp'],
  haihaimail: ['include:spf.haihaimail.jp'],
};

test('every provider the issue lists is catalogued with its include', () => {
  for (const [id, terms] of Object.entries(REQUIRED)) {
    const entry = providerById(id);
    assert.ok(entry, id);
    assert.deepEqual(providerTerms(entry), terms, id);
  }
  const sakura = providerById('sakura')!;
  assert.equal(providerTerms(sakura), undefined, 'Sakura needs its server name');
  assert.deepEqual(providerTerms(sakura, 'www1234.sakura.ne.jp.'), ['a:www1234.sakura.ne.jp', 'mx']);
});

test('entries are complete: unique ids, both names, docs URL, checked date, a note', () => {
  const ids = new Set<string>();
  for (const p of PROVIDERS) {
    assert.ok(!ids.has(p.id), `duplicate ${p.id}`);
    ids.add(p.id);
    assert.ok(p.names.en && p.names.ja, p.id);
    assert.match(p.docs, /^https:\/\//, p.id);
    assert.match(p.checked, /^\d{4}-\d{2}-\d{2}$/, p.id);
    assert.ok(p.note.length > 0, p.id);
    assert.ok(p.spf.length > 0, p.id);
    for (const re of p.detect.verification ?? []) assert.doesNotThrow(() => new RegExp(re), p.id);
  }
});

test('verified only where the research cites the provider\'s own documentation', () => {
  const verified = PROVIDERS.filter((p) => p.verified).map((p) => p.id).sort();
  assert.deepEqual(verified, ['amazon-ses', 'haihaimail', 'heteml', 'mailchannels', 'mailgun', 'proton', 'sakura', 'sparkpost']);
  for (const id of ['xserver', 'brevo', 'mailjet', 'salesforce', 'mailgun-eu', 'zoho-eu']) assert.equal(providerById(id)!.verified, false, id);
});

test('MailChannels carries its relay range for the bounce workflow', () => {
  assert.deepEqual(providerById('mailchannels')!.relays, ['23.83.208.0/20']);
  assert.deepEqual(providersForRelay('23.83.212.45').map((p) => p.id), ['mailchannels']);
  assert.deepEqual(providersForRelay('::ffff:23.83.223.255').map((p) => p.id), ['mailchannels']);
  assert.deepEqual(providersForRelay('23.83.224.1'), []);
  assert.deepEqual(providersForRelay('not an address'), []);
});

test('host globs: * spans characters and labels, anchored at both ends, case-insensitive', () => {
  assert.ok(hostMatches('*.google.com', 'ASPMX.L.GOOGLE.COM.'));
  assert.ok(hostMatches('*.google.com', 'alt1.aspmx.l.google.com'));
  assert.ok(!hostMatches('*.google.com', 'google.com'));
  assert.ok(!hostMatches('*.google.com', 'mail.google.com.evil.example'));
  assert.ok(hostMatches('sv*.xserver.jp', 'sv12345.xserver.jp'));
  assert.ok(!hostMatches('sv*.xserver.jp', 'www.xserver.jp'));
  assert.ok(hostMatches('*.mail.protection.outlook.com', 'example-com.mail.protection.outlook.com'));
});
