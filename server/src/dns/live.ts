/**
 * Live DNS through node:dns (c-ares). Queries go to the configured servers (or the
 * system's), run in parallel up to `concurrency`, share one query per name and type
 * while it is in flight, and are cached for their TTL where node exposes it (A, AAAA)
 * and for a bounded default otherwise. NXDOMAIN (ENOTFOUND) and NODATA (ENODATA) stay
 * apart: both are void lookups for RFC 7208 §4.6.4, but only the first means the name
 * is gone. SERVFAIL, REFUSED and timeouts are `{ kind: 'error' }` (temperror).
 *
 * Every lookup ends by `deadlineMs` whatever the server does: c-ares backs off between
 * tries, so its own timeout can run far past `timeoutMs × tries`. Each query holds one
 * c-ares channel of a pool, so abandoning it cancels that query alone.
 */
import { Resolver as CaresResolver, type RecordWithTtl } from 'node:dns';
import { ErrorReason, type LookupResult, type RecordData, type Resolver, type RRType } from './resolver';
import { normalizeAddress, octetsToText, queryKey, resultName } from './names';
import { rawQuery } from './raw';
import { decodeName } from '../zone/names';

export interface LiveResolverOptions {
  /** `host`, `host:port` or `[v6]:port`; empty or absent: the system's resolvers. */
  readonly servers?: readonly string[];
  /** Time each server gets for one try (c-ares `timeout`). Default 2000. */
  readonly timeoutMs?: number;
  /** Tries per server (c-ares `tries`). Default 2. */
  readonly tries?: number;
  /** Hard bound on one lookup, queueing included. Default `timeoutMs × tries + 500`. */
  readonly deadlineMs?: number;
  /** Queries on the wire at once; 1 makes the resolver sequential (for benchmarks). Default 16. */
  readonly concurrency?: number;
  /** Cached answers kept (least recently used dropped first). Default 2000; 0 disables the cache. */
  readonly maxCacheEntries?: number;
  /** Cache lifetime of answers whose TTL node does not expose (TXT, MX, …). Default 300 s. */
  readonly defaultTtlSec?: number;
  /** Cache lifetime of NXDOMAIN and NODATA answers. Default 60 s. */
  readonly negativeTtlSec?: number;
  /** Upper bound on any cache lifetime. Default 3600 s. */
  readonly maxTtlSec?: number;
}

export interface LiveResolverStats {
  /** Queries sent (each may be several packets: tries, servers). */
  readonly queries: number;
  readonly cacheHits: number;
  /** Lookups that joined a query already in flight. */
  readonly joined: number;
  /** The most queries ever on the wire at once. */
  readonly peakInFlight: number;
}

type Result = LookupResult<RecordData[RRType]>;

interface Channel {
  readonly resolver: CaresResolver;
  busy: boolean;
}

interface Job {
  readonly cacheKey: string;
  readonly name: string;
  readonly type: RRType;
  readonly promise: Promise<Result>;
  settle(result: Result): void;
  settled: boolean;
  waiters: number;
  channel?: Channel;
  timer?: NodeJS.Timeout;
}

const ERROR_REASONS: Record<string, string> = {
  ETIMEOUT: ErrorReason.timeout,
  ESERVFAIL: ErrorReason.servfail,
  EREFUSED: ErrorReason.refused,
  ECANCELLED: ErrorReason.aborted,
  EBADNAME: ErrorReason.badName,
};

export class LiveResolver implements Resolver {
  private readonly timeoutMs: number;
  private readonly tries: number;
  private readonly deadlineMs: number;
  private readonly concurrency: number;
  private readonly maxCacheEntries: number;
  private readonly defaultTtlSec: number;
  private readonly negativeTtlSec: number;
  private readonly maxTtlSec: number;
  private readonly servers: readonly string[];
  /** Set when the servers setting is unusable: every lookup reports it. */
  private readonly configError?: string;

  private readonly channels: Channel[] = [];
  private readonly queue: Job[] = [];
  private readonly inFlight = new Map<string, Job>();
  private readonly cache = new Map<string, { result: Result; expires: number }>();
  private running = 0;
  private counters = { queries: 0, cacheHits: 0, joined: 0, peakInFlight: 0 };

  constructor(options: LiveResolverOptions = {}) {
    this.timeoutMs = Math.max(1, options.timeoutMs ?? 2000);
    this.tries = Math.max(1, options.tries ?? 2);
    this.deadlineMs = Math.max(1, options.deadlineMs ?? this.timeoutMs * this.tries + 500);
    this.concurrency = Math.max(1, options.concurrency ?? 16);
    this.maxCacheEntries = Math.max(0, options.maxCacheEntries ?? 2000);
    this.defaultTtlSec = options.defaultTtlSec ?? 300;
    this.negativeTtlSec = options.negativeTtlSec ?? 60;
    this.maxTtlSec = options.maxTtlSec ?? 3600;
    this.servers = options.servers?.filter((s) => s.trim() !== '') ?? [];
    try {
      this.newChannel();
    } catch (e) {
      this.configError = `${ErrorReason.badServers}: ${(e as Error).message}`;
    }
  }

