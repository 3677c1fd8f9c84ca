/**
 * spf-mailchannels-lockdown: an SPF record that includes relay.mailchannels.net, at a
 * name with no Domain Lockdown record (_mailchannels.<name> TXT "v=mc1 auth=…").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { analyzeSync } from '../../../server/src/analysis';
import { formatMessage } from '../../../server/src/diagnostics/registry';

const HEAD = '$ORIGIN shop.example.jp.\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n';
const CODE = 'spf-mailchannels-lockdown';

function lockdown(body: string) {
  const text = HEAD + body;
  const problems = analyzeSync(parseZoneText(text, { origin: 'shop.example.jp.' })).filter((p) => p.code === CODE);
  return { text, problems, at: problems.map((p) => text.slice(p.offset, p.offset + p.length)) };
}

test('an include of relay.mailchannels.net with no lockdown record is reported on the include, in English and Japanese', () => {
  const { problems, at } = lockdown('@ TXT "v=spf1 a mx include:relay.mailchannels.net ~all"\nwww TXT "v=spf1 +include:Relay.MailChannels.net. -all"\n');
  assert.deepEqual(at, ['include:relay.mailchannels.net', '+include:Relay.MailChannels.net.']);
  assert.equal(
    formatMessage(problems[0]),
    'include:relay.mailchannels.net authorises every MailChannels customer, not only your host: with no Domain Lockdown record at _mailchannels.shop.example.jp, another MailChannels account can send mail as shop.example.jp that passes SPF and DMARC. Publish TXT "v=mc1 auth=<account id>" there, with the id your host\'s mail shows in its X-MailChannels-Auth-Id header',
  );
  assert.match(formatMessage(problems[1], 'ja'), /^include:relay\.mailchannels\.net はホスティング会社だけでなく MailChannels の全利用者を許可します。_mailchannels\.www\.shop\.example\.jp に Domain Lockdown レコードがないため/);
  assert.equal(problems[0].severity ?? 'warning', 'warning');
});

test('a lockdown record listing an account or a sender silences it for its own name only', () => {
  for (const record of ['v=mc1 auth=myhost', 'v=mc1 senderid=myhost|x-authuser|joe@shop.example.jp', 'V=MC1 sidw=myhost|x-authsender|*@shop.example.jp auth=other']) {
    const { at } = lockdown(`@ TXT "v=spf1 include:relay.mailchannels.net ~all"\n_mailchannels TXT "${record}"\nwww TXT "v=spf1 include:relay.mailchannels.net -all"\n`);
    assert.deepEqual(at, ['include:relay.mailchannels.net'], record);
    assert.ok(lockdown(`www TXT "v=spf1 include:relay.mailchannels.net -all"\n_mailchannels.www TXT "${record}"\n`).at.length === 0, record);
  }
});

test('cfid= alone (Cloudflare Workers, unsupported since 2024) or a record that is not v=mc1 does not count; the message says why', () => {
  const cfid = lockdown('@ TXT "v=spf1 include:relay.mailchannels.net ~all"\n_mailchannels TXT "v=mc1 cfid=shop.workers.dev"\n');
  assert.equal(cfid.problems.length, 1);
  assert.match(formatMessage(cfid.problems[0]), /_mailchannels\.shop\.example\.jp \(the one there lists only cfid=, which MailChannels no longer supports since 31 August 2024\), another/);
  assert.match(formatMessage(cfid.problems[0], 'ja'), /cfid= に対応していません）ため/);
  assert.equal(lockdown('@ TXT "v=spf1 include:relay.mailchannels.net ~all"\n_mailchannels TXT "auth=myhost"\n').problems.length, 1);
  assert.equal(lockdown('@ TXT "v=spf1 include:relay.mailchannels.net ~all"\n_mailchannels TXT "v=mc1"\n').problems.length, 1);
});

test('not reported: another include, a failing or neutral qualifier, an include target or wildcard name, a name outside the zone', () => {
  const { at } = lockdown(
    [
      '@ TXT "v=spf1 include:relay.mailchannels.com include:_spf.google.com ~all"',
      'a TXT "v=spf1 -include:relay.mailchannels.net ?include:relay.mailchannels.net ~all"',
      '_spf TXT "v=spf1 include:relay.mailchannels.net ~all"',
      '* TXT "v=spf1 include:relay.mailchannels.net ~all"',
      'other.example. TXT "v=spf1 include:relay.mailchannels.net ~all"',
      '',
    ].join('\n'),
  );
  assert.deepEqual(at, []);
});
