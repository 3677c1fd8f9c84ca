import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { main } from '../../../cli/src/cli';
import { analyzeSync } from '../../../server/src/analysis';
import { parseZoneText } from '../../../server/src/zone/index';

const root = resolve(__dirname, '../../..');

async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
  return { code, out, err };
}

function zoneFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'zonelint-cli-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const clean = `$ORIGIN example.org.
$TTL 300
@ IN SOA ns1 hostmaster 2026010101 3600 600 86400 300
  IN NS ns1
ns1 IN A 192.0.2.1
`;

const broken = clean + 'www IN CNAME ns1\nwww IN A 192.0.2.2\n';

test('check: a clean zone exits 0 and prints nothing in text form', async () => {
  const r = await run(['check', zoneFile('db.example.org', clean)]);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(r.out, '');
});

test('check: text lines are FILE:LINE:COL: SEVERITY CODE MESSAGE, 1-based; an error exits 1', async () => {
  const file = zoneFile('example.org.zone', broken);
  const r = await run(['check', file]);
  assert.equal(r.code, 1);
  const line = r.out.split('\n').find((l) => l.includes('zone-cname-and-other-data'));
  assert.ok(line, r.out);
  assert.match(line, new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}:7:1: error zone-cname-and-other-data `));
});

test('check --format json: an array of {file, code, severity, message, range} with 0-based positions', async () => {
  const file = zoneFile('example.org.zone', broken);
  const r = await run(['check', '--format', 'json', file]);
  assert.equal(r.code, 1);
  const findings = JSON.parse(r.out) as Array<Record<string, unknown>>;
  const f = findings.find((x) => x.code === 'zone-cname-and-other-data');
  assert.ok(f);
  assert.deepEqual(Object.keys(f).sort(), ['code', 'file', 'message', 'range', 'severity']);
  assert.equal(f.severity, 'error');
  assert.deepEqual((f.range as { start: unknown }).start, { line: 6, character: 0 });
});

test('check --format github: workflow commands the Actions runner turns into annotations; an error still exits 1', async () => {
  const file = zoneFile('example.org.zone', broken);
  const r = await run(['check', '--format', 'github', file]);
  assert.equal(r.code, 1);
  const line = r.out.split('\n').find((l) => l.includes('title=zone-cname-and-other-data'));
  assert.ok(line, r.out);
  assert.match(line, new RegExp(`^::error file=${file.replace(/[.\\/]/g, '\\$&')},line=7,col=1,endLine=7,endColumn=\\d+,title=zone-cname-and-other-data::'www\\.example\\.org\\.' has a CNAME`));
  assert.equal((await run(['check', '--format', 'github', zoneFile('db.example.org', clean)])).out, '');
});

test('check --format sarif: SARIF 2.1.0 with the rule and a 1-based region', async () => {
  const file = zoneFile('example.org.zone', broken);
  const r = await run(['check', '--format', 'sarif', file]);
  const sarif = JSON.parse(r.out);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'zonelint');
  const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'zone-cname-and-other-data');
  assert.equal(result.level, 'error');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 7);
  assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'zone-cname-and-other-data'));
});

test('check --locale ja (and LANG=ja_JP) prints Japanese messages', async () => {
  const file = zoneFile('example.org.zone', broken);
  const viaFlag = await run(['check', '--locale', 'ja', file]);
  const viaEnv = await run(['check', file], { LANG: 'ja_JP.UTF-8' });
  for (const r of [viaFlag, viaEnv]) {
    const line = r.out.split('\n').find((l) => l.includes('zone-cname-and-other-data'))!;
    assert.match(line, /[\u3040-\u30ff\u4e00-\u9fff]/, line);
  }
});

