/**
 * The language-service facade: parses a document once per version and hands that
 * parse to every feature. Knows nothing of the connection; server.ts wires it.
 */
import { includeInside } from './zone/includePolicy';
import { readFromDisk } from './zone/index';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  CodeAction,
  CodeActionContext,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { analyzeAsync } from './analysis';
import { runStepsSliced, Slices } from './steps';
import { IncrementalZone } from './incremental/zone';
import { originOf } from './diagnostics/moved';
import { ZoneCodes } from './zone/codes';
import type { ChunkedDocument } from './document';
import { createResolver } from './dns/chain';
import { isAtOrBelow } from './dns/zoneData';
import { nameKey } from './zone/names';
import type { Resolver } from './dns/resolver';
import type { CheckIpParams, DiagnosisReport } from '../../client/src/protocol';
import type { Problem } from './diagnostics/types';
import { flattenEdits, getCodeActions, providerActions, type DiagnosisFix, type DiagnosisLockdown } from './features/codeActions';
import { getCodeLenses, resolveCodeLens } from './features/codeLens';
import { LookupCache } from './spf/lookups';
import { type LookupReuse, SpfLookupMemo } from './spf/check';
import { checkIp, diagnoseText, type DiagnosisContext } from './features/diagnosis';
import { rehearsalPlace } from './features/rehearsal';
import { formatDocument, formatDocumentRange } from './features/formatting';
import { getInlayHints } from './features/inlayHints';
import { incrementSerial, type SerialBump } from './features/serial';
import { getCompletions } from './features/completion';
import type { FeatureContext, ParsedDocument } from './features/context';
import { findDefinition } from './features/definition';
import { type DiagnosticContext, toDiagnostics } from './features/diagnostics';
import { FOCUS_LINES, moreDiagnosticsNote, selectProblems, type Selection } from './features/diagnosticLimit';
import { getFoldingRanges } from './features/folding';
import { doHover, doHoverAsync, providerName, syncTxtSource, type HoverContext, type HoverFormat } from './features/hover';
import { getDocumentLinks } from './features/links';
import { toRange } from './features/spans';
import { getDocumentSymbols } from './features/symbols';
import type { Locale } from './l10n';
import { originFor, restrictSettings, type Settings } from './settings';
import { WorkspaceIndex } from './workspace';
import type { Zone } from './zone/ast';
import { parseZoneText, type ParseOptions } from './zone';
import { FINGERPRINT_MAX_RECORDS, recordsFingerprint, serialUnchangedProblem, zoneSerial } from './serial/unchanged';

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
  /** The origin the document's zone starts with; null when it is unknown and needed. */
  originOf(document: TextDocument): string | null;
  /** The settings in force (workspace trust applied). */
  effectiveSettings(): Settings;
  /** Diagnostics that need nothing but the text: computed at once. */
  validateSync(document: TextDocument): Diagnostic[];
  /**
   * Types a character somewhere in the document and takes it out again, choosing the sync
   * problems to show in between (see IncrementalZone.rehearse): the document ends as it was. False when no place was found for rehearsal `k`.
   */
  rehearseEdit(document: TextDocument, k: number): boolean;
  /** SPF lookup trees the last complete DNS-dependent run kept from the one before and built. */
  lookupStats(): { reused: number; built: number } | undefined;
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
  /** Quick-fixes for the context's diagnostics, refactors at the range, the last diagnosis's fix. */
  getCodeActions(document: TextDocument, context: CodeActionContext, range?: Range): CodeAction[];
  formatDocument(document: TextDocument): TextEdit[];
  formatRange(document: TextDocument, range: Range): TextEdit[];
  /** One lens per SPF record, untitled until resolved; empty when the setting turns lenses off. */
  getCodeLenses(document: TextDocument): CodeLens[];
  /** The document a lens of getCodeLenses belongs to (codeLens/resolve names none). */
  codeLensUri(lens: CodeLens): string | undefined;
  /** A lens of getCodeLenses with its title (lookup count, ending) and breakdown command. */
  resolveCodeLens(document: TextDocument, lens: CodeLens, signal?: AbortSignal): Promise<CodeLens>;
  /** TTLs and SOA timers as durations; empty when the setting turns them off. */
  getInlayHints(document: TextDocument, range?: Range): InlayHint[];
  /** The SOA serial bump (serial.format setting); undefined without an SOA serial. */
  incrementSerial(document: TextDocument, now?: Date): SerialBump | undefined;
  /** Diagnoses a pasted bounce or header block; its fixes become code actions on the domain's SPF record. */
  diagnose(text: string, signal?: AbortSignal): Promise<DiagnosisReport>;
  /** check_host for an IP and sender, as a report; its fixes too become code actions. */
  checkIp(params: CheckIpParams, signal?: AbortSignal): Promise<DiagnosisReport>;
  /** "Add <provider> to SPF" at the position's SPF record, else the document's first. */
  providerActions(document: TextDocument, position: Position): CodeAction[];
  /** The edits that flatten an include for a spf-lookup-limit problem (queries the resolver). */
  flattenInclude(document: TextDocument, problem: Problem, signal?: AbortSignal): Promise<TextEdit[] | undefined>;
  /**
   * The document was saved: whether its records now differ from those it was opened with
   * (zone-serial-unchanged, while its serial is still the one it had then) changed.
   */
  saved(document: TextDocument): boolean;
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



