/**
 * The language server's entry point (`zonelint-lsp --stdio` or `--node-ipc`): wires the
 * connection to the language-service facade. No analysis happens here.
 *
 * Diagnostics: clients that support pull (`textDocument/diagnostic`) pull them and are
 * asked to re-pull (`workspace/diagnostic/refresh`) when DNS-dependent results arrive;
 * other clients get them pushed, with the document version, first the syntax ones at
 * once and then, debounced, the complete set.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  ProposedFeatures,
  type MessageReader,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  SERVER_COMMANDS,
  STATS_REQUEST,
  type CheckIpParams,
  type DiagnoseParams,
  type IncrementSerialParams,
  type IncrementSerialResult,
  type ProviderActionsParams,
  type ServerStats,
} from '../../client/src/protocol';
import type { FlattenArgs } from './features/codeActions';
import { ChunkedDocument } from './document';
import { getLanguageService, uriToPath, type LanguageService } from './languageService';
import { localeFrom } from './l10n';
import { defaultSettings, normalizeSettings, type Settings } from './settings';
import { consoleTo, stdioWriter } from './transport';

/** Quiet time after the last edit before DNS-dependent checks start. */
const ASYNC_DEBOUNCE_MS = 400;

export const STATUS_NOTIFICATION = 'zonelint/status';

// On stdio, diagnostics go out as JSON kept with each one (transport.ts); the other
// transports (VS Code's IPC, sockets) are createConnection's own. Standard input is given
// as the stream it is (the typings want a reader with a writer): createConnection then
// reads it and exits when it closes, as with --stdio.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(
      ProposedFeatures.all,
      process.stdin as unknown as MessageReader,
      stdioWriter(process.stdout),
    )
  : createConnection(ProposedFeatures.all);
if (stdio) consoleTo(connection.console);
// Chunked: an edit in a large zone copies a chunk, not the whole text (document.ts).
const documents = new TextDocuments(ChunkedDocument);

let settings: Settings = defaultSettings;
let service: LanguageService;
let folders: string[] = [];
let canPullConfiguration = false;
let canRegisterConfiguration = false;
let canWatchFiles = false;
let canWatchFolders = false;
let pullDiagnostics = false;
let canRefreshDiagnostics = false;
let canRefreshCodeLens = false;
let canRefreshInlayHints = false;

/** Per document: the pending DNS-dependent run and the last complete result. */
const pending = new Map<string, { timer?: NodeJS.Timeout; abort: AbortController }>();
const complete = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
const lastStatus = new Map<string, string>();
const stats = { validations: 0, started: 0, superseded: 0, published: 0, quietMs: 0, rehearsed: 0 };

/**
 * Keystrokes rehearsed after a large document's first complete check, while its user
 * reads it (LanguageService.rehearseEdit): the first real ones then run optimized code.
 * One per turn of the event loop, stopped by an edit, and cut short when one is slow.
 */
const REHEARSALS = 16;
const REHEARSE_MIN_LINES = 10_000;
const REHEARSAL_MAX_MS = 300;
/** Documents rehearsed already (once per open) and those being rehearsed. */
const rehearsed = new Set<string>();
const rehearsing = new Set<string>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  canPullConfiguration = caps.workspace?.configuration === true;
  canRegisterConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canWatchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canWatchFolders = caps.workspace?.workspaceFolders === true;
  pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
  canRefreshDiagnostics = caps.workspace?.diagnostics?.refreshSupport === true;
  canRefreshCodeLens = caps.workspace?.codeLens?.refreshSupport === true;
  canRefreshInlayHints = caps.workspace?.inlayHint?.refreshSupport === true;
  const init = (params.initializationOptions ?? {}) as { trusted?: unknown; settings?: unknown };
  settings = normalizeSettings(init.settings ?? init);
  folders = (params.workspaceFolders ?? [])
    .map((f) => uriToPath(f.uri))
    .concat(params.workspaceFolders ? [] : [params.rootUri ? uriToPath(params.rootUri) : undefined])
    .filter((f): f is string => f !== undefined);
  service = getLanguageService({
    locale: localeFrom(params.locale),
    settings: () => settings,
    folders: () => folders,
    trusted: init.trusted !== false,
    hoverFormat: hoverFormat(caps.textDocument?.hover?.contentFormat),
  });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['$'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      codeLensProvider: { resolveProvider: true },
      inlayHintProvider: true,
      executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      ...(pullDiagnostics
        ? { diagnosticProvider: { identifier: 'zonelint', interFileDependencies: true, workspaceDiagnostics: false } }
        : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: canWatchFolders } },
    },
    serverInfo: { name: 'zonelint', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (canRegisterConfiguration) {
    await connection.client.register(DidChangeConfigurationNotification.type, { section: 'zonelint' });
  }
  if (canWatchFiles) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{zone,arpa,db}' }, { globPattern: '**/db.*' }],
    });
  }
  if (canWatchFolders) watchWorkspaceFolders();
  await refreshSettings();
  await service.index.scan(folders);
  revalidateAll();
});

