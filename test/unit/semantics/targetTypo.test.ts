/**
 * zone-target-typo: a target with its final dot whose domain is one letter off the zone's
 * own. Messages in English and Japanese, the slips that count and those that do not, the fix
 * (as the editor asks for it), and what BIND loads before and after it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseZoneText } from '../../../server/src/zone/index';
import { analyzeSync } from '../../../server/src/analysis';
import { formatMessage, severityOf } from '../../../server/src/diagnostics/registry';
import { fixesFor } from '../../../server/src/fixes/index';
import { ownDomainSlip } from '../../../server/src/zone/semantics/targetTypo';
import { providerMxSlip } from '../../../server/src/providers/mxTypo';
import { applyEdits, asSent } from '../fixes/helpers';
import { bindRecords, needsBind } from '../../helpers/bind';

const HEAD = '$ORIGIN example.jp.\n$TTL 3600\n@ SOA ns1 hostmaster 1 3600 900 604800 3600\n@ NS ns1\nns1 A 192.0.2.1\nmail A 192.0.2.25\n';
const TEXT = HEAD + '@ MX 10 mail.exmaple.jp.\n';

test('the slips that count, and the names that are not slips', () => {
  const apex = 'example.jp.';
  assert.equal(ownDomainSlip('mail.exmaple.jp.', apex), 'mail.example.jp.');
  assert.equal(ownDomainSlip('exampel.jp.', apex), 'example.jp.');
  assert.equal(ownDomainSlip('www.examples.jp.', apex), 'www.example.jp.');
  assert.equal(ownDomainSlip('a.b.exmple.jp.', apex), 'a.b.example.jp.');
  assert.equal(ownDomainSlip('mail.exanple.co.jp.', 'example.co.jp.'), 'mail.example.co.jp.');
  for (const fine of ['mail.example.jp.', 'mail.example.com.', 'mail.example2.jp.', 'mail.exmapel.jp.', 'mail.google.jp.', 'mail.example.co.jp.', 'jp.', 'mail.exampl.jpx.'])
    assert.equal(ownDomainSlip(fine, apex), undefined, fine);
  // A short label: one letter off too many real names to judge.
  assert.equal(ownDomainSlip('mail.shap.jp.', 'shop.jp.'), undefined);
});

test('the warning on the name as written, in English and Japanese, and the fix writes the zone\'s own domain', () => {
  const zone = parseZoneText(TEXT, { origin: 'example.jp.' });
  const problems = analyzeSync(zone).filter((p) => p.code === 'zone-target-typo');
  assert.equal(problems.length, 1);
  const [p] = problems;
  assert.equal(TEXT.slice(p.offset, p.offset + p.length), 'mail.exmaple.jp.');
  assert.equal(severityOf(p), 'warning');
  assert.equal(
    formatMessage(p),
    "'mail.exmaple.jp.' is a name of another domain, one letter off this zone's own example.jp: if mail.example.jp was meant, write it (as written, lookups go to a domain that is not yours)",
  );
  assert.match(formatMessage(p, 'ja'), /^'mail\.exmaple\.jp\.' はこのゾーンの example\.jp と 1 文字だけ違う、別のドメインの名前です。mail\.example\.jp のつもりなら/);
  const [fix] = fixesFor({ text: TEXT, zone, problem: asSent(p) });
  assert.equal(fix.title.en, "Write 'mail.example.jp.'");
  const after = applyEdits(TEXT, fix.edits);
  assert.equal(after, TEXT.replace('mail.exmaple.jp.', 'mail.example.jp.'));
  assert.deepEqual(analyzeSync(parseZoneText(after, { origin: 'example.jp.' })).filter((q) => q.code === 'zone-target-typo'), []);
});

test('BIND loads the slip as another domain\'s name, and the fixed name as the zone\'s own', { skip: needsBind }, () => {
  const zone = parseZoneText(TEXT, { origin: 'example.jp.' });
  const [p] = analyzeSync(zone).filter((q) => q.code === 'zone-target-typo');
  const after = applyEdits(TEXT, fixesFor({ text: TEXT, zone, problem: asSent(p) })[0].edits);
  assert.ok(bindRecords(TEXT, 'example.jp').includes('example.jp. 3600 in mx 10 mail.exmaple.jp.'));
  assert.ok(bindRecords(after, 'example.jp').includes('example.jp. 3600 in mx 10 mail.example.jp.'));
});

test('an MX host one letter off a mail provider\'s domain: the same warning naming the provider, and the fix', () => {
  const slip = (host: string) => providerMxSlip(host)?.intended;
  assert.equal(slip('aspmx.l.gogle.com.'), 'aspmx.l.google.com.');
  assert.equal(slip('example-jp.mail.protection.outlok.com.'), 'example-jp.mail.protection.outlook.com.');
  assert.equal(slip('sv1234.xsever.jp.'), 'sv1234.xserver.jp.');
  for (const fine of ['aspmx.l.google.com.', 'alt1.aspmx.l.google.com.', 'mx.zoho.jp.', 'aspmx.l.google.co.jp.', 'mail.example.jp.', 'mx1.mailchannels.net.', 'mail.gmail.com.'])
    assert.equal(slip(fine), undefined, fine);
  const text = HEAD + '@ MX 1 aspmx.l.gogle.com.\n';
  const zone = parseZoneText(text, { origin: 'example.jp.' });
  const problems = analyzeSync(zone).filter((p) => p.code === 'zone-target-typo');
  assert.equal(problems.length, 1);
  assert.equal(
    formatMessage(problems[0]),
    "'aspmx.l.gogle.com.' is a name of another domain, one letter off google.com, Google Workspace's mail servers: if aspmx.l.google.com was meant, write it (as written, lookups go to a domain that is not yours)",
  );
  assert.match(formatMessage(problems[0], 'ja'), /^'aspmx\.l\.gogle\.com\.' は Google Workspace のメールサーバー google\.com と 1 文字だけ違う、別のドメインの名前です。/);
  assert.match(formatMessage(analyzeSync(parseZoneText(TEXT, { origin: 'example.jp.' })).find((p) => p.code === 'zone-target-typo')!, 'ja'), /^'mail\.exmaple\.jp\.' はこのゾーンの example\.jp と 1 文字だけ違う/);
  const [fix] = fixesFor({ text, zone, problem: asSent(problems[0]) });
  assert.equal(applyEdits(text, fix.edits), text.replace('gogle', 'google'));
  // A zone whose own domain is the near one: said once, as the zone's own.
  const own = '$ORIGIN gooogle.com.\n$TTL 3600\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n@ MX 1 aspmx.l.google.com.\n';
  const once = analyzeSync(parseZoneText(own, { origin: 'gooogle.com.' })).filter((p) => p.code === 'zone-target-typo');
  assert.deepEqual(once.map((p) => p.args?.whoseDetail), ['target-typo-own']);
});
