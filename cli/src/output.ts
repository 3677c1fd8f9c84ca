/**
 * Writing to standard output and error when the reader may go away: `zonelint check
 * big.zone | head` closes the pipe after ten lines, and Node reports the next write as
 * an 'error' event (EPIPE) that, unhandled, ends the process with a stack trace. A
 * closed reader drops the rest of that stream's output, as it would stop `cat`; the
 * command finishes and exits with its own code. Any other write error is reported once,
 * in a line, and the exit code becomes 2.
 */

/** Errors that mean the reader has gone: the rest of the output has nowhere to go. */
const CLOSED = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

export interface OutputStream {
  write(s: string): unknown;
  on(event: 'error', listener: (e: NodeJS.ErrnoException) => void): unknown;
}

export interface Writer {
  (s: string): void;
  /** Set once a write failed for a reason other than a closed reader. */
  readonly failure: () => NodeJS.ErrnoException | undefined;
}

/** A writer that stops at a closed reader and keeps the first other write error. */
export function guardedWriter(stream: OutputStream, onFailure: (e: NodeJS.ErrnoException) => void): Writer {
  let closed = false;
  let failed: NodeJS.ErrnoException | undefined;
  stream.on('error', (e) => {
    if (closed || failed) return;
    if (e.code !== undefined && CLOSED.has(e.code)) {
      closed = true;
      return;
    }
    failed = e;
    onFailure(e);
  });
  const write = (s: string): void => {
    if (closed || failed) return;
    stream.write(s);
  };
  return Object.assign(write, { failure: () => failed });
}
