import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnoseCommand } from '../../../cli/src/diagnose';
import { editRecord, extractFacts, relayFor, staleTerms } from '../../../server/src/diagnose/index';
import { parseAuthResults, parseReceivedSpf } from '../../../server/src/diagnose/headers';
import { parseZoneFile } from '../../../server/src/zone/index';

const MESSAGES = path.resolve(__dirname, '../../fixtures/messages');
const ZONE = path.join(MESSAGES, 'shop.example.zone');
const read = (f: string) => fs.readFileSync(path.join(MESSAGES, f), 'utf8');

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await diagnoseCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
  return { code, out, err };
}

test('RFC 8601 Authentication-Results: methods, versions, reasons, ptypes, comments', () => {
  const ar = parseAuthResults(
    'mx.receiver.example 1; auth=pass (cram-md5) smtp.auth=a@b.example; spf/1=pass (checked (nested)) smtp.mailfrom=shop.example;\r\n   dkim=fail reason="bad sig; really" header.d=shop.example',
  );
  assert.ok(ar);
  assert.equal(ar.authservId, 'mx.receiver.example');
  assert.deepEqual(
    ar.results.map((r) => [r.method, r.result]),
    [['auth', 'pass'], ['spf', 'pass'], ['dkim', 'fail']],
  );
  assert.equal(ar.results[1].props['smtp.mailfrom'], 'shop.example');
  assert.deepEqual(ar.results[1].comments, ['checked (nested)']);
  assert.equal(ar.results[2].reason, 'bad sig; really');
  assert.equal(parseAuthResults('i=1; mx.google.com; spf=pass smtp.mailfrom=a@b.example', true)?.authservId, 'mx.google.com');
});

test('RFC 7208 §9.1 Received-SPF: result, comment and key=value pairs', () => {
  const r = parseReceivedSpf('softfail (box: domain of x does not designate 192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from="a b@shop.example"; helo=h.example;');
  assert.deepEqual(r, {
    result: 'softfail',
    comment: 'box: domain of x does not designate 192.0.2.1 as permitted sender',
    pairs: { 'client-ip': '192.0.2.1', 'envelope-from': 'a b@shop.example', helo: 'h.example' },
  });
});

test('facts from each form', () => {
  const exim = extractFacts(read('gmail-bounce-exim.txt'));
  assert.equal(exim.ip, '23.83.218.24', 'the bounce text, not the private Received hop');
  assert.equal(exim.mailFrom, 'shop.example');
  assert.deepEqual(exim.receiver, { authserv: 'gmail', reply: '550 5.7.26', spf: 'did-not-pass', dkim: 'did-not-pass' });
  // The bounce's own From is the reporting MTA's; the sender's is the returned copy's.
  assert.equal(exim.headerFrom, 'shop.example');
  assert.equal(extractFacts(read('gmail-bounce-dsn.eml')).headerFrom, 'shop.example');
  assert.equal(extractFacts(read('gmail-deferred-exim.txt')).headerFrom, undefined, 'a warning without the message names no From');
  // The same bounce as the owner's mailbox shows it, with its own header block: the verdicts
  // and the DKIM signature there are about the bounce's delivery, not about the message.
  const forwarded = extractFacts(read('gmail-bounce-forwarded.eml'));
  assert.deepEqual(forwarded.receiver, exim.receiver);
  assert.deepEqual([forwarded.ip, forwarded.mailFrom, forwarded.headerFrom], [exim.ip, exim.mailFrom, 'shop.example']);
  assert.deepEqual(forwarded.signatures, []);
  const dsn = extractFacts(read('gmail-bounce-dsn.eml'));
  assert.equal(dsn.ip, '2001:db8:1::99');
  assert.ok(dsn.forms.includes('gmail-bounce'));
  const gmail = extractFacts(read('gmail-show-original.txt'));
  assert.equal(gmail.ip, '198.51.100.77');
  assert.equal(gmail.mailFrom, 'orders@shop.example');
  assert.equal(gmail.headerFrom, 'shop.example');
  assert.deepEqual(gmail.receiver, { authserv: 'mx.google.com', spf: 'softfail', dmarc: 'fail' });
  assert.deepEqual(gmail.forms, ['authentication-results', 'arc-authentication-results', 'received-spf', 'received']);
  const rfc = extractFacts(read('rfc8601-headers.txt'));
  assert.equal(rfc.ip, '192.0.2.25', 'from the Received line');
  assert.deepEqual([rfc.receiver.spf, rfc.receiver.dkim, rfc.receiver.dmarc], ['pass', 'fail', 'pass']);
  const spf = extractFacts(read('received-spf.txt'));
  assert.deepEqual([spf.ip, spf.mailFrom, spf.helo, spf.receiver.authserv], ['2001:db8:1::99', 'news@shop.example', 'mail.shop.example', 'mybox.receiver.example']);
  assert.equal(extractFacts(read('no-ip.txt')).ip, undefined);
});

