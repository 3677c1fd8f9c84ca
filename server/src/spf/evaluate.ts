/**
 * check_host() (RFC 7208 §4–§7): record selection, mechanism and modifier
 * evaluation, include and redirect, macro expansion with explanations, and the
 * processing limits of §4.6.4 (10 DNS-querying terms, 2 void lookups, 10 MX
 * names, 10 PTR names). All DNS goes through the Resolver it is given.
 */
import ipaddr from 'ipaddr.js';
import type { LookupResult, RecordData, Resolver, RRType } from '../dns/resolver';
import { isMechanism, isModifier, type Mechanism, type Modifier, type SpfRecord } from './ast';
import { looksLikeSpf } from './detect';
import { expandMacro, parseMacroString, toQueryName, type MacroValues } from './macro';
import { parseSpf } from './parser';
import { stopText, type StopWhy } from './explain';

export type SpfResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail' | 'temperror' | 'permerror';

export interface EvaluateOptions {
  readonly resolver: Resolver;
  /** The HELO/EHLO name (macro `h`); `unknown` when absent. */
  readonly helo?: string;
  /** The checking host's own name (macro `r`); `unknown` when absent. */
  readonly receivingHost?: string;
  readonly signal?: AbortSignal;
  /** The time for macro `t`; defaults to now. */
  readonly now?: Date;
  /** §4.6.4 limits; the RFC's values by default. */
  readonly maxLookups?: number;
  readonly maxVoidLookups?: number;
}

/** One step of the evaluation, for `zonelint spf` and hover. */
export interface TraceEntry {
  /** 0 for the checked domain, +1 per include or redirect. */
  readonly depth: number;
  readonly domain: string;
  readonly event: 'record' | 'match' | 'no-match' | 'include' | 'redirect' | 'explanation' | 'error';
  /** The term as written, for term events. */
  readonly term?: string;
  /** In English: the record, the target, the explanation or why the evaluation stopped. */
  readonly detail?: string;
  /** For error events: why, as data, so that spf/explain.ts can say it in any language. */
  readonly why?: StopWhy;
}

export interface CheckHostResult {
  readonly result: SpfResult;
  /** The expanded `exp=` text, only when the result is fail and one was found. */
  readonly explanation: string | null;
  readonly domain: string;
  /** DNS-querying terms evaluated (include, a, mx, ptr, exists, redirect). */
  readonly lookups: number;
  readonly voidLookups: number;
  readonly trace: readonly TraceEntry[];
  /** The term that gave a pass, fail, softfail or neutral, and the domain whose record holds it. */
  readonly decidedBy?: { readonly domain: string; readonly term: string };
}

const QUALIFIER_RESULT = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' } as const;
const MAX_MX = 10;
const MAX_PTR = 10;

/** Ends the evaluation with temperror or permerror, from however deep. */
class Stop extends Error {
  readonly reason: string;
  constructor(
    readonly result: 'temperror' | 'permerror',
    readonly why: StopWhy,
  ) {
    super(stopText(why, 'en'));
    this.reason = this.message;
  }
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** What one record's evaluation gave, and the term that decided it (none for the default neutral). */
interface Decision {
  readonly result: SpfResult;
  readonly explanation: string | null;
  readonly decidedBy?: { readonly domain: string; readonly term: string };
}

/**
 * The identity to check (§2.3, §2.4): the MAIL FROM domain, or the HELO name when
 * MAIL FROM has no `@domain` part (the null reverse-path). An empty local-part
 * becomes `postmaster`.
 */
export function spfIdentity(mailFrom: string, helo: string | undefined): { sender: string; domain: string } {
  const at = mailFrom.lastIndexOf('@');
  if (at < 0) {
    const domain = helo ?? '';
    return { sender: `postmaster@${domain}`, domain };
  }
  const local = mailFrom.slice(0, at) || 'postmaster';
  const domain = mailFrom.slice(at + 1);
  return { sender: `${local}@${domain}`, domain };
}

/** A dotted-quad IPv4 or an IPv6 address (ipaddr.js alone also takes `1.2.3` and hex forms). */
export function isIpAddress(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || (/^[0-9A-Fa-f:.]+$/.test(text) && ipaddr.IPv6.isValid(text));
}

/** A name DNS can be asked about: labels of 1–63 octets, at most 253 in all (RFC 1035). */
export function isQueryableName(name: string): boolean {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare.length === 0 || bare.length > 253) return false;
  return bare.split('.').every((l) => l.length > 0 && l.length <= 63);
}

function stripDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function reverseName(ip: Address): string {
  if (ip.kind() === 'ipv4') return [...(ip as ipaddr.IPv4).octets].reverse().join('.') + '.in-addr.arpa';
  return nibbles(ip as ipaddr.IPv6).reverse().join('.') + '.ip6.arpa';
}

function nibbles(ip: ipaddr.IPv6): string[] {
  return ip.toByteArray().flatMap((b) => [(b >> 4).toString(16), (b & 15).toString(16)]);
}

class Evaluation {
  lookups = 0;
  voidLookups = 0;
  readonly trace: TraceEntry[] = [];
  private readonly ip: Address;
  private validatedNames?: Promise<string[]>;

  constructor(
    ip: Address,
    private readonly opts: EvaluateOptions,
  ) {
    this.ip = ip;
  }

  private get v4(): boolean {
    return this.ip.kind() === 'ipv4';
  }

  async query<K extends RRType>(name: string, type: K): Promise<LookupResult<RecordData[K]>> {
    if (this.opts.signal?.aborted) throw new Stop('temperror', { code: 'aborted' });
    return this.opts.resolver.lookup(stripDot(name), type, this.opts.signal);
  }

  countLookup(term: string, depth: number, domain: string): void {
    this.lookups++;
    const limit = this.opts.maxLookups ?? 10;
    if (this.lookups > limit) {
      const why: StopWhy = { code: 'lookup-limit', limit };
      this.trace.push({ depth, domain, event: 'error', term, detail: `more than ${limit} DNS-querying terms`, why });
      throw new Stop('permerror', why);
    }
  }

  countVoid(depth: number, domain: string, term: string): void {
    this.voidLookups++;
    const limit = this.opts.maxVoidLookups ?? 2;
    if (this.voidLookups > limit) {
      const why: StopWhy = { code: 'void-limit', limit };
      this.trace.push({ depth, domain, event: 'error', term, detail: `more than ${limit} void lookups`, why });
      throw new Stop('permerror', why);
    }
  }

  macroValues(domain: string, sender: string): MacroValues {
    const at = sender.lastIndexOf('@');
    const ip = this.ip;
    return {
      s: sender,
      l: sender.slice(0, at),
      o: sender.slice(at + 1),
      d: domain,
      i: this.v4 ? ip.toString() : nibbles(ip as ipaddr.IPv6).join('.'),
      v: this.v4 ? 'in-addr' : 'ip6',
      h: this.opts.helo ?? 'unknown',
      c: ip.toString(),
      r: this.opts.receivingHost ?? 'unknown',
      t: String(Math.floor((this.opts.now ?? new Date()).getTime() / 1000)),
      p: async () => this.validatedDomain(domain),
    };
  }

  async targetName(m: Mechanism | Modifier, domain: string, sender: string): Promise<string> {
    const spec = isModifier(m) ? m.value : m.domain;
    if (!spec) return domain;
    return toQueryName(await expandMacro(spec, this.macroValues(domain, sender)));
  }

  /** Fetches and selects the SPF record of `domain` (§4.4, §4.5); null when none. */
  async fetchRecord(domain: string, depth: number): Promise<SpfRecord | null> {
    const answer = await this.query(domain, 'TXT');
    if (answer.kind === 'error') throw new Stop('temperror', { code: 'lookup-failed', type: 'TXT', name: domain, reason: answer.reason });
    if (answer.kind !== 'ok') return null;
    const texts = answer.records.map((strings) => strings.join('')).filter(looksLikeSpf);
    if (texts.length > 1) throw new Stop('permerror', { code: 'several-records', domain, count: texts.length });
    if (texts.length === 0) return null;
    this.trace.push({ depth, domain, event: 'record', detail: texts[0] });
    return parseSpf(texts[0]);
  }

