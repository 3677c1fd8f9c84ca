/**
 * The zonelint command. Subcommands: check, print, spf. See README.md for the reference.
 * Exit codes: 0 no error-severity diagnostic (or success), 1 an error diagnostic, 2 usage or I/O error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, UsageError, oneOf, localeFrom, originFrom } from './args';
import { toFindings, formatText, formatJson, formatSarif, type Finding } from './report';
import { parseZoneFile, printZone } from '../../server/src/zone/index';
import { analyzeSync, analyzeAsync } from '../../server/src/analysis';
import { createResolver } from '../../server/src/dns/chain';
import type { Zone } from '../../server/src/zone/ast';
import { spfCommand } from './spf';

declare const ZONELINT_VERSION: string | undefined;
const VERSION = typeof ZONELINT_VERSION === 'string' ? ZONELINT_VERSION : '0.0.0-dev';

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  env: NodeJS.ProcessEnv;
}

const HELP = `zonelint ${VERSION} — lint BIND zone files and their SPF, DMARC and DKIM records

Usage:
  zonelint check [--origin NAME] [--format text|json|sarif] [--locale en|ja]
                 [--dns offline|live] [--dns-server HOST:PORT] FILE...
  zonelint print [--origin NAME] FILE
  zonelint spf --ip IP --sender ADDRESS [--helo NAME] [--zone FILE... [--origin NAME]]
               [--dns-server HOST:PORT] [--format text|json]
  zonelint --help | --version

check   Parse each zone and run every check. Text output: FILE:LINE:COL: SEVERITY CODE MESSAGE.
        Exit 0 when no error-severity diagnostic, 1 when there is one, 2 on usage or I/O errors.
        --dns defaults to offline: no query leaves the machine; names outside the zone are
        resolved from a bundled snapshot of well-known providers' records.
print   The zone after all directives, one record per line: OWNER TTL CLASS TYPE RDATA,
        absolute names, as named-checkzone -D prints it.
spf     Evaluate SPF check_host() for a sending IP and sender (RFC 7208).
`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(HELP);
        return command === undefined ? 2 : 0;
      case '--version':
      case '-V':
        io.stdout(VERSION + '\n');
        return 0;
      case 'check':
        return await check(rest, io);
      case 'print':
        return print(rest, io);
      case 'spf':
        return await spfCommand(rest, io);
      default:
        throw new UsageError(`unknown command '${command}' (see zonelint --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`zonelint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function readZone(file: string, origin: string | undefined, io: Io): Zone | undefined {
  try {
    return parseZoneFile(resolve(file), origin ? { origin } : {});
  } catch (e) {
    io.stderr(`zonelint: ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    return undefined;
  }
}

async function check(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    origin: { type: 'string' },
    format: { type: 'string' },
    locale: { type: 'string' },
    dns: { type: 'string' },
    'dns-server': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const format = oneOf('format', values.format, ['text', 'json', 'sarif'] as const, 'text');
  const locale = localeFrom(values.locale, io.env);
  const servers = (values['dns-server'] as string[] | undefined) ?? [];
  const mode = oneOf('dns', values.dns, ['offline', 'live'] as const, 'offline');
  const origin = originFrom(values.origin);
  if (positionals.length === 0) throw new UsageError('check needs at least one FILE');

  const zones: Zone[] = [];
  const files: string[] = [];
  let ioError = false;
  for (const file of positionals) {
    const zone = readZone(file, origin, io);
    if (!zone) {
      ioError = true;
      continue;
    }
    zones.push(zone);
    files.push(file);
  }
  const resolver = createResolver({ mode, servers, timeoutMs: 3000 }, () => zones);
  const findings: Finding[] = [];
  for (let i = 0; i < zones.length; i++) {
    const problems = [...analyzeSync(zones[i]), ...(await analyzeAsync(zones[i], { resolver }))];
    const display = files[i];
    const abs = resolve(display);
    const texts = (p: string): string | undefined => {
      try {
        return readFileSync(p === display ? abs : p, 'utf8');
      } catch {
        return undefined;
      }
    };
    findings.push(
      ...toFindings(display, problems, texts, locale).map((f) => (f.file === abs ? { ...f, file: display } : f)),
    );
  }
  if (format === 'json') io.stdout(formatJson(findings) + '\n');
  else if (format === 'sarif') io.stdout(formatSarif(findings, VERSION, locale) + '\n');
  else if (findings.length) io.stdout(formatText(findings) + '\n');
  if (ioError) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function print(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, { origin: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('print needs exactly one FILE');
  const zone = readZone(positionals[0], originFrom(values.origin), io);
  if (!zone) return 2;
  io.stdout(printZone(zone));
  return 0;
}

if (require.main === module) {
  const io: Io = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`zonelint: internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
