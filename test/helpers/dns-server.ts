/**
 * Real DNS servers for tests, all on 127.0.0.1 and never anything else:
 * - `startAuthoritativeServer`: Debian's knotd (or nsd) serving zone files the test
 *   writes into a temp dir, started unprivileged in its own process group;
 * - `startSilentServer`: a UDP socket that reads queries and never answers;
 * - `startRcodeServer`: answers every query with a fixed RCODE (SERVFAIL, REFUSED …).
 *
 * Readiness is polled (query until the server answers), never a fixed sleep.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { Resolver } from 'node:dns';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ServerKind = 'knot' | 'nsd';

export interface ZoneFile {
  /** The zone's apex, absolute or not: `example.test`. */
  readonly origin: string;
  /** The master-file text; must hold an SOA and an NS at the apex. */
  readonly text: string;
}

export interface RunningServer {
  readonly kind: ServerKind;
  /** `127.0.0.1:PORT`, ready for `Resolver.setServers`. */
  readonly address: string;
  readonly port: number;
  /** Stops the server (its whole process group) and removes the temp dir. */
  stop(): Promise<void>;
}

const BINARIES: Record<ServerKind, string> = { knot: 'knotd', nsd: 'nsd' };

/** Absolute path of the server binary, or a thrown Error telling how to install it. */
export function serverBinary(kind: ServerKind): string {
  const name = BINARIES[kind];
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // Not in this directory.
    }
  }
  const pkg = kind === 'knot' ? 'knot' : 'nsd';
  throw new Error(
    `${name} not found: the live DNS tests need a real authoritative server. Install it with \`apt-get install -y ${pkg}\` (CI installs knot and nsd).`,
  );
}

/** A port free for both UDP and TCP on 127.0.0.1 at the time of asking. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const udp = createSocket('udp4');
    const port = await new Promise<number>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, '127.0.0.1', () => resolve(udp.address().port));
    });
    const tcpFree = await new Promise<boolean>((resolve) => {
      const tcp = createServer();
      tcp.once('error', () => resolve(false));
      tcp.listen(port, '127.0.0.1', () => tcp.close(() => resolve(true)));
    });
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (tcpFree && port >= 1024) return port;
  }
  throw new Error('no free port on 127.0.0.1');
}

function absolute(origin: string): string {
  return origin.endsWith('.') ? origin : origin + '.';
}

function fileName(origin: string): string {
  return absolute(origin).slice(0, -1) + '.zone';
}

function knotConfig(dir: string, port: number, zones: readonly ZoneFile[]): string {
  const lines = [
    'server:',
    `    rundir: "${dir}"`,
    `    listen: 127.0.0.1@${port}`,
    'log:',
    '  - target: stderr',
    '    any: warning',
    'database:',
    `    storage: "${dir}"`,
    'template:',
    '  - id: default',
    `    storage: "${dir}"`,
    '    semantic-checks: off',
    '    zonefile-sync: -1',
    '    journal-content: none',
    'zone:',
  ];
  for (const z of zones) lines.push(`  - domain: "${absolute(z.origin)}"`, `    file: "${fileName(z.origin)}"`);
  return lines.join('\n') + '\n';
}

function nsdConfig(dir: string, port: number, zones: readonly ZoneFile[]): string {
  const lines = [
    'server:',
    `    ip-address: 127.0.0.1@${port}`,
    '    username: ""',
    '    chroot: ""',
    `    zonesdir: "${dir}"`,
    `    pidfile: "${join(dir, 'nsd.pid')}"`,
    `    xfrdfile: "${join(dir, 'xfrd.state')}"`,
    `    zonelistfile: "${join(dir, 'zone.list')}"`,
    '    server-count: 1',
    '    verbosity: 0',
    'remote-control:',
    '    control-enable: no',
  ];
  for (const z of zones) lines.push('zone:', `    name: "${absolute(z.origin)}"`, `    zonefile: "${fileName(z.origin)}"`);
  return lines.join('\n') + '\n';
}

function launch(kind: ServerKind, dir: string, port: number, zones: readonly ZoneFile[]): ChildProcess {
  const conf = join(dir, `${kind}.conf`);
  writeFileSync(conf, kind === 'knot' ? knotConfig(dir, port, zones) : nsdConfig(dir, port, zones));
  const args = kind === 'knot' ? ['-c', conf] : ['-d', '-c', conf];
  // Its own process group, so stop() can kill the server and any worker it forks.
  return spawn(serverBinary(kind), args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Queries the SOA of `origin` until it answers or `deadline` passes. */