test('relay ranges come from the provider catalogue', () => {
  assert.equal(relayFor('23.83.218.24')?.entry.id, 'mailchannels');
  assert.equal(relayFor('198.51.100.77'), undefined);
});

test('record edits: insert before all or redirect, remove stale terms', () => {
  assert.equal(editRecord('v=spf1 mx ~all', ['ip4:192.0.2.9']), 'v=spf1 mx ip4:192.0.2.9 ~all');
  assert.equal(editRecord('v=spf1 a redirect=_spf.shop.example', ['ip4:192.0.2.9']), 'v=spf1 a ip4:192.0.2.9 redirect=_spf.shop.example');
  assert.equal(editRecord('v=spf1 a exp=why.shop.example', ['ip4:192.0.2.9']), 'v=spf1 a ip4:192.0.2.9 exp=why.shop.example');
  assert.equal(editRecord('v=spf1 ip4:1.2.3.4 mx -all', ['include:x.example'], ['ip4:1.2.3.4']), 'v=spf1 mx include:x.example -all');
  const zone = parseZoneFile(ZONE);
  assert.deepEqual(staleTerms('v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.25 ip6:2001:db8:1::/64 -ip4:203.0.113.1 ~all', [zone]), ['ip4:198.51.100.25']);
});

test('a Gmail bounce from a MailChannels relay: the include, not the IP; the stale address named', async () => {
  const { code, out } = await run(['--zone', ZONE, '--format', 'json', path.join(MESSAGES, 'gmail-bounce-exim.txt')]);
  assert.equal(code, 0);
  const j = JSON.parse(out);
  assert.deepEqual(Object.keys(j), ['ip', 'domain', 'receiver', 'spf', 'cause', 'fixes', 'lockdown', 'dkim']);
  assert.equal(j.ip, '23.83.218.24');
  assert.equal(j.domain, 'shop.example');
  assert.equal(j.receiver.spf, 'did-not-pass');
  assert.equal(j.spf.result, 'softfail');
  assert.equal(j.spf.lookups, 2);
  assert.equal(j.spf.cause, 'relay-not-included');
  assert.equal(j.spf.aligned, true, 'the returned message is From shop.example');
  assert.doesNotMatch(j.cause, /hosting\.example/);
  assert.match(j.cause, /MailChannels/);
  assert.match(j.cause, /ip4:198\.51\.100\.25/);
  // One stale term: "it", not "them"; the provider named, not "a <provider> server".
  assert.match(j.cause, /lists ip4:198\.51\.100\.25, which no longer matches .* uses it, remove it\. /);
  assert.match(j.cause, /^23\.83\.218\.24 belongs to MailChannels/);
  assert.deepEqual(
    j.fixes.map((f: { record: string }) => f.record),
    ['v=spf1 a mx ip4:198.51.100.25 include:relay.mailchannels.net ~all', 'v=spf1 a mx include:relay.mailchannels.net ~all'],
  );
  assert.ok(j.fixes.every((f: { title: string }) => !f.title.includes('23.83.218.24')));
});

test("Gmail's 421-4.7.26 deferral, quoted in a delay warning: the same facts, and the diagnosis says the mail is only deferred", async () => {
  const facts = extractFacts(read('gmail-deferred-exim.txt'));
  assert.equal(facts.ip, '23.83.218.24');
  assert.equal(facts.mailFrom, 'shop.example');
  assert.deepEqual(facts.receiver, { authserv: 'gmail', reply: '421 4.7.26', spf: 'did-not-pass', dkim: 'did-not-pass' });
  assert.ok(facts.forms.includes('gmail-bounce'));
  // Gmail's other codes for it, refused or deferred, are read too; other 4.7.x replies are not.
  const reply = (code: string) => extractFacts(`${code} This mail has been rate limited because it is unauthenticated.\n${code} SPF [shop.example] with ip: [192.0.2.7] = did not pass`).receiver.reply;
  assert.equal(reply('421-4.7.27'), '421 4.7.27');
  assert.equal(reply('550-5.7.40'), '550 5.7.40');
  assert.equal(reply('421-4.7.0'), undefined);
  const j = JSON.parse((await run(['--zone', ZONE, '--format', 'json', path.join(MESSAGES, 'gmail-deferred-exim.txt')])).out);
  assert.equal(j.spf.cause, 'relay-not-included');
  assert.match(j.cause, /The receiver only deferred the message \(421 4\.7\.26 is a temporary reply\): .* a fix made now can still get this message delivered\./);
  const refused = JSON.parse((await run(['--zone', ZONE, '--format', 'json', path.join(MESSAGES, 'gmail-bounce-exim.txt')])).out);
  assert.doesNotMatch(refused.cause, /deferred/);
  const ja = (await run(['--zone', ZONE, '--locale', 'ja', path.join(MESSAGES, 'gmail-deferred-exim.txt')])).out;
  assert.match(ja, /受信サーバーはこのメールを一時的に保留しただけです（421 4\.7\.26 は一時的なエラーです）/);
});

