/**
 * A zone document kept up to date edit by edit: the same problems as
 * `analyzeSync(parseZoneText(text))`, at the cost of the edit, not of the zone.
 *
 * Parsing is incremental (pieces.ts). Every check problem is kept with the owner whose
 * record it lies in. After an edit, the owners whose records changed are "touched";
 * the owners whose problems can depend on them (their mail group, the names pointing
 * at them, the names they point at, the names below a zone cut that moved) are checked
 * again together with the records those checks read, and nothing else. Changes that
 * can reach the whole zone (the apex, the SOA, a wildcard, too many owners) check
 * everything once.
 */
import type { Problem } from '../diagnostics/types';
import { moved } from '../diagnostics/moved';
import { analyzeSync } from '../analysis';
import type { Comment, Directive, ResourceRecord, Span, Token, Zone } from '../zone/ast';
import { loadChecks, type ParseOptions, startOrigin } from '../zone/index';
import { nameKey, parentName } from '../zone/names';
import { SemanticsCodes } from '../zone/semantics/codes';
import { isAtOrBelow, provideIndex } from '../dns/zoneData';
import { setZoneParts, type ZonePart } from '../zone/parts';
import { ownerGroups, run } from '../zone/checks/owners';
import { ancestorsOf, baseOf, targetsOf } from './names';
import { IncrementalResolverIndex, LazyIndex, ownedDescendant } from './resolverIndex';
import { runSteps, type Steps } from '../steps';
import { lastAtOrBelow } from '../sorted';
import { type Piece, PieceParser, shiftOf } from './pieces';
import { type TextChange, type TextSource, withInsertion } from './text';

/**
 * Problems about the whole zone, pointed at its first record: they belong to no owner,
 * and only a full check (which the apex, the SOA or the first record trigger) makes them.
 */
const ZONE_WIDE = new Set([SemanticsCodes.missingSoa.code, SemanticsCodes.missingNs.code]);

/** The text inferOrigin reads (its first 200 logical lines fit in it but for absurd lines). */
const ORIGIN_WINDOW = 256 * 1024;

/** Pieces put in the indexes per step (indexSteps): about a millisecond's work. */
const INDEX_STEP = 8;

/** Past this many owners to check again, one pass over the whole zone is cheaper. */
const MAX_AFFECTED = 3000;

/** A name with a `_domainkey` label: a DKIM key's, or its delegation's. */
const DOMAINKEY = /(?:^|\.)_domainkey\./i;
/**
 * How deep the provider check follows the zone's SPF includes (providers/providerMissing.ts
 * MAX_DEPTH): a record's problems depend on the records it includes, theirs, and so on.
 */
const SPF_INCLUDE_DEPTH = 10;

/** Updates answersChangedSince can look back over. */
const CHANGE_LOG_MAX = 1024;

const CNAME = 5;

interface OwnerProblems {
  load: Problem[];
  checks: Problem[];
}

/**
 * What the indexes keep of one piece: its owner keys in order of first appearance, and
 * each one's records, in order. A map by key is made only when one is looked up: indexing
 * a million-record zone made 15,000 maps, most never read.
 */
class PieceIndex {
  readonly owners: string[] = [];
  readonly lists: ResourceRecord[][] = [];
  private map: Map<string, ResourceRecord[]> | undefined;

  /** The piece's records of `key` (undefined when it has none). */
  get(key: string): ResourceRecord[] | undefined {
    if (this.owners.length < 8) {
      const i = this.owners.indexOf(key);
      return i < 0 ? undefined : this.lists[i];
    }
    if (this.map === undefined) {
      this.map = new Map();
      for (let i = 0; i < this.owners.length; i++) this.map.set(this.owners[i], this.lists[i]);
    }
    return this.map.get(key);
  }
}

export interface UpdateStats {
  /** Everything was checked (first parse, or an edit that reaches the whole zone). */
  readonly full: boolean;
  readonly parsedPieces: number;
  /** Owners whose problems were computed again. */
  readonly checkedOwners: number;
  /** Records the checks read. */
  readonly checkedRecords: number;
}

export class IncrementalZone {
  private parser: PieceParser | undefined;
  private origin: string | undefined;
  private apexKey = '.';
  private readonly index = new Map<Piece, PieceIndex>();
  /**
   * The pieces of the last full parse, of which the first `unindexedAt` are in the indexes
   * below. The indexes serve edits and the DNS checks, not the first check of a document just
   * opened: a million-record zone's took seconds (and their garbage collections) before
   * its first diagnostics. They are made after them, in slices (zoneSteps), or at once
   * when an edit needs them first (ensureIndexed).
   */
  private unindexed: readonly Piece[] = [];
  private unindexedAt = 0;
  /** Owner key → the piece holding its records, or the pieces, in document order (a list only for owners in more than one). */
  private readonly ownerPieces = new Map<string, Piece | Piece[]>();
  /** Target key → owner key → how many records of that owner point at it. */
  private readonly referrers = new Map<string, Referrers>();
  /**
   * Targets that may own no records (referred to, but no owner): a superset, pruned when
   * read (unownedTargets). A cut changing re-checks the names pointing below it.
   */
  private readonly unowned = new Set<string>();
  /** Parent key → child keys (kept once seen; filtered by ownerPieces when read). */
  private readonly children = new Map<string, Set<string>>();
  /**
   * Base key (baseOf) → the other owner keys of that mail group (the base itself, when an
   * owner, is not kept here: nearly every owner is its own base, and a set for each cost
   * a million-record zone about half a second).
   */
  private readonly groups = new Map<string, Set<string>>();
  /** The parent key linkName last linked a name under, and its child set. */
  private lastParent: { key: string; children: Set<string> } | undefined;
  /** Owners at or below the apex. */
  private inZone = 0;
  /** Wildcard owners (`*.…`): while there are any, a name appearing or going changes the closest encloser of names below its ancestors. */
  private wildcards = 0;
  /** Owners with $GENERATE records: their spans are the directive's, shared. */
  private readonly generated = new Map<string, number>();
  /** Owners with SOA records: the first SOA is what every other one is compared with. */
  private readonly soas = new Map<string, number>();
  /** Owners with NS or DNAME records (zone cuts, and the apex). */
  private readonly cuts = new Map<string, number>();
  /** Check problems by the owner of the record they lie in; empty lists are dropped. */
  private problems = new Map<string, OwnerProblems>();
  /** Problems in no record (zone-wide): computed again only by a full check. */
  private global: OwnerProblems = { load: [], checks: [] };
  /** Every problem of `problems` and `global` in one array: moved and listed without a walk over the owners. */
  private stored: Problem[] = [];
  /** Where zone-wide problems point: the main file's first record (its owner, else all of it). */
  private anchor: Span | undefined;
  private zoneCache: Zone | undefined;
  /** zoneCache's list of records, made when first read (or in steps by the DNS-dependent run). */
  private recordList: RecordList | undefined;
  private allCache: Problem[] | undefined;
  /** While a rehearsed keystroke is typed: the stored problems, moved in place, that its checks replace. */
  private dropping: Problem[] | undefined;
  /** Updates so far: a zone put together in steps across an update is not this one's. */
  private edits = 0;
  /**
   * What the last updates changed, for answersChangedSince: by update, the owner keys whose
   * records differ, or undefined when any answer may have changed (a rebuild; a wildcard,
   * an alias, a zone cut or an SOA added, removed or changed).
   */
  private readonly changeLog: { readonly generation: number; readonly owners: readonly string[] | undefined }[] = [];

