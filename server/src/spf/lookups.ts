/**
 * DNS-lookup accounting for one SPF record (RFC 7208 §4.6.4): the DNS-querying
 * terms (include, a, mx, ptr, exists, redirect) of the record and of every record
 * it includes or redirects to, as a tree with a total per node, plus the void
 * lookups and over-long MX sets found on the way. For the spf-lookup-limit family
 * of checks, hover and code lens.
 *
 * Static: targets written with macros made from the message cannot be followed (status
 * `macro`; %{d}, the record's own domain, is expanded); an `a` target counts as void only
 * when it has neither A nor AAAA records.
 */
import type { Resolver, RRType } from '../dns/resolver';
import { DNS_QUERYING, isMechanism, isModifier, type Mechanism, type Modifier, type Part, type SpfRecord } from './ast';
import { looksLikeSpf } from './detect';
import { parseSpf } from './parser';
import { expandDomainOnly, toQueryName } from './macro';

export type LookupStatus =
  /** The record was read and followed. */
  | 'ok'
  /** No SPF record at the target: the include or redirect gives permerror. */
  | 'no-record'
  | 'multiple-records'
  | 'syntax-error'
  /** The target is already on the path from the root: an include loop. */
  | 'loop'
  /** The target is written with macros; it depends on the message. */
  | 'macro'
  /** The lookup failed or was not made (offline): not checked. */
  | 'unresolved';

export interface LookupNode {
  /** The term leading here (`include:_spf.google.com`); `v=spf1` for the root. */
  readonly term: string;
  /** The term's octets in its parent's record (the root: the version). */
  readonly part: Part;
  /** The domain whose record this node is. */
  readonly domain: string;
  readonly status: LookupStatus;
  /** DNS-querying terms written in this record (each include and redirect included). */
  readonly own: number;
  /** `own` plus the totals of the children: what this record costs a receiver. */
  readonly total: number;
  /** One per include, and the redirect when it applies. */
  readonly children: readonly LookupNode[];
  /** Terms of this record whose lookup came back empty (NXDOMAIN or NODATA). */
  readonly voids: readonly { readonly term: string; readonly part: Part; readonly name: string }[];
  /** mx terms of this record whose target has more than 10 MX records. */
  readonly mxOverLimit: readonly { readonly term: string; readonly part: Part; readonly target: string; readonly count: number }[];
}

/** Whether the record's redirect= applies (§6.1: ignored when there is an `all`). */
export function activeRedirect(spf: SpfRecord): Modifier | undefined {
  if (spf.terms.some((t) => isMechanism(t) && t.name === 'all')) return undefined;
  return spf.terms.find((t): t is Modifier => isModifier(t) && t.name === 'redirect');
}

/**
 * The DNS-querying terms written in the record itself that an evaluation can reach, in
 * order: none after `all` (§5.1: "Mechanisms after 'all' will never be tested"; §4.6.4
 * counts the lookups made during evaluation; spf-after-all reports them).
 */
export function queryingTerms(spf: SpfRecord): (Mechanism | Modifier)[] {
  const redirect = activeRedirect(spf);
  const out: (Mechanism | Modifier)[] = [];
  for (const t of spf.terms) {
    if (isMechanism(t) && t.name === 'all') break;
    if ((isMechanism(t) && DNS_QUERYING.has(t.name)) || t === redirect) out.push(t);
  }
  return out;
}

/**
 * The target name of a term, or null when it is made from the message (macros other than
 * %{d}, which is the domain of the record: `a:%{d}`, `include:_spf.%{d}`).
 */
function literalTarget(t: Mechanism | Modifier, domain: string): string | null {
  const spec = isModifier(t) ? t.value : t.domain;
  if (!spec) return domain;
  const expanded = expandDomainOnly(spec, domain);
  return expanded === undefined ? null : toQueryName(expanded).toLowerCase();
}

/**
 * Records followed per tree. Loops are caught per path, but a record that includes
 * the same target twice, whose target does the same, doubles the tree at each level
 * (2^30 nodes from 30 short records). Past this many the rest is `unresolved` (not
 * checked), and `total` is a lower bound, already far over the limit of 10.
 */
export const MAX_TREE_NODES = 64;

/**
 * Answers and parsed records shared by the trees of one check run: a zone of thousands of
 * SPF records including the same few providers asks each question once, and live lookups
 * for different trees overlap instead of repeating. Valid while the zone data and the
 * resolver stay the same.
 */
export class LookupCache {
  readonly answers = new Map<string, Promise<unknown>>();
  readonly parsed = new Map<string, SpfRecord>();
}

class Accountant {
  private followed = 0;

  constructor(
    private readonly resolver: Resolver,
    private readonly signal: AbortSignal | undefined,
    private readonly shared: LookupCache,
    private readonly queried: Set<string> | undefined,
  ) {}

  query(name: string, type: RRType) {
    // Every name the tree asks about, answered from the cache or not.
    this.queried?.add(name);
    const key = `${type} ${name}`;
    let p = this.shared.answers.get(key);
    if (!p) {
      p = this.resolver.lookup(name, type, this.signal);
      this.shared.answers.set(key, p);
    }
    return p as ReturnType<Resolver['lookup']>;
  }

