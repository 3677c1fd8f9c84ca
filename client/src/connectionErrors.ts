/**
 * What the client does about an error reading from or writing to the language server.
 * Pure: the client's error handler asks it (languageClient.ts).
 *
 * vscode-languageclient stops the client for good when its handler answers Shutdown, and a
 * stopped client does not restart the server when the connection then closes. The library's
 * own rule (continue for the first three write errors, shut down otherwise) answers Shutdown
 * when a server dies while the client is writing to it: each write to the dead pipe fails
 * (EPIPE, or "write after a stream was destroyed") before the client reads the end of the
 * server's output, and stream-level errors come with no count at all. Those errors say only
 * that the process is gone; the close that follows decides, within the restart budget,
 * whether to start it again. Any other error keeps the library's rule.
 */

/** Error codes of a pipe whose process has exited. */
const GONE = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_STREAM_PREMATURE_CLOSE']);

export type ConnectionErrorAction = 'continue' | 'continue-quietly' | 'shutdown';

/**
 * `continue-quietly` for an error of a pipe to a process that has exited (no need to show
 * the output: the close handler says what happened); otherwise `continue` for the first
 * three errors of writing a message (`count` 1–3) and `shutdown` past them or when the
 * library gives no count.
 */
export function connectionErrorAction(error: unknown, count: number | undefined): ConnectionErrorAction {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && GONE.has(code)) return 'continue-quietly';
  return count !== undefined && count <= 3 ? 'continue' : 'shutdown';
}
