/**
 * What an SPF rule sees, and the helpers rules share to build Problems with zone
 * spans and quick-fix data.
 */
import type { CodeDef, Problem, ProblemArgs } from '../../diagnostics/types';
import type { ResourceRecord } from '../../zone/ast';
import type { Mechanism, Modifier, ParseError, Part, SpfRecord, Term } from '../ast';
import { queryingTerms, walkTree, type LookupNode } from '../lookups';
import type { SpfTermData } from '../codes';
import type { ZoneRecords } from '../zoneEval';

/** One SPF record of the zone: a TXT (or type SPF) record whose text starts with v=spf1. */
export interface SpfRecordContext {
  /** The owner, absolute, lower-cased, without the trailing dot. */
  readonly owner: string;
  readonly rr: ResourceRecord;
  readonly spf: SpfRecord;
  /**
   * Another SPF record of the zone includes this one: it only lists senders, and
   * its `all` (or the lack of one) does not end the evaluation of the includer.
   */
  readonly included?: boolean;
}

/** Everything at one owner name, for the rules that look across records. */
export interface SpfOwnerContext {
  readonly owner: string;
  /** The zone's origin (absolute): names outside it are data servers ignore. */
  readonly origin: string;
  readonly rrs: readonly ResourceRecord[];
  /** The SPF records among the owner's TXT records (type SPF excluded). */
  readonly txtSpf: readonly SpfRecordContext[];
  /** The zone's records by name, for the rules that read other names (shared by every owner). */
  readonly zone: ZoneRecords;
}

export type RecordRule = (ctx: SpfRecordContext) => Problem[];
export type OwnerRule = (ctx: SpfOwnerContext) => Problem[];

/** A Problem over octets [part.from, part.to) of the record. */
export function problemAt(ctx: SpfRecordContext, def: CodeDef, part: Part, args?: ProblemArgs, data?: unknown): Problem {
  const span = ctx.spf.spanOf(part.from, part.to);
  return {
    code: def.code,
    offset: span.offset,
    length: span.length,
    ...(args ? { args } : {}),
    ...(data !== undefined ? { data } : {}),
    ...(ctx.rr.file ? { file: ctx.rr.file } : {}),
  };
}

export function termData(ctx: SpfRecordContext, term: Part & { text: string }): SpfTermData {
  return {
    term: term.text,
    termSpan: ctx.spf.spanOf(term.from, term.to),
    deleteSpan: ctx.spf.spanOf(Math.max(0, term.from - 1), term.to),
  };
}

/** The term a parse error belongs to, if any. */
export function termOf(ctx: SpfRecordContext, error: ParseError): Term | undefined {
  return error.term !== undefined ? ctx.spf.terms[error.term] : undefined;
}

/** Problems for the parser's errors of one code; `args` builds each message's arguments. */
export function parseErrorProblems(
  ctx: SpfRecordContext,
  def: CodeDef,
  args: (error: ParseError, text: string) => ProblemArgs,
): Problem[] {
  return ctx.spf.errors
    .filter((e) => e.code === def.code)
    .map((e) => {
      const term = termOf(ctx, e);
      return problemAt(ctx, def, e, args(e, ctx.spf.text.slice(e.from, e.to)), term ? termData(ctx, term) : undefined);
    });
}

/** A rule over a record's lookup tree (see lookups.ts): the rules of checkSpfLookups. */
export type LookupRule = (ctx: SpfRecordContext, tree: LookupNode) => Problem[];

/**
 * The root record's terms that cost lookups, in order, each with its subtree when it
 * is an include or redirect: nested findings are reported on these terms, the only
 * ones the zone's author can change.
 */
export function topLevelSteps(ctx: SpfRecordContext, tree: LookupNode): { term: Mechanism | Modifier; child?: LookupNode }[] {
  return queryingTerms(ctx.spf).map((term) => {
    const child = tree.children.find((c) => c.part.from === term.from);
    return child ? { term, child } : { term };
  });
}

/**
 * The records below the root's include and redirect terms whose status is one of
 * `statuses`, each with the root's term that leads there (where nested findings are reported).
 */
export function nestedWithStatus(
  ctx: SpfRecordContext,
  tree: LookupNode,
  statuses: readonly LookupNode['status'][],
): { term: Mechanism | Modifier; node: LookupNode }[] {
  return topLevelSteps(ctx, tree).flatMap((step) =>
    step.child ? walkTree(step.child).filter((n) => statuses.includes(n.status)).map((node) => ({ term: step.term, node })) : [],
  );
}

const soundCache = new WeakMap<SpfRecord, readonly Term[]>();

/** The terms without parse errors: a broken term gets its syntax error and nothing else. */
export function soundTerms(spf: SpfRecord): readonly Term[] {
  let terms = soundCache.get(spf);
  if (!terms) {
    const broken = new Set(spf.errors.map((e) => e.term));
    terms = spf.terms.filter((_, i) => !broken.has(i));
    soundCache.set(spf, terms);
  }
  return terms;
}