  constructor(
    private readonly options: ParseOptions,
    private readonly now: () => Date = () => new Date(),
    /** Logical lines per piece (tests use small pieces to cross piece boundaries often). */
    private readonly pieceLines?: number,
  ) {}

  /**
   * Brings the zone to `text`. `change` says where it changed since the last update (the
   * editor's document knows); without it the old pieces are compared with the text.
   */
  update(text: TextSource, change?: TextChange): UpdateStats {
    // The origin comes from the text's first lines ($ORIGIN, SOA) unless it is given.
    const origin =
      this.parser && change && change.start > ORIGIN_WINDOW ? this.origin : startOrigin(text.slice(0, ORIGIN_WINDOW), this.options);
    this.zoneCache = this.allCache = this.recordList = undefined;
    this.edits++;
    if (!this.parser || origin !== this.origin) {
      this.logChange(undefined);
      return this.rebuild(text, origin);
    }
    this.ensureIndexed();
    const pieces = this.parser.update(text, change);
    const { start, oldEnd } = pieces.edit;
    const delta = pieces.edit.newEnd - oldEnd;
    const map = (o: number): number => (o >= oldEnd ? o + delta : o);
    let full = false;
    for (const p of [...this.global.load, ...this.global.checks]) {
      if (p.file === undefined && p.offset + p.length >= start && p.offset <= oldEnd) full = true;
    }
    // The stored problems are this zone's own (see attribute): they move in place.
    if (delta !== 0) for (const p of this.stored) moveInPlace(p, oldEnd, delta);

    // Owners whose records differ: the edit's owners, not every owner of a piece parsed again.
    const inZoneBefore = this.inZone;
    const before = new Map<string, ResourceRecord[]>();
    const after = new Map<string, ResourceRecord[]>();
    for (const p of pieces.removed) {
      const { owners, lists } = this.index.get(p)!;
      for (let i = 0; i < owners.length; i++) append(before, owners[i], lists[i]);
      this.removePiece(p);
    }
    for (const p of pieces.added) {
      this.addPiece(p);
      const { owners, lists } = this.index.get(p)!;
      for (let i = 0; i < owners.length; i++) append(after, owners[i], lists[i]);
    }
    // Whether the zone holds any record at or below the apex decides zone-wide problems.
    if ((inZoneBefore === 0) !== (this.inZone === 0)) full = true;
    const touched = new Set<string>();
    for (const [owner, rs] of before) if (!sameRecords(rs, after.get(owner), map, pieces.edit)) touched.add(owner);
    for (const owner of after.keys()) if (!before.has(owner)) touched.add(owner);
    // Owners that appeared or went (here at least): with a wildcard in the zone, which names
    // exist decides which wildcard answers for a name that owns nothing.
    const appeared = new Set<string>();
    for (const owner of touched) if ((before.get(owner) === undefined) !== (after.get(owner) === undefined)) appeared.add(owner);
    this.logChange(answersMayChangeAnywhere(touched, before, after, this.apexKey, this.wildcards > 0) ? undefined : [...touched]);
    const related = new Set<string>();
    const cutsTouched = new Set<string>();
    // An edit of the apex SOA alone (a serial bump) changes the apex's own problems only.
    const apex = this.apexKey;
    const soaOnly =
      touched.size === 1 &&
      touched.has(apex) &&
      this.global.load.length + this.global.checks.length === 0 &&
      soaCount(before.get(apex)) === 1 &&
      soaCount(after.get(apex)) === 1 &&
      sameRecords(notSoa(before.get(apex)), notSoa(after.get(apex)), map, pieces.edit);
    for (const owner of touched) {
      for (const r of [...(before.get(owner) ?? []), ...(after.get(owner) ?? [])]) {
        // Of the apex, only its SOA changed: its NS set, which cuts nothing new, did not.
        if (soaOnly && r.typeCode !== 6) continue;
        if (r.typeCode === 6 /* SOA */ && !soaOnly) full = true;
        if (r.typeCode === 2 /* NS */ || r.typeCode === 39 /* DNAME */) cutsTouched.add(owner);
        for (const t of targetsOf(r)) related.add(t);
      }
    }
    // Zone-wide problems point at the main file's first record: when it moves, check all.
    const anchor = this.findAnchor();
    const was = this.anchor;
    if ((was === undefined) !== (anchor === undefined) || (was && anchor && (map(was.offset) !== anchor.offset || was.length !== anchor.length))) {
      full = true;
    }
    this.anchor = anchor;
    // No check reads an SOA beyond its own owner (serial format, TTLs, the zone's SOA count).
    const affected = full
      ? undefined
      : soaOnly
        ? new Set([apex, ...this.group(apex), ...this.soas.keys()])
        : this.affected(touched, related, cutsTouched, appeared);
    if (affected === undefined) {
      if (this.dropping) for (const p of this.stored) this.dropping.push(p);
      return this.checkAll(pieces.added.length);
    }
    const stats = this.check(affected);
    return { full: false, parsedPieces: pieces.added.length, ...stats };
  }

