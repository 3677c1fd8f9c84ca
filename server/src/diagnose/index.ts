/**
 * "Why did the receiver reject my mail?": evaluates the domain's SPF (RFC 7208
 * check_host) for the IP a message came from, and says why it failed and what to
 * change — a catalogued relay's include when the IP is one of its relays (an address
 * would break when the provider renumbers), else an ip4:/ip6: term; ip4/ip6 terms that
 * match no address of the zone's servers are pointed out as stale, and so is a null MX
 * on the sender's domain (RFC 7505 §4.2: receivers refuse its mail, 550 5.7.27). Mail
 * through MailChannels gets the Domain Lockdown record it lacks (lockdownAdvice).
 */
import ipaddr from 'ipaddr.js';
import type { Locale } from '../diagnostics/types';
import type { Resolver } from '../dns/resolver';
import { PROVIDERS, type ProviderEntry } from '../providers/index';
import { isMechanism } from '../spf/ast';
import { looksLikeSpf } from '../spf/detect';
import { checkHost, type CheckHostResult } from '../spf/evaluate';
import { lastStop, traceJson } from '../spf/explain';
import { parseSpf } from '../spf/parser';
import { readLockdown } from '../providers/mailchannelsLockdown';
import { quoteOctets } from '../fixes/txtEdit';
import type { Zone } from '../zone/ast';
import { organizationalDomain } from '../dmarc/rules/missing';
import { isDmarcText } from '../dmarc/parse';
import { extractFacts, spfDomainOf, type DkimSignature, type MessageFacts, type ReceiverVerdicts } from './message';
import { say, type TextKey } from './texts';
import { dkimKeyAdvice, type DkimKeyAdvice } from './dkimKey';

export { extractFacts, spfDomainOf } from './message';
export type { MessageFacts, ReceiverVerdicts, MessageForm, DkimSignature } from './message';
export type { DkimKeyAdvice } from './dkimKey';
export { DiagnoseTexts } from './texts';

/** `sender-null-mx`: SPF passes, but the domain has a null MX (RFC 7505 §4.2: receivers refuse its mail). */
export type CauseCode = 'spf-pass' | 'no-spf-record' | 'relay-not-included' | 'ip-not-listed' | 'spf-permerror' | 'spf-temperror' | 'sender-null-mx';

export interface Fix {
  readonly title: string;
  /** The whole corrected SPF record text. */
  readonly record: string;
}

export interface Diagnosis {
  readonly ip: string;
  readonly domain: string;
  readonly sender: string;
  readonly receiver: ReceiverVerdicts;
  readonly check: CheckHostResult;
  /** The domain's SPF record as found, when there is exactly one. */
  readonly record?: string;
  readonly causeCode: CauseCode;
  readonly cause: string;
  /** The catalogued relay the IP belongs to. */
  readonly relay?: { readonly id: string; readonly name: string; readonly range: string; readonly verified: boolean };
  /** ip4/ip6 terms that match no A/AAAA address of the zones (only with zone data). */
  readonly stale: readonly string[];
  readonly fixes: readonly Fix[];
  /**
   * MailChannels' Domain Lockdown record to publish or complete, when the mail goes through
   * MailChannels and the domain's record is missing, lists only cfid=, or leaves out the
   * account the message was sent with (mailchannelsLockdown.ts).
   */
  readonly lockdown?: LockdownAdvice;
  /** The key behind each DKIM signature the receiver did not pass, as the DNS has it. */
  readonly dkimKeys: readonly DkimKeyAdvice[];
  /**
   * Whether the domain SPF is checked for shares its organizational domain with the From
   * domain (DMARC's relaxed SPF alignment, RFC 7489 §3.1.2); undefined when the message
   * names no From domain.
   */
  readonly aligned?: boolean;
}