  async node(spf: SpfRecord, domain: string, term: string, part: Part, path: readonly string[]): Promise<LookupNode> {
    const terms = queryingTerms(spf);
    const redirect = activeRedirect(spf);
    const voids: LookupNode['voids'][number][] = [];
    const mxOverLimit: LookupNode['mxOverLimit'][number][] = [];
    const children: Promise<LookupNode>[] = [];
    const probes: Promise<void>[] = [];
    for (const t of terms) {
      const target = literalTarget(t, domain);
      const at = { from: t.from, to: t.to };
      if (t === redirect || (isMechanism(t) && t.name === 'include')) {
        children.push(target === null ? Promise.resolve(leaf(t.text, at, '', 'macro')) : this.follow(target, t.text, at, path));
        continue;
      }
      if (target === null || !isMechanism(t) || t.name === 'ptr') continue;
      probes.push(this.probe(t, target, voids, mxOverLimit));
    }
    // A record with no lookups (`v=spf1 -all`) or of one kind waits for no more than it has:
    // a zone's tens of thousands of trees each paid for three Promise.all.
    let resolved: LookupNode[] = [];
    if (children.length > 0 && probes.length > 0) [resolved] = await Promise.all([Promise.all(children), Promise.all(probes)]);
    else if (children.length > 0) resolved = await Promise.all(children);
    else if (probes.length > 0) await Promise.all(probes);
    const own = terms.length;
    const total = own + resolved.reduce((n, c) => n + c.total, 0);
    const byPosition = <T extends { part: Part }>(a: T, b: T) => a.part.from - b.part.from;
    return {
      term,
      part,
      domain,
      status: 'ok',
      own,
      total,
      children: resolved,
      voids: voids.sort(byPosition),
      mxOverLimit: mxOverLimit.sort(byPosition),
    };
  }

  async probe(t: Mechanism, target: string, voids: unknown[], mxOverLimit: unknown[]): Promise<void> {
    const part = { from: t.from, to: t.to };
    if (t.name === 'mx') {
      const mx = await this.query(target, 'MX');
      if (mx.kind === 'nxdomain' || mx.kind === 'nodata') voids.push({ term: t.text, part, name: target });
      if (mx.kind === 'ok' && mx.records.length > 10)
        mxOverLimit.push({ term: t.text, part, target, count: mx.records.length });
      return;
    }
    const types: RRType[] = t.name === 'a' ? ['A', 'AAAA'] : ['A'];
    const answers = await Promise.all(types.map((type) => this.query(target, type)));
    if (answers.every((a) => a.kind === 'nxdomain' || a.kind === 'nodata')) voids.push({ term: t.text, part, name: target });
  }

  async follow(target: string, term: string, part: Part, path: readonly string[]): Promise<LookupNode> {
    if (path.includes(target)) return leaf(term, part, target, 'loop');
    if (++this.followed > MAX_TREE_NODES) return leaf(term, part, target, 'unresolved');
    const answer = await this.query(target, 'TXT');
    if (answer.kind === 'error') return leaf(term, part, target, 'unresolved');
    if (answer.kind !== 'ok') return leaf(term, part, target, 'no-record');
    const texts = (answer.records as readonly (readonly string[])[]).map((s) => s.join('')).filter(looksLikeSpf);
    if (texts.length === 0) return leaf(term, part, target, 'no-record');
    if (texts.length > 1) return leaf(term, part, target, 'multiple-records');
    const spf = this.parse(texts[0]);
    if (spf.errors.length > 0) return leaf(term, part, target, 'syntax-error');
    return this.node(spf, target, term, part, [...path, target]);
  }

  /** A record met on several paths is parsed once. */
  private parse(text: string): SpfRecord {
    let spf = this.shared.parsed.get(text);
    if (!spf) {
      spf = parseSpf(text);
      this.shared.parsed.set(text, spf);
    }
    return spf;
  }
}

function leaf(term: string, part: Part, domain: string, status: LookupStatus): LookupNode {
  return { term, part, domain, status, own: 0, total: 0, children: [], voids: [], mxOverLimit: [] };
}

/**
 * The lookup tree of a record published at `domain`, following includes and redirects.
 * Trees built with the same `cache` share their lookups (see LookupCache).
 */
export async function lookupTree(
  spf: SpfRecord,
  domain: string,
  resolver: Resolver,
  signal?: AbortSignal,
  cache: LookupCache = new LookupCache(),
  /** Filled with every name the tree queries, as queried. */
  queried?: Set<string>,
): Promise<LookupNode> {
  const root = toQueryName(domain).toLowerCase();
  return new Accountant(resolver, signal, cache, queried).node(spf, root, 'v=spf1', spf.version, [root]);
}

/** Every node of the tree, depth first, root included. */
export function walkTree(node: LookupNode): LookupNode[] {
  // One array filled in place: spreading each subtree made a 64-deep chain cost 64²/2 copies.
  const out: LookupNode[] = [];
  const stack: LookupNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/**
 * The breakdown of the spf-lookup-limit message and the `v=spf1` hover, after the record's
 * own count (root.own): what each include or redirect adds, those that add nothing left
 * out: `, <term> +N` each in English, `、<term> で +N 回` in Japanese.
 */
export function breakdownBeyond(root: LookupNode): { en: string; ja: string } {
  let en = '';
  let ja = '';
  for (const c of root.children) {
    if (c.total === 0) continue;
    en += `, ${c.term} +${c.total}`;
    ja += `、${c.term} で +${c.total} 回`;
  }
  return { en, ja };
}
