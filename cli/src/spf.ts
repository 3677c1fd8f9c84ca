/**
 * `zonelint spf --ip IP --sender ADDRESS [--helo NAME] [--zone FILE... [--origin NAME]]
 *  [--dns-server HOST:PORT] [--format text|json] [--locale en|ja]`
 *
 * Runs check_host() (RFC 7208) for the sender's domain, or for the HELO name when
 * the sender has no `@domain` part (null reverse-path, RFC 7208 §2.3). `--zone`
 * files are the DNS (with the bundled provider snapshot, no network); with
 * `--dns-server` that server is queried (after the zone files, if any); with
 * neither, the system's resolvers. Exit 0 whatever the result, 2 on usage errors.
 */
import { parseArgs } from 'node:util';
import { ChainResolver, offlineResolver } from '../../server/src/dns/chain';
import { LiveResolver } from '../../server/src/dns/live';
import type { Resolver } from '../../server/src/dns/resolver';
import { SnapshotResolver } from '../../server/src/dns/snapshot';
import { ZoneDataResolver } from '../../server/src/dns/zoneData';
import type { Locale } from '../../server/src/diagnostics/types';
import { relayFor } from '../../server/src/diagnose/index';
import { checkHost, isIpAddress, spfIdentity, type CheckHostResult } from '../../server/src/spf/evaluate';
import { lastError, lastStop, traceJson, traceStep } from '../../server/src/spf/explain';
import { parseZoneFile, type Zone } from '../../server/src/zone/index';
import { UsageError, usageError } from './args';
import { cliText, earlyLocale } from './messages';
import { forTerminal } from './terminal';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** For the locale of messages (LANG …); `--locale` wins. */
  env?: NodeJS.ProcessEnv;
}


const EVALUATION_LIMIT_MS = 20_000;

interface SpfArgs {
  readonly ip: string;
  readonly sender: string;
  readonly helo?: string;
  readonly zones: readonly string[];
  readonly origin?: string;
  readonly dnsServer?: string;
  readonly format: 'text' | 'json';
}

function readArgs(argv: string[]): SpfArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ip: { type: 'string' },
        sender: { type: 'string' },
        helo: { type: 'string' },
        zone: { type: 'string', multiple: true },
        origin: { type: 'string' },
        'dns-server': { type: 'string' },
        format: { type: 'string' },
        locale: { type: 'string' },
      },
    });
  } catch (e) {
    throw usageError('badArguments', { detail: (e as Error).message });
  }
  const { values, positionals } = parsed;
  if (values.ip === undefined) throw usageError('ipRequired');
  if (!isIpAddress(values.ip)) throw usageError('ipInvalid', { ip: values.ip });
  if (values.sender === undefined) throw usageError('senderRequired');
  const zones = [...(values.zone ?? [])];
  // `--zone a.zone b.zone`: the files after the first one come as positionals.
  if (positionals.length > 0) {
    if (zones.length === 0) throw usageError('unexpectedArgument', { arg: positionals[0] });
    zones.push(...positionals);
  }
  if (values.origin !== undefined && zones.length === 0) throw usageError('originNeedsZone');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw usageError('formatTextJson', { format });
  const dnsServer = values['dns-server'];
  if (dnsServer !== undefined && !/^(?:\[[0-9A-Fa-f:.]+\]|[^\s:[\]]+|[0-9A-Fa-f:]+)(?::\d{1,5})?$/.test(dnsServer))
    throw usageError('dnsServerInvalid', { server: dnsServer });
  return { ip: values.ip, sender: values.sender, helo: values.helo, zones, origin: values.origin, dnsServer, format };
}

function resolverFor(zones: readonly Zone[], dnsServer: string | undefined): Resolver {
  const live = (servers: string[]) => new LiveResolver({ servers, timeoutMs: 2000, tries: 2 });
  if (zones.length === 0) return live(dnsServer ? [dnsServer] : []);
  const zoneData = new ZoneDataResolver(zones);
  if (dnsServer) return new ChainResolver([zoneData], live([dnsServer]));
  return new ChainResolver([zoneData, new SnapshotResolver()], offlineResolver);
}

