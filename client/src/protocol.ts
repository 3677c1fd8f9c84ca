/**
 * Zonelint's own LSP messages, beyond the standard ones. Plain types, importable by the
 * server (`import type`) as well as the client.
 *
 * `zonelint/status` — notification, server → client. Sent after the server has parsed a
 * document (on open, and again whenever the origin or the DNS mode it uses changes):
 *
 *     { "uri": "file:///…/db.example", "origin": "example.com.", "dnsMode": "offline" }
 *
 * - `uri`: the document, as in `textDocument/didOpen`.
 * - `origin`: the absolute origin (with the final dot) the server resolves relative names
 *   against — the first `$ORIGIN`, else the `zonelint.origins` match, else the one guessed
 *   from the file name — or `null` when it has none.
 * - `dnsMode`: the mode in force for that document: `"offline"` whenever the workspace is
 *   untrusted, whatever the settings say.
 *
 * The client shows it in the status bar; without it the status bar shows the DNS mode from
 * the settings and "origin unknown".
 */
import type { DnsMode } from './defaults';

export const STATUS_NOTIFICATION = 'zonelint/status';

export interface StatusParams {
  uri: string;
  origin: string | null;
  dnsMode: DnsMode;
}

/** The initializationOptions the client sends with `initialize`. */
export interface InitializationOptions {
  /** `vscode.workspace.isTrusted`: when false the server stays offline. */
  trusted: boolean;
  /** The `zonelint` settings section, for servers whose client lacks workspace/configuration. */
  settings: import('./defaults').ZonelintSettings;
}

export function isStatusParams(value: unknown): value is StatusParams {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.uri === 'string' &&
    (v.origin === null || typeof v.origin === 'string') &&
    (v.dnsMode === 'live' || v.dnsMode === 'offline')
  );
}
