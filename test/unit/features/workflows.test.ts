// The field workflows on the facade: formatting, code lens, inlay hints, serial bump,
// diagnose / check a sending IP with the fix as a code action, the quick-fix catalogue
// (provider include, DMARC insertion, refactors, flatten), completion in SPF strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, type Settings } from '../../../server/src/settings';
import { applyEdits, open } from './fixture';

const zone = (...lines: string[]) =>
  [
    '$ORIGIN example.com.',
    '$TTL 3600',
    '@   IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 300 )',
    '    IN NS  ns1',
    ...lines,
    'ns1 IN A   192.0.2.1',
    '',
  ].join('\n');

const SPF = '    IN TXT "v=spf1 ip4:192.0.2.0/24 mx ~all"';
const line = (text: string, n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: text.split('\n')[n].length } });
const apply = (o: ReturnType<typeof open>, action: CodeAction) => applyEdits(o.document, action.edit!.changes![o.document.uri]);
const codes = (o: ReturnType<typeof open>) => o.service.validateSync(o.document).map((d) => String(d.code));
const withSettings = (patch: Partial<Settings>) => ({ settings: () => ({ ...defaultSettings, ...patch }) });

test('document formatting aligns the columns and keeps every token; formatting again changes nothing', () => {
  const text = zone('www 300 in a 192.0.2.80', 'mail IN MX 10 mx.other.test.');
  const o = open(text);
  const formatted = applyEdits(o.document, o.service.formatDocument(o.document));
  assert.equal(
    formatted,
    [
      '$ORIGIN example.com.',
      '$TTL 3600',
      '@        IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 300 )',
      '         IN NS  ns1',
      'www  300 IN A   192.0.2.80',
      'mail     IN MX  10 mx.other.test.',
      'ns1      IN A   192.0.2.1',
      '',
    ].join('\n'),
  );
  const again = open(formatted);
  assert.deepEqual(again.service.formatDocument(again.document), []);
});

test('range formatting touches only the lines in the range', () => {
  const text = zone('www 300 in a 192.0.2.80', 'mail IN MX 10 mx.other.test.');
  const o = open(text);
  const edits = o.service.formatRange(o.document, line(text, 4));
  assert.ok(edits.length > 0);
  assert.ok(edits.every((e) => e.range.start.line === 4 && e.range.end.line === 4), JSON.stringify(edits));
  assert.equal(applyEdits(o.document, edits).split('\n')[4], 'www  300 IN A   192.0.2.80');
});

test('a code lens above the SPF record counts its lookups and says how it ends; its command carries the breakdown', async () => {
  const text = zone(SPF, '    IN MX 10 ns1');
  const o = open(text);
  const [unresolved, ...rest] = o.service.getCodeLenses(o.document);
  assert.equal(rest.length, 0);
  // Listed without a title: the lookups are followed for the lenses the editor resolves.
  assert.equal(unresolved.command, undefined);
  const lens = await o.service.resolveCodeLens(o.document, unresolved);
  assert.equal(lens.range.start.line, 4);
  assert.equal(lens.command!.title, 'SPF · 1/10 DNS lookups · ~all (softfail)');
  assert.equal(lens.command!.command, 'zonelint.showLookupBreakdown');
  const [args] = lens.command!.arguments as [{ title: string; markdown: string }];
  assert.equal(args.title, 'SPF lookups of example.com: 1/10');
  assert.match(args.markdown, /- `v=spf1` example\.com — 1 here, 1 in all/);
});

test('the code lens in Japanese, with lookups it could not check counted as such', async () => {
  const o = open(zone('    IN TXT "v=spf1 include:_spf.example.net -all"'), { locale: 'ja' });
  const [unresolved] = o.service.getCodeLenses(o.document);
  const lens = await o.service.resolveCodeLens(o.document, unresolved);
  assert.equal(lens.command!.title, 'SPF · DNS 参照 1/10 回（1 件未確認） · -all（拒否）');
});

