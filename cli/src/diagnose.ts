/**
 * `zonelint diagnose [--zone FILE... [--origin NAME]] [--dns-server HOST:PORT] [--ip IP]
 *  [--format text|json] [--locale en|ja] MESSAGE_FILE` (`-` reads standard input).
 *
 * Reads a bounce, a header block or a whole message, finds the sending IP (or takes
 * --ip) and the MAIL FROM/HELO domain, evaluates that domain's SPF for the IP and says why it
 * failed and what to change. `--zone` files are the DNS (with the provider snapshot,
 * no network); `--dns-server` queries that server (after the zone files); with
 * neither, the system's resolvers. Exit 0 on a diagnosis, 2 on usage or I/O errors
 * or when the message names no IP or domain.
 */
import { readFileSync } from 'node:fs';
import { ChainResolver, offlineResolver } from '../../server/src/dns/chain';
import { LiveResolver } from '../../server/src/dns/live';
import type { Resolver } from '../../server/src/dns/resolver';
import { SnapshotResolver } from '../../server/src/dns/snapshot';
import { ZoneDataResolver } from '../../server/src/dns/zoneData';
import { diagnoseMessage, diagnosisJson, diagnosisText } from '../../server/src/diagnose/index';
import { parseZoneFile, type Zone } from '../../server/src/zone/index';
import { isIpAddress } from '../../server/src/spf/evaluate';
import { localeFrom, oneOf, originFrom, parse, UsageError, usageError } from './args';
import { cliText, earlyLocale } from './messages';
import { forTerminal } from './terminal';

export interface DiagnoseIo {
  stdout(s: string): void;
  stderr(s: string): void;
  env: NodeJS.ProcessEnv;
}

const EVALUATION_LIMIT_MS = 20_000;

const NOT_FOUND = {
  ip: {
    en: 'no sending IP address found: paste the bounce with the receiver\'s reply, or the Received-SPF / Authentication-Results / Received headers, or give the address of the server that sent the mail with --ip (an Outlook.com bounce does not name it)',
    ja: '送信元 IP アドレスが見つかりません。受信側の応答を含むバウンスメール、または Received-SPF / Authentication-Results / Received ヘッダーを貼り付けるか、メールを送ったサーバーのアドレスを --ip で指定してください（Outlook.com のバウンスメールにはこのアドレスが書かれていません）',
  },
  domain: {
    en: 'no MAIL FROM or HELO domain found: include the Return-Path or Authentication-Results header (smtp.mailfrom)',
    ja: 'MAIL FROM または HELO のドメインが見つかりません。Return-Path または Authentication-Results ヘッダー（smtp.mailfrom）を含めてください',
  },
} as const;

function resolverFor(zones: readonly Zone[], dnsServer: string | undefined): Resolver {
  const live = (servers: string[]) => new LiveResolver({ servers, timeoutMs: 2000, tries: 2 });
  if (zones.length === 0) return live(dnsServer ? [dnsServer] : []);
  const zoneData = new ZoneDataResolver(zones);
  if (dnsServer) return new ChainResolver([zoneData], live([dnsServer]));
  return new ChainResolver([zoneData, new SnapshotResolver()], offlineResolver);
}

function readMessage(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw usageError('messageUnreadable', { file, reason: (e as Error).message });
  }
}

export async function diagnoseCommand(argv: string[], io: DiagnoseIo): Promise<number> {
  let zones: Zone[];
  let text: string;
  let format: 'text' | 'json';
  let locale: 'en' | 'ja' = earlyLocale(argv, io.env);
  let dnsServer: string | undefined;
  let ip: string | undefined;
  try {
    const { values, positionals } = parse(argv, {
      zone: { type: 'string', multiple: true },
      origin: { type: 'string' },
      'dns-server': { type: 'string' },
      ip: { type: 'string' },
      format: { type: 'string' },
      locale: { type: 'string' },
    });
    format = oneOf('format', values.format, ['text', 'json'] as const, 'text');
    locale = localeFrom(values.locale, io.env);
    const origin = originFrom(values.origin);
    const zoneFiles = [...((values.zone as string[] | undefined) ?? [])];
    const rest = [...positionals];
    // `--zone a.zone b.zone MESSAGE`: the message is the last positional.
    const message = rest.pop();
    if (message === undefined) throw usageError('messageRequired');
    if (rest.length > 0) {
      if (zoneFiles.length === 0) throw usageError('unexpectedArgument', { arg: rest[0] });
      zoneFiles.push(...rest);
    }
    if (origin !== undefined && zoneFiles.length === 0) throw usageError('originNeedsZone');
    dnsServer = values['dns-server'] as string | undefined;
    ip = values.ip as string | undefined;
    if (ip !== undefined && !isIpAddress(ip)) throw usageError('ipInvalid', { ip });
    if (dnsServer !== undefined && !/^(?:\[[0-9A-Fa-f:.]+\]|[^\s:[\]]+|[0-9A-Fa-f:]+)(?::\d{1,5})?$/.test(dnsServer))
      throw usageError('dnsServerInvalid', { server: dnsServer });
    zones = zoneFiles.map((file) => {
      try {
        return parseZoneFile(file, origin !== undefined ? { origin } : {});
      } catch (e) {
        throw usageError('zoneUnreadable', { reason: (e as Error).message });
      }
    });
    text = readMessage(message);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`zonelint diagnose: ${e.localized[locale]}\n${cliText(locale, 'diagnoseUsage')}\n`);
    return 2;
  }
  const outcome = await diagnoseMessage(text, {
    resolver: resolverFor(zones, dnsServer),
    zones,
    locale,
    ...(ip !== undefined ? { ip } : {}),
    // RFC 7208 §4.6.4: bound the whole evaluation; at least 20 seconds.
    signal: AbortSignal.timeout(EVALUATION_LIMIT_MS),
  });
  if (!outcome.ok) {
    io.stderr(`zonelint diagnose: ${NOT_FOUND[outcome.missing][locale]}\n`);
    return 2;
  }
  io.stdout(format === 'json' ? JSON.stringify(diagnosisJson(outcome.diagnosis), null, 2) + '\n' : forTerminal(diagnosisText(outcome.diagnosis, locale)));
  return 0;
}