  /** check_host() proper; temperror and permerror leave by Stop. */
  async checkHost(domain: string, sender: string, depth: number): Promise<Decision> {
    const record = await this.fetchRecord(domain, depth);
    if (!record) return { result: 'none', explanation: null };
    if (record.errors.length > 0) {
      const e = record.errors[0];
      throw new Stop('permerror', { code: 'syntax', domain, text: record.text.slice(e.from, e.to) });
    }
    const modifiers = record.terms.filter(isModifier);
    for (const name of ['redirect', 'exp']) {
      if (modifiers.filter((m) => m.name === name).length > 1)
        throw new Stop('permerror', { code: 'modifier-twice', name });
    }
    const mechanisms = record.terms.filter(isMechanism);
    for (const m of mechanisms) {
      const matched = await this.matches(m, domain, sender, depth);
      this.trace.push({ depth, domain, event: matched ? 'match' : 'no-match', term: m.text });
      if (!matched) continue;
      const result = QUALIFIER_RESULT[m.qualifier];
      const exp = modifiers.find((x) => x.name === 'exp');
      const explanation = result === 'fail' && exp ? await this.explain(exp, domain, sender, depth) : null;
      return { result, explanation, decidedBy: { domain, term: m.text } };
    }
    const redirect = modifiers.find((x) => x.name === 'redirect');
    if (redirect && !mechanisms.some((m) => m.name === 'all')) {
      this.countLookup(redirect.text, depth, domain);
      const target = await this.targetName(redirect, domain, sender);
      this.trace.push({ depth, domain, event: 'redirect', term: redirect.text, detail: target });
      if (!isQueryableName(target)) throw new Stop('permerror', { code: 'bad-target', via: 'redirect', target });
      const inner = await this.checkHost(target, sender, depth + 1);
      if (inner.result === 'none') throw new Stop('permerror', { code: 'target-no-record', via: 'redirect', target });
      return inner;
    }
    return { result: 'neutral', explanation: null };
  }

  async matches(m: Mechanism, domain: string, sender: string, depth: number): Promise<boolean> {
    switch (m.name) {
      case 'all':
        return true;
      case 'ip4':
      case 'ip6': {
        if ((m.name === 'ip4') !== this.v4 || !m.network) return false;
        const net = ipaddr.parse(m.network.text);
        const bits = m.name === 'ip4' ? (m.cidr4?.bits ?? 32) : (m.cidr6?.bits ?? 128);
        return this.ip.match(net, bits);
      }
      case 'include':
        return this.include(m, domain, sender, depth);
      case 'a':
      case 'mx':
      case 'ptr':
      case 'exists':
        break;
    }
    this.countLookup(m.text, depth, domain);
    const target = await this.targetName(m, domain, sender);
    // A target that cannot be a DNS name (empty or over-long label) does not exist.
    if (!isQueryableName(target)) return false;
    if (m.name === 'exists') {
      const answer = await this.query(target, 'A');
      if (answer.kind === 'error') throw new Stop('temperror', { code: 'lookup-failed', type: 'A', name: target, reason: answer.reason });
      if (answer.kind !== 'ok') this.countVoid(depth, domain, m.text);
      return answer.kind === 'ok';
    }
    if (m.name === 'ptr') {
      const names = await this.validatedPtrNames(depth, domain, m.text);
      const t = target.toLowerCase();
      return names.some((n) => n === t || n.endsWith('.' + t));
    }
    const bits = this.v4 ? (m.cidr4?.bits ?? 32) : (m.cidr6?.bits ?? 128);
    if (m.name === 'a') {
      const addresses = await this.addresses(target, true);
      if (addresses === null) {
        this.countVoid(depth, domain, m.text);
        return false;
      }
      return this.anyMatch(addresses, bits);
    }
    const mx = await this.query(target, 'MX');
    if (mx.kind === 'error') throw new Stop('temperror', { code: 'lookup-failed', type: 'MX', name: target, reason: mx.reason });
    if (mx.kind !== 'ok') {
      this.countVoid(depth, domain, m.text);
      return false;
    }
    if (mx.records.length > MAX_MX) throw new Stop('permerror', { code: 'too-many-mx', name: target, limit: MAX_MX });
    const exchanges = mx.records.map((r) => stripDot(r.exchange)).filter((x) => x !== '' && isQueryableName(x));
    const lists = await Promise.all(exchanges.map((x) => this.addresses(x, true)));
    return lists.some((list) => list !== null && this.anyMatch(list, bits));
  }

  anyMatch(addresses: readonly string[], bits: number): boolean {
    return addresses.some((a) => {
      if (!ipaddr.isValid(a)) return false;
      const parsed = ipaddr.parse(a);
      return parsed.kind() === this.ip.kind() && this.ip.match(parsed, bits);
    });
  }

  /** The client's address family of `name`; null for a void answer. */
  async addresses(name: string, errorsAreFatal: boolean): Promise<readonly string[] | null> {
    const answer = await this.query(name, this.v4 ? 'A' : 'AAAA');
    if (answer.kind === 'error') {
      if (errorsAreFatal) throw new Stop('temperror', { code: 'lookup-failed', type: 'address', name, reason: answer.reason });
      return null;
    }
    return answer.kind === 'ok' ? answer.records : null;
  }

