/** The CLI's own texts in both locales: help and usage errors follow --locale, else LANG. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../cli/src/cli';
import { spfCommand } from '../../../cli/src/spf';
import { earlyLocale } from '../../../cli/src/messages';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
  return { code, out, err };
}

test('the locale comes from --locale, else LC_ALL / LC_MESSAGES / LANG', () => {
  assert.equal(earlyLocale(['check', '--locale', 'ja', 'x'], {}), 'ja');
  assert.equal(earlyLocale(['check', '--locale=ja'], { LANG: 'en_US.UTF-8' }), 'ja');
  assert.equal(earlyLocale(['check', '--locale', 'en'], { LANG: 'ja_JP.UTF-8' }), 'en');
  assert.equal(earlyLocale(['check'], { LC_ALL: 'ja_JP.UTF-8' }), 'ja');
  assert.equal(earlyLocale(['check', '--locale', 'fr'], {}), 'en');
});

test('help in English keeps its wording; in Japanese it is translated', async () => {
  const en = await run(['--help']);
  assert.match(en.out, /^zonelint \S+ — lint BIND zone files and their SPF, DMARC and DKIM records\n\nUsage:\n  zonelint check /);
  assert.match(en.out, /\nspf     Evaluate SPF check_host\(\) for a sending IP and sender \(RFC 7208\)\. Text output: the result\n/);
  assert.match(en.out, /\n  zonelint diagnose \[--zone FILE/);
  const ja = await run(['--help'], { LANG: 'ja_JP.UTF-8' });
  assert.match(ja.out, /^zonelint \S+ — BIND のゾーンファイル/);
  assert.match(ja.out, /使い方:/);
  assert.match(ja.out, /zonelint check \[--origin NAME\]/, 'the synopsis stays as typed');
});

test('usage errors: English as before, Japanese with --locale ja or LANG', async () => {
  assert.equal((await run(['frobnicate'])).err, "zonelint: unknown command 'frobnicate' (see zonelint --help)\n");
  assert.equal((await run(['check'])).err, 'zonelint: check needs at least one FILE\n');
  assert.equal((await run(['check', '--format', 'xml', 'x.zone'])).err, 'zonelint: --format must be one of text, json, sarif, github (got xml)\n');
  const ja = await run(['check', '--locale', 'ja']);
  assert.equal(ja.code, 2);
  assert.equal(ja.err, 'zonelint: check にはファイルを 1 つ以上指定してください\n');
  const jaFormat = await run(['check', '--format', 'xml', 'x.zone'], { LANG: 'ja_JP.UTF-8' });
  assert.equal(jaFormat.err, 'zonelint: --format には text, json, sarif, github のいずれかを指定してください（指定された値: xml）\n');
  const missing = await run(['check', '--locale', 'ja', '/nonexistent/a.zone']);
  assert.match(missing.err, /^zonelint: \/nonexistent\/a\.zone: (ファイルが見つかりません|読み込めません（.*）)\n$/);
});

test('zonelint spf: usage errors and the usage line in the locale', async () => {
  let err = '';
  const io = { stdout: () => undefined, stderr: (s: string) => (err += s) };
  assert.equal(await spfCommand(['--sender', 'a@example.com'], io), 2);
  assert.equal(err, 'zonelint spf: --ip is required\nusage: zonelint spf --ip IP --sender ADDRESS [--helo NAME] [--zone FILE... [--origin NAME]] [--dns-server HOST:PORT] [--format text|json] [--locale en|ja]\n');
  err = '';
  assert.equal(await spfCommand(['--locale', 'ja', '--ip', '300.1.1.1', '--sender', 'a@example.com'], io), 2);
  assert.match(err, /^zonelint spf: --ip: '300\.1\.1\.1' は IPv4 \/ IPv6 アドレスではありません\n使い方: zonelint spf /);
  err = '';
  await spfCommand(['--ip', '192.0.2.1', '--sender', 'nobody'], { ...io, env: { LANG: 'ja_JP.UTF-8' } });
  assert.match(err, /HELO の名前を確認します。--helo を指定してください/);
});
