/**
 * The zonelint command. Subcommands: check, print, spf. See README.md for the reference.
 * Exit codes: 0 no error-severity diagnostic (or success), 1 an error diagnostic, 2 usage or I/O error.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, UsageError, usageError, oneOf, localeFrom, originFrom } from './args';
import { cliText, earlyLocale } from './messages';
import type { Locale } from '../../server/src/diagnostics/types';
import { toFindings, textPieces, jsonPieces, githubPieces, formatSarif, type Finding, type RuleLevels } from './report';
import { allCodes } from '../../server/src/diagnostics/registry';
import { RULE_LEVELS, type RuleLevel } from '../../server/src/settings';
import { parseZoneText, printZone } from '../../server/src/zone/index';
import { includeInside } from '../../server/src/zone/includePolicy';
import { decodeZoneBytes } from '../../server/src/zone/encoding';
import { analyzeSync, analyzeAsync } from '../../server/src/analysis';
import { createResolver } from '../../server/src/dns/chain';
import type { Zone } from '../../server/src/zone/ast';
import { spfCommand } from './spf';
import { diagnoseCommand } from './diagnose';
import { guardedWriter } from './output';

declare const ZONELINT_VERSION: string | undefined;
const VERSION = typeof ZONELINT_VERSION === 'string' ? ZONELINT_VERSION : '0.0.0-dev';

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  env: NodeJS.ProcessEnv;
}

const help = (locale: Locale): string => cliText(locale, 'help', { version: VERSION });

function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const locale = earlyLocale(argv, io.env);
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(help(locale));
        return command === undefined ? 2 : 0;
      case '--version':
      case '-V':
        io.stdout(VERSION + '\n');
        return 0;
      case 'check':
      case 'print':
      case 'spf':
      case 'diagnose':
        // `zonelint spf --help`: the help, which covers every command (before a `--` only).
        if (wantsHelp(rest)) {
          io.stdout(help(locale));
          return 0;
        }
        break;
      default:
        throw usageError('unknownCommand', { command });
    }
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'print':
        return print(rest, io);
      case 'spf':
        return await spfCommand(rest, io);
      default:
        return await diagnoseCommand(rest, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`zonelint: ${e.localized[locale]}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * `$INCLUDE` may read inside the current folder, the zone's own folder and each
 * `--allow-include DIR`, nothing else: a zone from elsewhere must not read your files.
 */