const MEANINGS = {
  pass: 'spfMeaningPass',
  fail: 'spfMeaningFail',
  softfail: 'spfMeaningSoftfail',
  neutral: 'spfMeaningNeutral',
  none: 'spfMeaningNone',
  permerror: 'spfMeaningPermerror',
  temperror: 'spfMeaningTemperror',
} as const;

/** What the result means for the mail, in plain words. */
function meaning(r: CheckHostResult, ip: string, locale: Locale): string {
  const detail = lastStop(r.trace, locale) ?? '';
  const args = { ip, domain: r.domain, where: r.decidedBy?.domain ?? r.domain, term: r.decidedBy?.term ?? '', detail };
  if (r.result === 'neutral' && r.decidedBy === undefined) return cliText(locale, 'spfMeaningNeutralDefault', args);
  // Offline, a name neither the zone files nor the snapshot hold: say how to give it.
  const stop = lastError(r.trace)?.why;
  if (r.result === 'temperror' && stop?.code === 'lookup-failed' && (stop.reason === 'offline' || stop.reason === 'not-covered'))
    return cliText(locale, 'spfMeaningOffline', args);
  return cliText(locale, MEANINGS[r.result], args);
}

/** When the IP is a catalogued provider's relay and SPF did not pass: authorise the provider, not the address. */
function relayNote(r: CheckHostResult, ip: string, locale: Locale): string | undefined {
  if (r.result === 'pass') return undefined;
  const found = relayFor(ip);
  if (!found || found.entry.spf.some((t) => t.includes('{'))) return undefined;
  return cliText(locale, 'spfRelayNote', { ip, provider: found.entry.names[locale], range: found.range, terms: found.entry.spf.join(' ') });
}

function formatText(r: CheckHostResult, ip: string, locale: Locale): string {
  const note = relayNote(r, ip, locale);
  const lines = [
    `${r.result}`,
    `  ${cliText(locale, 'spfIp', { ip })}`,
    `  ${cliText(locale, 'spfDomain', { domain: r.domain })}`,
    `  ${cliText(locale, 'spfMeaningLabel', { text: meaning(r, ip, locale) })}`,
    ...(note !== undefined ? [`  ${cliText(locale, 'spfNoteLabel', { text: note })}`] : []),
    ...(r.explanation !== null ? [`  ${cliText(locale, 'spfExplanation', { explanation: r.explanation })}`] : []),
    `  ${cliText(locale, 'spfLookups', { lookups: r.lookups, voidLookups: r.voidLookups })}`,
    `  ${cliText(locale, 'spfTrace')}`,
    ...r.trace.map((t) => `${'  '.repeat(t.depth + 2)}${traceStep(t, locale)}`),
  ];
  return forTerminal(lines.join('\n') + '\n');
}

export async function spfCommand(argv: string[], io: Io): Promise<number> {
  let args: SpfArgs;
  let zones: Zone[];
  const locale = earlyLocale(argv, io.env ?? {});
  const usage = cliText(locale, 'spfUsage');
  try {
    args = readArgs(argv);
    zones = args.zones.map((file) => {
      try {
        return parseZoneFile(file, args.origin !== undefined ? { origin: args.origin } : {});
      } catch (e) {
        throw usageError('zoneUnreadable', { reason: (e as Error).message });
      }
    });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`zonelint spf: ${e.localized[locale]}\n${usage}\n`);
    return 2;
  }
  const at = args.sender.replace(/^<(.*)>$/, '$1');
  if (!at.includes('@') && args.helo === undefined) {
    io.stderr(`zonelint spf: ${cliText(locale, 'heloNeeded')}\n${usage}\n`);
    return 2;
  }
  const { sender, domain } = spfIdentity(at.includes('@') ? at : '', args.helo);
  const result = await checkHost(args.ip, domain, sender, {
    resolver: resolverFor(zones, args.dnsServer),
    helo: args.helo,
    // RFC 7208 §4.6.4: bound the whole evaluation; at least 20 seconds.
    signal: AbortSignal.timeout(EVALUATION_LIMIT_MS),
  });
  if (args.format === 'json') {
    const { result: word, explanation, lookups, voidLookups, trace } = result;
    io.stdout(JSON.stringify({ result: word, explanation, domain: result.domain, lookups, voidLookups, trace: traceJson(trace) }, null, 2) + '\n');
  } else {
    io.stdout(formatText(result, args.ip, locale));
  }
  return 0;
}
