/**
 * `zonelint spf` through spfCommand, offline: a zone file is the DNS, and the
 * bundled provider snapshot answers for include:_spf.google.com.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spfCommand } from '../../../cli/src/spf';

const zoneFile = path.resolve(__dirname, '../../fixtures/spf/cli/example.com.zone');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await spfCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

test('text output starts with the result word', async () => {
  const r = await run('--ip', '192.0.2.25', '--sender', 'alice@example.com', '--zone', zoneFile);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.split('\n')[0], 'pass');
  assert.match(r.stdout, /domain: example\.com/);
  assert.match(r.stdout, /example\.com: match mx/);
});

test('JSON output has exactly the documented fields, with the explanation on fail', async () => {
  const r = await run('--ip', '203.0.113.5', '--sender', 'alice@example.com', '--zone', zoneFile, '--format', 'json');
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['result', 'explanation', 'domain', 'lookups', 'voidLookups', 'trace']);
  assert.equal(out.result, 'fail');
  assert.equal(out.explanation, "203.0.113.5 is not one of example.com's senders");
  assert.equal(out.domain, 'example.com');
  // mx + include:_spf.google.com + its three nested includes (snapshot).
  assert.ok(out.lookups >= 2, `lookups ${out.lookups}`);
  assert.equal(out.voidLookups, 0);
  assert.ok(Array.isArray(out.trace) && out.trace.length > 0);
});

test('a sender without @domain checks the HELO name', async () => {
  const r = await run('--ip', '192.0.2.25', '--sender', '', '--helo', 'mail.example.com', '--zone', zoneFile, '--format', 'json');
  const out = JSON.parse(r.stdout);
  assert.deepEqual([out.result, out.domain, out.explanation], ['pass', 'mail.example.com', null]);
});

test('results other than pass still exit 0', async () => {
  const broken = await run('--ip', '192.0.2.25', '--sender', 'x@broken.example.com', '--zone', zoneFile);
  assert.deepEqual([broken.code, broken.stdout.split('\n')[0]], [0, 'permerror']);
  const none = await run('--ip', '192.0.2.25', '--sender', 'x@nothing.example.com', '--zone', zoneFile);
  assert.deepEqual([none.code, none.stdout.split('\n')[0]], [0, 'none']);
});

test('--origin sets the zone origin', async () => {
  const r = await run('--ip', '192.0.2.25', '--sender', 'a@example.com', '--zone', zoneFile, '--origin', 'example.com', '--format', 'json');
  assert.equal(JSON.parse(r.stdout).result, 'pass');
});

test('usage errors exit 2 with the usage on stderr', async () => {
  const cases = [
    ['--sender', 'a@example.com'],
    ['--ip', '192.0.2', '--sender', 'a@example.com'],
    ['--ip', '192.0.2.1'],
    ['--ip', '192.0.2.1', '--sender', 'a@example.com', '--format', 'xml'],
    ['--ip', '192.0.2.1', '--sender', 'a@example.com', '--bogus'],
    ['--ip', '192.0.2.1', '--sender', ''],
    ['--ip', '192.0.2.1', '--sender', 'a@example.com', '--zone', '/nonexistent/zone.file'],
    ['--ip', '192.0.2.1', '--sender', 'a@example.com', '--origin', 'example.com'],
  ];
  for (const argv of cases) {
    const r = await run(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.stderr, /usage: zonelint spf/);
    assert.equal(r.stdout, '');
  }
});

/** A zone with one sender name per outcome; every name outside it is offline. */
const outcomes = (() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zonelint-spf-'));
  const file = path.join(dir, 'outcomes.zone');
  writeFileSync(
    file,
    [
      '$ORIGIN example.org.',
      '@ 3600 IN SOA ns1 admin 1 3600 900 604800 300',
      '@ NS ns1',
      'ns1 A 192.0.2.1',
      'soft TXT "v=spf1 ip4:192.0.2.0/28 ~all"',
      'open TXT "v=spf1 ip4:192.0.2.0/28"',
      'void TXT "v=spf1 a:x1.example.org a:x2.example.org a:x3.example.org -all"',
      'away TXT "v=spf1 include:spf.unknown-provider.example -all"',
      'shop TXT "v=spf1 +a +mx ip4:198.51.100.7 ?all"',
      'twice TXT "v=spf1 -all"',
      'twice TXT "v=spf1 ~all"',
      '',
    ].join('\n'),
  );
  return file;
})();

async function text(sender: string, ip: string, locale: 'en' | 'ja') {
  return (await run('--ip', ip, '--sender', sender, '--zone', outcomes, '--locale', locale)).stdout.split('\n');
}

test('text output says what each result means for the mail, in English', async () => {
  const line = (lines: string[]) => lines.find((l) => l.startsWith('  meaning: '))?.slice('  meaning: '.length);
  const pass = await run('--ip', '192.0.2.25', '--sender', 'alice@example.com', '--zone', zoneFile);
  assert.equal(line(pass.stdout.split('\n')), '192.0.2.25 may send mail for example.com: mx in the SPF record of example.com authorises it.');
  const fail = await run('--ip', '203.0.113.5', '--sender', 'alice@example.com', '--zone', zoneFile);
  assert.match(line(fail.stdout.split('\n')) ?? '', /^The SPF record of example\.com forbids 203\.0\.113\.5 to send mail for example\.com \(-all\)\. /);
  assert.match(line(await text('a@soft.example.org', '198.51.100.1', 'en')) ?? '', /asks receivers to accept such mail but treat it as suspect \(~all\)\. Gmail shows spf=softfail/);
  assert.match(line(await text('a@open.example.org', '198.51.100.1', 'en')) ?? '', /^No term of the SPF record of open\.example\.org matches 198\.51\.100\.1, and the record has no "all"/);
  assert.match(line(await text('a@nothing.example.org', '198.51.100.1', 'en')) ?? '', /^nothing\.example\.org publishes no SPF record/);
  assert.equal(
    line(await text('a@void.example.org', '198.51.100.1', 'en')),
    'The SPF record of void.example.org cannot be evaluated: more than 2 void lookups (RFC 7208 §4.6.4). Receivers treat this as an error (Gmail shows spf=permerror): fix the record.',
  );
  assert.match(
    line(await text('a@away.example.org', '198.51.100.1', 'en')) ?? '',
    /neither the --zone files nor the bundled snapshot .*: TXT lookup for spf\.unknown-provider\.example failed: offline\. Give its zone with --zone/,
  );
  assert.match(line(await text('a@twice.example.org', '198.51.100.1', 'en')) ?? '', /: twice\.example\.org has 2 SPF records \(RFC 7208 §4\.5\)\./);
});