async function answersSoa(address: string, origin: string, deadline: number, exited: () => boolean): Promise<boolean> {
  const resolver = new Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([address]);
  while (Date.now() < deadline && !exited()) {
    const ok = await new Promise<boolean>((resolve) =>
      resolver.resolveSoa(absolute(origin).slice(0, -1), (err) => resolve(!err)),
    );
    if (ok) return true;
    // Not a fixed wait for readiness: only a pause between polls.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `kind` (default knot) on a free high port of 127.0.0.1 serving `zones`,
 * and resolves once every zone's SOA answers. Throws with the server's stderr if it
 * does not come up within `readyMs`.
 */
export async function startAuthoritativeServer(
  zones: readonly ZoneFile[],
  options: { kind?: ServerKind; readyMs?: number } = {},
): Promise<RunningServer> {
  const kind = options.kind ?? 'knot';
  serverBinary(kind);
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), `zonelint-${kind}-`));
    for (const z of zones) writeFileSync(join(dir, fileName(z.origin)), z.text);
    const port = await freePort();
    const address = `127.0.0.1:${port}`;
    const child = launch(kind, dir, port, zones);
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 20000) stderr += chunk;
    });
    let exited = false;
    child.once('exit', () => (exited = true));
    const deadline = Date.now() + (options.readyMs ?? 10000);
    let ready = true;
    for (const z of zones) {
      if (!(await answersSoa(address, z.origin, deadline, () => exited))) {
        ready = false;
        break;
      }
    }
    if (ready) {
      return {
        kind,
        address,
        port,
        async stop() {
          await stopChild(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    lastError = stderr.trim() || `${kind} did not answer on ${address}`;
    // A port taken between freePort() and bind: try another one.
    if (!/address already in use|bind/i.test(lastError)) break;
  }
  throw new Error(`${kind} failed to start: ${lastError}`);
}

export interface UdpTestServer {
  readonly address: string;
  readonly port: number;
  /** How many datagrams it has received. */
  readonly received: () => number;
  close(): Promise<void>;
}

async function bindUdp(onMessage: (socket: Socket, msg: Buffer, port: number, host: string) => void): Promise<UdpTestServer> {
  const socket = createSocket('udp4');
  let count = 0;
  socket.on('message', (msg, rinfo) => {
    count++;
    onMessage(socket, msg, rinfo.port, rinfo.address);
  });
  const port = await new Promise<number>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve(socket.address().port));
  });
  return {
    address: `127.0.0.1:${port}`,
    port,
    received: () => count,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** A UDP socket on 127.0.0.1 that reads every query and never answers. */
export function startSilentServer(): Promise<UdpTestServer> {
  return bindUdp(() => undefined);
}

export const RCODE = { FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

/**
 * Answers every UDP query with `rcode` and no records: the query's header and
 * question echoed back with QR set (RFC 1035 §4.1.1). With `truncated`, the TC bit is
 * set too, and nothing listens on TCP: the retry over TCP the client must make fails.
 */
export function startRcodeServer(rcode: number, options: { truncated?: boolean } = {}): Promise<UdpTestServer> {
  return bindUdp((socket, msg, port, host) => {
    if (msg.length < 12) return;
    const reply = Buffer.from(msg);
    // Keep the question (QDCOUNT), drop answer/authority/additional: cut the OPT record too.
    reply[2] = 0x80 | (msg[2] & 0x79) | (options.truncated ? 0x02 : 0); // QR, opcode, RD; TC on request
    reply[3] = 0x80 | (rcode & 0x0f); // RA
    reply.writeUInt16BE(0, 6);
    reply.writeUInt16BE(0, 8);
    reply.writeUInt16BE(0, 10);
    socket.send(reply.subarray(0, questionEnd(msg)), port, host);
  });
}

/** Offset just past the first question of a DNS message. */
function questionEnd(msg: Buffer): number {
  let i = 12;
  while (i < msg.length && msg[i] !== 0) i += msg[i] + 1;
  return Math.min(msg.length, i + 1 + 4);
}

/**
 * A UDP relay on 127.0.0.1 that forwards each query to `upstream` (`127.0.0.1:PORT`)
 * and holds the answer back `delayMs`: a real server with a network's round-trip
 * time, so parallel and sequential resolution can be told apart in benchmarks.
 */
export async function startDelayProxy(upstream: string, delayMs: number): Promise<UdpTestServer> {
  const [host, portText] = upstream.split(':');
  const upstreamPort = Number(portText);
  const relays = new Set<Socket>();
  const server = await bindUdp((socket, msg, port, clientHost) => {
    const relay = createSocket('udp4');
    relays.add(relay);
    const done = () => {
      relays.delete(relay);
      relay.close();
    };
    const giveUp = setTimeout(done, 10000);
    relay.once('message', (reply) => {
      clearTimeout(giveUp);
      done();
      setTimeout(() => socket.send(reply, port, clientHost), delayMs);
    });
    relay.send(msg, upstreamPort, host);
  });
  return {
    ...server,
    async close() {
      for (const relay of relays) relay.close();
      relays.clear();
      await server.close();
    },
  };
}