test('code lenses of a large zone are listed at once and resolved one by one; a stale lens gets no title', async () => {
  const lines = [];
  for (let i = 0; i < 3000; i++) lines.push(`h${i} IN MX 10 ns1`, `h${i} IN TXT "v=spf1 mx include:_spf.h${i % 7}.example.com -all"`);
  for (let i = 0; i < 7; i++) lines.push(`_spf.h${i} IN TXT "v=spf1 ip4:192.0.2.${i}/32 a:ns1.example.com -all"`);
  const text = zone(...lines);
  const o = open(text);
  const lenses = o.service.getCodeLenses(o.document);
  assert.equal(lenses.length, 3007);
  assert.ok(lenses.every((l) => l.command === undefined));
  const last = await o.service.resolveCodeLens(o.document, lenses[2999]);
  assert.equal(last.range.start.line, lenses[2999].range.start.line);
  assert.equal(last.command!.title, 'SPF · 3/10 DNS lookups · -all (fail)');
  const [args] = last.command!.arguments as [{ markdown: string }];
  assert.match(args.markdown, /`include:_spf\.h3\.example\.com` _spf\.h3\.example\.com — 1 here, 1 in all/);
  // The record the lens was made for is gone: its line now holds an A record.
  const edited = text.replace(/h2999 IN TXT "[^"]*"/, 'h2999 IN A 192.0.2.9');
  const o2 = open(edited);
  const stale = await o2.service.resolveCodeLens(o2.document, lenses[2999]);
  assert.equal(stale.command!.title, '');
});

test('the code lens setting turns lenses off', async () => {
  const o = open(zone(SPF), withSettings({ codeLens: { enabled: false } }));
  assert.deepEqual(o.service.getCodeLenses(o.document), []);
});

test('inlay hints show TTLs and SOA timers written in seconds as durations, in range only', () => {
  const text = zone('www 86400 IN A 192.0.2.80', 'ftp 1h IN A 192.0.2.81', 'tmp 30 IN A 192.0.2.82');
  const o = open(text);
  const hints = o.service.getInlayHints(o.document);
  assert.deepEqual(
    hints.map((h) => [h.position.line, h.position.character, h.label]),
    [
      [1, 9, '1 hour'],
      [2, 43, '2 hours'],
      [2, 48, '1 hour'],
      [2, 56, '2 weeks'],
      [2, 60, '5 minutes'],
      [4, 9, '1 day'],
    ],
  );
  assert.deepEqual(o.service.getInlayHints(o.document, line(text, 4)).map((h) => h.label), ['1 day']);
  const ja = open(text, { locale: 'ja' });
  assert.equal(ja.service.getInlayHints(ja.document)[3].label, '2週間');
  const off = open(text, withSettings({ inlayHints: { enabled: false } }));
  assert.deepEqual(off.service.getInlayHints(off.document), []);
});

test('increment serial: a date serial moves to today; one already in the future is bumped with a warning', () => {
  const o = open(zone());
  const bump = o.service.incrementSerial(o.document, new Date(2026, 10, 24, 10));
  assert.ok(bump);
  assert.equal(bump.serial, '2026112400');
  assert.equal(bump.warning, undefined);
  assert.equal(applyEdits(o.document, [bump.edit]).split('\n')[2], '@   IN SOA ns1 hostmaster ( 2026112400 7200 3600 1209600 300 )');
  const future = open(zone().replace('2024010101', '2030010105'));
  const later = future.service.incrementSerial(future.document, new Date(2026, 10, 24, 10));
  assert.equal(later?.serial, '2030010106');
  assert.match(later?.warning ?? '', /later than today|after today/);
  const none = open('$ORIGIN example.com.\nwww 300 IN A 192.0.2.1\n');
  assert.equal(none.service.incrementSerial(none.document), undefined);
});