  /** Updates so far: the generation answersChangedSince is asked about. */
  get generation(): number {
    return this.edits;
  }

  /**
   * Whether the answers a resolver reading this zone gives for a name key may differ now
   * from those at generation `since`: for the owners whose records changed since, the names
   * whose CNAME leads to one of them, and their ancestors (a name exists while a name below
   * it has records). Undefined when any answer may differ, or `since` is too long ago.
   * `outside`: names outside the zone may lead into it (another zone's CNAME points here),
   * so once anything changed they may answer differently too.
   */
  answersChangedSince(since: number, outside = false): ((key: string) => boolean) | undefined {
    const log = this.changeLog;
    if (since === this.edits) return () => false;
    if (since > this.edits) return undefined;
    const owners = new Set<string>();
    let logged = 0;
    for (const entry of log) {
      if (entry.generation <= since) continue;
      if (entry.owners === undefined) return undefined;
      for (const o of entry.owners) owners.add(o);
      logged++;
    }
    // Every update after `since` must be in the log (not dropped from it, nor stopped by an error before it logged).
    if (logged !== this.edits - since) return undefined;
    this.ensureIndexed();
    const queue = [...owners];
    while (queue.length > 0) {
      for (const r of referrerKeys(this.referrers.get(queue.pop()!))) {
        if (owners.has(r) || !this.hasType(r, CNAME)) continue;
        // A wildcard CNAME answers for names this cannot list.
        if (r.charCodeAt(0) === 0x2a /* * */) return undefined;
        owners.add(r);
        queue.push(r);
        if (owners.size > MAX_AFFECTED) return undefined;
      }
    }
    const keys = new Set<string>();
    for (const o of owners) {
      keys.add(o);
      for (let k = o, n = 0; k !== '.' && n < 255; n++) keys.add((k = parentName(k)));
    }
    const apex = this.apexKey;
    if (outside && owners.size > 0) return (key) => keys.has(key) || !isAtOrBelow(key, apex);
    return (key) => keys.has(key);
  }

  /** The zone's apex as a name key (its origin). */
  get apex(): string {
    return this.apexKey;
  }

  private logChange(owners: readonly string[] | undefined): void {
    this.changeLog.push({ generation: this.edits, owners });
    if (this.changeLog.length > CHANGE_LOG_MAX) this.changeLog.shift();
  }

  /** Whether an owner has a record of the type now. */
  private hasType(key: string, typeCode: number): boolean {
    for (const piece of this.piecesOf(key)) if (this.index.get(piece)?.get(key)?.some((r) => r.typeCode === typeCode)) return true;
    return false;
  }

  /**
   * Types `inserted` at `at` of `text` (the text of the last update) and takes it out
   * again, running `during` while it is in: the zone ends as it was, having run what a
   * keystroke runs. V8 compiles a function with optimizations once it has run often
   * enough; an edit calls many functions a few times each, so in a 100,000-record zone
   * the first dozen keystrokes after opening took 30–60 ms against 10–15 ms later. The
   * server rehearses a few while the user reads a large zone just opened.
   */
  rehearse(text: TextSource, at: number, inserted: string, during?: () => void): void {
    const end = at + inserted.length;
    // The problems the keystroke's checks replace were moved with it, and are not moved
    // back with the stored ones: diagnostics handed out for this version (the server keeps
    // its complete set) share their data, so they are moved back here.
    const dropped: Problem[] = (this.dropping = []);
    try {
      this.update(withInsertion(text, at, inserted), { start: at, oldEnd: at, newEnd: end });
    } finally {
      this.dropping = undefined;
    }
    try {
      during?.();
    } finally {
      this.update(text, { start: at, oldEnd: end, newEnd: at });
      for (const p of dropped) moveInPlace(p, end, -inserted.length);
    }
  }

  /** The zone as parseZoneText would return it. */
  zone(): Zone {
    return this.zoneCache ?? runSteps(this.zoneSteps());
  }

  /**
   * zone(), put together in steps (a piece each): a large zone's takes a tenth of a second.
   * With `makeIndexes` (the DNS-dependent run's), the owner indexes of a zone just parsed
   * whole are made in steps too, before the resolver reads them. Without, they are made
   * when the resolver first reads this zone (or by the next edit): the outline, folding or
   * completion of a zone just opened need none of them.
   */
  *zoneSteps(makeIndexes = false): Steps<Zone> {
    const edits = this.edits;
    let zone = this.zoneCache;
    if (zone === undefined) {
      const pieces = this.parser?.pieces.slice() ?? [];
      const directives: Directive[] = [];
      const comments: Comment[] = [];
      const includes: string[] = [];
      const parts: ZonePart[] = [];
      for (const piece of pieces) {
        yield;
        const shift = shiftOf(piece);
        parts.push({ records: piece.records, shift });
        for (const d of piece.directives) directives.push(shift === 0 || d.file !== undefined ? d : movedDirective(d, shift));
        for (const c of piece.comments) comments.push(shift === 0 || c.file !== undefined ? c : { ...c, offset: c.offset + shift });
        for (const i of piece.includes) includes.push(i);
      }
      // An edit while the steps waited: the zone of the text now is the one to give.
      if (this.edits !== edits) return this.zone();
      // The list of every record is made when first read: what an editor asks after each
      // change (lenses, outline, folding, inlay hints) reads the parts (zone/parts.ts), and
      // a million-record list took about 50 ms to make.
      const list = new RecordList(parts);
      const made: Zone = {
        origin: this.origin ?? '.',
        get records() {
          return list.records();
        },
        directives,
        comments,
        problems: this.loadProblems(),
        includes,
      };
      zone = made;
      setZoneParts(zone, parts);
      this.zoneCache = zone;
      this.recordList = list;
      this.provide(zone);
    }
    if (makeIndexes) {
      // The DNS-dependent checks read every record: the list is made in steps first.
      if (this.recordList) yield* this.recordList.steps();
      if (this.edits !== edits) return this.zone();
      yield* this.indexSteps();
      if (this.edits !== edits) return this.zone();
    }
    return zone;
  }

