/**
 * The stdio transport's message encoding. A large zone's diagnostics go out on every
 * keystroke: a thousand of them (diagnostics.maxPerFile) are half a megabyte of JSON, and
 * JSON.stringify of the whole message took 3 to 4 ms of a keystroke's 17 at 100,000
 * records. The diagnostics themselves are mostly the same objects from one keystroke to
 * the next (features/diagnostics.ts hands out the one it made while a problem does not
 * move), so each one's JSON is kept with it, as UTF-8 bytes, and a message is put together
 * from the pieces (about 0.2 ms). The bytes are those JSON.stringify gives for the whole
 * message.
 *
 * Diagnostic objects are not changed once handed out (a moved one is a copy), but for the
 * offsets inside their `data`: the JSON kept for one is all but its data, which is written
 * fresh for each message, when the message is handed to the writer (stdioWriter).
 */
import { format } from 'node:util';
import { StreamMessageWriter, type ContentTypeEncoder, type Message } from 'vscode-languageserver/node';

/**
 * An item's JSON as UTF-8, cut where its `data` goes: `data` is written fresh every time,
 * since the offsets in a quick fix's data move with edits in place (incremental/zone.ts).
 */
interface Kept {
  readonly before: Buffer;
  /** After `data`; undefined when the item had no data. */
  readonly after: Buffer | undefined;
}

const kept = new WeakMap<object, Kept>();

/** Lists shorter than this are encoded with their message: nothing to gain. */
const MIN_KEPT = 32;

/** Stands for a list, or an item's data, then is replaced by it. */
const HOLE = `\u0000zonelint-${process.pid}-${Date.now()}\u0000`;
const HOLE_JSON = JSON.stringify(HOLE);

function keep(item: object): Kept {
  const data = (item as { data?: unknown }).data;
  if (data === undefined) return { before: Buffer.from(JSON.stringify(item), 'utf8'), after: undefined };
  const json = JSON.stringify({ ...item, data: HOLE });
  const at = json.indexOf(HOLE_JSON);
  return { before: Buffer.from(json.slice(0, at), 'utf8'), after: Buffer.from(json.slice(at + HOLE_JSON.length), 'utf8') };
}

/** The list's JSON, its items' own kept: copied into place, not joined as text. */
function listBytes(items: readonly unknown[], before: string, after: string): Buffer | undefined {
  const head = Buffer.from(before + '[', 'utf8');
  const tail = Buffer.from(']' + after, 'utf8');
  const parts = new Array<Kept>(items.length);
  const data = new Array<string | undefined>(items.length);
  let size = head.length + tail.length + Math.max(0, items.length - 1);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let part: Kept | undefined;
    if (item === null || typeof item !== 'object') part = { before: Buffer.from(JSON.stringify(item) ?? 'null', 'utf8'), after: undefined };
    else {
      const value = (item as { data?: unknown }).data;
      part = kept.get(item);
      // Data given or taken away since (not done today): made again.
      if (part === undefined || (part.after === undefined) !== (value === undefined)) kept.set(item, (part = keep(item)));
      if (part.after !== undefined) {
        const json = JSON.stringify(value) as string | undefined;
        if (json === undefined) return undefined; // not JSON (a function): the message is stringified whole
        data[i] = json;
        size += Buffer.byteLength(json, 'utf8') + part.after.length;
      }
    }
    parts[i] = part;
    size += part.before.length;
  }
  const out = Buffer.allocUnsafe(size);
  out.set(head, 0);
  let at = head.length;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) out[at++] = 0x2c; // ,
    const part = parts[i];
    out.set(part.before, at);
    at += part.before.length;
    if (part.after !== undefined) {
      at += out.write(data[i]!, at, 'utf8');
      out.set(part.after, at);
      at += part.after.length;
    }
  }
  out.set(tail, at);
  return out;
}

/** The message as UTF-8 JSON, byte for byte what JSON.stringify(message) would give. */
export function messageBytes(message: Message): Buffer {
  const m = message as {
    method?: unknown;
    params?: { diagnostics?: unknown };
    result?: { kind?: unknown; items?: unknown } | null;
  };
  // Pushed diagnostics, and a pulled document's full report.
  if (m.method === 'textDocument/publishDiagnostics' && m.params && Array.isArray(m.params.diagnostics)) {
    const list = m.params.diagnostics as unknown[];
    if (list.length >= MIN_KEPT) {
      const bytes = spliced(JSON.stringify({ ...m, params: { ...m.params, diagnostics: HOLE } }), list);
      if (bytes) return bytes;
    }
  } else if (m.method === undefined && m.result && typeof m.result === 'object' && m.result.kind === 'full' && Array.isArray(m.result.items)) {
    // Only a diagnostic report: other results with items (a completion list) are made
    // afresh or changed in place, and are stringified whole.
    const list = m.result.items as unknown[];
    if (list.length >= MIN_KEPT) {
      const bytes = spliced(JSON.stringify({ ...m, result: { ...m.result, items: HOLE } }), list);
      if (bytes) return bytes;
    }
  }
  return Buffer.from(JSON.stringify(message), 'utf8');
}

function spliced(rest: string, list: readonly unknown[]): Buffer | undefined {
  const at = rest.indexOf(HOLE_JSON);
  return listBytes(list, rest.slice(0, at), rest.slice(at + HOLE_JSON.length));
}

/** Messages encoded when handed to stdioWriter's writer, until its encoder takes them. */
const encoded = new WeakMap<Message, Buffer>();

/** For StreamMessageWriter's `contentTypeEncoder` (the charset is always UTF-8 here). */
export const jsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message, options) => {
    try {
      if (options.charset !== 'utf-8') return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset));
      const bytes = encoded.get(message);
      if (bytes === undefined) return Promise.resolve(messageBytes(message));
      encoded.delete(message);
      return Promise.resolve(bytes);
    } catch (error) {
      return Promise.reject(error);
    }
  },
};

/**
 * StreamMessageWriter encodes a message once the messages before it are written: while a
 * large zone's diagnostics go out, the next ones may wait a while. Their data would then be
 * written as it is by then, not as it was sent: the offsets in it move in place with the
 * next edit (incremental/zone.ts), and a diagnostic's quick fix would edit beside its
 * target. This writer encodes each message when it is handed over.
 */
class EagerStreamWriter extends StreamMessageWriter {
  override write(message: Message): Promise<void> {
    try {
      encoded.set(message, messageBytes(message));
    } catch {
      // Not JSON: the encoder says so when its turn comes, as StreamMessageWriter's does.
    }
    return super.write(message);
  }
}

/** The writer for --stdio: UTF-8 JSON (jsonEncoder), each message encoded when sent. */
export function stdioWriter(writable: NodeJS.WritableStream): StreamMessageWriter {
  return new EagerStreamWriter(writable, { charset: 'utf-8', contentTypeEncoder: jsonEncoder });
}

/**
 * Standard output carries the messages: what the server or a library prints goes to the
 * client's log instead (createConnection does the same when it opens stdio itself).
 */
export function consoleTo(log: { log(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void }): void {
  console.log = (...args: unknown[]) => log.log(format(...args));
  console.debug = (...args: unknown[]) => log.log(format(...args));
  console.info = (...args: unknown[]) => log.info(format(...args));
  console.warn = (...args: unknown[]) => log.warn(format(...args));
  console.error = (...args: unknown[]) => log.error(format(...args));
  console.trace = (...args: unknown[]) => log.log(format(...args));
  console.dir = (value: unknown) => log.log(format(value));
}