test('mail sent through a service with its own bounce domain and DKIM domain: SPF is not the cause, neither passing check is aligned, and the service\'s record is not ours to trim', async () => {
  const ESP = path.join(MESSAGES, 'esp.example.zone');
  const message = path.join(MESSAGES, 'gmail-esp-unaligned.txt');
  const j = JSON.parse((await run(['--zone', ZONE, '--zone', ESP, '--format', 'json', message])).out);
  assert.equal(j.domain, 'bounce.esp.example');
  assert.equal(j.spf.result, 'pass');
  assert.equal(j.spf.cause, 'spf-pass');
  assert.equal(j.spf.aligned, false);
  // The service's range is no address of its zone, but it is not the user's to remove.
  assert.deepEqual(j.spf.stale, []);
  assert.doesNotMatch(j.cause, /no longer match|DKIM signing for bounce\.esp\.example|record was fixed/);
  assert.match(j.cause, /^SPF passes for 203\.0\.113\.9 \(v=spf1 ip4:203\.0\.113\.0\/24 -all\), as the receiver found too: what failed is not SPF\. DKIM passed only for esp\.example, not for shop\.example: .* SPF is checked for bounce\.esp\.example, the envelope sender, but the message is From shop\.example/);
  // Without the receiver's SPF verdict: no DKIM advice for the service's domain either.
  const text = read('gmail-esp-unaligned.txt').replace(/ +spf=pass [^\n]*\n/, '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-esp-'));
  try {
    fs.writeFileSync(path.join(dir, 'm.txt'), text);
    const k = JSON.parse((await run(['--zone', ZONE, '--zone', ESP, '--format', 'json', path.join(dir, 'm.txt')])).out);
    assert.equal(k.receiver.spf, undefined);
    assert.match(k.cause, /^SPF passes for 203\.0\.113\.9 with the record as it stands now \([^)]*\)\. If the receiver found otherwise, the record was fixed after the message was sent, or the receiver checked another domain\. DKIM passed only for esp\.example/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ja = (await run(['--zone', ZONE, '--zone', ESP, '--locale', 'ja', message])).out;
  assert.match(ja, /受信側の判定も同じで、失敗の原因は SPF ではありません。DKIM が pass したのは esp\.example の署名だけで、shop\.example の署名ではありません。/);
});

