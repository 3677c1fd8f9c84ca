/**
 * "Flatten this include" (RFC 7208 §4.6.4, §5.2): replace `include:X` with the
 * ip4:/ip6: terms X's record stands for today, found through the resolver, which
 * saves every lookup the include cost. A zone comment above the record says when
 * and from where, and that the list goes stale when the provider's senders change.
 *
 * Only records that reduce to addresses are flattened: ip4/ip6, a and mx (resolved
 * now), nested includes and redirect. A `ptr`, `exists`, macro, a non-`+` qualifier
 * before a sender, or `+all` gives no fix: no list of addresses means the same.
 */
import type { Resolver, RRType } from '../dns/resolver';
import { SNAPSHOT_DATE } from '../dns/snapshot';
import { isMechanism, type Mechanism, type SpfRecord } from '../spf/ast';
import { looksLikeSpf } from '../spf/detect';
import { activeRedirect, type LookupNode } from '../spf/lookups';
import { parseSpf } from '../spf/parser';
import { eolOf, lineStart } from './records';
import { spfAt, termAt } from './spfContext';
import { editTxt } from './txtEdit';
import type { DomainFix, FixInput, TextEditOffsets } from './types';

const MAX_DEPTH = 10;
const MAX_TERMS = 200;

class Unflattenable extends Error {}

interface Collected {
  readonly terms: Set<string>;
  lookups: number;
  fromSnapshot: boolean;
}

function literal(m: Mechanism, fallback: string): string {
  if (!m.domain) return fallback;
  if (m.domain.items.some((i) => i.kind === 'expand')) throw new Unflattenable('macro');
  return m.domain.text.replace(/\.$/, '');
}

class Flattener {
  constructor(
    private readonly resolver: Resolver,
    private readonly out: Collected,
    private readonly signal?: AbortSignal,
  ) {}

  private async query<K extends RRType>(name: string, type: K) {
    const r = await this.resolver.lookup(name, type, this.signal);
    if (r.kind === 'error') throw new Unflattenable(r.reason);
    if (r.source === 'snapshot') this.out.fromSnapshot = true;
    return r.kind === 'ok' ? r.records : [];
  }

  private add(term: string): void {
    this.out.terms.add(term);
    if (this.out.terms.size > MAX_TERMS) throw new Unflattenable('too many');
  }

  private async addresses(host: string, m: Mechanism): Promise<void> {
    const four = m.cidr4 ? `/${m.cidr4.bits}` : '';
    const six = m.cidr6 ? `/${m.cidr6.bits}` : '';
    for (const a of await this.query(host, 'A')) this.add(`ip4:${a}${four}`);
    for (const a of await this.query(host, 'AAAA')) this.add(`ip6:${a}${six}`);
  }

  async record(domain: string, path: readonly string[]): Promise<void> {
    if (path.length > MAX_DEPTH || path.includes(domain.toLowerCase())) throw new Unflattenable('loop');
    const texts = (await this.query(domain, 'TXT')).map((s) => s.join('')).filter(looksLikeSpf);
    if (texts.length !== 1) throw new Unflattenable('no single record');
    const spf = parseSpf(texts[0]);
    if (spf.errors.length > 0) throw new Unflattenable('syntax');
    await this.terms(spf, domain, [...path, domain.toLowerCase()]);
  }

  private async terms(spf: SpfRecord, domain: string, path: readonly string[]): Promise<void> {
    for (const t of spf.terms) {
      if (!isMechanism(t)) continue;
      if (t.name === 'all') {
        if (t.qualifier === '+') throw new Unflattenable('+all');
        return; // a non-pass `all` ends this record: no match, back to the includer
      }
      if (t.qualifier !== '+') throw new Unflattenable('qualifier');
      if (t.name !== 'ip4' && t.name !== 'ip6') this.out.lookups++;
      if (t.name === 'ip4' || t.name === 'ip6') this.add(t.text.replace(/^\+/, ''));
      else if (t.name === 'a') await this.addresses(literal(t, domain), t);
      else if (t.name === 'mx') {
        const hosts = await this.query(literal(t, domain), 'MX');
        for (const mx of hosts) await this.addresses(mx.exchange, t);
      } else if (t.name === 'include') await this.record(literal(t, domain), path);
      else throw new Unflattenable(t.name);
    }
    const redirect = activeRedirect(spf);
    if (redirect) {
      if (redirect.value.items.some((i) => i.kind === 'expand')) throw new Unflattenable('macro');
      this.out.lookups++;
      await this.record(redirect.value.text.replace(/\.$/, ''), path);
    }
  }
}

/** The include to flatten: the one under the problem, else (spf-lookup-limit) the costliest. */
function chooseInclude(spf: SpfRecord, at: Mechanism | undefined, tree: LookupNode | undefined): Mechanism | undefined {
  if (at && at.name === 'include') return at;
  const includes = spf.terms.filter((t): t is Mechanism => isMechanism(t) && t.name === 'include');
  if (!tree) return includes[0];
  const cost = (m: Mechanism) => tree.children.find((c) => c.part.from === m.from)?.total ?? 0;
  return [...includes].sort((a, b) => cost(b) - cost(a))[0];
}

export interface FlattenOptions {
  /** The date written in the zone comment; today by default. */
  readonly now?: Date;
  readonly signal?: AbortSignal;
}

/** "Flatten this include" for the include under the problem (or, for spf-lookup-limit, the costliest one). */
export async function flattenInclude(input: FixInput, resolver: Resolver, options: FlattenOptions = {}): Promise<DomainFix | undefined> {
  const { text, zone, problem } = input;
  const target = spfAt(zone, problem.offset);
  if (!target || target.spf.errors.length > 0) return undefined;
  const under = termAt(target, problem.offset);
  const tree = (problem.data as { tree?: LookupNode } | undefined)?.tree;
  const include = chooseInclude(target.spf, under && isMechanism(under) ? under : undefined, tree);
  if (!include?.domain || include.domain.items.some((i) => i.kind === 'expand')) return undefined;
  const domain = include.domain.text.replace(/\.$/, '');
  const collected: Collected = { terms: new Set(), lookups: 1, fromSnapshot: false };
  try {
    await new Flattener(resolver, collected, options.signal).record(domain, []);
  } catch (e) {
    if (e instanceof Unflattenable) return undefined;
    throw e;
  }
  if (collected.terms.size === 0) return undefined;
  const q = include.qualifierWritten && include.qualifier !== '+' ? include.qualifier : '';
  const terms = [...collected.terms].map((t) => q + t).join(' ');
  const day = (options.now ?? new Date()).toISOString().slice(0, 10);
  const source = collected.fromSnapshot ? `Zonelint's bundled provider snapshot of ${SNAPSHOT_DATE}` : 'DNS';
  const comment =
    `; ${include.text} flattened by Zonelint on ${day} from ${source} (${collected.terms.size} ranges). ` +
    `These go stale when ${domain} changes its senders: re-flatten regularly or restore ${include.text}.` + eolOf(text, target.rr.span.offset);
  const edits: TextEditOffsets[] = [
    { offset: lineStart(text, target.rr.span.offset), length: 0, newText: comment },
    ...editTxt(text, target.rr, include.from, include.to, terms),
  ];
  return {
    title: {
      en: `Flatten '${include.text}' into ${collected.terms.size} ip4/ip6 terms (saves ${collected.lookups} lookups; goes stale)`,
      ja: `'${include.text}' を ${collected.terms.size} 個の ip4/ip6 に展開する（参照を ${collected.lookups} 回減らせますが、内容は古くなります）`,
    },
    kind: 'quickfix',
    edits,
  };
}