  /**
   * The resolver reads the zone through the indexes kept here, not by indexing it again:
   * when its apex is the origin's name (with one SOA owner at most, else which SOA comes
   * first decides, and the names are linked under the origin).
   */
  private provide(zone: Zone): void {
    const soaOwners = this.unindexedAt < this.unindexed.length ? soaOwnerKeys(zone.records) : [...this.soas.keys()];
    const apex = soaOwners.length === 1 ? soaOwners[0] : this.apexKey;
    if (soaOwners.length > 1 || apex !== this.apexKey) return;
    provideIndex(
      zone,
      new LazyIndex(apex, () => {
        this.ensureIndexed();
        return new IncrementalResolverIndex(apex, zone, () => this.zoneCache === zone, {
          ownerRecords: (key) => (this.ownerPieces.has(key) ? this.piecesOf(key).map((piece) => this.index.get(piece)!.get(key)!) : undefined),
          children: this.children,
          cuts: this.cuts,
          hasOwner: (key) => this.ownerPieces.has(key),
        });
      }),
    );
  }

  /** zone().problems: the parser's and the loader's. */
  private loadProblems(): Problem[] {
    if (this.zoneCache) return [...this.zoneCache.problems];
    const problems: Problem[] = [];
    for (const piece of this.parser?.pieces ?? []) {
      const shift = shiftOf(piece);
      for (const p of piece.problems) problems.push(shift === 0 || p.file !== undefined ? p : moved(p, (o) => o + shift));
    }
    for (const list of this.problems.values()) for (const p of list.load) problems.push(p);
    for (const p of this.global.load) problems.push(p);
    return problems;
  }

  /** Whether the parser reported `code` (e.g. zone-origin-unknown), without making the zone. */
  hasParseProblem(code: string): boolean {
    return (this.parser?.pieces ?? []).some((piece) => piece.problems.some((p) => p.code === code));
  }

  /** The origin the zone starts with ('.' when none is given or found). */
  get startOrigin(): string {
    return this.origin ?? '.';
  }

  /** Every problem `analyzeSync(zone())` returns (in another order). */
  allProblems(): Problem[] {
    if (this.allCache) return this.allCache;
    // The parser's problems, then the stored ones (a large zone has tens of thousands).
    const out: Problem[] = [];
    for (const piece of this.parser?.pieces ?? []) {
      if (piece.problems.length === 0) continue;
      const shift = shiftOf(piece);
      for (const p of piece.problems) out.push(shift === 0 || p.file !== undefined ? p : moved(p, (o) => o + shift));
    }
    // A copy (the stored list changes with the next edit), made in one go.
    this.allCache = out.length === 0 ? this.stored.slice() : out.concat(this.stored);
    return this.allCache;
  }

  private findAnchor(): Span | undefined {
    for (const piece of this.parser?.pieces ?? []) {
      const r = piece.records.find((x) => x.file === undefined);
      if (r) return r.ownerSpan ?? r.span;
    }
    return undefined;
  }

  private rebuild(text: TextSource, origin: string | undefined): UpdateStats {
    this.origin = origin;
    this.apexKey = nameKey(origin ?? '.');
    this.index.clear();
    this.ownerPieces.clear();
    this.referrers.clear();
    this.children.clear();
    this.unowned.clear();
    this.lastParent = undefined;
    this.groups.clear();
    this.generated.clear();
    this.cuts.clear();
    this.soas.clear();
    this.inZone = 0;
    this.wildcards = 0;
    this.parser = new PieceParser(origin, this.options, this.pieceLines);
    const change = this.parser.parseAll(text);
    this.unindexed = change.added;
    this.unindexedAt = 0;
    this.anchor = this.findAnchor();
    return this.checkAll(change.added.length);
  }

  /** Puts the pieces of the last full parse in the indexes, if they are not yet. */
  private ensureIndexed(): void {
    runSteps(this.indexSteps());
  }

  /** ensureIndexed in steps of a few pieces; an edit meanwhile finishes it (update). */
  private *indexSteps(): Steps<void> {
    while (this.unindexedAt < this.unindexed.length) {
      this.addPiece(this.unindexed[this.unindexedAt++]);
      if (this.unindexedAt % INDEX_STEP === 0) yield;
    }
    this.unindexed = [];
    this.unindexedAt = 0;
  }

  private addPiece(piece: Piece): void {
    const index = new PieceIndex();
    const { owners, lists } = index;
    const records = piece.records;
    // Records of one owner come in runs: a run's key is made once.
    for (let s = 0; s < records.length; ) {
      const owner = records[s].owner;
      let e = s + 1;
      while (e < records.length && records[e].owner === owner) e++;
      const key = nameKey(owner);
      // A piece alone, or the pieces in document order: most owners are in one piece.
      const at = this.ownerPieces.get(key);
      if (at === piece || (Array.isArray(at) && at.includes(piece))) {
        // The owner came earlier in this piece (with others between).
        const list = lists[owners.lastIndexOf(key)];
        for (let i = s; i < e; i++) list.push(records[i]);
      } else {
        owners.push(key);
        lists.push(run(records, s, e));
        if (at === undefined) {
          this.ownerPieces.set(key, piece);
          this.linkName(key);
        } else if (Array.isArray(at)) {
          at.push(piece);
          at.sort((a, b) => a.start - b.start);
        } else this.ownerPieces.set(key, at.start < piece.start ? [at, piece] : [piece, at]);
      }
      for (let i = s; i < e; i++) this.countRecord(records[i], key, 1);
      s = e;
    }
    this.index.set(piece, index);
  }

