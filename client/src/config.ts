/**
 * One typed getter per `zonelint.*` setting, each falling back to DEFAULTS. The rest of
 * the client reads settings only through these.
 */
import * as vscode from 'vscode';
import {
  DEFAULTS,
  DNS_MODES,
  RULE_LEVELS,
  SERIAL_FORMATS,
  TRACE_LEVELS,
  type DnsMode,
  type RuleLevel,
  type SerialFormat,
  type SettingKey,
  type TraceLevel,
  type ZonelintSettings,
} from './defaults';

export { DEFAULTS } from './defaults';
export const SECTION = 'zonelint';

function section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, scope);
}

function read<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): unknown {
  return section(scope).get<unknown>(key.slice(SECTION.length + 1), DEFAULTS[key]);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function dnsMode(scope?: vscode.ConfigurationScope): DnsMode {
  return oneOf(read('zonelint.dns.mode', scope), DNS_MODES, DEFAULTS['zonelint.dns.mode']);
}

export function dnsServers(scope?: vscode.ConfigurationScope): string[] {
  const v = read('zonelint.dns.servers', scope);
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [...DEFAULTS['zonelint.dns.servers']];
}

export function dnsTimeoutMs(scope?: vscode.ConfigurationScope): number {
  const v = read('zonelint.dns.timeoutMs', scope);
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULTS['zonelint.dns.timeoutMs'];
}

export function origins(scope?: vscode.ConfigurationScope): Record<string, string> {
  return stringRecord(read('zonelint.origins', scope));
}

export function rules(scope?: vscode.ConfigurationScope): Record<string, RuleLevel> {
  const entries = Object.entries(stringRecord(read('zonelint.rules', scope)));
  return Object.fromEntries(entries.filter((e): e is [string, RuleLevel] => RULE_LEVELS.includes(e[1] as RuleLevel)));
}

export function serialFormat(scope?: vscode.ConfigurationScope): SerialFormat {
  return oneOf(read('zonelint.serial.format', scope), SERIAL_FORMATS, DEFAULTS['zonelint.serial.format']);
}

function flag(key: 'zonelint.serial.bumpOnSave' | 'zonelint.codeLens.enabled' | 'zonelint.inlayHints.enabled', scope?: vscode.ConfigurationScope): boolean {
  const v = read(key, scope);
  return typeof v === 'boolean' ? v : DEFAULTS[key];
}

export function serialBumpOnSave(scope?: vscode.ConfigurationScope): boolean {
  return flag('zonelint.serial.bumpOnSave', scope);
}

export function codeLensEnabled(scope?: vscode.ConfigurationScope): boolean {
  return flag('zonelint.codeLens.enabled', scope);
}

export function inlayHintsEnabled(scope?: vscode.ConfigurationScope): boolean {
  return flag('zonelint.inlayHints.enabled', scope);
}

export function diagnosticsMaxPerFile(scope?: vscode.ConfigurationScope): number {
  const v = read('zonelint.diagnostics.maxPerFile', scope);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : DEFAULTS['zonelint.diagnostics.maxPerFile'];
}

export function outlineMaxItems(scope?: vscode.ConfigurationScope): number {
  const v = read('zonelint.outline.maxItems', scope);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : DEFAULTS['zonelint.outline.maxItems'];
}

export function traceServer(scope?: vscode.ConfigurationScope): TraceLevel {
  return oneOf(read('zonelint.trace.server', scope), TRACE_LEVELS, DEFAULTS['zonelint.trace.server']);
}

/** The whole section, as sent in initializationOptions for clients without workspace/configuration. */
export function allSettings(scope?: vscode.ConfigurationScope): ZonelintSettings {
  return {
    dns: { mode: dnsMode(scope), servers: dnsServers(scope), timeoutMs: dnsTimeoutMs(scope) },
    origins: origins(scope),
    rules: rules(scope),
    serial: { format: serialFormat(scope), bumpOnSave: serialBumpOnSave(scope) },
    codeLens: { enabled: codeLensEnabled(scope) },
    inlayHints: { enabled: inlayHintsEnabled(scope) },
    diagnostics: { maxPerFile: diagnosticsMaxPerFile(scope) },
    outline: { maxItems: outlineMaxItems(scope) },
    trace: { server: traceServer(scope) },
  };
}