test('usage and I/O errors exit 2 with a message on stderr', async () => {
  assert.equal((await run(['check'])).code, 2);
  assert.equal((await run(['check', '--format', 'xml', 'x.zone'])).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
  const missing = await run(['check', join(tmpdir(), 'does-not-exist.zone')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /does-not-exist\.zone: no such file\n$/);
  const folder = mkdtempSync(join(tmpdir(), 'zonelint-folder-'));
  for (const command of ['check', 'print']) {
    const r = await run([command, folder], { LANG: 'ja_JP.UTF-8' });
    assert.equal(r.code, 2, command);
    assert.equal(r.err, `zonelint: ${folder}: フォルダーです。ゾーンファイルを指定してください\n`);
  }
  assert.equal((await run(['check', folder])).err, `zonelint: ${folder}: is a folder, not a zone file\n`);
  const twice = await run(['check', '-', '-']);
  assert.equal(twice.code, 2);
  assert.match(twice.err, /standard input \(-\) can be given only once/);
});

test('the built binary reads a zone from standard input for -: check (origin from --origin, lines named -) and print', () => {
  const cli = join(root, 'dist', 'cli.js');
  const relative = clean.replace('$ORIGIN example.org.\n', '') + 'www IN CNAME ns1\nwww IN A 192.0.2.2\n';
  const checked = spawnSync(process.execPath, [cli, 'check', '--origin', 'example.org', '-'], { input: relative, encoding: 'utf8' });
  assert.equal(checked.status, 1, checked.stderr);
  assert.match(checked.stdout, /^-:6:1: error zone-cname-and-other-data .*www\.example\.org/m);
  // Without --origin nor $ORIGIN, standard input has no file name to take it from.
  const unknown = spawnSync(process.execPath, [cli, 'check', '-'], { input: relative, encoding: 'utf8' });
  assert.match(unknown.stdout, /^-:2:1: warning zone-origin-unknown /m);
  const printed = spawnSync(process.execPath, [cli, 'print', '-'], { input: clean, encoding: 'utf8' });
  assert.equal(printed.status, 0, printed.stderr);
  assert.equal(printed.stdout.split('\n')[2], 'ns1.example.org. 300 IN A 192.0.2.1');
});

test('print: absolute names, numeric TTLs, one record per line', async () => {
  const r = await run(['print', zoneFile('db.example.org', clean)]);
  assert.equal(r.code, 0);
  assert.deepEqual(r.out.trim().split('\n'), [
    'example.org. 300 IN SOA ns1.example.org. hostmaster.example.org. 2026010101 3600 600 86400 300',
    'example.org. 300 IN NS ns1.example.org.',
    'ns1.example.org. 300 IN A 192.0.2.1',
  ]);
});

test('the origin falls back to the file name when the zone has no $ORIGIN nor absolute SOA', async () => {
  const r = await run(['print', zoneFile('db.example.net', '@ 60 IN A 192.0.2.9\n')]);
  assert.equal(r.out.trim(), 'example.net. 60 IN A 192.0.2.9');
});

test('--help and --version', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /zonelint check/);
  // Each command's --help (or -h) is the help too, in the locale asked for; not after `--`.
  for (const command of ['check', 'print', 'spf', 'diagnose']) {
    const r = await run([command, '--help']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /zonelint diagnose \[--zone/);
  }
  assert.match((await run(['spf', '-h', '--locale', 'ja'])).out, /使い方:/);
  assert.equal((await run(['print', '--', '--help'])).code, 2);
  const version = await run(['--version']);
  assert.match(version.out.trim(), /^\d+\.\d+\.\d+/);
});

test('the built binary runs the demo zones and exits 1 on their errors', { skip: false }, () => {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', join(root, 'examples', 'example.com.zone')], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /zone-cname-and-other-data/);
});

test('diagnose is dispatched: a MailChannels bounce gets the relay include as its fix', async () => {
  const fixtures = join(root, 'test', 'fixtures', 'messages');
  const r = await run([
    'diagnose',
    '--zone',
    join(fixtures, 'shop.example.zone'),
    '--format',
    'json',
    join(fixtures, 'gmail-bounce-exim.txt'),
  ]);
  assert.equal(r.code, 0, r.err);
  const d = JSON.parse(r.out);
  assert.equal(d.ip, '23.83.218.24');
  assert.ok(d.fixes.some((f: { record: string }) => f.record.includes('include:relay.mailchannels.net')));
});

test('check: a problem in a file $INCLUDEd at two origins is one line; what differs between them stays', async () => {
  const zone = zoneFile('example.org.zone', clean + 'mail IN A 192.0.2.3\n$INCLUDE common.inc\n$ORIGIN sub.example.org.\n$INCLUDE common.inc\n');
  writeFileSync(join(zone, '..', 'common.inc'), '@ IN MX 10 mail.example.org.\n@ IN TXT "v=spf1 bogus -all"\n');
  const r = await run(['check', '--format', 'json', '--allow-include', join(zone, '..'), zone]);
  const findings = JSON.parse(r.out) as Array<{ file: string; code: string; message: string }>;
  const inCommon = findings.filter((f) => f.file.endsWith('common.inc'));
  assert.equal(inCommon.filter((f) => f.code === 'spf-unknown-mechanism').length, 1, r.out);
  // The missing DMARC of each origin reads differently: both are kept.
  assert.deepEqual(
    inCommon.filter((f) => f.code === 'dmarc-missing').map((f) => f.message.split(' ')[0]),
    ['example.org', 'sub.example.org'],
    r.out,
  );
});

test('$INCLUDE reads only inside the current folder, the zone folder and --allow-include', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'zonelint-outside-'));
  writeFileSync(join(outside, 'secret.inc'), 'leak IN TXT "from outside"\n');
  const zone = zoneFile('example.org.zone', clean + `$INCLUDE ${join(outside, 'secret.inc')}\n`);
  const denied = await run(['print', zone]);
  assert.doesNotMatch(denied.out, /from outside/);
  const checked = await run(['check', '--format', 'json', zone]);
  assert.ok(
    (JSON.parse(checked.out) as Array<{ code: string }>).some((f) => f.code === 'zone-include-not-found'),
    checked.out,
  );
  const allowed = await run(['print', '--allow-include', outside, zone]);
  assert.match(allowed.out, /leak\.example\.org\. 300 IN TXT "from outside"/);
});

