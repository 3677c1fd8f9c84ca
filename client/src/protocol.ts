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

/**
 * `zonelint/stats` (no params): the server's process id and its work counters, for tests
 * and bug reports. `superseded` counts DNS-dependent runs dropped because a newer version
 * of the document (or a close) came first; `published` the runs whose result was sent.
 */
export const STATS_REQUEST = 'zonelint/stats';

export interface ServerStats {
  pid: number;
  /** Sync validations: one per open, change and revalidation. */
  validations: number;
  /** DNS-dependent runs started (after the quiet time) and how they ended. */
  started: number;
  superseded: number;
  published: number;
  /** The quiet time (ms) the last DNS-dependent run was scheduled after: 0 for a document just opened. */
  quietMs: number;
  /** Keystrokes rehearsed in large documents just opened, and whether more are to come. */
  rehearsed: number;
  rehearsing: boolean;
  /**
   * SPF lookup trees of the last complete DNS-dependent run: kept from the run before (no
   * name they read changed since) and built anew. Zero both before the first run.
   */
  spfTreesKept: number;
  spfTreesBuilt: number;
  rssBytes: number;
  /** The V8 code cache the server was loaded with (server/src/boot.ts); 'off' when started without boot.ts. */
  codeCache: string;
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

/**
 * Commands the server runs (`workspace/executeCommand`, listed in its
 * `executeCommandProvider`). The client's `Zonelint:` commands call them; other editors can
 * too. Arguments are one object each, as below.
 *
 * - `zonelint.server.incrementSerial` `{uri, apply?}` → IncrementSerialResult. With
 *   `apply` (the default) the server applies the edit through `workspace/applyEdit`;
 *   without, it only returns it (for `onWillSaveTextDocument`).
 * - `zonelint.server.diagnose` `{text}` → DiagnosisReport: a pasted bounce or header block.
 * - `zonelint.server.checkIp` `{ip, sender}` → DiagnosisReport: check_host for that IP.
 * - `zonelint.server.providerActions` `{uri, position}` → ProviderAction[]: "Add <provider>
 *   to SPF" for the SPF record at the position (else the document's first one).
 * - `zonelint.server.flattenInclude` (from the spf-lookup-limit quick-fix) → applies the edit.
 *
 * After a diagnosis, the server offers its first fix as a quick-fix on the diagnosed
 * domain's SPF record, and the Domain Lockdown record when the message showed the account.
 */
export const SERVER_COMMANDS = {
  incrementSerial: 'zonelint.server.incrementSerial',
  diagnose: 'zonelint.server.diagnose',
  checkIp: 'zonelint.server.checkIp',
  providerActions: 'zonelint.server.providerActions',
  flattenInclude: 'zonelint.server.flattenInclude',
} as const;

interface LspPosition {
  line: number;
  character: number;
}

export interface LspTextEdit {
  range: { start: LspPosition; end: LspPosition };
  newText: string;
}

export interface IncrementSerialParams {
  uri: string;
  apply?: boolean;
}

export interface IncrementSerialResult {
  /** The edit on the SOA serial; none when the document has no SOA serial to bump. */
  edits: LspTextEdit[];
  serial?: string;
  /** Why the bump needs a look (RFC 1982 wrap, date in the future…), localised. */
  warning?: string;
  applied: boolean;
}

export interface DiagnoseParams {
  text: string;
}

export interface CheckIpParams {
  ip: string;
  sender: string;
}

export interface DiagnosisReport {
  /** False when the text held no sending IP or no domain to check. */
  ok: boolean;
  /** A short title for the report's tab. */
  title: string;
  markdown: string;
  domain?: string;
  /** The check_host result: pass, fail, softfail… */
  result?: string;
  fixes: { title: string; record: string }[];
  /**
   * MailChannels' Domain Lockdown record to publish at `name` (`_mailchannels.<domain>`), when
   * the mail goes through MailChannels and the domain's record is missing, lists only cfid=,
   * or leaves out the message's account; `authId` when the message showed the account.
   */
  lockdown?: { name: string; record: string; state: 'none' | 'cfid-only' | 'other-account'; authId?: string };
}

export interface ProviderActionsParams {
  uri: string;
  position: LspPosition;
}

export interface ProviderAction {
  title: string;
  edit: { changes: Record<string, LspTextEdit[]> };
}
