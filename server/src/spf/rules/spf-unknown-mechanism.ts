/**
 * Diagnostic: spf-unknown-mechanism — RFC 7208 §5: the mechanisms are all, include,
 * a, mx, ptr, ip4, ip6 and exists; anything else is a permerror (§4.6.1). Also a
 * mechanism name written as a modifier (`include=…`): the RFC reads it as an
 * unknown modifier and ignores it, which is never what its author meant.
 *
 * Suggests the intended spelling: known misspellings (`ipv4:`, `ip:`, `spf:`),
 * then the nearest mechanism name by edit distance (`inlcude`, `prt`).
 */
import type { ProblemArgs } from '../../diagnostics/types';
import { MECHANISM_NAMES, isModifier } from '../ast';
import { SpfCodes, type SpfReplaceData } from '../codes';
import { problemAt, termData, termOf, type RecordRule, type SpfRecordContext } from './context';
import { editDistance } from '../../distance';

const ALIASES: Record<string, string> = {
  ipv4: 'ip4',
  ipv6: 'ip6',
  inet: 'ip4',
  inet6: 'ip6',
  spf: 'include',
  includes: 'include',
  redirect: 'redirect=',
  exp: 'exp=',
};

/** The mechanism the author probably meant, given the name and what follows it. */
export function suggestMechanism(name: string, argument: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower === 'ip') return argument.includes(':') ? 'ip6' : 'ip4';
  if (ALIASES[lower]) return ALIASES[lower];
  let best: string | undefined;
  let bestDistance = lower.length <= 3 ? 1 : 2;
  for (const m of MECHANISM_NAMES) {
    if (m.length < 3) continue;
    const dist = editDistance(lower, m);
    if (dist <= bestDistance && (best === undefined || dist < bestDistance)) {
      best = m;
      bestDistance = dist;
    }
  }
  return best;
}

function hint(suggestion: string | undefined): ProblemArgs {
  return suggestion === undefined ? { hintDetail: 'spf-hint-none' } : { hintDetail: 'spf-hint-suggest', suggestion };
}

function unknownTerms(ctx: SpfRecordContext) {
  return ctx.spf.errors.flatMap((e) => {
    const t = e.code === 'spf-unknown-mechanism' ? termOf(ctx, e) : undefined;
    if (t?.kind !== 'unknown') return [];
    const argument = ctx.spf.text.slice(t.namePart.to, t.to);
    const replacement = suggestMechanism(t.name, argument.replace(/^:/, ''));
    // `redirect:x` → `redirect=x`: the colon goes too.
    const replaceTo = replacement?.endsWith('=') && argument.startsWith(':') ? t.namePart.to + 1 : t.namePart.to;
    const data: SpfReplaceData = {
      ...termData(ctx, t),
      replaceSpan: ctx.spf.spanOf(t.namePart.from, replaceTo),
      ...(replacement ? { replacement } : {}),
    };
    return [problemAt(ctx, SpfCodes.unknownMechanism, t.namePart, { name: t.name, ...hint(replacement) }, data)];
  });
}

function mechanismsAsModifiers(ctx: SpfRecordContext) {
  return ctx.spf.terms.filter(isModifier).flatMap((m) => {
    if (!(MECHANISM_NAMES as readonly string[]).includes(m.name)) return [];
    const replacement = m.name === 'all' ? 'all' : `${m.name}:`;
    const part = { from: m.namePart.from, to: m.namePart.to + 1 };
    const data: SpfReplaceData = { ...termData(ctx, m), replaceSpan: ctx.spf.spanOf(part.from, part.to), replacement };
    return [problemAt(ctx, SpfCodes.unknownMechanism, part, { name: `${m.name}=`, ...hint(replacement) }, data)];
  });
}

export const checkUnknownMechanism: RecordRule = (ctx) =>
  [...unknownTerms(ctx), ...mechanismsAsModifiers(ctx)].sort((a, b) => a.offset - b.offset);