  /** What one record of `owner` adds to (by 1) or takes from (by -1) the counts by owner and target. */
  private countRecord(r: ResourceRecord, owner: string, by: 1 | -1): void {
    const type = r.typeCode;
    // Most records are addresses: no target, no cut, no SOA.
    if ((type === 1 || type === 28) && !r.generated) return;
    if (r.generated) count(this.generated, owner, by);
    if (type === 2 || type === 39) count(this.cuts, owner, by);
    if (type === 6) count(this.soas, owner, by);
    for (const t of targetsOf(r)) this.refer(t, owner, by);
  }

  /** Counts `by` more (or fewer) records of `owner` pointing at `target`. */
  private refer(target: string, owner: string, by: number): void {
    const now = this.referrers.get(target);
    if (now === undefined) {
      if (by > 0 && !this.ownerPieces.has(target)) this.unowned.add(target);
      if (by === 1) this.referrers.set(target, owner);
      else if (by > 0) this.referrers.set(target, new Map([[owner, by]]));
    } else if (typeof now === 'string') {
      if (now === owner) {
        if (by < 0) this.referrers.delete(target);
        else if (by > 0) this.referrers.set(target, new Map([[owner, 1 + by]]));
      } else if (by > 0) this.referrers.set(target, new Map([[now, 1], [owner, by]]));
    } else {
      count(now, owner, by);
      if (now.size === 0) this.referrers.delete(target);
    }
  }

  /** The pieces holding records of `key`, in document order. */
  private piecesOf(key: string): readonly Piece[] {
    const at = this.ownerPieces.get(key);
    return at === undefined ? [] : Array.isArray(at) ? at : [at];
  }

  private removePiece(piece: Piece): void {
    const data = this.index.get(piece);
    if (!data) return;
    this.index.delete(piece);
    for (let k = 0; k < data.owners.length; k++) {
      const owner = data.owners[k];
      const rs = data.lists[k];
      const at = this.ownerPieces.get(owner);
      if (at !== undefined) {
        let gone = at === piece;
        if (Array.isArray(at)) {
          const i = at.indexOf(piece);
          if (i >= 0) at.splice(i, 1);
          gone = at.length === 0;
        }
        if (gone) {
          this.ownerPieces.delete(owner);
          this.unowned.add(owner);
          if (this.isInZone(owner)) this.inZone--;
          if (owner.charCodeAt(0) === 0x2a /* * */) this.wildcards--;
          const base = baseOf(owner);
          if (base !== owner) this.groups.get(base)?.delete(owner);
        }
      }
      for (const r of rs) this.countRecord(r, owner, -1);
    }
  }

  /** Adds a new owner to its mail group and links it under its ancestors. */
  private isInZone(owner: string): boolean {
    return this.apexKey === '.' || owner === this.apexKey || owner.endsWith('.' + this.apexKey);
  }

  private linkName(owner: string): void {
    if (this.isInZone(owner)) this.inZone++;
    if (owner.charCodeAt(0) === 0x2a /* * */) this.wildcards++;
    const base = baseOf(owner);
    if (base !== owner) {
      let g = this.groups.get(base);
      if (!g) this.groups.set(base, (g = new Set()));
      g.add(owner);
    }
    // Owners come in runs of one parent (an $ORIGIN block): the last parent linked is
    // kept, and its own ancestors are linked already (links stay until a rebuild).
    const apex = this.apexKey;
    if (owner === apex || !(apex === '.' || owner.endsWith('.' + apex))) return;
    const first = parentName(owner);
    if (first === this.lastParent?.key) {
      this.lastParent.children.add(owner);
      return;
    }
    let child = owner;
    for (const parent of [first, ...ancestorsOf(first, apex)]) {
      let c = this.children.get(parent);
      if (!c) this.children.set(parent, (c = new Set()));
      if (parent === first) this.lastParent = { key: first, children: c };
      if (c.has(child)) break;
      c.add(child);
      child = parent;
    }
  }

