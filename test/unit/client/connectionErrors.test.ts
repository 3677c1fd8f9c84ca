import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionErrorAction } from '../../../client/src/connectionErrors';

/** An error as Node makes it for a failed system call or stream operation. */
function nodeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

test('an error of a pipe to an exited server never shuts the client down, whatever the count', () => {
  for (const code of ['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_STREAM_PREMATURE_CLOSE']) {
    for (const count of [undefined, 1, 3, 4, 50]) {
      assert.equal(connectionErrorAction(nodeError(code), count), 'continue-quietly', `${code}, count ${String(count)}`);
    }
  }
});

test('a real write error from Node is recognised by its code', async () => {
  const { Writable } = await import('node:stream');
  const stream = new Writable({ write: (_chunk, _enc, done) => done() });
  stream.destroy();
  const error = await new Promise<unknown>((resolve) => stream.write('x', (err) => resolve(err)));
  assert.equal(connectionErrorAction(error, 1), 'continue-quietly');
});

test('other errors keep the library rule: three writes continue, then shut down; no count shuts down', () => {
  const err = new Error('Header must provide a Content-Length property.');
  assert.equal(connectionErrorAction(err, 1), 'continue');
  assert.equal(connectionErrorAction(err, 3), 'continue');
  assert.equal(connectionErrorAction(err, 4), 'shutdown');
  assert.equal(connectionErrorAction(err, undefined), 'shutdown');
  assert.equal(connectionErrorAction(nodeError('EACCES'), undefined), 'shutdown');
  assert.equal(connectionErrorAction('not an error', 2), 'continue');
  assert.equal(connectionErrorAction(null, undefined), 'shutdown');
});
