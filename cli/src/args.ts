/**
 * Command-line parsing for every subcommand: node:util parseArgs with the option
 * tables below; usage errors come back as a UsageError (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(argv: string[], options: Options): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got ${String(value)})`);
}

/** The locale: --locale, else the environment's language (LC_ALL, LC_MESSAGES, LANG). */
export function localeFrom(value: unknown, env: NodeJS.ProcessEnv): 'en' | 'ja' {
  if (value !== undefined) return oneOf('locale', value, ['en', 'ja'] as const, 'en');
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** An absolute origin from --origin (a trailing dot is added when missing). */
export function originFrom(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (s === '' ) throw new UsageError('--origin needs a domain name');
  return s.endsWith('.') ? s : s + '.';
}