  get stats(): LiveResolverStats {
    return { ...this.counters };
  }

  /** Forgets every cached answer. */
  clearCache(): void {
    this.cache.clear();
  }

  lookup<K extends RRType>(name: string, type: K, signal?: AbortSignal): Promise<LookupResult<RecordData[K]>> {
    return this.lookupAny(name, type, signal) as Promise<LookupResult<RecordData[K]>>;
  }

  private lookupAny(name: string, type: RRType, signal?: AbortSignal): Promise<Result> {
    if (this.configError) return Promise.resolve(error(this.configError));
    if (type === 'SPF') return Promise.resolve(error(ErrorReason.unsupportedType));
    const key = queryKey(name);
    if (key === undefined) return Promise.resolve(error(ErrorReason.badName));
    if (signal?.aborted) return Promise.resolve(error(ErrorReason.aborted));
    const cacheKey = `${type} ${key}`;
    const cached = this.cacheGet(cacheKey);
    if (cached) {
      this.counters.cacheHits++;
      return Promise.resolve(cached);
    }
    let job = this.inFlight.get(cacheKey);
    if (job) this.counters.joined++;
    else job = this.enqueue(cacheKey, resultName(key), type);
    job.waiters++;
    if (!signal) return job.promise;
    const joined = job;
    return new Promise<Result>((resolve) => {
      const onAbort = () => {
        resolve(error(ErrorReason.aborted));
        if (--joined.waiters === 0) this.finish(joined, error(ErrorReason.aborted));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      joined.promise.then((result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      });
    });
  }

  private enqueue(cacheKey: string, name: string, type: RRType): Job {
    let settle!: (r: Result) => void;
    const promise = new Promise<Result>((resolve) => (settle = resolve));
    const job: Job = { cacheKey, name, type, promise, settle, settled: false, waiters: 0 };
    job.timer = setTimeout(() => this.finish(job, error(ErrorReason.timeout)), this.deadlineMs);
    this.inFlight.set(cacheKey, job);
    this.queue.push(job);
    this.pump();
    return job;
  }

  private pump(): void {
    while (this.queue.length > 0 && this.running < this.concurrency) {
      const job = this.queue.shift()!;
      const channel = this.channels.find((c) => !c.busy) ?? this.newChannel();
      channel.busy = true;
      job.channel = channel;
      this.running++;
      this.counters.queries++;
      this.counters.peakInFlight = Math.max(this.counters.peakInFlight, this.running);
      query(channel.resolver, job.name, job.type, { timeoutMs: this.timeoutMs, tries: this.tries }, (result) => {
        // The channel is free once c-ares is done with it, even after a cancel.
        channel.busy = false;
        this.running--;
        this.finish(job, result);
        this.pump();
      });
    }
  }

  /** Settles a job once: caches its answer, or cancels its query if it is abandoned. */
  private finish(job: Job, result: Result): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.timer);
    if (this.inFlight.get(job.cacheKey) === job) this.inFlight.delete(job.cacheKey);
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    else if (result.kind === 'error' && job.channel?.busy) job.channel.resolver.cancel();
    this.cachePut(job.cacheKey, result);
    job.settle(result);
  }

  private newChannel(): Channel {
    const resolver = new CaresResolver({ timeout: this.timeoutMs, tries: this.tries });
    if (this.servers.length > 0) resolver.setServers([...this.servers]);
    const channel = { resolver, busy: false };
    this.channels.push(channel);
    return channel;
  }

  private cacheGet(cacheKey: string): Result | undefined {
    const entry = this.cache.get(cacheKey);
    if (!entry) return undefined;
    this.cache.delete(cacheKey);
    if (entry.expires <= Date.now()) return undefined;
    this.cache.set(cacheKey, entry); // most recently used last
    return entry.result;
  }

  private cachePut(cacheKey: string, result: Result): void {
    if (this.maxCacheEntries === 0 || result.kind === 'error') return;
    const ttl =
      result.kind === 'ok' ? Math.min(result.ttl ?? this.defaultTtlSec, this.maxTtlSec) : Math.min(this.negativeTtlSec, this.maxTtlSec);
    if (ttl <= 0) return;
    this.cache.delete(cacheKey);
    this.cache.set(cacheKey, { result, expires: Date.now() + ttl * 1000 });
    while (this.cache.size > this.maxCacheEntries) this.cache.delete(this.cache.keys().next().value!);
  }
}

function error(reason: string): Result {
  return { kind: 'error', reason, source: 'live' };
}