/** A zone with `n` errors, each a line of output: far more than a pipe's buffer. */
function manyErrors(n: number): string {
  let text = clean;
  for (let i = 0; i < n; i++) text += `w${i} IN CNAME ns1\nw${i} IN A 192.0.2.2\n`;
  return text;
}

test('the built binary stops quietly when its reader goes away (zonelint check big.zone | head)', async () => {
  const file = zoneFile('db.example.org', manyErrors(4000));
  const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'check', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let first = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  // Read one chunk, then close the pipe as `head` does.
  child.stdout.setEncoding('utf8').once('data', (s: string) => {
    first = s;
    child.stdout.destroy();
  });
  const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
  assert.match(first, /zone-cname-and-other-data/);
  assert.equal(err, '', 'no stack trace on standard error');
  assert.equal(signal, null);
  assert.equal(code, 1, 'the exit code is the check\'s own: the zone has errors');
});

test('the built binary reports a failed write in a line and exits 2', { skip: existsSync('/dev/full') ? false : 'no /dev/full on this system' }, () => {
  const file = zoneFile('db.example.org', manyErrors(50));
  const out = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', file], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^zonelint: cannot write the output: ENOSPC/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  } finally {
    closeSync(out);
  }
});

test('check: an empty or comment-only file is a zone servers refuse (exit 1), as named-checkzone and kzonecheck say; the editor leaves it alone', async () => {
  for (const text of ['', '; nothing here yet\n$TTL 300\n']) {
    const r = await run(['check', '--origin', 'example.org', zoneFile('db.example.org', text)]);
    assert.equal(r.code, 1, JSON.stringify(text));
    assert.match(r.out, /^[^\n]*db\.example\.org:1:1: error zone-missing-soa The zone example\.org\. has no SOA record at its apex; servers refuse to load it\n$/);
  }
  assert.deepEqual(analyzeSync(parseZoneText('', { origin: 'example.org.' })), []);
});

