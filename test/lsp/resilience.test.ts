/**
 * Issue 10 over --stdio: a storm of edits, a DNS server that never answers, and an
 * untrusted workspace that must send no DNS query and read no file outside its folders.
 * The server's own counters (`zonelint/stats`) show what it started, dropped and published.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, CompletionList, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_COMMANDS, STATS_REQUEST, type ServerStats } from '../../client/src/protocol';
import { RCODE, startRcodeServer, startSilentServer, type UdpTestServer } from '../helpers/dns-server';
import { TestClient } from './client';

/** A zone as people write them: SOA, NS, MX, hosts, SPF with an include, DMARC, DKIM. */
const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@        IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300',
  '         IN NS  ns1',
  '         IN NS  ns2',
  '         IN MX  10 mail',
  '         IN TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.mail.attacker.test -all"',
  'ns1      IN A   192.0.2.1',
  'ns2      IN A   192.0.2.2',
  'mail     IN A   192.0.2.3',
  'www      IN A   192.0.2.4',
  '_dmarc   IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"',
  'sel._domainkey IN TXT "v=DKIM1; k=rsa; p=" "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDx"',
  '',
].join('\n');
const SPF_LINE = 6;
const SPF_TEXT = ZONE.split('\n')[SPF_LINE];
/** Where the storm types: just after `v=spf1 `. */
const TYPE_AT = SPF_TEXT.indexOf('ip4:');
const INCLUDE_AT = SPF_TEXT.indexOf('include:') + 3;

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => String(d.code));

/** VmRSS of a live process, in bytes (Linux). */
function rssOf(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  assert.ok(m, 'VmRSS in /proc/<pid>/status');
  return Number(m[1]) * 1024;
}

const stats = (client: TestClient): Promise<ServerStats> => client.request<ServerStats>(STATS_REQUEST, {});

