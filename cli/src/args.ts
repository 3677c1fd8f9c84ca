/**
 * Command-line parsing for every subcommand: node:util parseArgs with the option
 * tables below; usage errors come back as a UsageError (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { cliText, type CliTextKey, type Localized } from './messages';

/** A usage error, with its message in each locale (a plain string stays as written). */
export class UsageError extends Error {
  readonly localized: Localized;

  constructor(text: string | Localized) {
    const localized = typeof text === 'string' ? { en: text, ja: text } : text;
    super(localized.en);
    this.localized = localized;
  }
}

/** A UsageError from the CLI catalogue (messages.ts). */
export function usageError(key: CliTextKey, args: Record<string, string | number> = {}): UsageError {
  return new UsageError({ en: cliText('en', key, args), ja: cliText('ja', key, args) });
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(argv: string[], options: Options): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (e) {
    // Node's own wording, in English: the Japanese text says what it is about.
    throw usageError('badArguments', { detail: (e as Error).message });
  }
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw usageError('oneOf', { name, allowed: allowed.join(', '), value: String(value) });
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
  if (s === '') throw usageError('originEmpty');
  return s.endsWith('.') ? s : s + '.';
}