async function refreshSettings(pushed?: unknown): Promise<void> {
  if (canPullConfiguration) {
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: 'zonelint' }])) as unknown[];
      // A client that knows nothing of the section answers null: keep initializationOptions then.
      if (typeof section === 'object' && section !== null) settings = normalizeSettings(section);
    } catch (e) {
      connection.console.warn(`zonelint: workspace/configuration failed: ${String(e)}`);
    }
  } else if (pushed !== undefined && pushed !== null) {
    settings = normalizeSettings((pushed as { zonelint?: unknown })?.zonelint ?? pushed);
  }
}

connection.onDidChangeConfiguration(async (change) => {
  await refreshSettings(change.settings);
  service.invalidate();
  revalidateAll();
  if (canRefreshCodeLens) void connection.sendRequest('workspace/codeLens/refresh');
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  const open = new Set(documents.keys());
  for (const change of changes) {
    const file = uriToPath(change.uri);
    if (file === undefined) continue;
    if (change.type === FileChangeType.Deleted) service.index.fileDeleted(file);
    else await service.index.fileChanged(file);
  }
  // Saving an open document changes nothing in use: the editor's text already is.
  if (changes.every((c) => open.has(c.uri))) return;
  // Includes and zone data of other files may have changed.
  service.invalidate();
  revalidateAll();
});

function watchWorkspaceFolders(): void {
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
    const added = event.added.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
    folders = [...folders.filter((f) => !removed.has(f)), ...added];
    void service.index.scan(added);
  });
}

/**
 * Documents just opened: their first DNS-dependent run starts at once, with no typing to wait
 * out (its diagnostics come 400 ms sooner, and a large zone's owner indexes, which that run
 * makes, are ready sooner for the first edit).
 */
const justOpened = new Set<string>();
documents.onDidOpen(({ document }) => justOpened.add(document.uri));
documents.onDidChangeContent(({ document }) => validate(document));
// Saved with other records than it was opened with, or back to them: zone-serial-unchanged comes or goes.
documents.onDidSave(({ document }) => {
  if (service.saved(document)) validate(document);
});