/** Resolves with the result and how long it took. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

let dir: string;
let outside: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-resilience-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-outside-'));
  // A record that would conflict if the include were read: its absence shows it was not.
  fs.writeFileSync(path.join(outside, 'secret.zone'), 'www IN CNAME elsewhere.test.\n');
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('a storm of 1,000 incremental changes', () => {
  let client: TestClient;
  let uri: string;
  before(async () => {
    client = await TestClient.start({ folders: [dir] });
    uri = pathToFileURL(path.join(dir, 'storm.example.com.zone')).toString();
    await client.open(uri, ZONE);
  });
  after(() => client.stop());

  test('the server survives, publishes the final version last, drops superseded work and keeps its memory', async () => {
    // Warm up: the complete set for version 1, so the baseline RSS includes a full check.
    await client.poll(async () => ((await stats(client)).published >= 1 ? true : undefined), 'first complete run');
    const before = await stats(client);
    const rssBefore = rssOf(before.pid);

    // Type and delete an `x` before `ip4:` 999 times, then type ` ptr` there: version 1001.
    const at = (character: number) => ({ line: SPF_LINE, character });
    const started = performance.now();
    let version = 1;
    for (let i = 0; i < 999; i++) {
      const change =
        i % 2 === 0
          ? { range: { start: at(TYPE_AT), end: at(TYPE_AT) }, text: 'x' }
          : { range: { start: at(TYPE_AT), end: at(TYPE_AT + 1) }, text: '' };
      void client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
      // About a second in all: a burst of 50 every 50 ms.
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 50));
    }
    // After 999 changes an `x` is left: replace it with `ptr ` (spf-ptr-deprecated).
    const finalVersion = ++version;
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: finalVersion },
      contentChanges: [{ range: { start: at(TYPE_AT), end: at(TYPE_AT + 1) }, text: 'ptr ' }],
    });
    const sentMs = performance.now() - started;
    assert.ok(sentMs < 5000, `the storm took ${Math.round(sentMs)} ms to send`);

    const finalSets = () => client.diagnostics.filter((p) => p.uri === uri && p.version === finalVersion).length;
    const after = await client.poll(
      async () => {
        const s = await stats(client);
        return s.published > before.published && finalSets() >= 2 ? s : undefined;
      },
      'the complete run of the final version',
      10000,
    );
    const settledMs = performance.now() - started;
    assert.equal(after.validations - before.validations, 1000, 'one sync check per change');
    // Superseded work was dropped, not run: a handful of runs at most started for 1,000 versions
    // (one starts only after 400 ms without an edit, which a stalled test process can cause).
    const runs = after.started - before.started;
    assert.ok(after.superseded - before.superseded >= 990, `superseded ${after.superseded - before.superseded}`);
    assert.ok(runs >= 1 && runs <= 20, `started ${runs} DNS-dependent runs`);
    assert.ok(after.published - before.published <= runs);
    assert.ok(settledMs < 12000, `final diagnostics after ${Math.round(settledMs)} ms`);

    // What was pushed: version-tagged, never going back, the last one the final version.
    const mine = client.diagnostics.filter((p) => p.uri === uri);
    const versions = mine.map((p) => p.version ?? -1);
    for (let i = 1; i < versions.length; i++) {
      assert.ok(versions[i] >= versions[i - 1], `version ${versions[i]} published after ${versions[i - 1]}`);
    }
    const last = mine.at(-1) as PublishDiagnosticsParams;
    assert.equal(last.version, finalVersion);
    const ptr = last.diagnostics.find((d) => d.code === 'spf-ptr-deprecated');
    assert.ok(ptr, `final diagnostics: ${codes(last.diagnostics).join(', ')}`);
    assert.deepEqual(ptr.range, { start: at(TYPE_AT), end: at(TYPE_AT + 3) });
    // The complete set of the final version came after the sync set of it, nothing after.
    assert.ok(mine.filter((p) => p.version === finalVersion).length >= 2, 'sync then complete set for the final version');

    const rssAfter = rssOf(after.pid);
    assert.ok(rssAfter < rssBefore + 64 * 1024 * 1024, `RSS ${rssBefore >> 20} MiB → ${rssAfter >> 20} MiB`);
    // Still answering.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
  });
});

describe('a DNS server that never answers (live mode, trusted)', () => {
  let client: TestClient;
  let silent: UdpTestServer;
  let uri: string;
  const timeoutMs = 1000;
  before(async () => {
    silent = await startSilentServer();
    client = await TestClient.start({
      folders: [dir],
      initializationOptions: { trusted: true, settings: { dns: { mode: 'live', servers: [silent.address], timeoutMs } } },
    });
    uri = pathToFileURL(path.join(dir, 'silent.example.com.zone')).toString();
    await client.open(uri, ZONE);
  });
  after(async () => {
    await client.stop();
    await silent.close();
  });

  test('hover, completion and symbols answer promptly while the checks wait; the checks end by the deadline', async () => {
    const opened = performance.now();
    const before = await stats(client);
    // Requests during the wait: the DNS-dependent run starts after the quiet time and waits on the socket.
    await client.waitFor(() => (silent.received() > 0 ? true : undefined), 'a query at the silent server', 5000);
    const still = await stats(client);
    assert.equal(still.published, before.published, 'the checks are still waiting on DNS');
    const doc = { textDocument: { uri } };
    for (let round = 0; round < 5; round++) {
      const hover = await timed(() => client.request<Hover | null>('textDocument/hover', { ...doc, position: { line: 1, character: 6 } }));
      assert.ok(hover.value, 'TTL hover');
      assert.ok(hover.ms < 1000, `hover took ${Math.round(hover.ms)} ms`);
      const completion = await timed(() =>
        client.request<CompletionList>('textDocument/completion', { ...doc, position: { line: 13, character: 0 } }),
      );
      assert.ok(completion.ms < 1000, `completion took ${Math.round(completion.ms)} ms`);
      const symbols = await timed(() => client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc));
      assert.ok(symbols.value.length > 0);
      assert.ok(symbols.ms < 1000, `documentSymbol took ${Math.round(symbols.ms)} ms`);
    }
    // A hover that follows the include through live DNS ends too: by the resolver's deadline.
    const deadline = timeoutMs * 2 + 500;
    const includeHover = await timed(() =>
      client.request<Hover | null>('textDocument/hover', { ...doc, position: { line: SPF_LINE, character: INCLUDE_AT } }),
    );
    assert.ok(includeHover.ms < deadline + 2000, `include hover took ${Math.round(includeHover.ms)} ms`);

    const done = await client.poll(
      async () => {
        const s = await stats(client);
        return s.published > before.published ? s : undefined;
      },
      'the DNS-dependent diagnostics',
      10000,
    );
    assert.ok(done.published > before.published);
    // Quiet time (400 ms) + one lookup's deadline (the include and DMARC ones run side by side) + margin.
    const elapsed = performance.now() - opened;
    assert.ok(elapsed < 400 + deadline * 2 + 3000, `complete diagnostics after ${Math.round(elapsed)} ms`);
    const last = client.diagnostics.filter((p) => p.uri === uri).at(-1)!;
    assert.equal(last.version, 1);
  });

  test('an edit while the checks wait on DNS aborts them: only the new version is published', async () => {
    const waiting = pathToFileURL(path.join(dir, 'waiting.example.com.zone')).toString();
    const before = await stats(client);
    const queriesBefore = silent.received();
    await client.open(waiting, ZONE);
    await client.waitFor(() => (silent.received() > queriesBefore ? true : undefined), 'the run of version 1 waiting on DNS', 5000);
    const from = client.diagnostics.length;
    await client.notify('textDocument/didChange', {
      textDocument: { uri: waiting, version: 2 },
      contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 3 } }, text: 'web' }],
    });
    const done = await client.poll(
      async () => {
        const s = await stats(client);
        return s.published > before.published ? s : undefined;
      },
      'the complete run of version 2',
      10000,
    );
    assert.equal(done.superseded - before.superseded, 1, 'the waiting run of version 1 was aborted');
    assert.equal(done.started - before.started, 2);
    assert.equal(done.published - before.published, 1);
    const pushed = client.diagnostics.slice(from).filter((p) => p.uri === waiting);
    assert.deepEqual([...new Set(pushed.map((p) => p.version))], [2], 'nothing for version 1 after the edit');
  });
});

describe('untrusted workspace: no DNS, no $INCLUDE outside the folders', () => {
  const outsideInclude = () => `$INCLUDE ${path.join(outside, 'secret.zone')}\n`;
  const INCLUDE_LINE = 13;

  /** Opens the zone with an outside $INCLUDE, lets every DNS-using feature run, and reports what it saw. */
  async function run(trusted: boolean): Promise<{ queries: number; last: PublishDiagnosticsParams }> {
    const counter = await startRcodeServer(RCODE.NXDOMAIN);
    const client = await TestClient.start({
      folders: [dir],
      initializationOptions: { trusted, settings: { dns: { mode: 'live', servers: [counter.address], timeoutMs: 300 } } },
    });
    try {
      const uri = pathToFileURL(path.join(dir, `${trusted ? 'trusted' : 'untrusted'}.example.com.zone`)).toString();
      const before = await stats(client);
      await client.open(uri, ZONE + outsideInclude());
      await client.poll(async () => ((await stats(client)).published > before.published ? true : undefined), 'complete diagnostics');
      const doc = { textDocument: { uri } };
      await client.request('textDocument/hover', { ...doc, position: { line: SPF_LINE, character: INCLUDE_AT } });
      for (const lens of await client.request<CodeLens[]>('textDocument/codeLens', doc)) await client.request('codeLens/resolve', lens);
      await client.request('workspace/executeCommand', {
        command: SERVER_COMMANDS.checkIp,
        arguments: [{ ip: '198.51.100.7', sender: 'someone@victim.attacker.test' }],
      });
      const last = client.diagnostics.filter((p) => p.uri === uri).at(-1)!;
      return { queries: counter.received(), last };
    } finally {
      await client.stop();
      await counter.close();
    }
  }

  test('untrusted: zero datagrams reach the configured server, the outside $INCLUDE is refused where it is written', async () => {
    const { queries, last } = await run(false);
    assert.equal(queries, 0);
    const refused = last.diagnostics.filter((d) => d.code === 'zone-include-not-found');
    assert.equal(refused.length, 1, codes(last.diagnostics).join(', '));
    const file = path.join(outside, 'secret.zone');
    assert.deepEqual(refused[0].range, {
      start: { line: INCLUDE_LINE, character: '$INCLUDE '.length },
      end: { line: INCLUDE_LINE, character: '$INCLUDE '.length + file.length },
    });
    assert.equal(codes(last.diagnostics).includes('zone-cname-and-other-data'), false, 'the outside file was not read');
  });

  test('trusted (positive control): the same zone queries the server and reads the include', async () => {
    const { queries, last } = await run(true);
    assert.ok(queries > 0, 'live DNS was used');
    assert.equal(codes(last.diagnostics).includes('zone-include-not-found'), false);
    assert.ok(codes(last.diagnostics).includes('zone-cname-and-other-data'), codes(last.diagnostics).join(', '));
  });
});
