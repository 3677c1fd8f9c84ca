/**
 * spf-mailchannels-lockdown: an SPF record that includes relay.mailchannels.net, at a
 * name with no Domain Lockdown record (_mailchannels.<name> TXT "v=mc1 auth=…").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { analyzeSync } from '../../../server/src/analysis';
import { formatMessage } from '../../../server/src/diagnostics/registry';
import { fixesFor } from '../../../server/src/fixes/index';
import { applyEdits, asSent } from '../fixes/helpers';

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

const SYNTAX = 'spf-mailchannels-lockdown-syntax';

function syntax(records: string) {
  const text = HEAD + records;
  const zone = parseZoneText(text, { origin: 'shop.example.jp.' });
  const problems = analyzeSync(zone).filter((p) => p.code === SYNTAX);
  return { text, zone, problems, at: problems.map((p) => [p.args?.detail, text.slice(p.offset, p.offset + p.length)]) };
}

test('spf-mailchannels-lockdown-syntax: the first place each lockdown record leaves the form MailChannels reads, and each cfid= field', () => {
  const { at, problems } = syntax(
    [
      '_mailchannels TXT "v=mc1; auth=myhost"',
      '_mailchannels.a TXT "v=mc1 auth=myhost;"',
      '_mailchannels.b TXT "v=mc1 auth=myhost,auth=other"',
      '_mailchannels.c TXT "v=mc1 auth:myhost"',
      '_mailchannels.d TXT "v=mc1 account=myhost auth="',
      '_mailchannels.e TXT "v=mc1 auth="',
      '_mailchannels.f TXT "v=mc1 cfid=shop.workers.dev auth=myhost"',
      '_mailchannels.g TXT "mc1 auth=myhost"',
      '_mailchannels.h TXT " v=mc1 auth=myhost"',
      '_mailchannels.i TXT "\uff56\uff1d\uff4d\uff43\uff11 auth=myhost"',
    ].join('\n') + '\n',
  );
  assert.deepEqual(at, [
    ['lockdown-separator', ';'],
    ['lockdown-separator', ';'],
    ['lockdown-separator', ','],
    ['lockdown-missing-equals', 'auth:myhost'],
    // One problem per record: the first; the empty auth= after it is found once account= is fixed.
    ['lockdown-unknown-field', 'account='],
    ['lockdown-empty', 'auth='],
    ['lockdown-cfid', 'cfid=shop.workers.dev'],
    ['lockdown-version', 'mc1'],
    // A leading space: the version is not first.
    ['lockdown-leading-space', ' '],
    ['lockdown-fullwidth', '\uff56\uff1d\uff4d\uff43\uff11'],
  ]);
  assert.equal(
    formatMessage(problems[1]),
    "This Domain Lockdown record for a.shop.example.jp is not in the form MailChannels reads ('v=mc1', then auth=, senderid= or sidw= fields separated by spaces): 'auth=myhost;' separates fields with ';': use a space (as written, ';' is part of the value, an account no mail is sent with)",
  );
  assert.match(formatMessage(problems[7], 'ja'), /^g\.shop\.example\.jp の Domain Lockdown レコードが、MailChannels の読む形.*先頭は 'mc1' ではなく v=mc1 にする必要があります/);
  assert.match(formatMessage(problems[9], 'ja'), /'ｖ＝ｍｃ１' は全角の文字です。半角の 'v=mc1' に直してください$/);
});

test('spf-mailchannels-lockdown-syntax: well-formed records, other texts at _mailchannels and lockdown-like texts elsewhere are left alone', () => {
  const { at } = syntax(
    [
      '_mailchannels TXT "v=mc1 auth=myhost senderid=myhost|x-authuser|joe@shop.example.jp sidw=myhost|x-authsender|*@shop.example.jp"',
      '_mailchannels.a TXT "V=MC1 AUTH=myhost"',
      '_mailchannels.b TXT "google-site-verification=abc"',
      'c TXT "v=mc1 auth=myhost;"',
    ].join('\n') + '\n',
  );
  assert.deepEqual(at, []);
});

test('spf-mailchannels-lockdown-syntax quick-fixes: a separator becomes the space, full-width text its ASCII; each leaves a record the rule accepts', () => {
  const fixed = (record: string) => {
    const { text, zone, problems } = syntax(`_mailchannels TXT "${record}"\n`);
    assert.equal(problems.length, 1, record);
    // Asked for as the editor asks: the diagnostic's code, range and data, no arguments.
    const [fix, ...more] = fixesFor({ text, zone, problem: asSent(problems[0]) });
    assert.equal(more.length, 0);
    assert.equal(fix.preferred, true);
    const after = applyEdits(text, fix.edits);
    assert.deepEqual(syntax(after.slice(HEAD.length)).problems, [], after);
    return /_mailchannels TXT "(.*)"\n$/.exec(after)![1];
  };
  assert.equal(fixed('v=mc1; auth=myhost'), 'v=mc1 auth=myhost');
  assert.equal(fixed('v=mc1 auth=myhost;auth=other'), 'v=mc1 auth=myhost auth=other');
  assert.equal(fixed('v=mc1 auth=myhost;'), 'v=mc1 auth=myhost ');
  assert.equal(fixed('\uff56\uff1d\uff4d\uff43\uff11 auth=myhost'), 'v=mc1 auth=myhost');
  assert.equal(fixed('  v=mc1 auth=myhost'), 'v=mc1 auth=myhost');
  // No fix where the right text cannot be known.
  const { text, zone, problems } = syntax('_mailchannels TXT "v=mc1 account=myhost"\n');
  assert.deepEqual(fixesFor({ text, zone, problem: asSent(problems[0]) }), []);
});

test('spf-mailchannels-lockdown-syntax reads a long run of other non-ASCII text once (no octet-by-octet rescans)', () => {
  // 40,000 octets of UTF-8 é: each octet used to read the whole run again (1.6 billion reads).
  const { problems } = syntax(`_mailchannels TXT "v=mc1 auth=${'é'.repeat(20_000)}"\n`);
  // Not full-width text: no full-width problem, whatever else is said.
  assert.ok(problems.every((p) => p.args?.detail !== 'lockdown-fullwidth'));
});
