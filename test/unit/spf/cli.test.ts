/**
 * `zonelint spf` through spfCommand, offline: a zone file is the DNS, and the
 * bundled provider snapshot answers for include:_spf.google.com.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
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