test('text output in Japanese: labels, the meaning and each step of the trace; the result word stays first', async () => {
  const fail = (await run('--ip', '203.0.113.5', '--sender', 'alice@example.com', '--zone', zoneFile, '--locale', 'ja')).stdout.split('\n');
  assert.equal(fail[0], 'fail');
  assert.equal(fail[1], '  IP アドレス: 203.0.113.5');
  assert.equal(fail[2], '  ドメイン: example.com');
  assert.match(fail[3], /^  意味: example\.com の SPF レコードは、203\.0\.113\.5 が example\.com のメールを送ることを禁止しています（-all）。/);
  assert.ok(fail.includes("  説明（exp=）: 203.0.113.5 is not one of example.com's senders"), fail.join('\n'));
  assert.ok(fail.some((l) => /^  DNS 参照: \d+ 回（上限 10 回）、答えが空の参照: 0 回（上限 2 回）$/.test(l)), fail.join('\n'));
  assert.ok(fail.includes('  評価の経過:'));
  assert.ok(fail.includes('    example.com: mx は一致せず'), fail.join('\n'));
  assert.ok(fail.includes('    example.com: include:_spf.google.com → _spf.google.com のレコードを評価'), fail.join('\n'));
  assert.ok(fail.includes('      _spf.google.com: ~all に一致'), fail.join('\n'));
  assert.ok(fail.includes('    example.com: -all に一致'));
  const voided = await text('a@void.example.org', '198.51.100.1', 'ja');
  assert.ok(voided.includes('    void.example.org: エラー a:x3.example.org → 答えが空の DNS 参照が上限の 2 回を超えています（RFC 7208 §4.6.4）'), voided.join('\n'));
  assert.ok(voided.some((l) => l.startsWith('  意味: void.example.org の SPF レコードを評価できません。理由: 答えが空の DNS 参照が上限の 2 回を超えています')));
  const away = await text('a@away.example.org', '198.51.100.1', 'ja');
  assert.ok(away.includes('    away.example.org: エラー → spf.unknown-provider.example の TXT レコードを DNS で引けませんでした（オフラインのため未確認）'), away.join('\n'));
  // No English is left in the Japanese output but the record, the terms, the names and the exp= text.
  for (const l of [...voided, ...away, ...fail.filter((l) => !l.includes('説明'))]) assert.doesNotMatch(l, /\b(?:match|no-match|record|lookups?|error|trace|meaning)\b/, l);
});

test('an IP of a catalogued relay that SPF does not authorise gets a note naming the provider\'s include', async () => {
  const en = await text('shop@shop.example.org', '23.83.209.1', 'en');
  assert.equal(en[0], 'neutral');
  const note = en.find((l) => l.startsWith('  note: '));
  assert.match(note ?? '', /^  note: 23\.83\.209\.1 is in 23\.83\.208\.0\/20, a range of MailChannels.* Authorise the provider with include:relay\.mailchannels\.net rather than its addresses/);
  const ja = await text('shop@shop.example.org', '23.83.209.1', 'ja');
  // The provider's name ends in a full-width parenthesis: no space after it.
  assert.match(ja.find((l) => l.startsWith('  注意: ')) ?? '', /^  注意: 23\.83\.209\.1 は MailChannels リレー（mixhost ほか）のアドレス範囲 23\.83\.208\.0\/20 にあります。/);
  // No SPF record at all: the note says what to authorise too.
  assert.ok((await text('shop@nothing.example.org', '23.83.209.1', 'en')).some((l) => l.startsWith('  note: 23.83.209.1 is in 23.83.208.0/20')));
  // An address SPF authorises, or one of no catalogued provider: no note.
  assert.ok(!(await text('a@soft.example.org', '192.0.2.3', 'en')).some((l) => l.startsWith('  note: ')));
  assert.ok(!(await text('shop@shop.example.org', '198.51.100.9', 'en')).some((l) => l.startsWith('  note: ')));
});

test('JSON keeps its trace entries as before: English details, no field for the texts', async () => {
  const r = await run('--ip', '198.51.100.1', '--sender', 'a@void.example.org', '--zone', outcomes, '--format', 'json', '--locale', 'ja');
  const out = JSON.parse(r.stdout);
  assert.equal(out.result, 'permerror');
  for (const t of out.trace) assert.deepEqual(Object.keys(t).filter((k) => !['depth', 'domain', 'event', 'term', 'detail'].includes(k)), [], JSON.stringify(t));
  assert.deepEqual(
    out.trace.filter((t: { event: string }) => t.event === 'error').map((t: { detail: string }) => t.detail),
    ['more than 2 void lookups', 'more than 2 void lookups (RFC 7208 §4.6.4)'],
  );
});
