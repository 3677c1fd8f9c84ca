/**
 * The language-service facade: parses a document once per version and hands that
 * parse to every feature. Knows nothing of the connection; server.ts wires it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  CodeAction,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { analyzeAsync, analyzeSync } from './analysis';
import { createResolver } from './dns/chain';
import type { Resolver } from './dns/resolver';
import { getCodeActions } from './features/codeActions';
import { getCompletions } from './features/completion';
import type { FeatureContext, ParsedDocument } from './features/context';
import { findDefinition } from './features/definition';
import { toDiagnostics } from './features/diagnostics';
import { getFoldingRanges } from './features/folding';
import { doHover, doHoverAsync, providerName, syncTxtSource, type HoverContext, type HoverFormat } from './features/hover';
import { getDocumentLinks } from './features/links';
import { toRange } from './features/spans';
import { getDocumentSymbols } from './features/symbols';
import type { Locale } from './l10n';
import { originFor, restrictSettings, type Settings } from './settings';
import { WorkspaceIndex } from './workspace';
import type { Zone } from './zone/ast';
import { parseZoneText } from './zone';

export type { ParsedDocument } from './features/context';

export interface LanguageServiceOptions {
  readonly locale: Locale;
  /** The current settings (read on every parse, so a change applies at the next one). */
  readonly settings: () => Settings;
  /** Workspace folders, absolute paths. */
  readonly folders: () => readonly string[];
  /** Workspace trust: when false, DNS stays offline and $INCLUDE stays inside the workspace. */
  readonly trusted: boolean;
  /** Reads a file (for $INCLUDE and for locations in other files); defaults to the disk. */
  readonly readFile?: (absolutePath: string) => string | undefined;
  /** What the client's hover `contentFormat` accepts; markdown unless told otherwise. */
  readonly hoverFormat?: HoverFormat;
}