export interface LockdownAdvice {
  /** `_mailchannels.<domain>` */
  readonly name: string;
  /** The whole TXT text to publish there: `v=mc1 auth=<id>`, the account id as a placeholder when unknown. */
  readonly record: string;
  /** The account id, from the message's X-MailChannels-Auth-Id header. */
  readonly authId?: string;
  /** `none`: no record; `cfid-only`: one with only cfid=; `other-account`: one that leaves out authId. */
  readonly state: 'none' | 'cfid-only' | 'other-account';
}

export interface DiagnoseOptions {
  readonly resolver: Resolver;
  /** Zone data given by the user: the servers' addresses for the stale-term check. */
  readonly zones?: readonly Zone[];
  readonly locale?: Locale;
  readonly signal?: AbortSignal;
  /** Where the advice is read: the CLI's names its flags, the editor's its settings. */
  readonly surface?: 'cli' | 'editor';
  /** The sending server's address, given by the user: it wins over what the message shows. */
  readonly ip?: string;
}

export type DiagnoseOutcome =
  | { readonly ok: true; readonly diagnosis: Diagnosis; readonly facts: MessageFacts }
  | { readonly ok: false; readonly missing: 'ip' | 'domain'; readonly facts: MessageFacts };

/** Reads the message and diagnoses it; `ok: false` when the IP or domain cannot be found. */
export async function diagnoseMessage(text: string, opts: DiagnoseOptions): Promise<DiagnoseOutcome> {
  const facts = extractFacts(text);
  const ip = opts.ip ?? facts.ip;
  if (ip === undefined) return { ok: false, missing: 'ip', facts };
  const identity = spfDomainOf(facts);
  if (!identity) return { ok: false, missing: 'domain', facts };
  const diagnosis = await diagnose(ip, identity.domain, identity.sender, facts.receiver, {
    ...opts,
    helo: facts.helo,
    mailchannelsAuthId: facts.mailchannelsAuthId,
    headerFrom: facts.headerFrom,
    signatures: facts.signatures,
  });
  return { ok: true, diagnosis, facts };
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

function parseAddress(text: string): Address | undefined {
  try {
    const a = ipaddr.parse(text);
    return a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a;
  } catch {
    return undefined;
  }
}

function inRange(a: Address, cidr: string): boolean {
  try {
    const [net, bits] = ipaddr.parseCIDR(cidr);
    return net.kind() === a.kind() && a.match([net, bits] as never);
  } catch {
    return false;
  }
}

/** The catalogued relay whose published ranges hold `ip`. */
export function relayFor(ip: string): { entry: ProviderEntry; range: string } | undefined {
  const a = parseAddress(ip);
  if (!a) return undefined;
  for (const entry of PROVIDERS) {
    const range = entry.relays?.find((r) => inRange(a, r));
    if (range) return { entry, range };
  }
  return undefined;
}

/** ip4/ip6 terms of a record whose networks hold none of the zones' A/AAAA addresses. */
export function staleTerms(record: string, zones: readonly Zone[]): string[] {
  const addresses = zones.flatMap((z) => z.records.filter((r) => r.type === 'A' || r.type === 'AAAA').map((r) => parseAddress(r.rdata.canonical)));
  const known = addresses.filter((a): a is Address => a !== undefined);
  const spf = parseSpf(record);
  return spf.terms
    .filter(isMechanism)
    .filter((m) => (m.name === 'ip4' || m.name === 'ip6') && m.network && m.qualifier !== '-')
    .filter((m) => {
      const bits = m.name === 'ip4' ? (m.cidr4?.bits ?? 32) : (m.cidr6?.bits ?? 128);
      return !known.some((a) => inRange(a, `${m.network!.text}/${bits}`));
    })
    .map((m) => m.text);
}

/** The record with `add` inserted before its `all` (or redirect=) and `remove` taken out. */
export function editRecord(record: string, add: readonly string[], remove: readonly string[] = []): string {
  const spf = parseSpf(record);
  const words: string[] = [];
  let inserted = false;
  const insert = () => {
    if (!inserted) words.push(...add);
    inserted = true;
  };
  for (const t of spf.terms) {
    if ((isMechanism(t) && t.name === 'all') || (t.kind === 'modifier' && t.name === 'redirect')) insert();
    if (!remove.includes(t.text)) words.push(t.text);
  }
  if (!inserted) {
    // No all: keep a trailing modifier (exp=) last.
    const firstModifier = words.findIndex((w) => /^[A-Za-z][A-Za-z0-9_.-]*=/.test(w));
    if (firstModifier >= 0) words.splice(firstModifier, 0, ...add);
    else words.push(...add);
  }
  return [record.slice(spf.version.from, spf.version.to), ...words].join(' ');
}

async function spfRecordOf(domain: string, resolver: Resolver, signal?: AbortSignal): Promise<string | undefined> {
  const answer = await resolver.lookup(domain, 'TXT', signal);
  if (answer.kind !== 'ok') return undefined;
  const records = answer.records.map((strings) => strings.join('')).filter(looksLikeSpf);
  return records.length === 1 ? records[0] : undefined;
}

const MAILCHANNELS_RELAY = 'relay.mailchannels.net';

function includesMailchannels(record: string): boolean {
  return parseSpf(record).terms.some(
    (t) => isMechanism(t) && t.name === 'include' && t.qualifier === '+' && t.domain?.text.toLowerCase().replace(/\.$/, '') === MAILCHANNELS_RELAY,
  );
}

/**
 * MailChannels' Domain Lockdown advice for `domain`: undefined when it has a record that lets
 * the account send (or lists senders when the account is unknown), or when the lookup failed.
 */
async function lockdownAdvice(domain: string, authId: string | undefined, resolver: Resolver, signal?: AbortSignal): Promise<LockdownAdvice | undefined> {
  const name = `_mailchannels.${domain}`;
  const answer = await resolver.lookup(name, 'TXT', signal);
  if (answer.kind === 'error') return undefined;
  const texts = answer.kind === 'ok' ? answer.records.map((strings) => strings.join('')) : [];
  const listed = texts.filter((t) => readLockdown(t)?.state === 'listed');
  const placeholder = `v=mc1 auth=${authId ?? '<account id>'}`;
  const advice = (state: LockdownAdvice['state'], record: string): LockdownAdvice => ({ name, record, ...(authId ? { authId } : {}), state });
  if (listed.length === 0) return advice(texts.some((t) => readLockdown(t)?.state === 'cfid-only') ? 'cfid-only' : 'none', placeholder);
  // A record that names who may send: only an account the message shows it leaves out is news.
  if (authId === undefined || listed.some((t) => readLockdown(t)!.auth.some((a) => a.toLowerCase() === authId.toLowerCase()))) return undefined;
  // The record as it stands (it may list other accounts and senders) with the message's account added.
  return advice('other-account', `${listed[0].trimEnd()} auth=${authId}`);
}

/** Whether `domain`, or failing that its organizational domain, publishes a DMARC record (RFC 7489 §6.6.3). */
async function hasDmarc(domain: string, resolver: Resolver, signal?: AbortSignal): Promise<boolean | undefined> {
  const org = organizationalDomain(domain.replace(/\.?$/, '.'))?.replace(/\.$/, '');
  for (const name of org && org.toLowerCase() !== domain.toLowerCase() ? [domain, org] : [domain]) {
    const answer = await resolver.lookup(`_dmarc.${name}`, 'TXT', signal);
    if (answer.kind === 'error') return undefined;
    if (answer.kind === 'ok' && answer.records.some((strings) => isDmarcText(strings.join('')))) return true;
  }
  return false;
}

/**
 * Outlook.com's requirements behind a 550 5.7.515 (Microsoft's NDR article): SPF and DKIM
 * both pass, a DMARC record published, DMARC passes. What the bounce and the DNS show of them.
 */
async function outlookAdvice(receiver: ReceiverVerdicts, fromDomain: string, resolver: Resolver, locale: Locale, signal?: AbortSignal): Promise<string[]> {
  const domain = fromDomain.replace(/\.$/, '');
  const out = [say('outlook-requirements', {}, locale)];
  if (receiver.dkim !== undefined && receiver.dkim !== 'pass') out.push(say('outlook-dkim', { domain, dkim: receiver.dkim }, locale));
  if ((await hasDmarc(domain, resolver, signal)) === false) out.push(say('no-dmarc', { domain }, locale));
  return out;
}

/** Whether the domain publishes a null MX (RFC 7505): an exchange that is the root. */
async function hasNullMx(domain: string, resolver: Resolver, signal?: AbortSignal): Promise<boolean> {
  const answer = await resolver.lookup(domain, 'MX', signal);
  return answer.kind === 'ok' && answer.records.some((mx) => mx.exchange === '' || mx.exchange === '.');
}


export async function diagnose(
  ip: string,
  domain: string,
  sender: string,
  receiver: ReceiverVerdicts,
  opts: DiagnoseOptions & {
    readonly helo?: string;
    readonly mailchannelsAuthId?: string;
    readonly headerFrom?: string;
    readonly signatures?: readonly DkimSignature[];
  },
): Promise<Diagnosis> {
  const locale = opts.locale ?? 'en';
  const bare = domain.replace(/\.$/, '');
  const check = await checkHost(ip, bare, sender, { resolver: opts.resolver, helo: opts.helo, signal: opts.signal });
  const record = await spfRecordOf(bare, opts.resolver, opts.signal);
  const nullMx = await hasNullMx(bare, opts.resolver, opts.signal);
  const found = relayFor(ip);
  const relay = found && {
    id: found.entry.id,
    name: found.entry.names[locale],
    range: found.range,
    verified: found.entry.verified,
  };
  // Mail through MailChannels (the IP is one of its relays, or the record includes them):
  // without Domain Lockdown any MailChannels customer passes SPF as the domain.
  const viaMailchannels = found?.entry.id === 'mailchannels' || (record !== undefined && includesMailchannels(record));
  const lockdown = viaMailchannels ? await lockdownAdvice(bare, opts.mailchannelsAuthId, opts.resolver, opts.signal) : undefined;
  const zoneHasDomain = (opts.zones ?? []).some((z) => z.records.some((r) => r.owner.replace(/\.$/, '').toLowerCase() === bare.toLowerCase()));
  // DMARC counts SPF only for an envelope domain aligned with the From domain.
  const aligned = opts.headerFrom === undefined ? undefined : relaxedAligned(bare, opts.headerFrom);
  // Addresses left over from a server move are the domain owner's to remove: not when the
  // envelope domain is another's (a sending service's bounce domain, not aligned).
  const stale = record && zoneHasDomain && aligned !== false ? staleTerms(record, opts.zones ?? []) : [];
  const args: Record<string, string | number> = { ip, domain: bare, result: check.result, record: record ?? '', detail: lastStop(check.trace, locale) ?? check.result };
  const fixes: Fix[] = [];
  let causeCode: CauseCode;

  const isV6 = parseAddress(ip)?.kind() === 'ipv6';
  const relayTerms = found ? found.entry.spf.filter((t) => !t.includes('{mx}')) : [];
  const add = relay && relayTerms.length > 0 ? relayTerms : [`${isV6 ? 'ip6' : 'ip4'}:${ip}`];
  const title = (key: TextKey, extra: Record<string, string> = {}) => {
    const base = say(key, { ...args, terms: add.join(' '), provider: relay?.name ?? '', ...extra }, locale);
    return relay && !relay.verified && key === 'fix-include' ? base + say('unverified', {}, locale) : base;
  };
  if (check.result === 'pass') {
    causeCode = nullMx ? 'sender-null-mx' : 'spf-pass';
  } else if (check.result === 'permerror') {
    causeCode = 'spf-permerror';
  } else if (check.result === 'temperror') {
    causeCode = 'spf-temperror';
  } else if (check.result === 'none' || record === undefined) {
    causeCode = 'no-spf-record';
    const fresh = ['v=spf1', ...add, '~all'].join(' ');
    fixes.push({ title: `${say('fix-new-record', args, locale)}: ${fresh}`, record: fresh });
  } else {
    causeCode = relay && relayTerms.length > 0 ? 'relay-not-included' : 'ip-not-listed';
    const key: TextKey = causeCode === 'relay-not-included' ? 'fix-include' : 'fix-ip';
    const toAdd = add.filter((t) => !parseSpf(record).terms.some((x) => x.text.toLowerCase() === t.toLowerCase()));
    fixes.push({ title: title(key), record: editRecord(record, toAdd) });
    if (stale.length > 0) {
      // "…, and remove …" follows with a space in English; the Japanese sentence starts with its own 。
      const joiner = locale === 'ja' ? '' : ' ';
      fixes.push({ title: title(key) + joiner + say('fix-remove-stale', { stale: stale.join(' ') }, locale), record: editRecord(record, toAdd, stale) });
    }
  }
  const causeText: TextKey =
    causeCode === 'spf-temperror' && opts.surface === 'editor'
      ? 'spf-temperror-editor'
      : causeCode === 'spf-pass' && receiver.spf === 'pass'
        ? 'spf-pass-agreed'
        : causeCode === 'spf-pass' && aligned === false
          ? 'spf-pass-unaligned'
          : causeCode;
  let cause = say(causeText, { ...args, provider: relay?.name ?? '' }, locale);
  // Sentences follow one another with a space in English, none in Japanese.
  const sentence = locale === 'ja' ? '' : ' ';
  if (stale.length > 0) cause += sentence + say(stale.length === 1 ? 'stale-one' : 'stale', { terms: stale.join(' ') }, locale);
  // Whatever SPF says, a null MX on the sender's domain gets its mail refused.
  if (nullMx && causeCode !== 'sender-null-mx') cause += sentence + say('sender-null-mx', args, locale);
  // DKIM passed, but only for other domains (a sending service's own d=): no help to DMARC
  // (said unless DMARC passed, or aligned SPF passing makes it pass anyway).
  const passed = (opts.signatures ?? []).filter((sig) => sig.result === 'pass');
  const dmarcMayFail = receiver.dmarc !== 'pass' && !(aligned === true && check.result === 'pass');
  if (opts.headerFrom !== undefined && dmarcMayFail && passed.length > 0 && !passed.some((sig) => relaxedAligned(sig.domain, opts.headerFrom!))) {
    const domains = [...new Set(passed.map((sig) => sig.domain))].join(', ');
    cause += sentence + say('dkim-pass-unaligned', { domains, from: opts.headerFrom.replace(/\.$/, '') }, locale);
  }
  if (aligned === false) cause += sentence + say('spf-not-aligned', { domain: bare, from: opts.headerFrom!.replace(/\.$/, '') }, locale);
  // Outlook.com's 5.7.515: SPF alone does not satisfy it; say what else it asks for.
  if (receiver.reply?.endsWith('5.7.515')) cause += sentence + (await outlookAdvice(receiver, opts.headerFrom ?? bare, opts.resolver, locale, opts.signal)).join(sentence);
  // A 4xx reply (Gmail's 421 4.7.26) deferred the mail: the sender's server tries again.
  if (receiver.reply?.startsWith('4')) cause += sentence + say('reply-deferred', { reply: receiver.reply }, locale);
  const dkimKeys = await dkimKeyAdvice(opts.signatures ?? [], receiver.dkim, opts.resolver, opts.signal);
  for (const k of dkimKeys) cause += sentence + say(`dkim-key-${k.state}`, { name: k.name, selector: k.selector, domain: k.domain, result: k.result ?? receiver.dkim ?? '' }, locale);
  if (lockdown) {
    const idHint = say(lockdown.authId ? 'lockdown-id-known' : 'lockdown-id-unknown', { authId: lockdown.authId ?? '' }, locale);
    cause += sentence + say(`lockdown-${lockdown.state}`, { ...args, name: lockdown.name, authId: lockdown.authId ?? '', idHint }, locale);
  }
  return {
    ip,
    domain: bare,
    sender,
    receiver,
    check,
    ...(record ? { record } : {}),
    causeCode,
    cause,
    ...(relay ? { relay } : {}),
    stale,
    fixes,
    ...(lockdown ? { lockdown } : {}),
    dkimKeys,
    ...(aligned !== undefined ? { aligned } : {}),
  };
}

/** RFC 7489 §3.1.2 relaxed alignment: the two names have one organizational domain. */
function relaxedAligned(a: string, b: string): boolean {
  const org = (name: string) => {
    const abs = name.toLowerCase().replace(/\.?$/, '.');
    return organizationalDomain(abs) ?? abs;
  };
  return org(a) === org(b);
}

/** The JSON form of `zonelint diagnose`: {ip, domain, receiver, spf: {result, lookups, …}, cause, fixes}. */
export function diagnosisJson(d: Diagnosis): unknown {
  return {
    ip: d.ip,
    domain: d.domain,
    receiver: d.receiver,
    spf: {
      result: d.check.result,
      lookups: d.check.lookups,
      voidLookups: d.check.voidLookups,
      record: d.record ?? null,
      explanation: d.check.explanation,
      cause: d.causeCode,
      relay: d.relay ?? null,
      stale: d.stale,
      aligned: d.aligned ?? null,
      trace: traceJson(d.check.trace),
    },
    cause: d.cause,
    fixes: d.fixes.map((f) => ({ title: f.title, record: f.record })),
    lockdown: d.lockdown ?? null,
    dkim: d.dkimKeys.map((k) => ({ domain: k.domain, selector: k.selector, name: k.name, result: k.result ?? null, key: k.state })),
  };
}

/** The Domain Lockdown advice as a title and the zone-file line to publish. */
export function lockdownLines(l: LockdownAdvice, locale: Locale): { title: string; line: string } {
  return {
    title: say(l.state === 'other-account' ? 'fix-lockdown-add' : 'fix-lockdown', { name: l.name, authId: l.authId ?? '' }, locale),
    // In quoted strings of at most 255 octets, as a zone file takes it.
    line: `${l.name}. TXT ${quoteOctets(l.record)}`,
  };
}

/** The plain-text form. */
/** The receiver's verdicts (and reply), under its name when the message gives one. */
function receiverSaid(receiver: Diagnosis['receiver'], verdicts: string, locale: Locale): string {
  const said = verdicts + (receiver.reply ? ` [${receiver.reply}]` : '');
  if (receiver.authserv === undefined) return say('receiver-said-unnamed', { verdicts: said }, locale);
  return say('receiver-said', { authserv: receiver.authserv, verdicts: said }, locale);
}

export function diagnosisText(d: Diagnosis, locale: Locale = 'en'): string {
  const verdicts = (['spf', 'dkim', 'dmarc'] as const)
    .filter((k) => d.receiver[k] !== undefined)
    .map((k) => `${k}=${d.receiver[k]}`)
    .join(', ');
  const lines = [
    say('headline', { domain: d.domain, result: d.check.result, ip: d.ip, lookups: d.check.lookups }, locale),
    ...(verdicts ? [receiverSaid(d.receiver, verdicts, locale)] : []),
    ...(d.record ? [say('record-line', { record: d.record }, locale)] : []),
    '',
    d.cause,
    ...d.fixes.flatMap((f) => ['', `- ${f.title}`, `    ${f.record}`]),
    ...(d.lockdown ? [lockdownLines(d.lockdown, locale)].flatMap((l) => ['', `- ${l.title}`, `    ${l.line}`]) : []),
  ];
  return lines.join('\n') + '\n';
}
