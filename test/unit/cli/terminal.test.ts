import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../cli/src/cli';
import { spfCommand } from '../../../cli/src/spf';
import { forTerminal } from '../../../cli/src/terminal';

/** Any character that drives a terminal, other than tab and newline. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function zoneFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'zonelint-term-')), 'db.zone');
  writeFileSync(file, text);
  return file;
}

async function run(argv: string[], command = main): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await command(argv, { stdout: (s) => (out += s), stderr: (s) => (out += s), env: {} });
  return { code, out };
}

test('forTerminal escapes what drives a terminal and keeps printable text, tabs and newlines', () => {
  assert.equal(forTerminal('a\x1b[31mb\x1b[0m'), 'a\\027[31mb\\027[0m');
  assert.equal(forTerminal('ok\rgone'), 'ok\\013gone');
  assert.equal(forTerminal('\x00\x07\x08\x0b\x0c\x7f'), '\\000\\007\\008\\011\\012\\127');
  assert.equal(forTerminal('\x9b2J'), '\\1552J', 'C1 CSI');
  assert.equal(forTerminal('abc\u202Efed'), 'abc\\u{202E}fed', 'a right-to-left override');
  assert.equal(forTerminal('\u2066x\u2069'), '\\u{2066}x\\u{2069}');
  const plain = 'a\tb\nゾーンのレコード é 😀 ~';
  assert.equal(forTerminal(plain), plain);
  for (let c = 0; c < 0x250; c++) {
    const out = forTerminal(String.fromCharCode(c));
    assert.ok(!CONTROL.test(out), `U+${c.toString(16)} escaped`);
  }
});

const ZONE = `$ORIGIN example.org.
$TTL 300
@ IN SOA ns1 hostmaster 2026010101 3600 600 86400 300
  IN NS ns1
ns1 IN A 192.0.2.1
x \x1b]0:owned\x07 192.0.2.1
y IN A 192.0.2.1\rSPOOFED
`;

test('check: text output shows control characters of the zone as escapes; JSON keeps them, escaped by JSON', async () => {
  const file = zoneFile(ZONE);
  const text = await run(['check', file]);
  assert.equal(text.code, 1, text.out);
  assert.ok(text.out.includes("'\\027]0:owned\\007'"), text.out);
  assert.ok(!CONTROL.test(text.out), JSON.stringify(text.out));
  const json = await run(['check', '--format', 'json', file]);
  const messages = (JSON.parse(json.out) as Array<{ message: string }>).map((f) => f.message);
  assert.ok(messages.some((m) => m.includes('\x1b]0:owned\x07')), 'the message itself is unchanged');
});

test('spf: the trace shows control characters of a record as escapes', async () => {
  // (An exp= text with control characters is a syntax error, ignored as RFC 7208 §6.2 says.)
  const file = zoneFile(`$ORIGIN example.org.
$TTL 300
@ IN SOA ns1 hostmaster 2026010101 3600 600 86400 300
  IN NS ns1
ns1 IN A 192.0.2.1
@ IN TXT "v=spf1 ip4:192.0.2.0/24 \\027[2J -all"
`);
  const r = await run(['--ip', '198.51.100.9', '--sender', 'user@example.org', '--zone', file], spfCommand);
  assert.match(r.out, /^permerror/, r.out);
  assert.ok(r.out.includes('record "v=spf1 ip4:192.0.2.0/24 \\027[2J -all"'), r.out);
  assert.ok(!CONTROL.test(r.out), JSON.stringify(r.out));
});