test('mail through MailChannels: the Domain Lockdown record to publish, with the account from X-MailChannels-Auth-Id when the message shows it', async () => {
  // The bounce shows no account: a placeholder, and where to find the id.
  const bounce = JSON.parse((await run(['--zone', ZONE, '--format', 'json', path.join(MESSAGES, 'gmail-bounce-exim.txt')])).out);
  assert.deepEqual(bounce.lockdown, { name: '_mailchannels.shop.example', record: 'v=mc1 auth=<account id>', state: 'none' });
  assert.match(bounce.cause, /_mailchannels\.shop\.example holds no Domain Lockdown record: any MailChannels customer .* X-MailChannels-Auth-Id header/);
  const text = (await run(['--zone', ZONE, path.join(MESSAGES, 'gmail-bounce-exim.txt')], { LANG: 'C' })).out;
  assert.match(text, /\n- Publish a Domain Lockdown record at _mailchannels\.shop\.example .*\n    _mailchannels\.shop\.example\. TXT "v=mc1 auth=<account id>"\n$/);

  const original = path.join(MESSAGES, 'gmail-mailchannels-original.txt');
  assert.equal(extractFacts(read('gmail-mailchannels-original.txt')).mailchannelsAuthId, 'mixhostexample');
  const j = JSON.parse((await run(['--zone', ZONE, '--format', 'json', original])).out);
  assert.equal(j.spf.cause, 'relay-not-included');
  assert.deepEqual(j.lockdown, { name: '_mailchannels.shop.example', record: 'v=mc1 auth=mixhostexample', authId: 'mixhostexample', state: 'none' });
  assert.match(j.cause, /\(this message was relayed for the account mixhostexample: make sure it is your host's, since a forged message shows the forger's\)\.$/);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-lockdown-'));
  try {
    const withRecord = (txt: string) => {
      const zone = path.join(dir, 'shop.example.zone');
      const base = fs.readFileSync(ZONE, 'utf8').replace('"v=spf1 a mx ip4:198.51.100.25 ~all"', '"v=spf1 a mx include:relay.mailchannels.net ~all"');
      fs.writeFileSync(zone, base + (txt ? `_mailchannels IN TXT "${txt}"\n` : ''));
      return zone;
    };
    const lockdownOf = async (txt: string) => JSON.parse((await run(['--zone', withRecord(txt), '--format', 'json', original])).out);
    // The relay included: SPF passes, and the lockdown still matters.
    const none = await lockdownOf('');
    assert.equal(none.spf.result, 'pass');
    assert.equal(none.lockdown.state, 'none');
    // The account listed: nothing to say.
    const listed = await lockdownOf('v=mc1 auth=mixhostexample');
    assert.equal(listed.lockdown, null);
    assert.doesNotMatch(listed.cause, /Lockdown/);
    // Another account only: MailChannels refuses this one; the record with it added.
    const other = await lockdownOf('v=mc1 auth=oldhost senderid=oldhost|x-authuser|a@shop.example');
    assert.deepEqual(other.lockdown, {
      name: '_mailchannels.shop.example',
      record: 'v=mc1 auth=oldhost senderid=oldhost|x-authuser|a@shop.example auth=mixhostexample',
      authId: 'mixhostexample',
      state: 'other-account',
    });
    assert.match(other.cause, /MailChannels relayed this message for the account mixhostexample, which the Domain Lockdown record at _mailchannels\.shop\.example does not list/);
    // cfid= only: no longer supported, so no lockdown at all.
    const cfid = await lockdownOf('v=mc1 cfid=shop.workers.dev');
    assert.equal(cfid.lockdown.state, 'cfid-only');
    assert.equal(cfid.lockdown.record, 'v=mc1 auth=mixhostexample');
    // Japanese: sentences run on without a space, and none after a full-width parenthesis.
    const ja = (await run(['--zone', withRecord(''), '--locale', 'ja', original])).out;
    assert.match(ja, /_mailchannels\.shop\.example に Domain Lockdown レコードがないため/);
    assert.match(ja, /（このメールはアカウント mixhostexample で中継されています。偽装されたメールには偽装した側のアカウントが入るので、ホスティング会社のアカウントであることを確認してください）。/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // A sender that is not behind MailChannels hears nothing of it.
  const plain = JSON.parse((await run(['--zone', ZONE, '--format', 'json', path.join(MESSAGES, 'gmail-show-original.txt')])).out);
  assert.equal(plain.lockdown, null);
  assert.doesNotMatch(plain.cause, /MailChannels/);
});

test('Japanese diagnosis: no space between sentences, nor after a name ending in a full-width parenthesis', async () => {
  const ja = (await run(['--zone', ZONE, '--locale', 'ja', path.join(MESSAGES, 'gmail-bounce-exim.txt')])).out;
  assert.match(ja, /MailChannels リレー（mixhost ほか）のサーバーですが/);
  assert.match(ja, /変わることがあります。レコードには/);
  assert.doesNotMatch(ja, /。 |） (?=[^\x00-\x7f])/);
  assert.match(ja, /^- 最後の「all」の前に include:relay\.mailchannels\.net（MailChannels リレー（mixhost ほか））を追加する。さらに、ゾーン内のサーバーが使っていない ip4:198\.51\.100\.25 を削除する$/m);
});

test('a non-relay IPv6 sender gets an ip6: term (DSN with Diagnostic-Code)', async () => {
  const { code, out } = await run(['--zone', ZONE, '--format', 'json', path.join(MESSAGES, 'gmail-bounce-dsn.eml')]);
  assert.equal(code, 0);
  const j = JSON.parse(out);
  assert.equal(j.spf.cause, 'ip-not-listed');
  assert.equal(j.fixes[0].record, 'v=spf1 a mx ip4:198.51.100.25 ip6:2001:db8:1::99 ~all');
});

test('an IP the record already authorises: SPF passes now, no fix', async () => {
  const { code, out } = await run(['--zone', ZONE, '--format', 'json', path.join(MESSAGES, 'rfc8601-headers.txt')]);
  assert.equal(code, 0);
  const j = JSON.parse(out);
  assert.equal(j.spf.result, 'pass');
  assert.deepEqual(j.fixes, []);
});

test('text output in Japanese from the environment', async () => {
  const { code, out } = await run(['--zone', ZONE, path.join(MESSAGES, 'gmail-show-original.txt')], { LANG: 'ja_JP.UTF-8' });
  assert.equal(code, 0);
  // Every line in Japanese, the headline and the record's label too.
  assert.match(out, /^shop\.example: 198\.51\.100\.77 の SPF 判定は softfail（DNS 参照 \d+\/10 回）$/m);
  assert.match(out, /^  レコード: v=spf1 /m);
  assert.doesNotMatch(out, /DNS lookups|record:/);
  assert.match(out, /SPF レコードに、メールを送ったサーバー 198\.51\.100\.77 が含まれていません/);
  assert.match(out, /v=spf1 a mx ip4:198\.51\.100\.25 ip4:198\.51\.100\.77 ~all/);
});

test('text output in English: headline, record, cause, fixes', async () => {
  const { code, out } = await run(['--zone', ZONE, path.join(MESSAGES, 'gmail-show-original.txt')], { LANG: 'C' });
  assert.equal(code, 0);
  const lines = out.split('\n');
  assert.match(lines[0], /^shop\.example: SPF softfail for 198\.51\.100\.77 \(\d+\/10 DNS lookups\)$/);
  assert.ok(lines.some((l) => /^  record: v=spf1 a mx ip4:198\.51\.100\.25 ~all$/.test(l)), out);
  assert.ok(lines.includes('    v=spf1 a mx ip4:198.51.100.25 ip4:198.51.100.77 ~all'), out);
});

test('a sender domain with a null MX: refused whatever SPF says (550 5.7.27), in both languages', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-nullmx-'));
  try {
    const zone = path.join(dir, 'shop.example.zone');
    // The mail host authorised by name (the mx term would find no host now).
    fs.writeFileSync(zone, fs.readFileSync(ZONE, 'utf8').replace('IN MX   10 mail', 'IN MX   0 .').replace('"v=spf1 a mx ', '"v=spf1 a a:mail.shop.example '));
    // SPF passes for the listed address: the null MX is the cause.
    const pass = JSON.parse((await run(['--zone', zone, '--format', 'json', path.join(MESSAGES, 'rfc8601-headers.txt')])).out);
    assert.equal(pass.spf.result, 'pass');
    assert.equal(pass.spf.cause, 'sender-null-mx');
    assert.match(pass.cause, /^shop\.example has a null MX \("MX 0 \."\).*\(550 5\.7\.27\)/);
    assert.deepEqual(pass.fixes, []);
    // SPF fails too: both causes, the SPF fix still offered.
    const fail = JSON.parse((await run(['--zone', zone, '--format', 'json', path.join(MESSAGES, 'gmail-bounce-exim.txt')])).out);
    assert.equal(fail.spf.cause, 'relay-not-included');
    assert.match(fail.cause, /MailChannels.* shop\.example has a null MX/);
    assert.ok(fail.fixes.length > 0);
    const ja = await run(['--zone', zone, '--locale', 'ja', path.join(MESSAGES, 'rfc8601-headers.txt')]);
    assert.match(ja.out, /shop\.example には null MX（"MX 0 \."）があり/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The zone as it is (MX 10 mail): no such sentence.
  const plain = JSON.parse((await run(['--zone', ZONE, '--format', 'json', path.join(MESSAGES, 'rfc8601-headers.txt')])).out);
  assert.equal(plain.spf.cause, 'spf-pass');
  assert.doesNotMatch(plain.cause, /null MX/);
});

test('a domain outside the zone data, offline: temperror (not checked), no fix', async () => {
  const other = path.join(MESSAGES, '..', 'format', 'mail.zone');
  const { code, out } = await run(['--zone', other, '--origin', 'mail.example', '--format', 'json', path.join(MESSAGES, 'gmail-show-original.txt')]);
  assert.equal(code, 0);
  const j = JSON.parse(out);
  // shop.example is outside the zone data and the snapshot: offline, its TXT is not checked.
  assert.equal(j.spf.result, 'temperror');
  assert.equal(j.spf.cause, 'spf-temperror');
  // The CLI's advice names its own flag (the editor's names its settings).
  assert.match(j.cause, /Try again with --dns-server/);
  assert.deepEqual(j.fixes, []);
});

test('exit 2: no IP, missing file, bad option', async () => {
  const none = await run(['--zone', ZONE, path.join(MESSAGES, 'no-ip.txt')]);
  assert.equal(none.code, 2);
  assert.match(none.err, /no sending IP address found/);
  const missing = await run(['--zone', ZONE, path.join(MESSAGES, 'nope.txt')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read/);
  assert.equal((await run(['--format', 'xml', 'x'])).code, 2);
  assert.equal((await run([])).code, 2);
});

test("Outlook.com's 550 5.7.515: its verdicts and the From domain it names; a bounce's returned Received fields name no sender", () => {
  const f = extractFacts(read('outlook-bounce-exim.txt'));
  assert.ok(f.forms.includes('outlook-bounce'));
  assert.deepEqual(f.receiver, { authserv: 'outlook.com', reply: '550 5.7.515', spf: 'softfail', dkim: 'none', dmarc: 'fail' });
  assert.equal(f.headerFrom, 'shop.example');
  assert.equal(f.mailFrom, 'orders@shop.example', 'the Return-Path of the returned copy');
  // 203.0.113.77 is where the message was submitted from, not a server Outlook.com saw.
  assert.equal(f.ip, undefined);
  // The reply as Microsoft's article writes it (<domain>, no verdicts), and with a bare domain.
  for (const [reply, domain] of [
    ['550 5.7.515 Access denied, sending domain <Mail.Example.org> does not meet the required authentication level.', 'mail.example.org'],
    ["Diagnostic-Code: smtp; 550 5.7.515 Access denied, sending domain example.net doesn't meet the\n required authentication level.", 'example.net'],
  ]) {
    const g = extractFacts(reply);
    assert.deepEqual([g.receiver, g.headerFrom, g.mailFrom], [{ authserv: 'outlook.com', reply: '550 5.7.515' }, domain, domain], reply);
  }
  // Other bounces keep their Received fields out too; pasted headers of a delivered message do not.
  const dsn = 'Subject: Undelivered Mail Returned to Sender\n\nReceived: from out.example.org (out.example.org [198.51.100.40]) by mx.example.net\n';
  assert.equal(extractFacts(dsn).ip, undefined);
  assert.equal(extractFacts(dsn.replace('Subject: Undelivered Mail Returned to Sender\n\n', '')).ip, '198.51.100.40');
});

test("Microsoft's Authentication-Results, which has no authserv-id: its first result is read, the sender's address from its comment", async () => {
  const value =
    'spf=softfail (sender IP is 23.83.218.24) smtp.mailfrom=shop.example; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=shop.example;compauth=fail reason=001';
  const ar = parseAuthResults(value);
  assert.equal(ar?.authservId, undefined);
  assert.deepEqual(
    ar?.results.map((r) => [r.method, r.result, r.props]),
    [
      ['spf', 'softfail', { 'smtp.mailfrom': 'shop.example' }],
      ['dkim', 'none', { 'header.d': 'none' }],
      ['dmarc', 'fail', { 'header.from': 'shop.example' }],
      ['compauth', 'fail', {}],
    ],
  );
  // A field with an authserv-id still has it, and a value that is neither gives nothing.
  assert.equal(parseAuthResults('mx.example.net 1; spf=pass smtp.mailfrom=a@b.example')?.authservId, 'mx.example.net');
  assert.equal(parseAuthResults(' ; '), undefined);
  // The headers of a message Outlook.com put in Junk: Microsoft's verdicts, named as Outlook.com's.
  const f = extractFacts(read('outlook-junk-headers.txt'));
  assert.deepEqual(f.receiver, { authserv: 'outlook.com', spf: 'softfail', dkim: 'none', dmarc: 'fail' });
  assert.equal(f.ip, '23.83.218.24');
  assert.equal(f.headerFrom, 'shop.example');
  // The same with the Authentication-Results field alone: the address comes from its comment.
  const alone = read('outlook-junk-headers.txt')
    .replace(/^Received-SPF:.*\n(?:[ \t].*\n)*/m, '')
    .replace(/^Received:.*\n(?:[ \t].*\n)*/gm, '');
  assert.doesNotMatch(alone, /Received/);
  const g = extractFacts(alone);
  assert.deepEqual([g.ip, g.receiver.spf, g.receiver.authserv], ['23.83.218.24', 'softfail', 'outlook.com']);
  // Microsoft's Received-SPF alone (no client-ip=): the address from "discourages use of … as".
  const spfOnly = read('outlook-junk-headers.txt')
    .replace(/^Authentication-Results:.*\n(?:[ \t].*\n)*/m, '')
    .replace(/^Received:.*\n(?:[ \t].*\n)*/gm, '');
  assert.doesNotMatch(spfOnly, /^(Received|Authentication-Results):/m);
  assert.deepEqual([extractFacts(spfOnly).ip, extractFacts(spfOnly).receiver.spf], ['23.83.218.24', 'softfail']);
  const { code, out } = await run(['--zone', ZONE, path.join(MESSAGES, 'outlook-junk-headers.txt')]);
  assert.equal(code, 0);
  assert.match(out, /^The receiver \(outlook\.com\) reported: spf=softfail, dkim=none, dmarc=fail\.$/m);
  assert.match(out, /include:relay\.mailchannels\.net/);
  // Without Microsoft's compauth the receiver is not named, and the sentence says so in both languages.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-unnamed-'));
  const unnamed = path.join(dir, 'headers.txt');
  fs.writeFileSync(unnamed, alone.replace(';compauth=fail\n reason=001', ''));
  const en = await run(['--zone', ZONE, unnamed]);
  assert.match(en.out, /^The receiver reported: spf=softfail, dkim=none, dmarc=fail\.$/m);
  const ja = await run(['--zone', ZONE, '--locale', 'ja', unnamed]);
  assert.match(ja.out, /^受信サーバーの判定: spf=softfail, dkim=none, dmarc=fail$/m);
});

test('an Outlook.com bounce names no IP: exit 2 asking for --ip; with --ip, the diagnosis adds what Outlook.com asks for beyond SPF', async () => {
  const bounce = path.join(MESSAGES, 'outlook-bounce-exim.txt');
  const none = await run(['--zone', ZONE, bounce]);
  assert.equal(none.code, 2);
  assert.match(none.err, /give the address of the server that sent the mail with --ip \(an Outlook\.com bounce does not name it\)/);
  const { code, out } = await run(['--zone', ZONE, '--ip', '23.83.212.9', '--format', 'json', bounce]);
  assert.equal(code, 0);
  const j = JSON.parse(out);
  assert.equal(j.ip, '23.83.212.9');
  assert.deepEqual(j.receiver, { authserv: 'outlook.com', reply: '550 5.7.515', spf: 'softfail', dkim: 'none', dmarc: 'fail' });
  assert.equal(j.spf.cause, 'relay-not-included');
  assert.match(j.cause, /Outlook\.com \(Hotmail, Live, MSN\) refused the mail with 550 5\.7\.515: since May 2025 .* SPF and DKIM both pass, that a DMARC record is published, and that DMARC passes\. /);
  assert.match(j.cause, / It reports DKIM none: set up DKIM signing for shop\.example at the service that sends its mail/);
  assert.match(j.cause, / shop\.example publishes no DMARC record: publish one at _dmarc\.shop\.example \("v=DMARC1; p=none" at least\)\./);
  assert.deepEqual(j.fixes.map((f: { record: string }) => f.record)[0], 'v=spf1 a mx ip4:198.51.100.25 include:relay.mailchannels.net ~all');
  // With a DMARC record in the zone (at the organizational domain for a subdomain sender), and DKIM passing: neither sentence.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-outlook-'));
  const zone = path.join(dir, 'shop.example.zone');
  fs.writeFileSync(zone, fs.readFileSync(ZONE, 'utf8') + '_dmarc IN TXT "v=DMARC1; p=none"\n');
  const passing = path.join(dir, 'bounce.txt');
  fs.writeFileSync(passing, read('outlook-bounce-exim.txt').replace('Dkim=None', 'Dkim=Pass').replace(/orders@shop\.example/g, 'orders@news.shop.example'));
  const k = JSON.parse((await run(['--zone', zone, '--ip', '23.83.212.9', '--format', 'json', passing])).out);
  assert.match(k.cause, /refused the mail with 550 5\.7\.515/);
  assert.doesNotMatch(k.cause, /DKIM none|publishes no DMARC record/);
  // In Japanese.
  const ja = await run(['--zone', ZONE, '--ip', '23.83.212.9', '--locale', 'ja', bounce]);
  assert.match(ja.out, /Outlook\.com（Hotmail、Live、MSN）は 550 5\.7\.515 でメールを拒否しました。/);
  assert.match(ja.out, /shop\.example は DMARC レコードを公開していません。_dmarc\.shop\.example に公開してください/);
  // A bad --ip is a usage error; --ip wins over the address a message shows.
  assert.equal((await run(['--zone', ZONE, '--ip', '23.83.212', bounce])).code, 2);
  const over = JSON.parse((await run(['--zone', ZONE, '--ip', '192.0.2.25', '--format', 'json', path.join(MESSAGES, 'gmail-bounce-exim.txt')])).out);
  assert.deepEqual([over.ip, over.spf.result], ['192.0.2.25', 'pass']);
});

test('usage errors in the locale, with the usage line', async () => {
  const en = await run(['--zone', ZONE, '--ip', 'nope', path.join(MESSAGES, 'no-ip.txt')]);
  assert.equal(en.code, 2);
  assert.equal(en.err.split('\n')[0], "zonelint diagnose: --ip: 'nope' is not an IPv4 or IPv6 address");
  assert.match(en.err, /\nusage: zonelint diagnose \[--zone FILE\.\.\. \[--origin NAME\]\] \[--dns-server HOST:PORT\] \[--ip IP\]/);
  const ja = await run(['--locale', 'ja']);
  assert.equal(ja.code, 2);
  assert.equal(ja.err.split('\n')[0], 'zonelint diagnose: MESSAGE_FILE（標準入力なら -）を指定してください');
  assert.match(ja.err, /\n使い方: zonelint diagnose /);
  const fromEnv = await run(['--origin', 'example.com', 'x.txt'], { LANG: 'ja_JP.UTF-8' });
  assert.equal(fromEnv.err.split('\n')[0], 'zonelint diagnose: --origin は --zone のファイルにだけ使えます');
  const unreadable = await run(['--locale', 'ja', path.join(MESSAGES, 'nope.txt')]);
  assert.match(unreadable.err, /^zonelint diagnose: .*nope\.txt を読み込めません（ENOENT/);
});

test('DKIM: the key behind each signature the receiver did not pass, as the zone has it (none, unreadable, revoked, usable)', async () => {
  const headers = [
    'Authentication-Results: mx.google.com;',
    '       dkim=fail header.i=@shop.example header.s=sel1 header.b=AbCd;',
    '       spf=softfail (google.com: domain of orders@shop.example does not designate 198.51.100.77 as permitted sender) smtp.mailfrom=orders@shop.example;',
    '       dmarc=fail (p=NONE) header.from=shop.example',
    'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=shop.example; s=sel2;',
    '        h=from:to:subject; bh=abc=; b=def=',
    'DKIM-Signature: v=1; a=rsa-sha256; d=mailer.example; s=ok; bh=abc=; b=def=',
    'Received: from out.mailer.example (out.mailer.example [198.51.100.77]) by mx.google.com',
    'From: Shop Orders <orders@shop.example>',
    '',
  ].join('\n');
  const f = extractFacts(headers);
  assert.deepEqual(f.signatures, [
    { domain: 'shop.example', selector: 'sel1', result: 'fail' },
    { domain: 'shop.example', selector: 'sel2' },
    { domain: 'mailer.example', selector: 'ok' },
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-dkim-'));
  const message = path.join(dir, 'headers.txt');
  fs.writeFileSync(message, headers);
  const diagnoseWith = async (extra: string) => {
    const zone = path.join(dir, 'shop.example.zone');
    fs.writeFileSync(zone, fs.readFileSync(ZONE, 'utf8') + extra);
    const r = await run(['--zone', zone, '--format', 'json', message]);
    assert.equal(r.code, 0, r.err);
    return JSON.parse(r.out);
  };
  // No key at either name of the zone; mailer.example's is outside it (offline: not looked up, nothing said).
  const none = await diagnoseWith('');
  assert.deepEqual(none.dkim, [
    { domain: 'shop.example', selector: 'sel1', name: 'sel1._domainkey.shop.example', result: 'fail', key: 'none' },
    { domain: 'shop.example', selector: 'sel2', name: 'sel2._domainkey.shop.example', result: null, key: 'none' },
  ]);
  assert.match(none.cause, /signed for shop\.example with the selector sel1 \(DKIM fail\), and sel1\._domainkey\.shop\.example holds no key: publish the key/);
  assert.match(none.cause, /with the selector sel2 \(DKIM fail\), and sel2\._domainkey\.shop\.example holds no key/);
  // A revoked key, and a usable one (made here with node:crypto).
  const spki = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const quoted = `"v=DKIM1; k=rsa; p=${spki.slice(0, 200)}" "${spki.slice(200)}"`;
  const mixed = await diagnoseWith(`sel1._domainkey IN TXT "v=DKIM1; k=rsa; p="\nsel2._domainkey IN TXT ${quoted}\n`);
  assert.deepEqual(mixed.dkim.map((k: { key: string }) => k.key), ['revoked', 'usable']);
  assert.match(mixed.cause, /the key at sel1\._domainkey\.shop\.example is revoked \(p= is empty\)/);
  assert.match(mixed.cause, /sel2\._domainkey\.shop\.example holds a usable key, so the signature itself failed/);
  // A key cut short, and two records at one name: not a usable key.
  const cut = await diagnoseWith(`sel1._domainkey IN TXT "v=DKIM1; k=rsa; p=${spki.slice(0, 200)}"\nsel2._domainkey IN TXT ${quoted}\nsel2._domainkey IN TXT "v=DKIM1; p=${spki.slice(0, 100)}"\n`);
  assert.deepEqual(cut.dkim.map((k: { key: string }) => k.key), ['unreadable', 'unreadable']);
  // In Japanese.
  const ja = await run(['--zone', path.join(dir, 'shop.example.zone'), '--locale', 'ja', message]);
  assert.match(ja.out, /このメールは shop\.example のセレクター sel1 で署名されていますが（DKIM の判定は fail）、sel1\._domainkey\.shop\.example にあるのは使える公開鍵ではありません/);
  // The receiver passed a signature: those it gave no verdict on are not judged.
  fs.writeFileSync(message, headers.replace('dkim=fail', 'dkim=pass'));
  assert.deepEqual((await diagnoseWith('')).dkim, []);
});

test('DMARC alignment: SPF for an envelope domain that is not the From domain\'s organizational domain does not count; a subdomain does', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-align-'));
  const zone = path.join(dir, 'mailer.example.zone');
  fs.writeFileSync(zone, '$ORIGIN mailer.example.\n@ SOA ns1 hostmaster 1 3600 900 604800 300\n@ NS ns1\nns1 A 192.0.2.53\nem123 TXT "v=spf1 ip4:198.51.100.0/24 -all"\n');
  const message = (mailFrom: string) => {
    const file = path.join(dir, `${mailFrom}.txt`);
    fs.writeFileSync(
      file,
      [
        'Authentication-Results: mx.google.com;',
        `       spf=pass (google.com: domain of x@${mailFrom} designates 198.51.100.77 as permitted sender) smtp.mailfrom=x@${mailFrom};`,
        '       dmarc=fail (p=QUARANTINE) header.from=shop.example',
        'Received: from out.mailer.example (out.mailer.example [198.51.100.77]) by mx.google.com',
        'From: Shop <news@shop.example>',
        '',
      ].join('\n'),
    );
    return file;
  };
  const j = JSON.parse((await run(['--zone', zone, '--format', 'json', message('em123.mailer.example')])).out);
  assert.deepEqual([j.spf.result, j.spf.aligned], ['pass', false]);
  assert.match(j.cause, / SPF is checked for em123\.mailer\.example, the envelope sender, but the message is From shop\.example: DMARC counts SPF only when the two share an organizational domain/);
  const ja = await run(['--zone', zone, '--locale', 'ja', message('em123.mailer.example')]);
  assert.match(ja.out, /SPF が確認されるのはエンベロープ送信者の em123\.mailer\.example ですが、メールの From は shop\.example です。/);
  // A bounce domain under the From domain is aligned (relaxed): nothing said.
  const shopZone = path.join(dir, 'shop.example.zone');
  fs.writeFileSync(shopZone, fs.readFileSync(ZONE, 'utf8') + 'bounce TXT "v=spf1 ip4:198.51.100.0/24 -all"\n');
  const k = JSON.parse((await run(['--zone', shopZone, '--format', 'json', message('bounce.shop.example')])).out);
  assert.deepEqual([k.spf.result, k.spf.aligned], ['pass', true]);
  assert.doesNotMatch(k.cause, /envelope sender/);
});