test('check a sending IP: softfail with the trace, and the fix offered on the SPF record', async () => {
  const text = zone(SPF);
  const o = open(text);
  o.service.parse(o.document); // open, as the server parses on didOpen: its zone data answers the lookups
  const report = await o.service.checkIp({ ip: '198.51.100.7', sender: 'user@example.com' });
  assert.equal(report.ok, true);
  assert.equal(report.result, 'softfail');
  assert.equal(report.domain, 'example.com');
  assert.deepEqual(report.fixes.map((f) => f.record), ['v=spf1 ip4:192.0.2.0/24 mx ip4:198.51.100.7 ~all']);
  assert.match(report.markdown, /^# SPF softfail for 198\.51\.100\.7 at example\.com/);
  assert.match(report.markdown, /example\.com: no-match ip4:192\.0\.2\.0\/24/);
  const actions = o.service.getCodeActions(o.document, { diagnostics: [] }, line(text, 4)).filter((a) => a.kind === 'quickfix');
  assert.equal(actions.length, 1);
  assert.match(actions[0].title, /^Apply the bounce diagnosis fix: Add ip4:198\.51\.100\.7/);
  assert.equal(apply(o, actions[0]).split('\n')[4], '    IN TXT "v=spf1 ip4:192.0.2.0/24 mx ip4:198.51.100.7 ~all"');
  // Nothing offered on other records.
  assert.equal(o.service.getCodeActions(o.document, { diagnostics: [] }, line(text, 5)).filter((a) => a.kind === 'quickfix').length, 0);
});

test('check a sending IP in Japanese: the trace and the reason of a permerror are Japanese too', async () => {
  const text = zone('    IN TXT "v=spf1 a:x1.example.com a:x2.example.com a:x3.example.com -all"');
  const o = open(text, { locale: 'ja' });
  o.service.parse(o.document);
  const report = await o.service.checkIp({ ip: '198.51.100.7', sender: 'user@example.com' });
  assert.equal(report.result, 'permerror');
  assert.match(report.markdown, /^example\.com: レコード "v=spf1 a:x1\.example\.com/m);
  assert.match(report.markdown, /^example\.com: a:x1\.example\.com は一致せず$/m);
  assert.match(report.markdown, /^example\.com: エラー a:x3\.example\.com → 答えが空の DNS 参照が上限の 2 回を超えています（RFC 7208 §4\.6\.4）$/m);
  // The cause gives the same reason in Japanese, not the English of the JSON's trace.
  assert.match(report.markdown, /理由: 答えが空の DNS 参照が上限の 2 回を超えています（RFC 7208 §4\.6\.4）。/);
  assert.doesNotMatch(report.markdown, /void lookups|no-match/);
});

test('check a sending IP rejects what is not an address or a sender', async () => {
  const o = open(zone(SPF));
  const bad = await o.service.checkIp({ ip: '300.1.1.1', sender: 'example.com' });
  assert.equal(bad.ok, false);
  assert.match(bad.markdown, /"300\.1\.1\.1" is not an IPv4 or IPv6 address/);
  assert.equal((await o.service.checkIp({ ip: '192.0.2.9', sender: 'nobody' })).ok, false);
});

test('check a sending IP for a domain no open zone holds, offline: the advice names the settings, not a CLI flag', async () => {
  const o = open(zone(SPF));
  o.service.parse(o.document);
  const report = await o.service.checkIp({ ip: '198.51.100.7', sender: 'user@elsewhere.example' });
  assert.equal(report.ok, true, report.markdown);
  assert.equal(report.result, 'temperror');
  assert.match(report.markdown, /zonelint\.dns\.mode to "live"/);
  assert.doesNotMatch(report.markdown, /--dns-server/);
});

test('diagnose a pasted header: the relay is named, and its include is the fix on the SPF record', async () => {
  const text = zone('    IN TXT "v=spf1 ip4:192.0.2.0/24 ~all"');
  const o = open(text);
  o.service.parse(o.document);
  const header =
    'Authentication-Results: mx.google.com;\n       spf=softfail (google.com: domain of transitioning user@example.com does not designate 23.83.218.24 as permitted sender) smtp.mailfrom=user@example.com\n' +
    'Received-SPF: softfail (google.com: domain of transitioning user@example.com does not designate 23.83.218.24 as permitted sender) client-ip=23.83.218.24;\n';
  const report = await o.service.diagnose(header);
  assert.equal(report.ok, true, report.markdown);
  assert.equal(report.result, 'softfail');
  assert.deepEqual(report.fixes.map((f) => f.record), ['v=spf1 ip4:192.0.2.0/24 include:relay.mailchannels.net ~all']);
  assert.match(report.markdown, /spf=softfail/);
  // The zone has no _mailchannels record: the report says which to publish, under the fix.
  assert.match(report.markdown, /## Fix\n[\s\S]*- Publish a Domain Lockdown record at _mailchannels\.example\.com .*\n\n  ```\n  _mailchannels\.example\.com\. TXT "v=mc1 auth=<account id>"\n  ```\n/);
  const [action] = o.service.getCodeActions(o.document, { diagnostics: [] }, line(text, 4)).filter((a) => a.kind === 'quickfix');
  assert.equal(apply(o, action).split('\n')[4], '    IN TXT "v=spf1 ip4:192.0.2.0/24 include:relay.mailchannels.net ~all"');
  const nothing = await o.service.diagnose('hello');
  assert.equal(nothing.ok, false);
  assert.match(nothing.markdown, /No sending IP found/);
  // An Outlook.com bounce names no IP: the report points at the command that takes one.
  const outlook = await o.service.diagnose('550 5.7.515 Access denied, sending domain [EXAMPLE.COM] does not meet the required authentication level.');
  assert.equal(outlook.ok, false);
  assert.match(outlook.markdown, /use "Check a Sending IP…" with the address of the server that sent the mail \(an Outlook\.com bounce does not name it\)/);
});

test('diagnose a message that shows its MailChannels account: the Domain Lockdown record is offered on the SPF record', async () => {
  const text = zone('    IN TXT "v=spf1 ip4:192.0.2.0/24 include:relay.mailchannels.net ~all"');
  const o = open(text);
  o.service.parse(o.document);
  const header =
    'Received-SPF: pass (google.com: domain of user@example.com designates 23.83.218.24 as permitted sender) client-ip=23.83.218.24; envelope-from="user@example.com";\n' +
    'X-MailChannels-Auth-Id: myhost\n';
  const report = await o.service.diagnose(header);
  assert.equal(report.ok, true, report.markdown);
  assert.equal(report.result, 'pass');
  assert.deepEqual(report.lockdown, { name: '_mailchannels.example.com', record: 'v=mc1 auth=myhost', authId: 'myhost', state: 'none' });
  const actions = o.service.getCodeActions(o.document, { diagnostics: [] }, line(text, 4)).filter((a) => a.kind === 'quickfix');
  // A forged message shows the forger's account: the title says to check it.
  assert.deepEqual(actions.map((a) => a.title), [
    'Apply the bounce diagnosis fix: Publish the Domain Lockdown record "v=mc1 auth=myhost" at _mailchannels.example.com (only if myhost is your host\'s MailChannels account)',
  ]);
  const after = apply(o, actions[0]);
  assert.deepEqual(after.split('\n').slice(4, 6), ['    IN TXT "v=spf1 ip4:192.0.2.0/24 include:relay.mailchannels.net ~all"', '_mailchannels TXT "v=mc1 auth=myhost"']);
  // Applied: the lockdown warning goes.
  const fixed = open(after);
  fixed.service.parse(fixed.document);
  assert.ok(!codes(fixed).includes('spf-mailchannels-lockdown'));
  assert.ok(codes(o).includes('spf-mailchannels-lockdown'));

  // A cfid= record is replaced by the one with the account.
  const cfid = zone('    IN TXT "v=spf1 include:relay.mailchannels.net ~all"', '_mailchannels IN TXT "v=mc1 cfid=x.workers.dev"');
  const c = open(cfid);
  c.service.parse(c.document);
  assert.equal((await c.service.diagnose(header)).lockdown?.state, 'cfid-only');
  const [replace] = c.service.getCodeActions(c.document, { diagnostics: [] }, line(cfid, 4)).filter((a) => a.kind === 'quickfix');
  assert.equal(apply(c, replace).split('\n')[5], '_mailchannels IN TXT "v=mc1 auth=myhost"');

  // Without the account in the message, nothing to publish from the editor (a placeholder would lock the host out).
  const bare = open(text);
  bare.service.parse(bare.document);
  assert.equal((await bare.service.diagnose(header.replace('X-MailChannels-Auth-Id: myhost\n', ''))).lockdown?.authId, undefined);
  assert.deepEqual(bare.service.getCodeActions(bare.document, { diagnostics: [] }, line(text, 4)).filter((a) => a.kind === 'quickfix'), []);
});

function quickFixes(o: ReturnType<typeof open>, code: string): { diagnostic: Diagnostic; actions: CodeAction[] } {
  const [diagnostic] = o.service.validateSync(o.document).filter((d) => d.code === code);
  assert.ok(diagnostic, `a ${code} diagnostic`);
  return { diagnostic, actions: o.service.getCodeActions(o.document, { diagnostics: [diagnostic], only: ['quickfix'] }, diagnostic.range) };
}

test('spf-provider-missing: the quick-fix inserts the provider include, names its diagnostic, and the diagnostic goes', () => {
  const text = zone('    IN MX 10 aspmx.l.google.com.', SPF);
  const o = open(text);
  const { diagnostic, actions } = quickFixes(o, 'spf-provider-missing');
  const [fix] = actions;
  assert.equal(fix.kind, 'quickfix');
  assert.deepEqual(fix.diagnostics, [diagnostic]);
  assert.equal(fix.isPreferred, true);
  assert.match(fix.title, /^Add Google Workspace to SPF \(include:_spf\.google\.com/);
  const after = apply(o, fix);
  assert.equal(after, text.replace('mx ~all', 'mx include:_spf.google.com ~all'));
  assert.ok(!codes(open(after)).includes('spf-provider-missing'));
});

test('dmarc-missing: the quick-fix inserts a _dmarc record and the diagnostic goes', () => {
  const text = zone('    IN MX 10 ns1', SPF);
  const o = open(text);
  const { actions } = quickFixes(o, 'dmarc-missing');
  assert.equal(actions.length, 1);
  const after = apply(o, actions[0]);
  assert.match(after, /_dmarc\s.*TXT\s+"v=DMARC1; p=none; rua=mailto:dmarc-reports@example\.com"/);
  assert.equal(after.replace(/^.*_dmarc.*\n/m, '').replace(/^;.*DMARC.*\n/im, ''), text);
  const codesAfter = codes(open(after));
  assert.ok(!codesAfter.includes('dmarc-missing'), codesAfter.join());
});

test('the existing zone fixes come from the catalogue too: a long TXT string is split', () => {
  const long = 'x'.repeat(300);
  const o = open(zone(`t IN TXT "${long}"`));
  const { actions } = quickFixes(o, 'zone-txt-string-too-long');
  assert.equal(actions.length, 1);
  assert.equal(actions[0].title, 'Split into 2 strings of at most 255 octets');
});

test('refactors on any SPF record add a provider; the command form falls back to the first SPF record', () => {
  const text = zone(SPF);
  const o = open(text);
  const refactors = o.service.getCodeActions(o.document, { diagnostics: [], only: ['refactor'] }, line(text, 4));
  assert.ok(refactors.length > 10);
  assert.ok(refactors.every((a) => a.kind === 'refactor.rewrite' && !a.diagnostics));
  const ses = refactors.find((a) => a.title === 'Add Amazon SES to SPF (include:amazonses.com)');
  assert.ok(ses, refactors.map((a) => a.title).join('\n'));
  assert.equal(apply(o, ses).split('\n')[4], '    IN TXT "v=spf1 ip4:192.0.2.0/24 mx include:amazonses.com ~all"');
  assert.equal(o.service.getCodeActions(o.document, { diagnostics: [], only: ['refactor'] }, line(text, 5)).length, 0);
  const fromElsewhere = o.service.providerActions(o.document, { line: 0, character: 0 });
  assert.deepEqual(fromElsewhere.map((a) => a.title), refactors.map((a) => a.title));
});

test('spf-lookup-limit offers "flatten" as a command, not an edit computed up front', () => {
  const text = zone(SPF);
  const o = open(text);
  const d: Diagnostic = { range: line(text, 4), message: 'too many', source: 'zonelint', code: 'spf-lookup-limit' };
  const [action] = o.service.getCodeActions(o.document, { diagnostics: [d] }, d.range);
  assert.equal(action.command?.command, 'zonelint.server.flattenInclude');
  assert.equal(action.edit, undefined);
  assert.deepEqual(action.diagnostics, [d]);
});

test('completion inside an SPF string offers mechanisms, modifiers and providers by name', () => {
  const o = open(zone('    IN TXT "v=spf1 ip4:192.0.2.0/24 |~all"'));
  const list = o.service.getCompletions(o.document, o.position);
  const labels = list.items.map((i) => i.label);
  for (const l of ['include:', 'mx', 'redirect=', 'Google Workspace']) assert.ok(labels.includes(l), `${l} in ${labels.join(',')}`);
  const google = list.items.find((i) => i.label === 'Google Workspace');
  assert.equal((google?.textEdit as { newText: string }).newText, 'include:_spf.google.com');
});

test('inlay hints for a range are those of the whole document in that range (records read up to its end only)', () => {
  const lines = [];
  for (let i = 0; i < 400; i++) lines.push(`h${i} ${600 + i} IN A 192.0.2.1`, `   ${i % 3 === 0 ? '2h' : 7200 + i} IN TXT "x"`);
  const o = open(zone(...lines, '$TTL 86400', 'late IN A 192.0.2.2'));
  const all = o.service.getInlayHints(o.document);
  assert.ok(all.length > 600, `${all.length} hints`);
  for (const [from, to] of [[0, 3], [100, 180], [300, 300], [790, 900]]) {
    const range = { start: { line: from, character: 0 }, end: { line: to, character: 1000 } };
    const expected = all.filter((h) => h.position.line >= from && h.position.line <= to);
    assert.deepEqual(o.service.getInlayHints(o.document, range), expected, `lines ${from}-${to}`);
  }
});

test('code lenses follow edits: a record made invalid loses its lens, and records moved by an edit keep theirs', async () => {
  const text = zone('a IN TXT "v=spf1 mx -all"', 'b IN TXT "v=spf1 a -all"');
  const o = open(text);
  assert.equal(o.service.getCodeLenses(o.document).length, 2);
  const broken = TextDocument.update(o.document, [{ range: line(text, 4), text: 'a IN TXT "v=spf1 mx foo:bar -all"' }], 2);
  const lenses = o.service.getCodeLenses(broken);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].range.start.line, 5);
  const moved = TextDocument.update(broken, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '; a comment\n' }], 3);
  const after = o.service.getCodeLenses(moved);
  assert.deepEqual(after.map((l) => l.range.start.line), [6]);
  assert.equal((await o.service.resolveCodeLens(moved, after[0])).command!.title, 'SPF · 1/10 DNS lookups · -all (fail)');
});
