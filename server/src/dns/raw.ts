/**
 * One DNS query sent as octets, for the names c-ares will not send: it refuses any label
 * holding a character other than letters, digits, `-`, `_`, `*` and `/` (EBADNAME), while
 * DNS labels may hold any octet (RFC 2181 §11) and SPF macros put senders' local parts
 * into query names (RFC 7208 §7.3: `exists:%{l}._spf.example.com` with `bounce+x=y`).
 *
 * UDP first (with an EDNS0 payload size of 1232, RFC 6891 §6.2.5), TCP when the answer is
 * truncated (RFC 7766 §5); each server in turn, `tries` times, `timeoutMs` each. The answer
 * is read by dns-packet; the question is written here, from the name's decoded labels, so
 * that an escaped dot or a raw octet stays the label it is.
 */
import { createSocket } from 'node:dgram';
import { connect, isIPv6 } from 'node:net';
import { randomInt } from 'node:crypto';
import * as dnsPacket from 'dns-packet';
import { TYPE_CODES } from './names';
import type { RRType } from './resolver';

/** A record of the answer section, as dns-packet reads it (`data` by type: a string, Buffers, an MX object). */
export interface RawRecord {
  readonly type: string;
  readonly class: string;
  readonly ttl: number | undefined;
  readonly data: unknown;
}

export type RawAnswer =
  | { readonly kind: 'answer'; readonly rcode: string; readonly answers: readonly RawRecord[] }
  | { readonly kind: 'timeout' };

const PAYLOAD = 1232;

/** RFC 1035 §4.1.1 (the extended RCODE of an OPT record is not read: no query here asks for one). */
const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

/** The query message: header (RD set), one question of class IN, an OPT record. */
export function queryMessage(id: number, labels: readonly string[], type: RRType): Buffer {
  const nameLength = labels.reduce((n, l) => n + l.length + 1, 1);
  const out = Buffer.alloc(12 + nameLength + 4 + 11);
  out.writeUInt16BE(id, 0);
  out.writeUInt16BE(0x0100, 2); // RD
  out.writeUInt16BE(1, 4); // QDCOUNT
  out.writeUInt16BE(1, 10); // ARCOUNT (OPT)
  let at = 12;
  for (const label of labels) {
    out[at++] = label.length;
    at += out.write(label, at, 'latin1');
  }
  out[at++] = 0;
  out.writeUInt16BE(TYPE_CODES[type], at);
  out.writeUInt16BE(1, at + 2);
  at += 4;
  // OPT: root owner, type 41, class = UDP payload size, TTL 0, no options.
  out[at] = 0;
  out.writeUInt16BE(41, at + 1);
  out.writeUInt16BE(PAYLOAD, at + 3);
  return out;
}

/** `host`, `host:port`, `[v6]:port` or a bare IPv6 address, as node:dns lists servers. */
export function serverAddress(server: string): { host: string; port: number } {
  if (isIPv6(server)) return { host: server, port: 53 };
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] ? Number(bracketed[2]) : 53 };
  const colon = server.lastIndexOf(':');
  return colon > 0 ? { host: server.slice(0, colon), port: Number(server.slice(colon + 1)) } : { host: server, port: 53 };
}

/** Whether `reply` answers `query` (same id, same question): anything else is ignored, as resolvers do. */
function answers(reply: Buffer, query: Buffer): boolean {
  if (reply.length < 12 || reply.readUInt16BE(0) !== query.readUInt16BE(0)) return false;
  // The question section follows the header in both; the query's ends before its OPT record.
  const questionEnd = query.length - 11;
  return reply.length >= questionEnd && reply.subarray(12, questionEnd).equals(query.subarray(12, questionEnd));
}

function decoded(reply: Buffer): RawAnswer | undefined {
  try {
    const message = dnsPacket.decode(reply);
    const records: RawRecord[] = [];
    for (const a of message.answers ?? []) {
      if (a.type === 'OPT') continue;
      records.push({ type: a.type, class: a.class ?? 'IN', ttl: a.ttl, data: a.data });
    }
    const rcode = reply.readUInt16BE(2) & 0x0f;
    return { kind: 'answer', rcode: RCODES[rcode] ?? `RCODE${rcode}`, answers: records };
  } catch {
    return undefined;
  }
}

function overUdp(server: { host: string; port: number }, query: Buffer, timeoutMs: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket(isIPv6(server.host) ? 'udp6' : 'udp4');
    let settled = false;
    const done = (reply: Buffer | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    socket.on('error', () => done(undefined));
    socket.on('message', (reply) => {
      if (answers(reply, query)) done(reply);
    });
    try {
      socket.send(query, server.port, server.host);
    } catch {
      done(undefined);
    }
  });
}

function overTcp(server: { host: string; port: number }, query: Buffer, timeoutMs: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const socket = connect(server.port, server.host);
    let received = Buffer.alloc(0);
    const done = (reply: Buffer | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(reply);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    socket.on('error', () => done(undefined));
    socket.on('connect', () => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(query.length);
      socket.write(Buffer.concat([length, query]));
    });
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
        const reply = received.subarray(2, 2 + received.readUInt16BE(0));
        done(answers(reply, query) ? reply : undefined);
      }
    });
    socket.on('end', () => done(undefined));
  });
}

/**
 * Asks `servers` for `type` records of the name whose decoded labels are `labels`. The
 * first server that answers decides; a reply that cannot be read counts as no answer.
 */
export async function rawQuery(
  servers: readonly string[],
  labels: readonly string[],
  type: RRType,
  timeoutMs: number,
  tries: number,
): Promise<RawAnswer> {
  for (let attempt = 0; attempt < tries; attempt++) {
    for (const server of servers) {
      const address = serverAddress(server);
      const query = queryMessage(randomInt(0, 0x10000), labels, type);
      let reply = await overUdp(address, query, timeoutMs);
      // TC: the answer did not fit; the same question again over TCP.
      if (reply !== undefined && (reply.readUInt16BE(2) & 0x0200) !== 0) reply = await overTcp(address, query, timeoutMs);
      const answer = reply === undefined ? undefined : decoded(reply);
      if (answer !== undefined) return answer;
    }
  }
  return { kind: 'timeout' };
}