  async include(m: Mechanism, domain: string, sender: string, depth: number): Promise<boolean> {
    this.countLookup(m.text, depth, domain);
    const target = await this.targetName(m, domain, sender);
    this.trace.push({ depth, domain, event: 'include', term: m.text, detail: target });
    if (!isQueryableName(target)) throw new Stop('permerror', { code: 'bad-target', via: 'include', target });
    const inner = await this.checkHost(target, sender, depth + 1);
    if (inner.result === 'none') throw new Stop('permerror', { code: 'target-no-record', via: 'include', target });
    return inner.result === 'pass';
  }

  /** Names of the client IP whose addresses lead back to it (§5.5), lower-cased. */
  async validatedPtrNames(depth?: number, domain?: string, term?: string): Promise<string[]> {
    const answer = await this.query(reverseName(this.ip), 'PTR');
    if (answer.kind !== 'ok') {
      if (answer.kind !== 'error' && depth !== undefined) this.countVoid(depth, domain ?? '', term ?? '');
      return [];
    }
    const names = answer.records.slice(0, MAX_PTR).map((n) => stripDot(n));
    const checked = await Promise.all(
      names.map(async (n) => (isQueryableName(n) && this.anyMatch((await this.addresses(n, false)) ?? [], this.v4 ? 32 : 128) ? n : null)),
    );
    return checked.filter((n): n is string => n !== null).map((n) => n.toLowerCase());
  }

  /** The `p` macro (§7.3): a validated name, preferring `domain` or its subdomains. */
  async validatedDomain(domain: string): Promise<string> {
    this.validatedNames ??= this.validatedPtrNames();
    const names = await this.validatedNames;
    const d = stripDot(domain).toLowerCase();
    return names.find((n) => n === d) ?? names.find((n) => n.endsWith('.' + d)) ?? names[0] ?? 'unknown';
  }

  /** The explanation of §6.2; any problem means no explanation, never an error. */
  async explain(exp: Modifier, domain: string, sender: string, depth: number): Promise<string | null> {
    try {
      const target = await this.targetName(exp, domain, sender);
      if (!isQueryableName(target)) return null;
      const answer = await this.query(target, 'TXT');
      if (answer.kind !== 'ok' || answer.records.length !== 1) return null;
      const text = answer.records[0].join('');
      if (/[^\x20-\x7e]/.test(text)) return null;
      const parsed = parseMacroString(text, 0, text.length, 'explanation');
      if (parsed.errors.length > 0) return null;
      const explanation = await expandMacro(parsed.value, this.macroValues(domain, sender));
      this.trace.push({ depth, domain, event: 'explanation', term: exp.text, detail: explanation });
      return explanation;
    } catch (e) {
      if (e instanceof Stop) return null;
      throw e;
    }
  }
}

/**
 * check_host(ip, domain, sender) of RFC 7208 §4. `domain` is the identity's
 * domain (see spfIdentity); `sender` is the full address (`local@domain`).
 * Never rejects.
 */
export async function checkHost(ip: string, domain: string, sender: string, opts: EvaluateOptions): Promise<CheckHostResult> {
  const bare = stripDot(domain);
  const done = (e: Evaluation | null, result: SpfResult, explanation: string | null = null, decidedBy?: Decision['decidedBy']): CheckHostResult => ({
    result,
    explanation,
    domain: bare,
    lookups: e?.lookups ?? 0,
    voidLookups: e?.voidLookups ?? 0,
    trace: e?.trace ?? [],
    ...(decidedBy ? { decidedBy } : {}),
  });
  if (!isIpAddress(ip)) return done(null, 'permerror');
  // §4.3: a malformed or single-label domain yields none without any query.
  if (!isQueryableName(bare) || !bare.includes('.') || bare.startsWith('[')) return done(null, 'none');
  const evaluation = new Evaluation(ipaddr.process(ip), opts);
  try {
    const r = await evaluation.checkHost(bare, sender, 0);
    return done(evaluation, r.result, r.explanation, r.decidedBy);
  } catch (e) {
    const stop = e instanceof Stop ? e : new Stop('temperror', { code: 'unexpected', message: String(e) });
    evaluation.trace.push({ depth: 0, domain: bare, event: 'error', detail: stop.reason, why: stop.why });
    return done(evaluation, stop.result);
  }
}
