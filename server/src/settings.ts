/**
 * The `zonelint` settings: their defaults (the same as package.json's
 * `contributes.configuration`), normalisation of what a client sends, and the
 * per-file origin from the `origins` globs.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Severity } from './diagnostics/types';

export type DnsMode = 'live' | 'offline';
export type RuleLevel = Severity | 'off';
export type TraceLevel = 'off' | 'messages' | 'verbose';
export type SerialFormat = 'auto' | 'date' | 'unix' | 'increment';

export interface Settings {
  readonly dns: { readonly mode: DnsMode; readonly servers: readonly string[]; readonly timeoutMs: number };
  /** Glob (matched against the workspace-relative path, the absolute path and the file name) → origin. */
  readonly origins: Readonly<Record<string, string>>;
  /** Diagnostic code → level; `off` drops the diagnostic. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly serial: { readonly format: SerialFormat; readonly bumpOnSave: boolean };
  readonly codeLens: { readonly enabled: boolean };
  readonly inlayHints: { readonly enabled: boolean };
  /** Most diagnostics published for one file, the nearest to the last edit first; 0: no limit. */
  readonly diagnostics: { readonly maxPerFile: number };
  /** Most symbols (owners and their records) in a document's outline; 0: no limit. */
  readonly outline: { readonly maxItems: number };
  readonly trace: { readonly server: TraceLevel };
}

/**
 * Every setting's default, keyed as in package.json without the `zonelint.` prefix.
 * The client's manifest must declare the same values (a test compares them).
 */
export const settingDefaults = {
  'dns.mode': 'offline',
  'dns.servers': [],
  'dns.timeoutMs': 3000,
  origins: {},
  rules: {},
  'serial.format': 'auto',
  'serial.bumpOnSave': false,
  'codeLens.enabled': true,
  'inlayHints.enabled': true,
  'diagnostics.maxPerFile': 1000,
  'outline.maxItems': 5000,
  'trace.server': 'off',
} as const;

export const defaultSettings: Settings = {
  dns: { mode: settingDefaults['dns.mode'], servers: [], timeoutMs: settingDefaults['dns.timeoutMs'] },
  origins: {},
  rules: {},
  serial: { format: settingDefaults['serial.format'], bumpOnSave: settingDefaults['serial.bumpOnSave'] },
  codeLens: { enabled: settingDefaults['codeLens.enabled'] },
  inlayHints: { enabled: settingDefaults['inlayHints.enabled'] },
  diagnostics: { maxPerFile: settingDefaults['diagnostics.maxPerFile'] },
  outline: { maxItems: settingDefaults['outline.maxItems'] },
  trace: { server: settingDefaults['trace.server'] },
};

/** The levels a rule can be set to (zonelint.rules, `zonelint check --rule`). */
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];
const TRACE_LEVELS: readonly string[] = ['off', 'messages', 'verbose'];
const SERIAL_FORMATS: readonly string[] = ['auto', 'date', 'unix', 'increment'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a value either nested (`{dns: {mode}}`, as workspace/configuration returns it)
 * or flat (`{'dns.mode': …}`, as some clients send initializationOptions).
 */
function pick(raw: Record<string, unknown>, key: string): unknown {
  if (key in raw) return raw[key];
  let cur: unknown = raw;
  for (const part of key.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function stringMap<T extends string>(v: unknown, accept: (s: string) => s is T): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(v)) return out;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string' && accept(val)) out[k] = val;
  return out;
}

/** Any client value → complete Settings; missing or ill-typed keys fall back to defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  const mode = pick(r, 'dns.mode');
  const servers = pick(r, 'dns.servers');
  const timeout = pick(r, 'dns.timeoutMs');
  const format = pick(r, 'serial.format');
  const trace = pick(r, 'trace.server');
  const maxPerFile = pick(r, 'diagnostics.maxPerFile');
  const maxItems = pick(r, 'outline.maxItems');
  const flag = (key: 'serial.bumpOnSave' | 'codeLens.enabled' | 'inlayHints.enabled'): boolean => {
    const v = pick(r, key);
    return typeof v === 'boolean' ? v : settingDefaults[key];
  };
  return {
    dns: {
      mode: mode === 'live' || mode === 'offline' ? mode : defaultSettings.dns.mode,
      servers: Array.isArray(servers) ? servers.filter((s): s is string => typeof s === 'string') : [],
      timeoutMs:
        typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0 ? timeout : defaultSettings.dns.timeoutMs,
    },
    origins: stringMap(pick(r, 'origins'), (s): s is string => s.length > 0),
    rules: stringMap(pick(r, 'rules'), (s): s is RuleLevel => (RULE_LEVELS as readonly string[]).includes(s)),
    serial: {
      format: typeof format === 'string' && SERIAL_FORMATS.includes(format) ? (format as SerialFormat) : 'auto',
      bumpOnSave: flag('serial.bumpOnSave'),
    },
    codeLens: { enabled: flag('codeLens.enabled') },
    inlayHints: { enabled: flag('inlayHints.enabled') },
    diagnostics: {
      maxPerFile:
        typeof maxPerFile === 'number' && Number.isInteger(maxPerFile) && maxPerFile >= 0
          ? maxPerFile
          : settingDefaults['diagnostics.maxPerFile'],
    },
    outline: {
      maxItems:
        typeof maxItems === 'number' && Number.isInteger(maxItems) && maxItems >= 0 ? maxItems : settingDefaults['outline.maxItems'],
    },
    trace: { server: typeof trace === 'string' && TRACE_LEVELS.includes(trace) ? (trace as TraceLevel) : 'off' },
  };
}

/** Forces offline DNS (untrusted workspaces never query the network). */
export function restrictSettings(settings: Settings): Settings {
  return settings.dns.mode === 'offline' ? settings : { ...settings, dns: { ...settings.dns, mode: 'offline' } };
}

/**
 * The origin the `origins` setting assigns to a file, absolute with a trailing dot,
 * or undefined. The first matching glob in the object's order wins.
 */
export function originFor(settings: Settings, filePath: string, roots: readonly string[] = []): string | undefined {
  const candidates = [filePath.split(path.sep).join('/'), path.basename(filePath)];
  for (const root of roots) {
    const rel = path.relative(root, filePath);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) candidates.push(rel.split(path.sep).join('/'));
  }
  for (const [glob, origin] of Object.entries(settings.origins)) {
    const match = picomatch(glob, { dot: true });
    if (candidates.some((c) => match(c))) return origin.endsWith('.') ? origin : origin + '.';
  }
  return undefined;
}
