/**
 * The `zonelint.*` settings: their keys, allowed values and defaults. The one place the
 * client's defaults live; package.json's `contributes.configuration` must agree with it
 * (test/unit/client/settings.test.ts compares them) and the server falls back to the same.
 * Pure data: imports nothing from `vscode`, so a plain node test can read it.
 */
export type DnsMode = 'live' | 'offline';
export type RuleLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type SerialFormat = 'auto' | 'date' | 'unix' | 'increment';
export type TraceLevel = 'off' | 'messages' | 'verbose';

export const DNS_MODES: readonly DnsMode[] = ['live', 'offline'];
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];
export const SERIAL_FORMATS: readonly SerialFormat[] = ['auto', 'date', 'unix', 'increment'];
export const TRACE_LEVELS: readonly TraceLevel[] = ['off', 'messages', 'verbose'];

/** The whole `zonelint` section as the server receives it (workspace/configuration). */
export interface ZonelintSettings {
  dns: { mode: DnsMode; servers: string[]; timeoutMs: number };
  /** Glob (matched against the workspace-relative path) → zone origin. */
  origins: Record<string, string>;
  /** Diagnostic code → level, overriding the code's default severity. */
  rules: Record<string, RuleLevel>;
  serial: { format: SerialFormat; bumpOnSave: boolean };
  codeLens: { enabled: boolean };
  inlayHints: { enabled: boolean };
  /** Most diagnostics published for one file (0: no limit). */
  diagnostics: { maxPerFile: number };
  /** Most symbols in a document's outline (0: no limit). */
  outline: { maxItems: number };
  trace: { server: TraceLevel };
}

/** Defaults by full setting key, exactly as contributed in package.json. */
export const DEFAULTS = {
  'zonelint.dns.mode': 'offline' as DnsMode,
  'zonelint.dns.servers': [] as string[],
  'zonelint.dns.timeoutMs': 3000,
  'zonelint.origins': {} as Record<string, string>,
  'zonelint.rules': {} as Record<string, RuleLevel>,
  'zonelint.serial.format': 'auto' as SerialFormat,
  'zonelint.serial.bumpOnSave': false as boolean,
  'zonelint.codeLens.enabled': true as boolean,
  'zonelint.inlayHints.enabled': true as boolean,
  'zonelint.diagnostics.maxPerFile': 1000,
  'zonelint.outline.maxItems': 5000,
  'zonelint.trace.server': 'off' as TraceLevel,
} as const;

export type SettingKey = keyof typeof DEFAULTS;

/** The settings an untrusted workspace may not set (they make the server query DNS). */
export const RESTRICTED_IN_UNTRUSTED: readonly SettingKey[] = ['zonelint.dns.mode', 'zonelint.dns.servers'];
