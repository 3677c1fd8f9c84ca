/**
 * The master-file parser (RFC 1035 §5, as BIND 9.18 reads it): turns the scanner's
 * logical lines into records and directives. Owner inheritance, TTL and class in either
 * order, RFC 2308 default TTLs and BIND's RFC 1035 "last stated TTL" fallback.
 * Never throws: every problem is reported once and parsing resumes at the next line.
 */
import type { ZoneLimits } from './index';
import type { Problem, ProblemArgs, Severity } from '../diagnostics/types';
import type { Comment, Directive, Rdata, ResourceRecord, Span, Token, Zone } from './ast';
import { ZoneCodes } from './codes';
import { movedCharString } from './charString';
import { handleDirective } from './directives';
import { type BatchState, CURRENT_CLOSED, CURRENT_OPENED, GLUE_CLOSED, GLUE_OPENED, LoaderBatches } from './loaderBatch';
import { flatJoin, isSubdomain, namesEqual, parseName } from './names';
import { fastRdata, isPlainAddress } from './rdata/fast';
import { parseRdata } from './rdata/index';
import { unquotedMailTxt } from './txtUnquoted';
import { type UnicodeName, unicodeName, unicodeNameProblem } from './idn';
import { originRepeatedProblem, repeatsOrigin } from './finalDot';
import { isMetaType, typeCode, typeName } from './rdata/types';
import { emptyLine, type Reporter, Scanner } from './scanner';
import { looksLikeTtl, MAX_TTL, parseTtl } from './ttl';

const DOT = 0x2e;

/** Characters allowed in the fast path for relative names (no escapes, no specials). */
const PLAIN = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) if (!'"().;\\@$'.includes(String.fromCharCode(c))) PLAIN[c] = 1;

const CLASSES: ReadonlyMap<string, string> = new Map([
  ['IN', 'IN'],
  ['CH', 'CH'],
  ['CHAOS', 'CH'],
  ['HS', 'HS'],
  ['HESIOD', 'HS'],
  ['NONE', 'NONE'],
  ['ANY', 'ANY'],
]);
const CLASS_BY_NUMBER: Record<number, string> = { 1: 'IN', 3: 'CH', 4: 'HS', 254: 'NONE', 255: 'ANY' };

/** The canonical class mnemonic for a token, or undefined when it is not a class. */
export function classOf(text: string): string | undefined {
  const c = text.charCodeAt(0) | 0x20;
  if (c !== 0x69 && c !== 0x63 && c !== 0x68 && c !== 0x6e && c !== 0x61) return undefined;
  const upper = text.toUpperCase();
  const known = CLASSES.get(upper);
  if (known) return known;
  if (upper.startsWith('CLASS') && upper.length > 5 && upper.length <= 10 && /^CLASS[0-9]+$/.test(upper)) {
    const n = Number(upper.slice(5));
    if (n <= 0xffff) return CLASS_BY_NUMBER[n] ?? `CLASS${n}`;
  }
  return undefined;
}

export interface ParserOptions {
  readonly origin: string;
  /** False when the origin was neither given nor inferred: relative names get a warning. */
  readonly originKnown: boolean;
  readonly defaultTtl?: number;
  readonly readFile: (absolutePath: string) => string | undefined;
  readonly allowInclude: (absolutePath: string) => boolean;
  readonly limits: ZoneLimits;
}

/** Where the lines being parsed come from. */
export interface Source {
  /** Absolute path of an included file; undefined for the main document. */
  readonly file: string | undefined;
  /** Folder that relative $INCLUDE paths resolve against. */
  readonly dir: string;
  /** Paths being read, outermost first (cycle detection). */
  readonly stack: readonly string[];
}

/**
 * Everything the parser carries from one logical line to the next: parsing can stop at a
 * line boundary and resume there later from this state alone (incremental parsing).
 */
export interface ParserState {
  readonly origin: string;
  readonly originKnown: boolean;
  readonly originUnknownReported: boolean;
  readonly lastOwner: string | undefined;
  readonly ownerAfterOrigin: boolean;
  readonly ttl: number;
  readonly ttlKnown: boolean;
  readonly defaultTtl: number;
  readonly defaultTtlKnown: boolean;
  readonly batches: BatchState;
  readonly currentTtls: readonly number[];
  readonly glueTtls: readonly number[];
  readonly zoneClass: string | undefined;
  readonly generatedCount: number;
  readonly includeReads: number;
}