/** The server's documents know where they changed (document.ts); plain TextDocuments do not. */
function isChunked(document: TextDocument): document is TextDocument & ChunkedDocument {
  return typeof (document as Partial<ChunkedDocument>).takeChange === 'function';
}

export function getLanguageService(options: LanguageServiceOptions): LanguageService {
  const readFile = options.readFile ?? readFromDisk;
  /** Open documents: each keeps its zone up to date edit by edit (incremental/zone.ts). */
  const cache = new Map<string, { version: number; parsed: ParsedDocument; zone: IncrementalZone }>();
  /**
   * Each open document's text when opened (until its first save), what its records and serial
   * were then, and whether it was last saved with other records (zone-serial-unchanged).
   */
  const sessions = new Map<string, { openText?: string; opened?: { serial: number | undefined; fingerprint: string | undefined }; changedAtSave: boolean }>();
  /** Where each open document was last edited (offset): its diagnostics come first. */
  const lastEdit = new Map<string, number>();
  let resolver: { key: string; resolver: Resolver } | undefined;

  const effectiveSettings = (): Settings =>
    options.trusted ? options.settings() : restrictSettings(options.settings());

  const parseOptions = (filePath: string | undefined): ParseOptions => {
    const origin = filePath === undefined ? undefined : originFor(effectiveSettings(), filePath, options.folders());
    const ownDir = filePath === undefined ? undefined : path.dirname(filePath);
    return {
      origin,
      path: filePath,
      readFile,
      allowInclude: options.trusted
        ? undefined
        : includeInside([...options.folders(), ...(ownDir ? [ownDir] : [])]),
    };
  };
  const parseFile = (text: string, filePath: string | undefined): Zone => parseZoneText(text, parseOptions(filePath));

  const index = new WorkspaceIndex(parseFile);
  /** The fixes of the latest diagnosis per domain, offered on that domain's SPF record. */
  const diagnosisFixes = new Map<string, DiagnosisFix>();
  /** The Domain Lockdown record of the latest diagnosis per domain, when the message showed the account. */
  const diagnosisLockdowns = new Map<string, DiagnosisLockdown>();

  /**
   * Open documents first: createResolver gives the first zone with an apex precedence.
   * `except`: without that document's zone.
   */
  const zonesForResolver = (except?: string): Zone[] => {
    const open = [...cache.entries()].filter(([uri]) => uri !== except).map(([, c]) => c.parsed.zone);
    const openPaths = new Set([...cache.values()].map((c) => c.parsed.path));
    return [...open, ...index.files().filter((f) => !openPaths.has(f)).map((f) => index.zone(f)!)];
  };

  /**
   * The last complete DNS-dependent run of each document: what its SPF lookup checks found,
   * the zone's generation then, the resolver and the other zones it read. The next run keeps
   * the problems of records whose trees read nothing that changed since (offline only: live
   * answers change by themselves).
   */
  const lookupRuns = new Map<
    string,
    { memo: SpfLookupMemo; zone: IncrementalZone; generation: number; resolver: Resolver; others: readonly Zone[] }
  >();
  /** Trees the last complete run kept and built (zonelint/stats). */
  let lastLookupRun: { reused: number; built: number } | undefined;

  const lookupReuse = (uri: string, zone: IncrementalZone, resolver: Resolver, others: readonly Zone[]): LookupReuse | undefined => {
    if (effectiveSettings().dns.mode !== 'offline') return undefined;
    const last = lookupRuns.get(uri);
    const same =
      last !== undefined &&
      last.zone === zone &&
      last.resolver === resolver &&
      last.others.length === others.length &&
      last.others.every((z, i) => z === others[i]);
    const changed = same ? zone.answersChangedSince(last.generation, others.some((z) => aliasesInto(z, zone.apex))) : undefined;
    return { last: last?.memo, changed, next: new SpfLookupMemo() };
  };

  /** The name keys each zone's CNAME records point at, made once per zone (a zone changes by being made anew). */
  const aliasTargets = new WeakMap<Zone, readonly string[]>();
  /** Whether a CNAME of `zone` points at or below `apex`: a name there answers from this zone's records. */
  const aliasesInto = (zone: Zone, apex: string): boolean => {
    let targets = aliasTargets.get(zone);
    if (targets === undefined) {
      const out: string[] = [];
      for (const r of zone.records) {
        if (r.typeCode !== 5) continue;
        for (const v of Object.values(r.rdata.fields)) if (typeof v === 'string' && v.endsWith('.')) out.push(nameKey(v));
      }
      aliasTargets.set(zone, (targets = out));
    }
    return targets.some((t) => isAtOrBelow(t, apex));
  };

  let lensAnswers: { uri: string; version: number; resolver: Resolver; cache: LookupCache } | undefined;
  // What a code lens carries to name its document: a number per document, not its URI (a
  // million-record zone lists 50,000 lenses after each change, and the URI was 40% of them).
  // From 1: vscode-languageclient sends a lens back for resolving without data that is falsy.
  const lensTags = new Map<string, number>();
  const lensUris: string[] = [];
  const lensTag = (uri: string): number => {
    let tag = lensTags.get(uri);
    if (tag === undefined) lensTags.set(uri, (tag = lensUris.push(uri)));
    return tag;
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
    // The text as opened, kept for the serial check at the first save (not for huge zones).
    if (!sessions.has(document.uri)) {
      sessions.set(document.uri, { openText: document.lineCount <= FINGERPRINT_MAX_RECORDS ? document.getText() : undefined, changedAtSave: false });
    }
    const filePath = uriToPath(document.uri);
    let zone = hit?.zone;
    const chunked = isChunked(document) ? document : undefined;
    if (zone && chunked) {
      // The document says where it changed: only that is parsed and checked again.
      const change = chunked.takeChange();
      if (change.oldEnd > change.start || change.newEnd > change.start) lastEdit.set(document.uri, change.start);
      zone.update(chunked, change);
    } else {
      chunked?.takeChange();
      zone ??= new IncrementalZone(parseOptions(filePath));
      zone.update(document.getText());
    }
    const text = (): string => document.getText();
    // The whole Zone is put together only when a feature asks for it, not on every edit.
    const parsed: ParsedDocument = {
      document,
      path: filePath,
      get zone() {
        return incremental.zone();
      },
    };
    const incremental = zone;
    cache.set(document.uri, { version: document.version, parsed, zone: incremental });
    if (filePath !== undefined) index.setOpen(filePath, text, () => incremental.zone());
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

  const diagnosticContext = (parsed: ParsedDocument): DiagnosticContext => {
    const settings = effectiveSettings();
    return {
      document: parsed.document,
      documentPath: parsed.path,
      // Read only for problems in included files.
      get zone() {
        return parsed.zone;
      },
      settings,
      locale: options.locale,
      readFile,
    };
  };

  const diagnosisContext = (signal?: AbortSignal): DiagnosisContext => ({
    resolver: currentResolver(),
    zones: zonesForResolver(),
    locale: options.locale,
    signal,
  });
  const remember = (report: DiagnosisReport): DiagnosisReport => {
    const [fix] = report.fixes;
    if (report.domain !== undefined && fix) diagnosisFixes.set(report.domain.toLowerCase(), { domain: report.domain, ...fix });
    else if (report.domain !== undefined) diagnosisFixes.delete(report.domain.toLowerCase());
    if (report.domain === undefined) return report;
    const lockdown = report.lockdown;
    // Only an account the message showed: a placeholder would lock the host's own mail out.
    if (lockdown?.authId !== undefined) {
      diagnosisLockdowns.set(report.domain.toLowerCase(), { domain: report.domain, name: lockdown.name, record: lockdown.record, authId: lockdown.authId });
    } else diagnosisLockdowns.delete(report.domain.toLowerCase());
    return report;
  };
  /** Every check that needs nothing but the text: kept up to date by the incremental zone. */
  const syncProblems = (document: TextDocument): Problem[] => {
    const parsed = parse(document);
    const problems = cache.get(document.uri)!.zone.allProblems();
    const session = sessions.get(document.uri);
    if (!session?.changedAtSave) return problems;
    const unchanged = serialUnchangedProblem(document.getText(), parsed.zone, session.opened?.serial, new Date(), effectiveSettings().serial.format);
    return unchanged ? [...problems, unchanged] : problems;
  };

  /** The diagnostics.maxPerFile setting: those near the document's last edit first. */
  const select = (document: TextDocument, problems: readonly Problem[], ctx: DiagnosticContext, at: number | undefined): Selection | undefined => {
    const max = ctx.settings.diagnostics.maxPerFile;
    let focus: { start: number; end: number } | undefined;
    if (at !== undefined && max > 0 && problems.length > max) {
      const line = document.positionAt(at).line;
      focus = {
        start: document.offsetAt({ line: Math.max(0, line - FOCUS_LINES), character: 0 }),
        end: document.offsetAt({ line: line + FOCUS_LINES + 1, character: 0 }),
      };
    }
    return selectProblems(problems, max, ctx.settings.rules, focus);
  };
  const limited = (document: TextDocument, problems: readonly Problem[], ctx: DiagnosticContext): Diagnostic[] => {
    const max = ctx.settings.diagnostics.maxPerFile;
    const selection = select(document, problems, ctx, lastEdit.get(document.uri));
    if (!selection) return toDiagnostics(problems, ctx, originOf);
    const out = toDiagnostics(selection.chosen, ctx, originOf);
    out.push(moreDiagnosticsNote(selection.left, max, options.locale));
    return out;
  };

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
    originOf(document) {
      parse(document);
      const zone = cache.get(document.uri)!.zone;
      return zone.hasParseProblem(ZoneCodes.originUnknown.code) ? null : zone.startOrigin;
    },
    effectiveSettings,
    validateSync(document) {
      const parsed = parse(document);
      return limited(document, syncProblems(document), diagnosticContext(parsed));
    },
    lookupStats: () => lastLookupRun,
    rehearseEdit(document, k) {
      const parsed = parse(document);
      const zone = cache.get(document.uri)!.zone;
      const at = rehearsalPlace(document, k);
      if (at === undefined) return false;
      const text = isChunked(document) ? document : document.getText();
      const ctx = diagnosticContext(parsed);
      try {
        // The problems are chosen as for a keystroke, but not made into diagnostics: those
        // are kept per problem for the document's version, which the rehearsal does not change.
        zone.rehearse(text, at, 'x', () => void select(document, zone.allProblems(), ctx, at));
      } catch (error) {
        // Halfway through, the zone may not be the document's: the next parse starts afresh.
        cache.delete(document.uri);
        throw error;
      }
      return true;
    },
    async validate(document, signal) {
      const parsed = parse(document);
      const sync = syncProblems(document);
      // The whole zone is put together in slices (a tenth of a second at a million records).
      const slices = new Slices(signal);
      const incremental = cache.get(document.uri)!.zone;
      const zone = await runStepsSliced(incremental.zoneSteps(true), slices);
      signal?.throwIfAborted();
      const generation = incremental.generation;
      const resolver = currentResolver();
      const others = zonesForResolver(document.uri);
      const spfReuse = lookupReuse(document.uri, incremental, resolver, others);
      const later = await analyzeAsync(zone, { resolver, signal, slices, spfReuse });
      signal?.throwIfAborted();
      if (spfReuse !== undefined && incremental.generation === generation && cache.get(document.uri)?.zone === incremental) {
        lookupRuns.set(document.uri, { memo: spfReuse.next, zone: incremental, generation, resolver, others });
        lastLookupRun = { reused: spfReuse.next.reused, built: spfReuse.next.built };
      }
      return limited(document, later.length === 0 ? sync : [...sync, ...later], diagnosticContext(parsed));
    },
    doHover: (document, position) => doHover(hoverContext(document), document.offsetAt(position)),
    doHoverAsync: (document, position, signal) =>
      doHoverAsync(hoverContext(document), document.offsetAt(position), currentResolver(), signal),
    getCompletions: (document, position) => getCompletions(featureContext(document), document.offsetAt(position)),
    getDocumentSymbols: (document) => getDocumentSymbols(parse(document), effectiveSettings().outline.maxItems, options.locale),
    getFoldingRanges: (document) => getFoldingRanges(parse(document)),
    getDocumentLinks: (document) => getDocumentLinks(parse(document)),
    findDefinition(document, position) {
      const ctx = featureContext(document);
      return findDefinition(
        { ...ctx, readFile, findElsewhere: (name) => findElsewhere(name, ctx.path) },
        document.offsetAt(position),
      );
    },
    getCodeActions: (document, context, range) =>
      getCodeActions(featureContext(document), {
        range: range ?? context.diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        diagnostics: context.diagnostics,
        only: context.only,
        diagnosisFixes: [...diagnosisFixes.values()],
        diagnosisLockdowns: [...diagnosisLockdowns.values()],
      }),
    formatDocument: (document) => formatDocument(parse(document)),
    formatRange: (document, range) => formatDocumentRange(parse(document), range),
    getCodeLenses: (document) => (effectiveSettings().codeLens.enabled ? getCodeLenses(featureContext(document), lensTag(document.uri)) : []),
    codeLensUri: (lens) => (typeof lens.data === 'number' ? lensUris[lens.data - 1] : undefined),
    resolveCodeLens: (document, lens, signal) => {
      // The lenses resolved for one version of a document share their answers.
      const current = currentResolver();
      if (lensAnswers?.uri !== document.uri || lensAnswers.version !== document.version || lensAnswers.resolver !== current) {
        lensAnswers = { uri: document.uri, version: document.version, resolver: current, cache: new LookupCache() };
      }
      return resolveCodeLens(featureContext(document), lens, current, lensAnswers.cache, signal);
    },
    getInlayHints: (document, range) => (effectiveSettings().inlayHints.enabled ? getInlayHints(featureContext(document), range) : []),
    incrementSerial: (document, now = new Date()) => incrementSerial(featureContext(document), effectiveSettings().serial.format, now),
    diagnose: async (text, signal) => remember(await diagnoseText(text, diagnosisContext(signal))),
    checkIp: async (params, signal) => remember(await checkIp(params, diagnosisContext(signal))),
    providerActions: (document, position) => providerActions(featureContext(document), document.offsetAt(position)),
    flattenInclude: (document, problem, signal) => flattenEdits(featureContext(document), problem, currentResolver(), signal),
    saved(document) {
      const session = sessions.get(document.uri);
      if (!session) return false;
      if (session.opened === undefined) {
        if (session.openText === undefined) return false;
        const opened = parseFile(session.openText, uriToPath(document.uri));
        session.opened = { serial: zoneSerial(opened), fingerprint: recordsFingerprint(opened) };
        session.openText = undefined;
      }
      const now = session.opened.fingerprint === undefined ? undefined : recordsFingerprint(parse(document).zone);
      const changed = now !== undefined && now !== session.opened.fingerprint;
      if (changed === session.changedAtSave) return false;
      session.changedAtSave = changed;
      return true;
    },
    forget(uri) {
      sessions.delete(uri);
      const hit = cache.get(uri);
      cache.delete(uri);
      lastEdit.delete(uri);
      lookupRuns.delete(uri);
      if (hit?.parsed.path !== undefined) index.closed(hit.parsed.path);
    },
    invalidate() {
      cache.clear();
      lookupRuns.clear();
      index.invalidate();
      resolver = undefined;
    },
  };
}
