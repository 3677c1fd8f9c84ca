/**
 * The lookup tree of an SPF record computed without waiting, over zone data and the
 * snapshot (SyncTxt). It counts with the SPF engine's own `queryingTerms` and
 * `activeRedirect`, so its totals agree with spf/lookups.ts; it does not probe for
 * void lookups (those need A/MX answers), which the asynchronous path does.
 */
import { isMechanism, type Mechanism, type Modifier, type Part, type SpfRecord } from '../../spf/ast';
import { looksLikeSpf } from '../../spf/detect';
import { activeRedirect, MAX_TREE_NODES, queryingTerms, type LookupNode, type LookupStatus } from '../../spf/lookups';
import { toQueryName } from '../../spf/macro';
import { parseSpf } from '../../spf/parser';
import type { SyncTxt } from './txtSource';

/** The name an include or redirect leads to, or null when it is written with macros. */
export function spfTarget(t: Mechanism | Modifier): string | null {
  const spec = isMechanism(t) ? t.domain : t.value;
  if (!spec || spec.items.some((i) => i.kind === 'expand')) return null;
  return toQueryName(spec.items.map((i) => (i.kind === 'expand' ? '' : i.text)).join('')).toLowerCase();
}

function leaf(term: string, part: Part, domain: string, status: LookupStatus): LookupNode {
  return { term, part, domain, status, own: 0, total: 0, children: [], voids: [], mxOverLimit: [] };
}

export function lookupTreeSync(spf: SpfRecord, domain: string, txt: SyncTxt): LookupNode {
  const root = toQueryName(domain).toLowerCase();
  // The same budget as the async tree (spf/lookups.ts): a record that includes its target
  // twice at every level would otherwise double the work per level on the server thread.
  const budget = { followed: 0 };
  return node(spf, root, 'v=spf1', spf.version, [root], txt, budget);
}

interface Budget {
  followed: number;
}

function node(
  spf: SpfRecord,
  domain: string,
  term: string,
  part: Part,
  path: readonly string[],
  txt: SyncTxt,
  budget: Budget,
): LookupNode {
  const terms = queryingTerms(spf);
  const redirect = activeRedirect(spf);
  const children = terms
    .filter((t) => t === redirect || (isMechanism(t) && t.name === 'include'))
    .map((t) => {
      const target = spfTarget(t);
      const at = { from: t.from, to: t.to };
      return target === null ? leaf(t.text, at, '', 'macro') : follow(target, t.text, at, path, txt, budget);
    });
  const total = terms.length + children.reduce((n, c) => n + c.total, 0);
  return { term, part, domain, status: 'ok', own: terms.length, total, children, voids: [], mxOverLimit: [] };
}

function follow(
  target: string,
  term: string,
  part: Part,
  path: readonly string[],
  txt: SyncTxt,
  budget: Budget,
): LookupNode {
  if (path.includes(target)) return leaf(term, part, target, 'loop');
  if (++budget.followed > MAX_TREE_NODES) return leaf(term, part, target, 'unresolved');
  const answer = txt(target);
  if (answer.kind === 'unknown') return leaf(term, part, target, 'unresolved');
  const texts = answer.kind === 'ok' ? answer.texts.filter(looksLikeSpf) : [];
  if (texts.length === 0) return leaf(term, part, target, 'no-record');
  if (texts.length > 1) return leaf(term, part, target, 'multiple-records');
  const spf = parseSpf(texts[0]);
  if (spf.errors.length > 0) return leaf(term, part, target, 'syntax-error');
  return node(spf, target, term, part, [...path, target], txt, budget);
}