  /** Owners (existing now) at or below `key`. */
  private descendants(key: string, out: Set<string>, limit: number): boolean {
    const stack = [key];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (this.ownerPieces.has(k)) {
        out.add(k);
        if (out.size > limit) return false;
      }
      const c = this.children.get(k);
      if (c) for (const x of c) stack.push(x);
    }
    return true;
  }

  /** The targets that own no records now (the `unowned` list, pruned of the others). */
  private unownedTargets(): string[] {
    const out: string[] = [];
    for (const k of this.unowned) {
      if (this.ownerPieces.has(k) || !this.referrers.has(k)) this.unowned.delete(k);
      else out.push(k);
    }
    return out;
  }

  /** The owners of the key's mail group: its base (when an owner) and the others. */
  private group(key: string): string[] {
    const base = baseOf(key);
    const out = this.ownerPieces.has(base) ? [base] : [];
    const others = this.groups.get(base);
    if (others) for (const o of others) out.push(o);
    return out;
  }

  /**
   * The owners whose problems an edit of `touched` can change; undefined when that is
   * (nearly) the whole zone. `related` are the names the touched records point at.
   */
  private affected(
    touched: ReadonlySet<string>,
    related: ReadonlySet<string>,
    cutsTouched: ReadonlySet<string>,
    appeared: ReadonlySet<string>,
  ): Set<string> | undefined {
    const out = new Set<string>();
    const apex = this.apexKey;
    for (const t of touched) {
      if (t === apex || baseOf(t) === apex || t.startsWith('*') || this.generated.has(t)) return undefined;
      out.add(t);
      for (const g of this.group(t)) out.add(g);
      for (const r of referrerKeys(this.referrers.get(t))) out.add(r);
      // And the owners whose SPF records include it through others.
      if (out.size <= MAX_AFFECTED) this.spfIncluders(t, out);
      // A zone cut (or its removal) changes what is glue or occluded below it; a DMARC
      // policy covers the names below its domain (RFC 9989 tree walk), and so does a DKIM
      // key (dkim-missing walks up to the organizational domain).
      for (const a of ancestorsOf(t, apex)) if (a !== apex && this.cuts.has(a)) out.add(a);
      const cut = cutsTouched.has(t) || !this.ownerPieces.has(t);
      const policy = t.startsWith('_dmarc.') || DOMAINKEY.test(t);
      if (cut || policy) {
        const below = new Set<string>();
        if (!this.descendants(policy ? baseOf(t) : t, below, MAX_AFFECTED)) return undefined;
        for (const d of below) {
          out.add(d);
          for (const r of referrerKeys(this.referrers.get(d))) out.add(r);
        }
        // Targets below a cut that own nothing are no descendants, and their referrers
        // read the cut all the same (zone-mx-no-address leaves what is below a cut alone).
        // Only for a cut: an owner merely gone (a name being typed) walks no target list.
        if (cutsTouched.has(t)) {
          for (const target of this.unownedTargets()) {
            if (!isAtOrBelow(target, t)) continue;
            for (const r of referrerKeys(this.referrers.get(target))) out.add(r);
            if (out.size > MAX_AFFECTED) return undefined;
          }
        }
      }
      // A name that appears or goes may make names above it exist or not (empty non-terminals),
      // and so change the closest encloser, and the wildcard answering (RFC 4592), of the
      // targets below them that own nothing: those below its highest ancestor without records.
      if (this.wildcards > 0 && appeared.has(t)) {
        let top = t;
        for (const a of ancestorsOf(t, apex)) {
          if (a === apex || this.ownerPieces.has(a)) break;
          top = a;
        }
        for (const target of this.unownedTargets()) {
          if (!isAtOrBelow(target, top)) continue;
          for (const r of referrerKeys(this.referrers.get(target))) out.add(r);
          if (out.size > MAX_AFFECTED) return undefined;
        }
      }
      if (out.size > MAX_AFFECTED) return undefined;
    }
    for (const t of related) if (this.ownerPieces.has(t)) for (const g of this.group(t)) out.add(g);
    for (const a of out) if (this.generated.has(a)) return undefined;
    return out.size > MAX_AFFECTED ? undefined : out;
  }

  /** The owners whose records the checks of `owner` may read. */
  private context(owner: string, out: Set<string>): void {
    const apex = this.apexKey;
    const addName = (k: string): void => {
      out.add(k);
      for (const g of this.group(k)) out.add(g);
    };
    addName(owner);
    addName(apex);
    if (owner !== apex && this.cuts.has(owner)) this.descendants(owner, out, MAX_AFFECTED);
    for (const a of ancestorsOf(owner, apex)) addName(a);
    for (const r of referrerKeys(this.referrers.get(owner))) addName(r);
    let level: string[] = [];
    for (const g of [...this.group(owner)]) {
      for (const piece of this.piecesOf(g)) {
        for (const r of this.index.get(piece)!.get(g) ?? []) {
          const spf = r.typeCode === 16 || r.typeCode === 99;
          for (const t of targetsOf(r)) {
            addName(t);
            for (const a of ancestorsOf(t, apex)) out.add(a);
            if (spf) level.push(t);
          }
        }
      }
    }
    // The SPF records those include, to the depth the provider check reads.
    const seen = new Set(level);
    for (let depth = 1; depth < SPF_INCLUDE_DEPTH && level.length > 0 && out.size <= MAX_AFFECTED; depth++) {
      const next: string[] = [];
      for (const t of level) {
        for (const u of this.spfTargets(t)) {
          if (seen.has(u)) continue;
          seen.add(u);
          addName(u);
          next.push(u);
        }
      }
      level = next;
    }
  }

  /** The names the SPF records (TXT or SPF type) of `owner` point at. */
  private spfTargets(owner: string): string[] {
    const out: string[] = [];
    for (const piece of this.piecesOf(owner)) {
      for (const r of this.index.get(piece)!.get(owner) ?? []) if (r.typeCode === 16 || r.typeCode === 99) for (const t of targetsOf(r)) out.push(t);
    }
    return out;
  }

  /** Adds the owners whose SPF records lead to `target` through the zone's SPF records, to the depth the provider check reads. */
  private spfIncluders(target: string, out: Set<string>): void {
    const seen = new Set([target]);
    let level = [target];
    for (let depth = 0; depth < SPF_INCLUDE_DEPTH && level.length > 0 && out.size <= MAX_AFFECTED; depth++) {
      const next: string[] = [];
      for (const t of level) {
        for (const r of referrerKeys(this.referrers.get(t))) {
          if (out.size > MAX_AFFECTED) return;
          if (seen.has(r) || !this.spfTargets(r).includes(t)) continue;
          seen.add(r);
          out.add(r);
          next.push(r);
        }
      }
      level = next;
    }
  }

  private checkAll(parsedPieces: number): UpdateStats {
    this.problems = new Map();
    this.global = { load: [], checks: [] };
    this.zoneCache = this.allCache = this.recordList = undefined;
    const zone = this.zone();
    const records = zone.records;
    const load = loadChecks(records, this.origin ?? '.');
    const checks = analyzeSync({ ...zone, problems: [] }, { now: this.now() });
    this.attribute(records, load, checks, undefined);
    this.stored = [];
    for (const list of [...this.problems.values(), this.global]) {
      for (const p of list.load) this.stored.push(p);
      for (const p of list.checks) this.stored.push(p);
    }
    this.zoneCache = this.allCache = this.recordList = undefined;
    // The checks grouped the records by owner already (owners.ts keeps it for this run).
    return { full: true, parsedPieces, checkedOwners: ownerGroups(records).size, checkedRecords: records.length };
  }

  /** Checks the `affected` owners again, over the records their checks read. */
  private check(affected: ReadonlySet<string>): { checkedOwners: number; checkedRecords: number } {
    const owners = new Set<string>();
    for (const a of affected) this.context(a, owners);
    for (const soa of this.soas.keys()) owners.add(soa);
    // A wildcard answers for the names beside it (RFC 4592): checks of a name read it. The
    // owners hold every ancestor of the targets they read, so this gives each target the
    // wildcards above it too (zone-mx-no-address asks).
    for (const o of [...owners]) {
      const wildcard = o === '.' ? '*.' : '*.' + parentName(o);
      if (this.ownerPieces.has(wildcard)) owners.add(wildcard);
    }
    // Which of those names exist decides which wildcard answers: a name that owns nothing
    // exists when a name below it does (an empty non-terminal), so one of those comes too.
    if (this.wildcards > 0) {
      for (const o of [...owners]) {
        if (this.ownerPieces.has(o)) continue;
        const below = ownedDescendant(this.children, (k) => this.ownerPieces.has(k), o);
        if (below !== undefined) owners.add(below);
      }
    }
    // The records of those owners in document order: piece by piece.
    const pieces = new Set<Piece>();
    for (const o of owners) for (const p of this.piecesOf(o)) pieces.add(p);
    const ordered = [...pieces].sort((a, b) => a.start - b.start);
    const records: ResourceRecord[] = [];
    for (const piece of ordered) for (const r of piece.records) if (owners.has(nameKey(r.owner))) records.push(r);
    const sub: Zone = { origin: this.origin ?? '.', records, directives: [], comments: [], problems: [], includes: [] };
    const load = loadChecks(records, this.origin ?? '.');
    const checks = analyzeSync(sub, { now: this.now() });
    const dropped = new Set<Problem>();
    for (const a of affected) {
      const list = this.problems.get(a);
      if (!list) continue;
      for (const p of list.load) dropped.add(p);
      for (const p of list.checks) dropped.add(p);
      this.problems.delete(a);
    }
    this.attribute(records, load, checks, affected);
    if (this.dropping) for (const p of dropped) this.dropping.push(p);
    if (dropped.size > 0) this.stored = this.stored.filter((p) => !dropped.has(p));
    for (const a of affected) {
      const list = this.problems.get(a);
      if (!list) continue;
      for (const p of list.load) this.stored.push(p);
      for (const p of list.checks) this.stored.push(p);
    }
    return { checkedOwners: affected.size, checkedRecords: records.length };
  }

  /**
   * Files each problem under the owner of the record it lies in. With `only`, keeps the
   * problems of those owners and drops the rest (their context was incomplete); without,
   * problems in no record are zone-wide.
   */
  private attribute(
    records: readonly ResourceRecord[],
    load: readonly Problem[],
    checks: readonly Problem[],
    only: ReadonlySet<string> | undefined,
  ): void {
    // Each record's place and index, by file; its owner's key is made only for the records
    // problems lie in (a million-record zone has tens of thousands of problems).
    type Places = { starts: Int32Array; ends: Int32Array; at: Int32Array; count: number };
    const sizes = new Map<string | undefined, number>();
    for (let i = 0; i < records.length; i++) {
      const f = records[i].file;
      sizes.set(f, (sizes.get(f) ?? 0) + 1);
    }
    const lists = new Map<string | undefined, Places>();
    for (const [f, n] of sizes) lists.set(f, { starts: new Int32Array(n), ends: new Int32Array(n), at: new Int32Array(n), count: 0 });
    let lastFile: string | undefined;
    let l: Places | undefined;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const f = r.file;
      if (l === undefined || f !== lastFile) {
        lastFile = f;
        l = lists.get(f)!;
      }
      const span = r.span;
      l.starts[l.count] = span.offset;
      l.ends[l.count] = span.offset + span.length;
      l.at[l.count++] = i;
    }
    const ownerAt = (p: Problem): string | undefined => {
      const l = lists.get(p.file);
      if (!l) return undefined;
      // The last record starting at or before the offset ($INCLUDEd files come in runs).
      const found = lastAtOrBelow(l.starts, p.offset, l.count);
      return found >= 0 && p.offset <= l.ends[found] ? nameKey(records[l.at[found]].owner) : undefined;
    };
    const file = (p: Problem, kind: keyof OwnerProblems): void => {
      const owner = ZONE_WIDE.has(p.code) ? undefined : ownerAt(p);
      if (owner === undefined) {
        if (!only) this.global[kind].push(owned(p));
        return;
      }
      if (only && !only.has(owner)) return;
      let list = this.problems.get(owner);
      if (!list) this.problems.set(owner, (list = { load: [], checks: [] }));
      list[kind].push(owned(p));
    };
    for (const p of load) file(p, 'load');
    for (const p of checks) file(p, 'checks');
  }
}

