/**
 * dist/server.js loads the server through V8's code cache (server/src/boot.ts): written on
 * the first start, used on the next, refused and written again when damaged, never read
 * from a folder others may write to, and off (nothing written) unless ZONELINT_CACHE_DIR
 * names a folder, as the VS Code client does. The server works the same in every case.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { STATS_REQUEST, type ServerStats } from '../../client/src/protocol';
import { TestClient } from './client';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-cache-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ZONE = '$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns1 host 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.1\n@ IN TXT "v=spf1 ip4:192.0.2.0/24 -al"\n';

/** Starts a server with the cache in `dir`, checks a zone, and says what the cache was. */
async function run(dir: string | undefined): Promise<string> {
  const env = { ...process.env, ZONELINT_CACHE_DIR: dir };
  if (dir === undefined) delete env.ZONELINT_CACHE_DIR;
  const client = await TestClient.start({ env });
  try {
    const uri = 'file:///cache/example.com.zone';
    await client.open(uri, ZONE, 1);
    const published = await client.waitForDiagnostics(uri, 1);
    // The server checks as ever: the SPF typo is found.
    assert.ok(published.diagnostics.some((d) => String(d.code).startsWith('spf-')), JSON.stringify(published.diagnostics));
    return (await client.request<ServerStats>(STATS_REQUEST, {})).codeCache;
  } finally {
    await client.stop();
  }
}

const cacheFiles = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));

describe('code cache', () => {
  test('written at the first start (an earlier build\'s cache removed), used at the next', async () => {
    const dir = path.join(tmp, 'fresh');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dir, 'lsp-v0.0.0-x64-1-1.cache'), 'an earlier build');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    assert.equal(await run(dir), 'missing');
    assert.ok(fs.existsSync(path.join(dir, 'notes.txt')), 'other files are left alone');
    const files = cacheFiles(dir);
    assert.equal(files.length, 1);
    assert.ok(fs.statSync(path.join(dir, files[0])).size > 10_000, 'the cache holds compiled code');
    assert.equal((fs.statSync(dir).mode & 0o777).toString(8), '700');
    assert.equal(await run(dir), 'used');
  });

  test('a damaged cache is refused, the server starts anyway, and the cache is written again', async () => {
    const dir = path.join(tmp, 'damaged');
    await run(dir);
    const [file] = cacheFiles(dir);
    fs.writeFileSync(path.join(dir, file), Buffer.alloc(4096, 0x5a));
    assert.equal(await run(dir), 'refused');
    assert.equal(await run(dir), 'used');
  });

  test('a folder others may write to is not used; without a folder (other editors), off or relative, there is none', async () => {
    const open = path.join(tmp, 'open');
    fs.mkdirSync(open, { mode: 0o777 });
    fs.chmodSync(open, 0o777);
    assert.equal(await run(open), 'unusable');
    assert.deepEqual(cacheFiles(open), []);
    assert.equal(await run('off'), 'off');
    assert.equal(await run(undefined), 'off');
    assert.equal(await run('relative/cache'), 'off');
    assert.equal(fs.existsSync(path.join(process.cwd(), 'relative')), false);
  });
});