documents.onDidClose(({ document }) => {
  cancel(document.uri);
  complete.delete(document.uri);
  lastStatus.delete(document.uri);
  asyncCost.delete(document.uri);
  rehearsed.delete(document.uri);
  service.forget(document.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

function revalidateAll(): void {
  complete.clear();
  for (const document of documents.all()) validate(document);
  if (pullDiagnostics && canRefreshDiagnostics) void connection.languages.diagnostics.refresh();
}

function cancel(uri: string): void {
  const p = pending.get(uri);
  if (!p) return;
  stats.superseded++;
  clearTimeout(p.timer);
  p.abort.abort();
  pending.delete(uri);
}

/** `zonelint/status` on open and whenever the origin or the DNS mode changes. */
function sendStatus(uri: string, status: { uri: string; origin: string | null; dnsMode: string }): void {
  const key = JSON.stringify(status);
  if (lastStatus.get(uri) === key) return;
  lastStatus.set(uri, key);
  void connection.sendNotification(STATUS_NOTIFICATION, status);
}

/** How long the last DNS-dependent run of each document took, in ms. */
const asyncCost = new Map<string, number>();

/**
 * The quiet time before the DNS-dependent checks: ASYNC_DEBOUNCE_MS, or twice what the
 * last run took when that is longer (a zone of a million records checks for seconds, and
 * starting that at every pause in typing would hold up the next keystroke), at most 10 s.
 */
function asyncDelay(uri: string): number {
  return Math.min(10_000, Math.max(ASYNC_DEBOUNCE_MS, 2 * (asyncCost.get(uri) ?? 0)));
}

/** Syntax diagnostics now; the DNS-dependent set after a quiet time, superseding earlier runs. */
function validate(document: TextDocument): void {
  cancel(document.uri);
  stats.validations++;
  const { uri, version } = document;
  sendStatus(uri, {
    uri,
    origin: service.originOf(document),
    dnsMode: service.effectiveSettings().dns.mode,
  });
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri, version, diagnostics: service.validateSync(document) });
  const abort = new AbortController();
  stats.quietMs = justOpened.delete(uri) ? 0 : asyncDelay(uri);
  const timer = setTimeout(() => {
    stats.started++;
    const started = performance.now();
    const took = (): void => {
      if (!abort.signal.aborted) asyncCost.set(uri, performance.now() - started);
    };
    service.validate(document, abort.signal).finally(took).then(
      (diagnostics) => {
        if (abort.signal.aborted || documents.get(uri)?.version !== version) return;
        pending.delete(uri);
        stats.published++;
        complete.set(uri, { version, diagnostics });
        if (!pullDiagnostics) void connection.sendDiagnostics({ uri, version, diagnostics });
        else if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh();
        rehearse(document);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) connection.console.error(`zonelint: checks failed for ${uri}: ${String(error)}`);
      },
    );
  }, stats.quietMs);
  pending.set(uri, { timer, abort });
}

/** Rehearses keystrokes in a large document once, after its first complete check. */
function rehearse(document: TextDocument): void {
  const { uri, version } = document;
  if (rehearsed.has(uri) || document.lineCount < REHEARSE_MIN_LINES) return;
  rehearsed.add(uri);
  rehearsing.add(uri);
  let k = 0;
  const step = (): void => {
    // An edit came (its own run is pending) or the document closed: typing goes on from here.
    if (documents.get(uri)?.version !== version || pending.has(uri)) return void rehearsing.delete(uri);
    const started = performance.now();
    try {
      if (service.rehearseEdit(document, k)) stats.rehearsed++;
    } catch (error) {
      connection.console.error(`zonelint: rehearsal failed for ${uri}: ${String(error)}`);
      return void rehearsing.delete(uri);
    }
    if (++k < REHEARSALS && performance.now() - started <= REHEARSAL_MAX_MS) setImmediate(step);
    else rehearsing.delete(uri);
  };
  setImmediate(step);
}

connection.languages.diagnostics.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const done = complete.get(document.uri);
  const items = done?.version === document.version ? done.diagnostics : service.validateSync(document);
  return { kind: DocumentDiagnosticReportKind.Full, items };
});

/**
 * The first hover format the client lists that we write. A client that declares none
 * gets markdown: every editor we know renders it, and one that cannot says `plaintext`.
 */
function hoverFormat(formats: readonly string[] | undefined): 'markdown' | 'plaintext' {
  return (formats?.find((f) => f === 'markdown' || f === 'plaintext') as 'markdown' | 'plaintext' | undefined) ?? 'markdown';
}

connection.onHover(({ textDocument, position }, token) => {
  const document = documents.get(textDocument.uri);
  if (!document) return undefined;
  const abort = new AbortController();
  token.onCancellationRequested(() => abort.abort());
  return service.doHoverAsync(document, position, abort.signal);
});

connection.onCompletion(({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.getCompletions(document, position) : undefined;
});

connection.onDocumentSymbol(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.getDocumentSymbols(document) : undefined;
});