/** The keys of the SOA records' owners, in zone order, each once. */
function soaOwnerKeys(records: readonly ResourceRecord[]): string[] {
  const keys = new Set<string>();
  for (const r of records) if (r.typeCode === 6) keys.add(nameKey(r.owner));
  return [...keys];
}

function soaCount(records: readonly ResourceRecord[] | undefined): number {
  let n = 0;
  for (const r of records ?? []) if (r.typeCode === 6) n++;
  return n;
}

function notSoa(records: readonly ResourceRecord[] | undefined): ResourceRecord[] {
  return (records ?? []).filter((r) => r.typeCode !== 6);
}

function append(map: Map<string, ResourceRecord[]>, key: string, rs: readonly ResourceRecord[]): void {
  const list = map.get(key);
  if (list) list.push(...rs);
  else map.set(key, [...rs]);
}

/**
 * The owners whose records point at one name, with how many records each: one owner with
 * one record (nearly every name pointed at) is kept as the owner's key alone, not a map.
 */
type Referrers = string | Map<string, number>;

function referrerKeys(r: Referrers | undefined): Iterable<string> {
  return r === undefined ? [] : typeof r === 'string' ? [r] : r.keys();
}

/**
 * Whether an update's changes may change answers beyond the touched owners and their
 * ancestors: a wildcard answers for names beside it (from the closest encloser, which a
 * name appearing or going can change), a CNAME or DNAME for others, a zone cut for the
 * names below it, and the SOA says where the zone is.
 */