function failure(err: NodeJS.ErrnoException): Result {
  if (err.code === 'ENOTFOUND') return { kind: 'nxdomain', source: 'live' };
  if (err.code === 'ENODATA') return { kind: 'nodata', source: 'live' };
  return error(ERROR_REASONS[err.code ?? ''] ?? (err.code ?? 'error').toLowerCase());
}

function ok(records: readonly RecordData[RRType][], ttl?: number): Result {
  return ttl === undefined ? { kind: 'ok', records, source: 'live' } : { kind: 'ok', records, ttl, source: 'live' };
}

/**
 * Sends one query of `type` and maps node's answer to a LookupResult. A name c-ares refuses
 * to send (EBADNAME: a label with `+`, `@`, `=` or any octet but letters, digits, `-`, `_`)
 * is sent as octets instead (raw.ts), to the same servers.
 */
function query(resolver: CaresResolver, name: string, type: RRType, limits: { timeoutMs: number; tries: number }, done: (r: Result) => void): void {
  const answered = (r: Result) => {
    if (r.kind !== 'error' || r.reason !== ErrorReason.badName) return done(r);
    // A socket that cannot be made or written to is an answer not had: a timeout, never a throw.
    rawLookup(resolver.getServers(), name, type, limits).then(done, () => done(error(ErrorReason.timeout)));
  };
  caresQuery(resolver, name, type, answered);
}

async function rawLookup(servers: readonly string[], name: string, type: RRType, limits: { timeoutMs: number; tries: number }): Promise<Result> {
  const decoded = decodeName(name);
  if (!decoded.ok || servers.length === 0) return error(ErrorReason.badName);
  const reply = await rawQuery(servers, decoded.labels, type, limits.timeoutMs, limits.tries);
  if (reply.kind === 'timeout') return error(ErrorReason.timeout);
  if (reply.rcode === 'NXDOMAIN') return { kind: 'nxdomain', source: 'live' };
  if (reply.rcode !== 'NOERROR') return error(RCODE_REASONS[reply.rcode] ?? reply.rcode.toLowerCase());
  const found = reply.answers.filter((a) => a.type === type && a.class === 'IN');
  if (found.length === 0) return { kind: 'nodata', source: 'live' };
  switch (type) {
    case 'A':
    case 'AAAA': {
      const ttl = found.reduce((min, a) => Math.min(min, a.ttl ?? Infinity), Infinity);
      return ok(found.map((a) => normalizeAddress(String(a.data))), Number.isFinite(ttl) ? ttl : undefined);
    }
    case 'TXT':
      return ok(found.map((a) => chunksOf(a.data).map((b) => octetsToText(b.toString('latin1')))));
    case 'MX':
      return ok(
        found.map((a) => {
          const mx = a.data as { preference: number; exchange: string };
          return { preference: mx.preference, exchange: resultName(mx.exchange) };
        }),
      );
    default:
      return ok(found.map((a) => resultName(String(a.data))));
  }
}

/** A TXT record's character-strings as dns-packet gives them (one Buffer, or a list). */
function chunksOf(data: unknown): Buffer[] {
  const list = Array.isArray(data) ? data : [data];
  return list.map((d) => (Buffer.isBuffer(d) ? d : Buffer.from(String(d), 'latin1')));
}

const RCODE_REASONS: Record<string, string> = {
  SERVFAIL: ErrorReason.servfail,
  REFUSED: ErrorReason.refused,
};

function caresQuery(resolver: CaresResolver, name: string, type: RRType, done: (r: Result) => void): void {
  switch (type) {
    case 'A':
    case 'AAAA': {
      const onAnswer = (err: NodeJS.ErrnoException | null, addresses: RecordWithTtl[]) => {
        if (err) return done(failure(err));
        const ttl = addresses.reduce((min, a) => Math.min(min, a.ttl), Infinity);
        done(ok(addresses.map((a) => normalizeAddress(a.address)), Number.isFinite(ttl) ? ttl : undefined));
      };
      if (type === 'A') resolver.resolve4(name, { ttl: true }, onAnswer);
      else resolver.resolve6(name, { ttl: true }, onAnswer);
      return;
    }
    case 'TXT':
      resolver.resolveTxt(name, (err, records) =>
        done(err ? failure(err) : ok(records.map((chunks) => chunks.map(octetsToText)))),
      );
      return;
    case 'MX':
      resolver.resolveMx(name, (err, records) =>
        done(err ? failure(err) : ok(records.map((r) => ({ preference: r.priority, exchange: resultName(r.exchange) })))),
      );
      return;
    case 'PTR':
    case 'CNAME':
    case 'NS': {
      const method = type === 'PTR' ? resolver.resolvePtr : type === 'CNAME' ? resolver.resolveCname : resolver.resolveNs;
      method.call(resolver, name, (err, names) => done(err ? failure(err) : ok(names.map(resultName))));
      return;
    }
    case 'SPF':
      done(error(ErrorReason.unsupportedType));
  }
}