test('check: spf-lookup-limit says where the lookups come from in plain words, in English and Japanese (offline, the bundled snapshot)', async () => {
  const file = zoneFile(
    'db.example.co.jp',
    clean.replaceAll('example.org', 'example.co.jp') +
      '@ IN TXT "v=spf1 +a:sv12345.xserver.jp +a +mx include:spf.sender.xserver.jp include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net include:servers.mcsv.net ~all"\n',
  );
  const en = (await run(['check', file])).out.split('\n').find((l) => l.includes('spf-lookup-limit'));
  assert.match(en ?? '', /receivers return permerror \(8 in the record itself, include:_spf\.google\.com \+3, include:sendgrid\.net \+1\)$/);
  const ja = (await run(['check', '--locale', 'ja', file])).out.split('\n').find((l) => l.includes('spf-lookup-limit'));
  assert.match(ja ?? '', /（レコード自体で 8 回、include:_spf\.google\.com で \+3 回、include:sendgrid\.net で \+1 回）$/);
});

test('check --rule CODE=LEVEL: levels as the editor\'s zonelint.rules sets them, off leaves a code out, the exit code follows', async () => {
  const file = zoneFile('db.example.org', broken + '@ IN TXT "v=spf1 ptr -all"\n');
  const before = await run(['check', '--format', 'json', file]);
  assert.equal(before.code, 1);
  const codes = (r: { out: string }) => JSON.parse(r.out).map((f: { code: string; severity: string }) => `${f.code}:${f.severity}`).sort();
  assert.ok(codes(before).includes('zone-cname-and-other-data:error'), before.out);
  assert.ok(codes(before).includes('spf-ptr-deprecated:warning'), before.out);
  const after = await run(['check', '--format', 'json', '--rule', 'zone-cname-and-other-data=warning', '--rule', 'spf-ptr-deprecated=off', file]);
  assert.equal(after.code, 0, 'no error left');
  assert.deepEqual(
    codes(after),
    codes(before)
      .filter((c: string) => !c.startsWith('spf-ptr-deprecated:'))
      .map((c: string) => (c === 'zone-cname-and-other-data:error' ? 'zone-cname-and-other-data:warning' : c)),
  );
  // Raised to error, a warning fails the run; SARIF and text say the level set.
  const raised = await run(['check', '--rule', 'spf-ptr-deprecated=error', '--rule', 'zone-cname-and-other-data=off', file]);
  assert.equal(raised.code, 1);
  assert.match(raised.out, /: error spf-ptr-deprecated /);
  assert.doesNotMatch(raised.out, /zone-cname-and-other-data/);
  const sarif = JSON.parse((await run(['check', '--format', 'sarif', '--rule', 'spf-ptr-deprecated=error', file])).out);
  assert.ok(sarif.runs[0].results.some((r: { ruleId: string; level: string }) => r.ruleId === 'spf-ptr-deprecated' && r.level === 'error'));
});

test('check --rule: a malformed value or an unknown code is a usage error (exit 2), in the locale', async () => {
  const file = zoneFile('db.example.org', clean);
  const form = await run(['check', '--rule', 'spf-ptr-deprecated', file]);
  assert.equal(form.code, 2);
  assert.match(form.err, /--rule takes CODE=LEVEL, LEVEL one of error, warning, information, hint, off \(got 'spf-ptr-deprecated'\)/);
  assert.equal((await run(['check', '--rule', 'spf-ptr-deprecated=loud', file])).code, 2);
  const near = await run(['check', '--rule', 'ptr-deprecated=off', file]);
  assert.match(near.err, /there is no diagnostic code 'ptr-deprecated'; did you mean spf-ptr-deprecated\?/);
  const ja = await run(['check', '--locale', 'ja', '--rule', 'nothing-like-it=off', file]);
  assert.match(ja.err, /--rule: 'nothing-like-it' という診断コードはありません/);
});