function answersMayChangeAnywhere(
  touched: ReadonlySet<string>,
  before: ReadonlyMap<string, readonly ResourceRecord[]>,
  after: ReadonlyMap<string, readonly ResourceRecord[]>,
  apex: string,
  wildcards: boolean,
): boolean {
  for (const owner of touched) {
    if (owner.startsWith('*')) return true;
    const a = before.get(owner);
    const b = after.get(owner);
    // A name that appears or goes (here at least) may change which wildcard answers below its ancestors.
    if (wildcards && (a === undefined) !== (b === undefined)) return true;
    if (soaCount(a) !== soaCount(b)) return true;
    const cutsToo = owner !== apex;
    if (farReaching(a, cutsToo) !== farReaching(b, cutsToo)) return true;
  }
  return false;
}

/** The owner's CNAME, DNAME (and NS, below the apex) records, as one comparable text. */
function farReaching(records: readonly ResourceRecord[] | undefined, cutsToo: boolean): string {
  const texts: string[] = [];
  for (const r of records ?? []) {
    if (r.typeCode === 5 || r.typeCode === 39 || (cutsToo && r.typeCode === 2)) texts.push(`${r.typeCode} ${r.rdata.canonical.toLowerCase()}`);
  }
  return texts.sort().join('\n');
}

function count(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}

/** The same records at the same (mapped) places: their problems only move. */
function sameRecords(
  a: readonly ResourceRecord[],
  b: readonly ResourceRecord[] | undefined,
  map: (o: number) => number,
  edit: { start: number; oldEnd: number },
): boolean {
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.owner !== y.owner || x.typeCode !== y.typeCode || x.ttl !== y.ttl || x.class !== y.class || x.file !== y.file) return false;
    if ((x.ownerSpan === undefined) !== (y.ownerSpan === undefined) || x.generated !== y.generated) return false;
    const sx = x.span;
    const sy = y.span;
    // A record the edit touches, even at its very end: offsets computed from its end move.
    if (x.file === undefined && sx.offset <= edit.oldEnd && sx.offset + sx.length >= edit.start) return false;
    const moved = x.file === undefined ? map(sx.offset) : sx.offset;
    if (moved !== sy.offset || sx.length !== sy.length) return false;
    // An address written in the document outside the edit is the same text, so the same
    // address: its RDATA, made again from its token each time it is read, is not compared.
    const address = (x.typeCode === 1 || x.typeCode === 28) && x.file === undefined && !x.generated;
    if (!address && x.rdata.canonical !== y.rdata.canonical) return false;
  }
  return true;
}

/**
 * A copy of a problem for this zone alone, its `data` copied too: the stored problems
 * move in place with each edit (a large zone has tens of thousands; copying them all on
 * every keystroke cost more than checking), so nothing else may hold them or their data.
 */
function owned(p: Problem): Problem {
  // One shape for every stored problem: reading tens of thousands of them on each
  // keystroke (diagnosticLimit.ts) is several times faster when the reads are monomorphic.
  return {
    code: p.code,
    offset: p.offset,
    length: p.length,
    args: p.args,
    severity: p.severity,
    data: p.data === undefined ? undefined : copyData(p.data, 0),
    file: p.file,
  };
}

function copyData(data: unknown, depth: number): unknown {
  if (depth > 8 || data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) return data.map((v) => copyData(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const k in data as Record<string, unknown>) out[k] = copyData((data as Record<string, unknown>)[k], depth + 1);
  return out;
}

/** Moves the in-file offsets at or after `from` by `delta`, in place (problems of `owned`). */
function moveInPlace(p: Problem, from: number, delta: number): void {
  if (p.file !== undefined) return;
  if (p.offset >= from) (p as { offset: number }).offset += delta;
  if (p.data !== undefined) moveDataInPlace(p.data, from, delta, 0);
}

/** Numbers under keys `offset` or `…Offset` (Span and insert points), as movedData. */
function moveDataInPlace(data: unknown, from: number, delta: number, depth: number): void {
  if (depth > 8 || data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (const v of data) moveDataInPlace(v, from, delta, depth + 1);
    return;
  }
  const record = data as Record<string, unknown>;
  for (const k in record) {
    const v = record[k];
    if (typeof v === 'number') {
      if ((k === 'offset' || k.endsWith('Offset')) && v >= from) record[k] = v + delta;
    } else moveDataInPlace(v, from, delta, depth + 1);
  }
}

function movedDirective(d: Directive, shift: number): Directive {
  const tok = (t: Token): Token => ({ ...t, offset: t.offset + shift });
  return {
    ...d,
    nameSpan: { offset: d.nameSpan.offset + shift, length: d.nameSpan.length },
    args: d.args.map(tok),
    span: { offset: d.span.offset + shift, length: d.span.length },
  };
}

/** The records of a zone's parts as one list, made once: at once when read, or in steps. */
class RecordList {
  private list: ResourceRecord[] | undefined;
  private filled = 0;
  private at = 0;

  constructor(private readonly parts: readonly ZonePart[]) {}

  records(): ResourceRecord[] {
    return this.list !== undefined && this.filled === this.parts.length ? this.list : runSteps(this.steps());
  }

  /** Fills the list a part at a time (made at its size: growing it by a million pushes took twice as long). */
  *steps(): Steps<ResourceRecord[]> {
    if (this.list === undefined) {
      let count = 0;
      for (const part of this.parts) count += part.records.length;
      this.list = new Array<ResourceRecord>(count);
    }
    const list = this.list;
    while (this.filled < this.parts.length) {
      const own = this.parts[this.filled].records;
      for (let i = 0; i < own.length; i++) list[this.at++] = own[i];
      this.filled++;
      if (this.filled % INDEX_STEP === 0) yield;
    }
    return list;
  }
}