connection.onFoldingRanges(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.getFoldingRanges(document) : undefined;
});

connection.onDefinition(({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.findDefinition(document, position) : undefined;
});

connection.onDocumentLinks(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.getDocumentLinks(document) : undefined;
});

connection.onCodeAction(({ textDocument, context, range }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.getCodeActions(document, context, range) : undefined;
});

connection.onDocumentFormatting(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.formatDocument(document) : undefined;
});

connection.onDocumentRangeFormatting(({ textDocument, range }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.formatRange(document, range) : undefined;
});

connection.onCodeLens(({ textDocument }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.getCodeLenses(document) : undefined;
});

connection.onCodeLensResolve((lens, token) => {
  const uri = service.codeLensUri(lens);
  const document = uri === undefined ? undefined : documents.get(uri);
  return document ? service.resolveCodeLens(document, lens, abortOn(token)) : { range: lens.range, command: { title: '', command: '' } };
});

connection.languages.inlayHint.on(({ textDocument, range }) => {
  const document = documents.get(textDocument.uri);
  return document ? service.getInlayHints(document, range) : undefined;
});

function abortOn(token: { onCancellationRequested(listener: () => void): unknown }): AbortSignal {
  const abort = new AbortController();
  token.onCancellationRequested(() => abort.abort());
  return abort.signal;
}

/** The commands of SERVER_COMMANDS (client/src/protocol.ts documents their arguments). */
connection.onExecuteCommand(async ({ command, arguments: args }, token) => {
  const arg = (args?.[0] ?? {}) as Record<string, unknown>;
  const signal = abortOn(token);
  switch (command) {
    case SERVER_COMMANDS.incrementSerial: {
      const { uri, apply } = arg as unknown as IncrementSerialParams;
      const document = documents.get(uri);
      const bump = document && service.incrementSerial(document);
      if (!bump) return { edits: [], applied: false } satisfies IncrementSerialResult;
      const result = { edits: [bump.edit], serial: bump.serial, ...(bump.warning ? { warning: bump.warning } : {}) };
      if (apply === false) return { ...result, applied: false } satisfies IncrementSerialResult;
      const applied = await connection.workspace.applyEdit({ label: 'Increment SOA serial', edit: { changes: { [uri]: [bump.edit] } } });
      return { ...result, applied: applied.applied } satisfies IncrementSerialResult;
    }
    case SERVER_COMMANDS.diagnose:
      return service.diagnose(String((arg as unknown as DiagnoseParams).text ?? ''), signal);
    case SERVER_COMMANDS.checkIp: {
      const { ip, sender } = arg as unknown as CheckIpParams;
      return service.checkIp({ ip: String(ip ?? ''), sender: String(sender ?? '') }, signal);
    }
    case SERVER_COMMANDS.providerActions: {
      const { uri, position } = arg as unknown as ProviderActionsParams;
      const document = documents.get(uri);
      return document ? service.providerActions(document, position) : [];
    }
    case SERVER_COMMANDS.flattenInclude: {
      const { uri, problem } = arg as unknown as FlattenArgs;
      const document = documents.get(uri);
      const edits = document && (await service.flattenInclude(document, problem, signal));
      if (!edits) return { applied: false };
      return connection.workspace.applyEdit({ label: 'Flatten include', edit: { changes: { [uri]: edits } } });
    }
    default:
      return undefined;
  }
});

connection.onRequest(
  STATS_REQUEST,
  (): ServerStats => ({
    pid: process.pid,
    ...stats,
    rehearsing: rehearsing.size > 0,
    spfTreesKept: service.lookupStats()?.reused ?? 0,
    spfTreesBuilt: service.lookupStats()?.built ?? 0,
    rssBytes: process.memoryUsage.rss(),
    codeCache: String((globalThis as Record<symbol, unknown>)[Symbol.for('zonelint.codeCache')] ?? 'off'),
  }),
);

connection.onShutdown(() => {
  for (const uri of [...pending.keys()]) cancel(uri);
});

documents.listen(connection);
connection.listen();