/** Whether parsing on from `a` does exactly what parsing on from `b` does. */
export function sameParserState(a: ParserState, b: ParserState): boolean {
  const sameList = <T>(x: readonly T[], y: readonly T[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.origin === b.origin &&
    a.originKnown === b.originKnown &&
    a.originUnknownReported === b.originUnknownReported &&
    a.lastOwner === b.lastOwner &&
    a.ownerAfterOrigin === b.ownerAfterOrigin &&
    a.ttl === b.ttl &&
    a.ttlKnown === b.ttlKnown &&
    a.defaultTtl === b.defaultTtl &&
    a.defaultTtlKnown === b.defaultTtlKnown &&
    a.zoneClass === b.zoneClass &&
    a.generatedCount === b.generatedCount &&
    a.includeReads === b.includeReads &&
    sameList(a.currentTtls, b.currentTtls) &&
    sameList(a.glueTtls, b.glueTtls) &&
    a.batches.current === b.batches.current &&
    a.batches.glue === b.batches.glue &&
    a.batches.file === b.batches.file &&
    sameList(a.batches.nsTargets, b.batches.nsTargets) &&
    a.batches.outer.length === b.batches.outer.length &&
    a.batches.outer.every((o, i) => {
      const p = b.batches.outer[i];
      return o.file === p.file && o.current === p.current && o.glue === p.glue;
    })
  );
}

export class ZoneParser {
  readonly records: ResourceRecord[] = [];
  readonly directives: Directive[] = [];
  readonly comments: Comment[] = [];
  readonly problems: Problem[] = [];
  readonly includes: string[] = [];
  /** Work done so far against options.limits. */
  generatedCount = 0;
  includeReads = 0;

  /** The current origin (absolute). */
  origin: string;
  /** Whether the origin is plain (no escapes): relative names can be appended as text. */
  private originPlain = true;
  /** `.origin.` appended to relative names: one string join per name instead of two. */
  private originSuffix = '.';
  originKnown: boolean;
  private originUnknownReported = false;
  /** The previous owner, inherited by a line starting with a blank. */
  lastOwner: string | undefined;
  /** Set by $ORIGIN: BIND warns when the next record inherits its owner. */
  ownerAfterOrigin = false;

  /** BIND's current TTL: the last one stated or used (RFC 1035 semantics). */
  ttl = 0;
  ttlKnown = false;
  /** $TTL (RFC 2308), or the SOA minimum when neither is given. */
  defaultTtl = 0;
  defaultTtlKnown = false;
  /** BIND's open batches (loaderBatch.ts), each as flat `[type, ttl, …]` with each RRset's first TTL. */
  private readonly batches = new LoaderBatches();
  private readonly currentTtls: number[] = [];
  private readonly glueTtls: number[] = [];

  private zoneClass: string | undefined;
  private readonly seen = new Map<string | undefined, Set<number>>();
  private readonly besideSeen = new Map<string | undefined, Set<number>>();
  private readonly typeCache = new Map<string, number | undefined>();
  private lastNameText = '';
  private lastNameOrigin = '';
  private lastName = '';
  private lastNameUnicode: UnicodeName | undefined;

  constructor(
    readonly zoneOrigin: string,
    readonly options: ParserOptions,
  ) {
    this.origin = zoneOrigin;
    this.setOrigin(zoneOrigin);
    this.originKnown = options.originKnown;
    if (options.defaultTtl !== undefined) {
      this.defaultTtl = options.defaultTtl;
      this.defaultTtlKnown = true;
    }
  }

  setOrigin(origin: string): void {
    this.origin = origin;
    this.originPlain = !origin.includes('\\');
    this.originSuffix = origin === '.' ? '.' : '.' + origin;
  }

  /** Problems at these offsets of the main text were reported already (by an earlier piece). */
  reportedAlready(offsets: readonly number[]): void {
    let seen = this.seen.get(undefined);
    if (!seen) this.seen.set(undefined, (seen = new Set()));
    for (const o of offsets) seen.add(o);
  }

  /** Reports a problem unless one was already reported at the same place. */
  report(
    source: Source | string | undefined,
    code: string,
    offset: number,
    length: number,
    args?: ProblemArgs,
    severity?: Severity,
  ): void {
    const file = typeof source === 'object' ? source.file : source;
    let seen = this.seen.get(file);
    if (!seen) {
      seen = new Set();
      this.seen.set(file, seen);
    }
    if (seen.has(offset)) return;
    seen.add(offset);
    this.problems.push(newProblem(file, code, offset, length, args, severity));
  }

  /**
   * Adds the loader's problems (zone/index.ts loadChecks, one per place among themselves)
   * beside the parser's, not through report's filter: a load error on a record that also
   * has a parse warning at the same place (an owner inherited right after $ORIGIN, and a
   * CNAME beside it) is reported with it, as BIND reports both.
   */
  addLoadProblems(problems: readonly Problem[]): void {
    for (const p of problems) this.problems.push(newProblem(p.file, p.code, p.offset, p.length, p.args, p.severity));
  }

  saveState(): ParserState {
    return {
      origin: this.origin,
      originKnown: this.originKnown,
      originUnknownReported: this.originUnknownReported,
      lastOwner: this.lastOwner,
      ownerAfterOrigin: this.ownerAfterOrigin,
      ttl: this.ttl,
      ttlKnown: this.ttlKnown,
      defaultTtl: this.defaultTtl,
      defaultTtlKnown: this.defaultTtlKnown,
      batches: this.batches.save(),
      currentTtls: [...this.currentTtls],
      glueTtls: [...this.glueTtls],
      zoneClass: this.zoneClass,
      generatedCount: this.generatedCount,
      includeReads: this.includeReads,
    };
  }

  loadState(state: ParserState): void {
    this.setOrigin(state.origin);
    this.originKnown = state.originKnown;
    this.originUnknownReported = state.originUnknownReported;
    this.lastOwner = state.lastOwner;
    this.ownerAfterOrigin = state.ownerAfterOrigin;
    this.ttl = state.ttl;
    this.ttlKnown = state.ttlKnown;
    this.defaultTtl = state.defaultTtl;
    this.defaultTtlKnown = state.defaultTtlKnown;
    this.batches.load(state.batches);
    this.currentTtls.length = 0;
    this.currentTtls.push(...state.currentTtls);
    this.glueTtls.length = 0;
    this.glueTtls.push(...state.glueTtls);
    this.zoneClass = state.zoneClass;
    this.generatedCount = state.generatedCount;
    this.includeReads = state.includeReads;
    this.lastNameText = '';
  }

  /**
   * Parses the document's logical lines from `start` on, asking `stop` before each line
   * (with its position and the number of lines read so far) whether to end there.
   * Returns where it ended (in document offsets), the piece's SourceText cut down to
   * [start, end), and whether it read to the end of `text`.
   */
  parsePiece(
    text: string,
    start: number,
    source: Source,
    stop: (position: number, lines: number) => boolean,
    /** Offset of text[0] in the document, when `text` is a window of it. */
    base = 0,
  ): { end: number; text: SourceText; resumed: boolean; atEnd: boolean } {
    const scanner = new Scanner(
      text,
      this.scanReport(source),
      this.comments,
      source.file,
      start,
      base,
      true,
    );
    const line = emptyLine();
    const sourceText = new SourceText(text, source.file, base);
    let lines = 0;
    while (!stop(base + scanner.position, lines) && scanner.next(line)) {
      lines++;
      if (line.failed || line.tokens.length === 0) continue;
      const first = line.tokens[0];
      if (!line.blankOwner && !first.quoted && first.text.charCodeAt(0) === 0x24 /* $ */) {
        handleDirective(this, line.tokens, source, line.atEof);
      } else {
        this.recordLine(line.tokens, line.blankOwner, source, sourceText, line.offset);
      }
    }
    const end = base + Math.min(scanner.position, text.length);
    sourceText.keep(base + start, end);
    return { end, text: sourceText, resumed: scanner.resumed, atEnd: scanner.position >= text.length };
  }

  /** Parses one file's text (the document or an $INCLUDE target). */
  parseText(text: string, source: Source): void {
    const scanner = new Scanner(
      text,
      this.scanReport(source),
      this.comments,
      source.file,
      0,
      0,
      true,
    );
    const line = emptyLine();
    const sourceText = new SourceText(text, source.file);
    while (scanner.next(line)) {
      if (line.failed || line.tokens.length === 0) continue;
      const first = line.tokens[0];
      if (!line.blankOwner && !first.quoted && first.text.charCodeAt(0) === 0x24 /* $ */) {
        handleDirective(this, line.tokens, source, line.atEof);
      } else {
        this.recordLine(line.tokens, line.blankOwner, source, sourceText, line.offset);
      }
    }
  }

  private recordLine(toks: readonly Token[], blankOwner: boolean, source: Source, text: SourceText, lineStart: number): void {
    let owner: string | undefined;
    let ownerSpan: Span | undefined;
    let i = 0;
    if (!blankOwner) {
      const t = toks[0];
      owner = this.name(t, source);
      if (owner === undefined) return;
      ownerSpan = { offset: t.offset, length: t.length };
      this.lastOwner = owner;
      this.ownerAfterOrigin = false;
      i = 1;
    } else {
      owner = this.lastOwner;
      if (owner === undefined) {
        this.report(source, ZoneCodes.syntax.code, toks[0].offset, toks[0].length, { detail: 'no-owner' });
        return;
      }
      if (this.ownerAfterOrigin) {
        this.report(source, ZoneCodes.inheritedOwner.code, toks[0].offset, toks[0].length, {
          owner,
          origin: this.origin,
        });
        this.ownerAfterOrigin = false;
      }
    }
    const last = toks[toks.length - 1];
    const span = { offset: toks[0].offset, length: last.offset + last.length - toks[0].offset };
    this.addRecord(owner, ownerSpan, toks, i, span, source, false, { text, lineStart });
  }

  /**
   * Reads `[ttl] [class] type rdata…` from toks[i…] and adds the record. Returns false
   * when a problem stopped it. With `line` (toks are that logical line's tokens, as the
   * scanner read them) the record keeps no tokens: it reads them again when asked.
   */
  addRecord(
    owner: string,
    ownerSpan: Span | undefined,
    toks: readonly Token[],
    i: number,
    span: Span,
    source: Source,
    generated: boolean,
    line?: { readonly text: SourceText; readonly lineStart: number },
  ): boolean {
    let ttlTok: Token | undefined;
    let classTok: Token | undefined;
    let cls: string | undefined;
    while (i < toks.length) {
      const t = toks[i];
      if (t.quoted) break;
      if (ttlTok === undefined && looksLikeTtl(t.text)) {
        ttlTok = t;
        i++;
        continue;
      }
      if (classTok === undefined) {
        cls = classOf(t.text);
        if (cls !== undefined) {
          classTok = t;
          i++;
          continue;
        }
      }
      break;
    }
    const typeTok = toks[i];
    if (typeTok === undefined) {
      const at = toks[toks.length - 1];
      this.report(source, ZoneCodes.syntax.code, at.offset, at.length, { detail: 'missing-type' });
      return false;
    }
    const code = typeTok.quoted ? undefined : this.typeOf(typeTok.text);
    if (code === undefined || isMetaType(code)) {
      this.report(source, ZoneCodes.unknownType.code, typeTok.offset, typeTok.length, { type: typeTok.text });
      return false;
    }
    let explicitTtl: number | undefined;
    if (ttlTok !== undefined) {
      explicitTtl = this.ttlValue(ttlTok, source);
      if (explicitTtl === undefined) return false;
    }
    // NONE and ANY are query classes: never the class of zone data.
    const metaClass = cls === 'NONE' || cls === 'ANY';
    if (this.zoneClass === undefined && !metaClass) this.zoneClass = cls ?? 'IN';
    else if (classTok !== undefined && (metaClass || cls !== this.zoneClass)) {
      this.report(source, ZoneCodes.syntax.code, classTok.offset, classTok.length, {
        detail: 'class-mismatch',
        class: cls ?? classTok.text,
        zoneClass: this.zoneClass ?? 'IN',
      });
      return false;
    }
    if (this.zoneClass === undefined) this.zoneClass = 'IN';
    const rdataTokens = i + 1 === toks.length ? [] : toks.slice(i + 1);
    // A plain address is only checked here, and read again from its token when asked for:
    // 57% of a typical zone, and its RDATA is rarely looked at after parsing.
    const plainAddress = line !== undefined && (code === 1 || code === 28) && isPlainAddress(code, rdataTokens);
    let rdata: Rdata | undefined;
    if (!plainAddress) {
      try {
        const warnings: Problem[] = [];
        const parsed = parseRdata(code, rdataTokens, { origin: this.origin, at: typeTok.offset + typeTok.length, warnings });
        rdata = parsed.rdata;
        // BIND drops an out-of-zone $GENERATE record before reading its RDATA.
        const dropped = generated && parsed.problems.length > 0 && !isSubdomain(owner, this.zoneOrigin);
        if (!dropped) for (const p of parsed.problems) this.report(source, p.code, p.offset, p.length, p.args, p.severity);
        if (!dropped && !generated) for (const p of warnings) this.report(source, p.code, p.offset, p.length, p.args);
      } catch (e) {
        // The RDATA parser must not throw; if it does, keep the zone usable.
        this.report(source, ZoneCodes.syntax.code, typeTok.offset, typeTok.length, { detail: String(e) });
        return false;
      }
    }
    // A mail record written without quotes (zone-txt-unquoted): only a bare first word
    // starting with `v=` is looked at further.
    if (code === 16 && line && rdataTokens.length > 0 && !rdataTokens[0].quoted && /^v=/i.test(rdataTokens[0].text)) {
      const last = rdataTokens[rdataTokens.length - 1];
      const found = unquotedMailTxt(rdataTokens, line.text.restOfLine(last.offset + last.length));
      if (found) this.report(source, ZoneCodes.txtUnquoted.code, found.offset, found.length, found.args);
    }
    const ttl = this.resolveTtl(explicitTtl, code, rdataTokens, typeTok, source);
    if (!generated) this.joinBatch(owner, source, code, ttl, rdata, typeTok);
    const rescanAt = line ? line.lineStart * 8 + i + 1 : -1;
    const zoneClass = this.zoneClass;
    const rr =
      (line && compactRecord(owner, ttl, zoneClass, code, rdata, line.text, rescanAt, ownerSpan, ttlTok, classTok, typeTok, span)) ||
      new ParsedRecord(
        owner,
        ttl,
        zoneClass,
        typeName(code),
        code,
        rdata ?? (fastRdata(code, rdataTokens, '.') as Rdata),
        line ? line.text : rdataTokens,
        rescanAt,
        source.file,
        generated,
        ownerSpan,
        ttlTok,
        classTok,
        typeTok,
        span,
      );
    this.records.push(rr);
    return true;
  }

  /**
   * A record joining an RRset of its open batch with another TTL takes that RRset's TTL,
   * and so does BIND's current TTL ("TTL set to prior TTL"): without $TTL, the next
   * records without a TTL inherit the prior one, not the one last written. A DS read
   * while the apex is BIND's current owner (as glue of the apex) is "at top of zone".
   */
  private joinBatch(owner: string, source: Source, code: number, ttl: number, rdata: Rdata | undefined, typeTok: Token): void {
    const batches = this.batches;
    const flags = batches.enter(owner, source.file);
    if (flags & (CURRENT_CLOSED | CURRENT_OPENED)) this.currentTtls.length = 0;
    if (flags & (GLUE_CLOSED | GLUE_OPENED)) this.glueTtls.length = 0;
    const glue = batches.glue !== undefined;
    if (code === 2 /* NS */ && typeof rdata?.fields.target === 'string') batches.noteNs(rdata.fields.target);
    if (code === 43 /* DS */ && glue && namesEqual(batches.current ?? '', this.zoneOrigin)) {
      this.report(source, ZoneCodes.syntax.code, typeTok.offset, typeTok.length, { detail: 'ds-apex-glue', owner });
    }
    const batch = glue ? this.glueTtls : this.currentTtls;
    for (let i = 0; i < batch.length; i += 2) {
      if (batch[i] !== code) continue;
      if (batch[i + 1] !== ttl) this.ttl = batch[i + 1];
      return;
    }
    batch.push(code, ttl);
  }

  /** Parses a TTL token, reporting problems; undefined when unusable. */
  ttlValue(t: Token, source: Source): number | undefined {
    const r = parseTtl(t.text);
    if (!r.ok) {
      this.report(source, ZoneCodes.badTtl.code, t.offset, t.length, { detail: r.reason, text: t.text });
      return undefined;
    }
    if (r.value > MAX_TTL) {
      this.report(source, ZoneCodes.badTtl.code, t.offset, t.length, { detail: 'ttl-over-max', ttl: r.value }, 'warning');
      return 0;
    }
    return r.value;
  }

  /** BIND's TTL rules: explicit, else $TTL, else the SOA minimum, else the last TTL. */
  private resolveTtl(
    explicit: number | undefined,
    code: number,
    rdataTokens: readonly Token[],
    typeTok: Token,
    source: Source,
  ): number {
    if (explicit !== undefined) {
      this.ttl = explicit;
      this.ttlKnown = true;
      return explicit;
    }
    if (this.defaultTtlKnown) return (this.ttl = this.defaultTtl);
    if (this.ttlKnown) return this.ttl;
    if (code === 6 /* SOA */) {
      const minimum = rdataTokens[6] ? parseTtl(rdataTokens[6].text) : undefined;
      const value = minimum?.ok ? (minimum.value > MAX_TTL ? 0 : minimum.value) : 0;
      this.report(source, ZoneCodes.badTtl.code, typeTok.offset, typeTok.length, { detail: 'soa-minimum-ttl', ttl: value }, 'warning');
      this.ttl = this.defaultTtl = value;
      this.ttlKnown = this.defaultTtlKnown = true;
      return value;
    }
    this.report(source, ZoneCodes.badTtl.code, typeTok.offset, typeTok.length, { detail: 'no-ttl' });
    return 0;
  }

  private typeOf(text: string): number | undefined {
    if (this.typeCache.has(text)) return this.typeCache.get(text);
    const code = typeCode(text);
    if (this.typeCache.size < 256) this.typeCache.set(text, code);
    return code;
  }

  /** Parses a domain name token relative to the current origin; reports problems. */
  name(t: Token, source: Source): string | undefined {
    const text = t.text;
    if (t.quoted) {
      this.report(source, ZoneCodes.badName.code, t.offset, t.length, { detail: 'quoted-field' });
      return undefined;
    }
    const origin = this.origin;
    if (repeatsOrigin(text, origin)) this.reportBeside(source, ZoneCodes.originRepeated.code, t.offset, t.length, originRepeatedProblem(t, origin).args);
    if (text === this.lastNameText && origin === this.lastNameOrigin) {
      if (this.lastNameUnicode) this.reportUnicodeName(source, t, this.lastName, this.lastNameUnicode);
      return this.lastName;
    }
    const relative = text === '@' || text.charCodeAt(text.length - 1) !== DOT || isEscapedDot(text);
    if (relative && !this.originKnown && !this.originUnknownReported) {
      this.originUnknownReported = true;
      this.report(source, ZoneCodes.originUnknown.code, t.offset, t.length);
    }
    let name = relative && text !== '@' && this.originPlain ? plainRelative(text, origin, this.originSuffix) : undefined;
    let unicode: UnicodeName | undefined;
    if (name === undefined) {
      const r = parseName(text, origin);
      if (!r.ok) {
        this.report(source, ZoneCodes.badName.code, t.offset, t.length, { detail: r.reason });
        return undefined;
      }
      name = r.name;
      // Only a name the fast path refused can hold non-ASCII characters.
      unicode = unicodeName(text);
      if (unicode) this.reportUnicodeName(source, t, name, unicode);
    }
    this.lastNameText = text;
    this.lastNameOrigin = origin;
    this.lastName = name;
    this.lastNameUnicode = unicode;
    return name;
  }

  private reportUnicodeName(source: Source, t: Token, name: string, unicode: UnicodeName): void {
    const p = unicodeNameProblem(t, name, unicode);
    this.reportBeside(source, p.code, p.offset, p.length, p.args);
  }

  /**
   * A warning found before the rest of its line is read (zone-unicode-name on the owner,
   * zone-not-utf8 from the scanner), kept beside report's one problem per place so that it
   * does not hide an error found there later. Not where something was reported already
   * (by an earlier piece, or an error), nor twice at one place.
   */
  private reportBeside(source: Source, code: string, offset: number, length: number, args?: ProblemArgs): void {
    const file = source.file;
    if (this.seen.get(file)?.has(offset)) return;
    let mine = this.besideSeen.get(file);
    if (!mine) this.besideSeen.set(file, (mine = new Set()));
    if (mine.has(offset)) return;
    mine.add(offset);
    this.problems.push(newProblem(file, code, offset, length, args));
  }

  /** The scanner's problems: zone-not-utf8 beside the others (reportBeside), the rest through report. */
  private scanReport(source: Source): Reporter {
    return (code, offset, length, args) =>
      code === ZoneCodes.notUtf8.code ? this.reportBeside(source, code, offset, length, args) : this.report(source, code, offset, length, args);
  }

  result(): Zone {
    return {
      origin: this.zoneOrigin,
      records: this.records,
      directives: this.directives,
      comments: this.comments,
      problems: this.problems,
      includes: this.includes,
    };
  }
}

function newProblem(file: string | undefined, code: string, offset: number, length: number, args?: ProblemArgs, severity?: Severity): Problem {
  const p: { -readonly [K in keyof Problem]: Problem[K] } = { code, offset, length };
  if (args) p.args = args;
  if (severity) p.severity = severity;
  if (file !== undefined) p.file = file;
  return p;
}

/**
 * A text being parsed, shared by its records, which read their RDATA tokens from it again.
 * Incremental parsing keeps only a piece of the document (`keep`) and moves the piece's
 * records as one when the text before it changes (`shift`), without parsing them again.
 */
export class SourceText {
  /** Added to every offset the records were parsed with: where the piece is now. */
  shift = 0;
  private movedShift = 0;
  private moved: Map<Rdata, Rdata> | undefined;

  constructor(
    private text: string,
    readonly file: string | undefined,
    /** Offset (as parsed) of text[0] when the text is a window of a larger document. */
    private textStart = 0,
  ) {}

  /** The tokens of the logical line at `lineStart` (as parsed) from the `skip`th on. */
  tokens(lineStart: number, skip: number): Token[] {
    const line = emptyLine();
    const start = this.textStart;
    new Scanner(this.text, () => undefined, undefined, undefined, lineStart - start, start + this.shift).next(line);
    return line.tokens.slice(skip);
  }

  /**
   * The text from `offset` (as parsed) to the next newline, where a comment there ends (a
   * lone carriage return ends a line but not a comment); empty outside the text kept.
   */
  restOfLine(offset: number): string {
    const from = offset - this.textStart;
    const text = this.text;
    if (from < 0 || from > text.length) return '';
    const nl = text.indexOf('\n', from);
    return text.slice(from, nl < 0 ? text.length : nl);
  }

  /** The text kept (the whole text, or the piece `keep` cut). */
  get content(): string {
    return this.text;
  }

  /** Keeps text[from, to) only, as its own string: the rest of the document can be freed. */
  keep(from: number, to: number): void {
    const piece = this.text.slice(from - this.textStart, to - this.textStart);
    // A slice shares the whole document's memory; a concatenation flattened anew does not.
    this.text = piece.length < 16 ? piece : (' ' + piece).slice(1);
    this.textStart = from;
  }

  /** Kept RDATA with its string offsets moved by `shift`. */
  movedRdata(rdata: Rdata): Rdata {
    const shift = this.shift;
    if (shift === 0 || rdata.strings === undefined) return rdata;
    if (this.movedShift !== shift || this.moved === undefined) {
      this.moved = new Map();
      this.movedShift = shift;
    }
    let out = this.moved.get(rdata);
    if (out === undefined) {
      out = {
        ...rdata,
        strings: rdata.strings.map((s) => movedCharString(s, shift)),
      };
      this.moved.set(rdata, out);
    }
    return out;
  }
}

/**
 * A record as the parser makes it: spans are kept as numbers and made into objects only
 * when read, and the RDATA tokens are scanned again from the source text when asked for,
 * so a million-record zone costs one object per record, not a dozen.
 */
class ParsedRecord implements ResourceRecord {
  private readonly ownerOffset: number;
  private readonly ownerLength: number;
  private readonly ttlOffset: number;
  private readonly ttlLength: number;
  private readonly classOffset: number;
  private readonly classLength: number;
  private readonly typeOffset: number;
  private readonly typeLength: number;
  private readonly spanOffset: number;
  private readonly spanLength: number;
  readonly generated: boolean | undefined;

  constructor(
    readonly owner: string,
    readonly ttl: number,
    private readonly cls: string,
    readonly type: string,
    readonly typeCode: number,
    private readonly rdataKept: Rdata,
    private readonly rdataTokens: readonly Token[] | SourceText,
    /** With a SourceText: the line's start × 8 + the index of the first RDATA token in it. */
    private readonly rescanAt: number,
    readonly file: string | undefined,
    generated: boolean,
    ownerSpan: Span | undefined,
    ttlTok: Span | undefined,
    classTok: Span | undefined,
    typeTok: Span,
    span: Span,
  ) {
    this.ownerOffset = ownerSpan ? ownerSpan.offset : -1;
    this.ownerLength = ownerSpan ? ownerSpan.length : 0;
    this.ttlOffset = ttlTok ? ttlTok.offset : -1;
    this.ttlLength = ttlTok ? ttlTok.length : 0;
    this.classOffset = classTok ? classTok.offset : -1;
    this.classLength = classTok ? classTok.length : 0;
    this.typeOffset = typeTok.offset;
    this.typeLength = typeTok.length;
    this.spanOffset = span.offset;
    this.spanLength = span.length;
    this.generated = generated || undefined;
  }

  get tokens(): readonly Token[] {
    const t = this.rdataTokens;
    return t instanceof SourceText ? t.tokens(Math.floor(this.rescanAt / 8), this.rescanAt % 8) : t;
  }
  get rdata(): Rdata {
    const t = this.rdataTokens;
    return t instanceof SourceText ? t.movedRdata(this.rdataKept) : this.rdataKept;
  }
  get class(): string {
    return this.cls;
  }
  /** How far the record moved since it was parsed (0 unless parsed from a SourceText piece). */
  private get shift(): number {
    const t = this.rdataTokens;
    return t instanceof SourceText ? t.shift : 0;
  }
  get ownerSpan(): Span | undefined {
    return this.ownerOffset < 0 ? undefined : { offset: this.ownerOffset + this.shift, length: this.ownerLength };
  }
  get ttlSpan(): Span | undefined {
    return this.ttlOffset < 0 ? undefined : { offset: this.ttlOffset + this.shift, length: this.ttlLength };
  }
  get classSpan(): Span | undefined {
    return this.classOffset < 0 ? undefined : { offset: this.classOffset + this.shift, length: this.classLength };
  }
  get typeSpan(): Span {
    return { offset: this.typeOffset + this.shift, length: this.typeLength };
  }
  get span(): Span {
    return { offset: this.spanOffset + this.shift, length: this.spanLength };
  }

  /** Plain data for JSON and structural comparison (the getters are not own properties). */
  toJSON(): ResourceRecord {
    return plainRecord(this);
  }
}

function plainRecord(r: ResourceRecord): ResourceRecord {
  const { owner, ownerSpan, ttl, ttlSpan, class: cls, classSpan, type, typeCode, typeSpan, rdata, tokens, span, file, generated } = r;
  return { owner, ownerSpan, ttl, ttlSpan, class: cls, classSpan, type, typeCode, typeSpan, rdata, tokens, span, file, generated };
}

/** Mnemonics of types 0–255 by code: `type` is read in every loop of every check. */
const COMMON_TYPES: readonly string[] = Array.from({ length: 256 }, (_, code) => typeName(code));

/** Token positions in a CompactRecord: offset from the record's start × 1024 + length. */
const LENGTH_LIMIT = 1024;
const OFFSET_LIMIT = 1 << 20;

function pack(span: Span | undefined, start: number): number | undefined {
  if (!span) return -1;
  const rel = span.offset - start;
  if (rel < 0 || rel >= OFFSET_LIMIT || span.length >= LENGTH_LIMIT) return undefined;
  return rel * LENGTH_LIMIT + span.length;
}

function unpack(packed: number, start: number): Span | undefined {
  return packed < 0 ? undefined : { offset: start + Math.floor(packed / LENGTH_LIMIT), length: packed % LENGTH_LIMIT };
}

/**
 * The usual record, read from a source line with its owner first (or inherited): 13
 * fields instead of ParsedRecord's 20, since a million records cost their size in every
 * garbage collection. Undefined when a position does not fit; ParsedRecord takes those.
 */
function compactRecord(
  owner: string,
  ttl: number,
  cls: string,
  typeCode: number,
  rdata: Rdata | undefined,
  source: SourceText,
  rescanAt: number,
  ownerSpan: Span | undefined,
  ttlTok: Span | undefined,
  classTok: Span | undefined,
  typeTok: Span,
  span: Span,
): CompactRecord | undefined {
  if (ownerSpan && ownerSpan.offset !== span.offset) return undefined;
  const ttlAt = pack(ttlTok, span.offset);
  const classAt = pack(classTok, span.offset);
  const typeAt = pack(typeTok, span.offset);
  if (ttlAt === undefined || classAt === undefined || typeAt === undefined) return undefined;
  const ownerLength = ownerSpan ? ownerSpan.length : -1;
  // An object literal, not `new`: V8 tracks the objects made at a literal and, once most of
  // them outlive a young-generation collection (a zone's records all do), makes the rest in
  // the old generation at once, instead of copying each one twice before it gets there.
  const rr: CompactFields & { __proto__: CompactRecord } = {
    __proto__: CompactRecord.prototype,
    owner,
    ttl,
    cls,
    typeCode,
    rdataKept: rdata,
    source,
    rescanAt,
    spanOffset: span.offset,
    spanLength: span.length,
    ownerLength,
    ttlAt,
    classAt,
    typeAt,
  };
  return rr as unknown as CompactRecord;
}

/** What a CompactRecord holds: the fields of the literal compactRecord makes. */
interface CompactFields {
  readonly owner: string;
  readonly ttl: number;
  readonly cls: string;
  readonly typeCode: number;
  /** Undefined for a plain A or AAAA: the fast path reads it again from the token. */
  readonly rdataKept: Rdata | undefined;
  readonly source: SourceText;
  /** The line's start × 8 + the index of the first RDATA token in it. */
  readonly rescanAt: number;
  readonly spanOffset: number;
  readonly spanLength: number;
  /** -1 when the owner is inherited. */
  readonly ownerLength: number;
  readonly ttlAt: number;
  readonly classAt: number;
  readonly typeAt: number;
}

// The class adds the getters; its objects are made by compactRecord as literals.
interface CompactRecord extends CompactFields {}

class CompactRecord implements ResourceRecord {
  get class(): string {
    return this.cls;
  }
  get rdata(): Rdata {
    const kept = this.rdataKept;
    if (kept !== undefined) return this.source.shift === 0 ? kept : this.source.movedRdata(kept);
    return fastRdata(this.typeCode, this.tokens, '.') ?? { canonical: '', fields: {} };
  }
  get type(): string {
    return this.typeCode < COMMON_TYPES.length ? COMMON_TYPES[this.typeCode] : typeName(this.typeCode);
  }
  get file(): string | undefined {
    return this.source.file;
  }
  get generated(): undefined {
    return undefined;
  }
  get tokens(): readonly Token[] {
    return this.source.tokens(Math.floor(this.rescanAt / 8), this.rescanAt % 8);
  }
  get ownerSpan(): Span | undefined {
    return this.ownerLength < 0 ? undefined : { offset: this.spanOffset + this.source.shift, length: this.ownerLength };
  }
  get ttlSpan(): Span | undefined {
    return unpack(this.ttlAt, this.spanOffset + this.source.shift);
  }
  get classSpan(): Span | undefined {
    return unpack(this.classAt, this.spanOffset + this.source.shift);
  }
  get typeSpan(): Span {
    return unpack(this.typeAt, this.spanOffset + this.source.shift) as Span;
  }
  get span(): Span {
    return { offset: this.spanOffset + this.source.shift, length: this.spanLength };
  }

  /** Plain data for JSON and structural comparison (the getters are not own properties). */
  toJSON(): ResourceRecord {
    return plainRecord(this);
  }
}

/** `a\.` ends in an escaped dot, so it is relative. */
function isEscapedDot(text: string): boolean {
  let backslashes = 0;
  for (let i = text.length - 2; i >= 0 && text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Appends a plain origin to a plain relative name; undefined when the slow path is needed. */
function plainRelative(text: string, origin: string, suffix: string): string | undefined {
  const n = text.length;
  let labelLen = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) {
      if (labelLen === 0) return undefined;
      labelLen = 0;
    } else if (c < 128 && PLAIN[c]) {
      if (++labelLen > 63) return undefined;
    } else return undefined;
  }
  if (labelLen === 0) return undefined;
  const wire = n + 1 + (origin === '.' ? 1 : origin.length + 1);
  if (wire > 255) return undefined;
  return flatJoin(text, suffix);
}