function readZone(
  file: string,
  origin: string | undefined,
  allowed: unknown,
  io: Io,
  locale: Locale,
): { zone: Zone; text: string } | undefined {
  // `-` is standard input: no file name to take the origin from, and `$INCLUDE` reads
  // relative to the current folder.
  const stdin = file === '-';
  const abs = stdin ? undefined : resolve(file);
  const extra = ((allowed as string[] | undefined) ?? []).map((d) => resolve(d));
  const allowInclude = includeInside([process.cwd(), ...(abs === undefined ? [] : [dirname(abs)]), ...extra]);
  let text: string;
  try {
    // Read here rather than by parseZoneFile: the check keeps the text for line numbers
    // instead of reading a large zone twice.
    text = decodeZoneBytes(readFileSync(abs ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const text =
      code === 'ENOENT'
        ? cliText(locale, 'noSuchFile', { file })
        : code === 'EISDIR'
          ? cliText(locale, 'isDirectory', { file })
          : cliText(locale, 'cannotRead', { file, reason: (e as Error).message });
    io.stderr(`zonelint: ${text}\n`);
    return undefined;
  }
  const options = origin ? { origin, allowInclude } : { allowInclude };
  return { zone: parseZoneText(text, abs === undefined ? options : { ...options, path: abs }), text };
}

async function check(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    origin: { type: 'string' },
    format: { type: 'string' },
    locale: { type: 'string' },
    dns: { type: 'string' },
    'dns-server': { type: 'string', multiple: true },
    'allow-include': { type: 'string', multiple: true },
    rule: { type: 'string', multiple: true },
  });
  const rules = rulesFrom(values.rule as string[] | undefined);
  const format = oneOf('format', values.format, ['text', 'json', 'sarif', 'github'] as const, 'text');
  const locale = localeFrom(values.locale, io.env);
  const servers = (values['dns-server'] as string[] | undefined) ?? [];
  const mode = oneOf('dns', values.dns, ['offline', 'live'] as const, 'offline');
  const origin = originFrom(values.origin);
  if (positionals.length === 0) throw usageError('checkNeedsFile');
  if (positionals.filter((f) => f === '-').length > 1) throw usageError('stdinOnce');

  const zones: Zone[] = [];
  const files: string[] = [];
  const sources: string[] = [];
  let ioError = false;
  for (const file of positionals) {
    const read = readZone(file, origin, values['allow-include'], io, locale);
    if (!read) {
      ioError = true;
      continue;
    }
    zones.push(read.zone);
    files.push(file);
    sources.push(read.text);
  }
  const resolver = createResolver({ mode, servers, timeoutMs: 3000 }, () => zones);
  const findings: Finding[] = [];
  for (let i = 0; i < zones.length; i++) {
    const problems = [...analyzeSync(zones[i], { standalone: true }), ...(await analyzeAsync(zones[i], { resolver }))];
    const display = files[i];
    const abs = resolve(display);
    const source = sources[i];
    const texts = (p: string): string | undefined => {
      if (p === display) return source;
      try {
        return decodeZoneBytes(readFileSync(p));
      } catch {
        return undefined;
      }
    };
    findings.push(
      ...toFindings(display, problems, texts, locale, rules).map((f) => (f.file === abs ? { ...f, file: display } : f)),
    );
  }
  if (format === 'json') writePieces(io, jsonPieces(findings));
  else if (format === 'sarif') io.stdout(formatSarif(findings, VERSION, locale) + '\n');
  else if (format === 'github') {
    if (findings.length) writePieces(io, githubPieces(findings));
  } else if (findings.length) writePieces(io, textPieces(findings));
  if (ioError) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** `--rule CODE=LEVEL`, repeated: the level of each diagnostic code, as the editor's zonelint.rules sets it. */
function rulesFrom(values: readonly string[] | undefined): RuleLevels {
  const rules: Record<string, RuleLevel> = {};
  for (const value of values ?? []) {
    const m = /^([^=\s]+)=([a-z]+)$/.exec(value.trim());
    if (!m || !(RULE_LEVELS as readonly string[]).includes(m[2])) throw usageError('ruleForm', { value, levels: RULE_LEVELS.join(', ') });
    const code = m[1];
    if (!allCodes.has(code)) {
      const near = [...allCodes.keys()].filter((c) => c.includes(code) || code.includes(c)).slice(0, 5);
      throw usageError(near.length > 0 ? 'ruleUnknownNear' : 'ruleUnknown', { code, near: near.join(', ') });
    }
    rules[code] = m[2] as RuleLevel;
  }
  return rules;
}

/** Writes the pieces and a final newline, in writes of about 64 KB. */
function writePieces(io: Io, pieces: Iterable<string>): void {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 16) {
      io.stdout(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  batch.push('\n');
  io.stdout(batch.join(''));
}

function print(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, {
    origin: { type: 'string' },
    'allow-include': { type: 'string', multiple: true },
  });
  if (positionals.length !== 1) throw usageError('printNeedsFile');
  const read = readZone(positionals[0], originFrom(values.origin), values['allow-include'], io, earlyLocale(argv, io.env));
  if (!read) return 2;
  io.stdout(printZone(read.zone));
  return 0;
}

if (require.main === module) {
  const locale = earlyLocale(process.argv, process.env);
  const stderr = guardedWriter(process.stderr, () => undefined);
  // A write error may come after main has finished (Node reports it on a later turn).
  const stdout = guardedWriter(process.stdout, (e) => {
    stderr(`zonelint: ${cliText(locale, 'cannotWrite', { reason: e.message })}\n`);
    process.exitCode = 2;
  });
  const io: Io = { stdout, stderr, env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = stdout.failure() ? 2 : code;
    },
    (e: unknown) => {
      const stack = (e as Error).stack ?? String(e);
      stderr(`zonelint: ${cliText(locale, 'internalError', { stack })}\n`);
      process.exitCode = 2;
    },
  );
}
