/**
 * Provider detection and spf-provider-missing: evidence from MX hosts, DKIM
 * selector CNAMEs and verification TXT; the diagnostic's range, message and data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { checkProviders, detectProviders } from '../../../server/src/providers/index';
import { PROVIDERS, hostMatches } from '../../../server/src/providers/catalogue';
import type { ProviderMissingData } from '../../../server/src/providers/index';
import { formatMessage } from '../../../server/src/diagnostics/registry';

const HEAD = '$ORIGIN example.com.\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n';

function zoneOf(body: string) {
  const text = HEAD + body;
  const zone = parseZoneText(text, { origin: 'example.com.' });
  assert.deepEqual(zone.problems, []);
  return { text, zone };
}

test('detectProviders: MX, DKIM CNAME and verification TXT, each provider once with its strongest evidence', () => {
  const { zone } = zoneOf(
    '@ TXT "MS=ms12345678"\n' +
      '@ MX 0 example-com.mail.protection.outlook.com.\n' +
      'selector1._domainkey CNAME selector1-example-com._domainkey.example.onmicrosoft.com.\n' +
      's1._domainkey CNAME s1.domainkey.u42.wl.sendgrid.net.\n' +
      '_amazonses TXT "amazonses:abcdef"\n' +
      'sub MX 10 aspmx.l.google.com.\n',
  );
  const found = detectProviders(zone, 'example.com').map((d) => [d.provider.id, d.evidence.kind, d.evidence.text]);
  assert.deepEqual(found, [
    ['microsoft-365', 'mx', 'example-com.mail.protection.outlook.com'],
    ['sendgrid', 'dkim', 's1.domainkey.u42.wl.sendgrid.net'],
    ['amazon-ses', 'verification', 'amazonses:abcdef'],
  ]);
  assert.deepEqual(
    detectProviders(zone, 'sub.example.com.').map((d) => d.provider.id),
    ['google-workspace'],
    'another owner\'s MX counts for that owner only',
  );
});

test('spf-provider-missing: on the record text, naming the provider and the evidence, with fix data', () => {
  const body = '@ MX 1 aspmx.l.google.com.\n@ TXT "v=spf1 mx ~all"\n';
  const { text, zone } = zoneOf(body);
  const [p, ...rest] = checkProviders(zone);
  assert.equal(rest.length, 0);
  assert.equal(p.code, 'spf-provider-missing');
  assert.equal(text.slice(p.offset, p.offset + p.length), 'v=spf1 mx ~all');
  assert.equal(
    formatMessage(p),
    "The zone shows that this domain uses Google Workspace (its MX host: aspmx.l.google.com), but the SPF record does not authorise it, so its mail fails SPF. Add 'include:_spf.google.com'",
  );
  assert.match(formatMessage(p, 'ja'), /^このゾーンからは Google Workspace を使っていることがわかります（MX のホスト: aspmx\.l\.google\.com）/);
  const data = p.data as ProviderMissingData;
  assert.deepEqual(data.terms, ['include:_spf.google.com']);
  assert.equal(data.provider, 'google-workspace');
  assert.equal(data.evidence.kind, 'mx');
  assert.equal(text.slice(data.evidence.span.offset, data.evidence.span.offset + data.evidence.span.length), '@ MX 1 aspmx.l.google.com.');
});

test('spf-provider-missing: not reported when authorised, directly, through an in-zone include, or by an older name', () => {
  const cases = [
    '@ MX 1 aspmx.l.google.com.\n@ TXT "v=spf1 include:_spf.google.com ~all"\n',
    '@ MX 1 aspmx.l.google.com.\n@ TXT "v=spf1 +include:_SPF.Google.com ~all"\n',
    '@ MX 1 aspmx.l.google.com.\n@ TXT "v=spf1 include:_spf.example.com ~all"\n_spf TXT "v=spf1 include:_spf.google.com ~all"\n',
    'k._domainkey CNAME k.domainkey.brevo.com.\n@ TXT "v=spf1 include:spf.sendinblue.com -all"\n',
    '@ MX 10 www1234.sakura.ne.jp.\n@ TXT "v=spf1 mx ~all"\n',
  ];
  for (const body of cases) assert.deepEqual(checkProviders(zoneOf(body).zone), [], body);
});

test('spf-provider-missing: not judged for redirect, macros, v=spf1 -all, several records, or a broken record', () => {
  const cases = [
    '@ MX 1 aspmx.l.google.com.\n@ TXT "v=spf1 redirect=_spf.example.net"\n',
    '@ MX 1 aspmx.l.google.com.\n@ TXT "v=spf1 include:%{d}.spf.example.net ~all"\n',
    '@ MX 1 aspmx.l.google.com.\n@ TXT "v=spf1 -all"\n',
    '@ MX 1 aspmx.l.google.com.\n@ TXT "v=spf1 mx ~all"\n@ TXT "v=spf1 a ~all"\n',
    '@ MX 1 aspmx.l.google.com.\n@ TXT "v=spf1 mx ip4:300.1.1.1 ~all"\n',
  ];
  for (const body of cases) assert.deepEqual(checkProviders(zoneOf(body).zone), [], body);
});

test('spf-provider-missing: one problem per missing provider, a record without SPF is spf-missing\'s', () => {
  const { zone } = zoneOf(
    '@ MX 10 sv123.xserver.jp.\n@ TXT "v=spf1 a mx ~all"\nk1._domainkey CNAME dkim.mcsv.net.\nnospf MX 10 aspmx.l.google.com.\n',
  );
  const problems = checkProviders(zone);
  assert.deepEqual(
    problems.map((p) => (p.data as ProviderMissingData).provider),
    ['xserver', 'mailchimp'],
  );
});

test('detectProviders: regional Zoho MX hosts and Proton DKIM targets', () => {
  const { zone } = zoneOf(
    '@ MX 10 mx.zoho.jp.\n@ MX 20 mx2.zoho.jp.\n' +
      'protonmail._domainkey CNAME protonmail.domainkey.dabc.domains.proton.ch.\n' +
      'eu MX 10 mx.zoho.eu.\n',
  );
  assert.deepEqual(detectProviders(zone, 'example.com.').map((d) => [d.provider.id, d.evidence.text]), [
    ['zoho-jp', 'mx.zoho.jp'],
    ['proton', 'protonmail.domainkey.dabc.domains.proton.ch'],
  ]);
  assert.deepEqual(detectProviders(zone, 'eu.example.com.').map((d) => d.provider.id), ['zoho-eu']);
});

test('detectProviders: every MX and DKIM pattern of the catalogue is found, whatever fills its * and in any case', () => {
  const fills = ['a', 'x-1', 'mail.relay', 'EU-West.x'];
  let checked = 0;
  for (const p of PROVIDERS) {
    for (const kind of ['mx', 'dkim'] as const) {
      for (const glob of p.detect[kind] ?? []) {
        for (const fill of fills) {
          const host = glob.split('*').join(fill);
          const mixed = [...host].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
          const body = kind === 'mx' ? `@ MX 10 ${mixed}.\n` : `s1._domainkey CNAME ${mixed}.\n`;
          const found = detectProviders(zoneOf(body).zone, 'example.com.').map((d) => d.provider.id);
          // A host another entry's pattern matches first counts for that entry (catalogue order).
          const first = PROVIDERS.find((q) => (q.detect[kind] ?? []).some((g) => hostMatches(g, host)));
          assert.deepEqual(found, [first!.id], `${kind} ${mixed} (pattern ${glob} of ${p.id})`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 100, `${checked} hosts`);
  // And a host whose last two labels no pattern has is none.
  assert.deepEqual(detectProviders(zoneOf('@ MX 10 mail.google.com.example.\n').zone, 'example.com.'), []);
});
