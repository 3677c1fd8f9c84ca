/**
 * The server ends with its client: after `shutdown` and `exit` (code 0), when its input ends
 * without them (a client that crashed), and when the process named in `initialize` is gone.
 * A server left behind would keep a large zone's memory for nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { TestClient } from './client';

const URI = 'file:///lifecycle/db.example';
const ZONE = '$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n@ MX 10 mail\n';

/** The process's end, or undefined when it is still running after `ms`. */
function within<T>(ended: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([ended, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref())]);
}

describe('server lifecycle', () => {
  test('shutdown then exit ends the server with code 0', async () => {
    const client = await TestClient.start();
    await client.open(URI, ZONE);
    await client.waitForDiagnostics(URI, 1);
    assert.equal(await client.request('shutdown', null), null);
    await client.notify('exit', null);
    assert.deepEqual(await within(client.exited, 5000), { code: 0, signal: null });
    client.connection.dispose();
  });

  test('the end of its input ends the server (no shutdown: code 1)', async () => {
    const client = await TestClient.start();
    await client.open(URI, ZONE);
    await client.waitForDiagnostics(URI, 1);
    client.closeInput();
    assert.deepEqual(await within(client.exited, 5000), { code: 1, signal: null });
    client.connection.dispose();
  });

  test('the server ends when the process named in initialize is gone', async () => {
    const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const parentGone = new Promise((r) => parent.once('exit', r));
    const client = await TestClient.start({ processId: parent.pid });
    try {
      await client.open(URI, ZONE);
      await client.waitForDiagnostics(URI, 1);
      assert.equal(await within(client.exited, 500), undefined, 'running while its parent runs');
      parent.kill();
      await parentGone;
      // vscode-languageserver looks for the process every 3 s.
      const end = await within(client.exited, 10000);
      assert.ok(end !== undefined, 'the server ended within 10 s of its parent');
    } finally {
      parent.kill();
      await client.stop();
    }
  });
});