export interface LanguageService {
  parse(document: TextDocument): ParsedDocument;
  /** The settings in force (workspace trust applied). */
  effectiveSettings(): Settings;
  /** Diagnostics that need nothing but the text: computed at once. */
  validateSync(document: TextDocument): Diagnostic[];
  /** Diagnostics that may wait on DNS (sync ones included). Rejects only when aborted. */
  validate(document: TextDocument, signal?: AbortSignal): Promise<Diagnostic[]>;
  /** Hover from the parse, zone data and the provider snapshot: no waiting. */
  doHover(document: TextDocument, position: Position): Hover | undefined;
  /** Hover that may follow `include:` / `redirect=` through the resolver (live DNS when set). */
  doHoverAsync(document: TextDocument, position: Position, signal?: AbortSignal): Promise<Hover | undefined>;
  getCompletions(document: TextDocument, position: Position): CompletionList;
  getDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument): FoldingRange[];
  findDefinition(document: TextDocument, position: Position): Location[];
  getDocumentLinks(document: TextDocument): DocumentLink[];
  getCodeActions(document: TextDocument, context: CodeActionContext): CodeAction[];
  /** The document was closed: drop its parse and its place in the index. */
  forget(uri: string): void;
  /** Settings changed: every parse is stale. */
  invalidate(): void;
  readonly index: WorkspaceIndex;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function readFromDisk(absolutePath: string): string | undefined {
  try {
    return fs.readFileSync(absolutePath, 'utf8');
  } catch {
    return undefined;
  }
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function getLanguageService(options: LanguageServiceOptions): LanguageService {
  const readFile = options.readFile ?? readFromDisk;
  const cache = new Map<string, { version: number; parsed: ParsedDocument }>();
  let resolver: { key: string; resolver: Resolver } | undefined;

  const effectiveSettings = (): Settings =>
    options.trusted ? options.settings() : restrictSettings(options.settings());

  const parseFile = (text: string, filePath: string | undefined): Zone => {
    const origin = filePath === undefined ? undefined : originFor(effectiveSettings(), filePath, options.folders());
    const ownDir = filePath === undefined ? undefined : path.dirname(filePath);
    return parseZoneText(text, {
      origin,
      path: filePath,
      readFile,
      allowInclude: options.trusted
        ? undefined
        : (target) => [...options.folders(), ...(ownDir ? [ownDir] : [])].some((dir) => isInside(target, dir)),
    });
  };

  const index = new WorkspaceIndex(parseFile);

  /** Open documents first: createResolver gives the first zone with an apex precedence. */
  const zonesForResolver = (): Zone[] => {
    const open = [...cache.values()].map((c) => c.parsed.zone);
    const openPaths = new Set([...cache.values()].map((c) => c.parsed.path));
    return [...open, ...index.files().filter((f) => !openPaths.has(f)).map((f) => index.zone(f)!)];
  };

  const currentResolver = (): Resolver => {
    const dns = effectiveSettings().dns;
    const key = JSON.stringify(dns);
    if (resolver?.key !== key) resolver = { key, resolver: createResolver(dns, zonesForResolver) };
    return resolver.resolver;
  };

  const parse = (document: TextDocument): ParsedDocument => {
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version) return hit.parsed;
    const filePath = uriToPath(document.uri);
    const text = document.getText();
    const parsed: ParsedDocument = { document, path: filePath, zone: parseFile(text, filePath) };
    cache.set(document.uri, { version: document.version, parsed });
    if (filePath !== undefined) index.setOpen(filePath, text, parsed.zone);
    return parsed;
  };

  const featureContext = (document: TextDocument): FeatureContext => ({ ...parse(document), locale: options.locale });

  const txt = syncTxtSource(zonesForResolver);
  const hoverContext = (document: TextDocument): HoverContext => ({
    ...featureContext(document),
    format: options.hoverFormat ?? 'markdown',
    txt,
    providerName: (domain) => providerName(domain, options.locale),
  });

  const diagnosticContext = (parsed: ParsedDocument) => ({
    document: parsed.document,
    documentPath: parsed.path,
    zone: parsed.zone,
    settings: effectiveSettings(),
    locale: options.locale,
    readFile,
  });

  const findElsewhere = (name: string, except: string | undefined): Location[] =>
    index.findOwner(name, except).flatMap(({ file, record }) => {
      const text = index.text(file) ?? readFile(file);
      if (text === undefined) return [];
      const doc = TextDocument.create(pathToFileURL(file).toString(), 'dns-zone', 0, text);
      return [{ uri: doc.uri, range: toRange(doc, record.span) }];
    });

  return {
    index,
    parse,
    effectiveSettings,
    validateSync(document) {
      const parsed = parse(document);
      return toDiagnostics(analyzeSync(parsed.zone), diagnosticContext(parsed));
    },
    async validate(document, signal) {
      const parsed = parse(document);
      const sync = analyzeSync(parsed.zone);
      const later = await analyzeAsync(parsed.zone, { resolver: currentResolver(), signal });
      signal?.throwIfAborted();
      return toDiagnostics([...sync, ...later], diagnosticContext(parsed));
    },
    doHover: (document, position) => doHover(hoverContext(document), document.offsetAt(position)),
    doHoverAsync: (document, position, signal) =>
      doHoverAsync(hoverContext(document), document.offsetAt(position), currentResolver(), signal),
    getCompletions: (document, position) => getCompletions(featureContext(document), document.offsetAt(position)),
    getDocumentSymbols: (document) => getDocumentSymbols(parse(document)),
    getFoldingRanges: (document) => getFoldingRanges(parse(document)),
    getDocumentLinks: (document) => getDocumentLinks(parse(document)),
    findDefinition(document, position) {
      const ctx = featureContext(document);
      return findDefinition(
        { ...ctx, readFile, findElsewhere: (name) => findElsewhere(name, ctx.path) },
        document.offsetAt(position),
      );
    },
    getCodeActions: (document, context) => getCodeActions(featureContext(document), context.diagnostics, context.only),
    forget(uri) {
      const hit = cache.get(uri);
      cache.delete(uri);
      if (hit?.parsed.path !== undefined) index.closed(hit.parsed.path);
    },
    invalidate() {
      cache.clear();
      index.invalidate();
      resolver = undefined;
    },
  };
}
