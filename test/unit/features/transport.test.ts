/**
 * The stdio transport writes the bytes JSON.stringify would, diagnostics kept or not, as
 * the message was when sent.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { consoleTo, jsonEncoder, messageBytes, stdioWriter } from '../../../server/src/transport';

const position = fc.record({ line: fc.nat(), character: fc.nat() });
const diagnostic = fc.record(
  {
    range: fc.record({ start: position, end: position }),
    severity: fc.integer({ min: 1, max: 4 }),
    source: fc.constant('zonelint'),
    code: fc.string(),
    codeDescription: fc.record({ href: fc.webUrl() }),
    // Any text: quotes, backslashes, control characters, Japanese, lone surrogates.
    message: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant('送信元 "x" \\ \u0000 \ud800')),
    data: fc.option(fc.jsonValue(), { nil: undefined }),
    tags: fc.option(fc.array(fc.integer({ min: 1, max: 2 })), { nil: undefined }),
  },
  { requiredKeys: ['range', 'message'] },
);

/** The bytes written, as text, against JSON.stringify's (a mismatch shows as a text diff). */
function same(message: unknown, expected: unknown): void {
  const bytes = messageBytes(message as Message);
  assert.equal(bytes.toString('utf8'), JSON.stringify(expected));
  assert.deepEqual(bytes, Buffer.from(JSON.stringify(expected), 'utf8'));
}

function publish(uri: string, version: number | undefined, diagnostics: unknown[]): Message {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } } as Message;
}

describe('stdio message encoding', () => {
  it('pushed diagnostics: the same text as JSON.stringify, first time and kept', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.option(fc.nat(), { nil: undefined }), fc.array(diagnostic, { maxLength: 80 }), (uri, version, list) => {
        const message = publish(uri, version, list);
        same(message, message);
        // Again with the same objects (their JSON kept), in another order and with a new one.
        const again = publish(uri, (version ?? 0) + 1, [...list].reverse().concat([{ ...list[0], message: 'moved' }]));
        same(again, again);
      }),
      { numRuns: 200 },
    );
  });

  it('data changed in place between messages (a quick fix\'s offsets move with edits) is written as it is now', () => {
    const list = Array.from({ length: 40 }, (_, i) => ({
      range: { start: { line: i, character: 0 }, end: { line: i, character: 4 } },
      message: `m${i}`,
      data: i % 3 === 0 ? { offset: i * 10, text: ' ~all', nested: [{ insertOffset: i }] } : undefined,
      tags: [1],
    }));
    same(publish('file:///z.db', 1, list), publish('file:///z.db', 1, list));
    for (const d of list) if (d.data) {
      d.data.offset += 1234;
      d.data.nested[0].insertOffset -= 1;
    }
    const message = publish('file:///z.db', 2, list);
    same(message, message);
    assert.match(messageBytes(message).toString(), /"offset":1234,/);
    // Data that is not JSON: the message is stringified whole, as JSON.stringify does.
    const odd = publish('file:///z.db', 3, [...list, { range: 1, message: 'f', data: () => 1 }]);
    same(odd, odd);
  });

  it('writes each message as it was when sent: data moved in place afterwards, while earlier messages go out, is not in it', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = stdioWriter(out);
    const list = Array.from({ length: 40 }, (_, i) => ({
      range: { start: { line: i, character: 0 }, end: { line: i, character: 3 } },
      message: `m${i}`,
      data: { typeSpan: { offset: 1000 + i, length: 3 } },
    }));
    const first = publish('file:///z.db', 1, list);
    const firstJson = JSON.stringify(first);
    // Sent one after the other: the second waits for the first to be written.
    const written = [writer.write(first), writer.write(publish('file:///z.db', 2, list.slice(0, 1)))];
    const secondJson = JSON.stringify(publish('file:///z.db', 2, list.slice(0, 1)));
    // The next edit moves the data in place (incremental/zone.ts) before either is written.
    for (const d of list) d.data.typeSpan.offset += 1;
    await Promise.all(written);
    const text = Buffer.concat(chunks).toString('utf8');
    const bodies = text.split(/Content-Length: \d+\r\n\r\n/).filter((b) => b.length > 0);
    assert.deepEqual(bodies, [firstJson, secondJson]);
    // And a message sent now has the moved data.
    await writer.write(publish('file:///z.db', 3, list));
    assert.match(Buffer.concat(chunks).toString('utf8'), /"offset":1001,/);
    writer.dispose();
  });

  it('a pulled report (a response with items): the same text as JSON.stringify', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.string()), fc.array(diagnostic, { minLength: 32, maxLength: 64 }), (id, items) => {
        const response = { jsonrpc: '2.0', id, result: { kind: 'full', resultId: 'r1', items } } as Message;
        same(response, response);
      }),
      { numRuns: 100 },
    );
  });

  it('a result with items that is not a diagnostic report (a completion list) is written as it is now', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ label: `l${i}` as string, detail: undefined as string | undefined }));
    const response = { jsonrpc: '2.0', id: 7, result: { isIncomplete: false, items } } as Message;
    same(response, response);
    items[3].detail = 'resolved later';
    items[4].label = 'changed';
    same(response, response);
  });

  it('other messages, and lists with holes or plain values in them, as JSON.stringify', () => {
    const list: unknown[] = Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? null : i % 5 === 0 ? `s${i}` : { range: i }));
    const messages = [
      publish('file:///z.db', 1, list),
      { jsonrpc: '2.0', id: 1, result: null },
      { jsonrpc: '2.0', id: 2, result: { items: 'not a list' } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'x' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///z.db', diagnostics: 'no' } },
    ];
    for (const m of messages) same(m as Message, m);
  });

  it('encodes to UTF-8 bytes with the charset asked for', async () => {
    const list = Array.from({ length: 40 }, (_, i) => ({ range: i, message: `レコード ${i}` }));
    const message = publish('file:///ゾーン.db', 3, list);
    const bytes = await jsonEncoder.encode(message, { charset: 'utf-8' });
    assert.deepEqual(Buffer.from(bytes), Buffer.from(JSON.stringify(message), 'utf8'));
  });

  it('console output goes to the log given, not to standard output', () => {
    const saved = { ...console };
    const seen: string[] = [];
    try {
      const record = (kind: string) => (m: string) => void seen.push(`${kind}: ${m}`);
      consoleTo({ log: record('log'), info: record('info'), warn: record('warn'), error: record('error') });
      console.log('a %d', 1);
      console.warn({ b: 2 });
      console.error('c');
    } finally {
      Object.assign(console, saved);
    }
    assert.deepEqual(seen, ['log: a 1', 'warn: { b: 2 }', 'error: c']);
  });
});
