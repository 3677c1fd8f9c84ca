/**
 * Hover inside an SPF record (RFC 7208): each mechanism, qualifier, modifier and macro
 * letter; `include:` and `redirect=` with the record they lead to and their cost; and
 * on `v=spf1` a summary of the whole record. Locating is synchronous; the parts that
 * need the lookup tree are rendered by `renderTreeHover` once a tree is at hand.
 */
import { formatMessage } from '../../diagnostics/registry';
import { aside, rfcLink, code } from './markup';
import { readLockdown } from '../../providers/mailchannelsLockdown';
import { MacroLetterDocs, MechanismDocs, ModifierDocs, QualifierDocs, ResultNames, UnknownModifierDoc, VersionDoc, type TermDoc } from '../../docs/spf';
import { localize, type Locale, type Localized } from '../../l10n';
import { HoverText, LookupStatusText } from '../../l10n/hover';
import { isMechanism, type MacroString, type Mechanism, type Modifier, type Qualifier } from '../../spf/ast';
import { checkSpf, spfRecordOf } from '../../spf/check';
import { breakdownBeyond, type LookupNode } from '../../spf/lookups';
import type { SpfRecordContext } from '../../spf/rules/context';
import type { ResourceRecord, Span } from '../../zone/ast';
import type { HoverContext } from './context';
import { octetAt, within } from './octets';
import type { TxtAnswer } from './txtSource';
import { SNAPSHOT_DATE } from '../../dns/snapshot';

const LIMIT = 10;

export type SpfHover =
  | { readonly kind: 'static'; readonly span: Span; readonly markdown: string }
  /** Needs the lookup tree: the summary on `v=spf1` (no term), or an include / redirect. */
  | { readonly kind: 'tree'; readonly span: Span; readonly record: SpfRecordContext; readonly term?: Mechanism | Modifier };

const say = (ctx: HoverContext, text: Localized, args?: Record<string, string | number>): string => localize(text, ctx.locale, args);

const section = (s: string): string => rfcLink({ rfc: 7208, section: s });

export function locateSpf(ctx: HoverContext, rr: ResourceRecord, offset: number): SpfHover | undefined {
  const record = spfRecordOf(rr);
  if (!record || !rr.rdata.strings) return undefined;
  const i = octetAt(rr.rdata.strings, offset);
  if (i === undefined) return undefined;
  const { spf } = record;
  const span = (from: number, to: number): Span => spf.spanOf(from, to);
  if (within(i, spf.version.from, spf.version.to) && spf.version.to > 0) return { kind: 'tree', span: span(0, 6), record };
  const term = spf.terms.find((t) => within(i, t.from, t.to));
  if (!term || term.kind === 'unknown') return undefined;
  const spec = isMechanism(term) ? term.domain : term.value;
  const macro = spec && macroAt(ctx, spec, i);
  if (macro) return { kind: 'static', span: span(macro.from, macro.to), markdown: macro.markdown };
  if (isMechanism(term)) {
    if (term.qualifierWritten && i === term.from) return { kind: 'static', span: span(term.from, term.from + 1), markdown: qualifierHover(ctx, term.qualifier) };
    if (term.name === 'include') return { kind: 'tree', span: span(term.from, term.to), record, term };
    return { kind: 'static', span: span(term.from, term.to), markdown: mechanismHover(ctx, term) };
  }
  if (term.name === 'redirect') return { kind: 'tree', span: span(term.from, term.to), record, term };
  const doc = term.name === 'exp' ? ModifierDocs.exp : UnknownModifierDoc;
  return { kind: 'static', span: span(term.from, term.to), markdown: termDoc(ctx, `${term.name}=`, HoverText.spfModifier, doc).join('\n') };
}

function termDoc(ctx: HoverContext, title: string, kind: Localized, doc: TermDoc): string[] {
  return [
    `**${title}** — ${say(ctx, kind)} · ${section(doc.section)}`,
    '',
    say(ctx, doc.text),
    '',
    `${say(ctx, HoverText.lookupCost)}: ${say(ctx, doc.lookups)}${aside(section('4.6.4'), ctx.locale)}`,
    '',
    `${say(ctx, HoverText.example)}: ${code(doc.example)}`,
  ];
}

function resultName(ctx: HoverContext, q: Qualifier): string {
  return say(ctx, ResultNames[q].name);
}

function mechanismHover(ctx: HoverContext, m: Mechanism): string {
  const lines = termDoc(ctx, m.name, HoverText.spfMechanism, MechanismDocs[m.name]);
  lines.push('', `${say(ctx, HoverText.whenMatches, { result: resultName(ctx, m.qualifier) })} · ${section(ResultNames[m.qualifier].section)}`);
  if (m.name === 'all') lines.push('', say(ctx, QualifierDocs[m.qualifier].text), '', gmail(ctx, m.qualifier));
  return lines.join('\n');
}

function qualifierHover(ctx: HoverContext, q: Qualifier): string {
  return [
    `**${q}** — ${say(ctx, HoverText.spfQualifier)} · ${section('4.6.2')}`,
    '',
    say(ctx, QualifierDocs[q].text),
    '',
    `${say(ctx, HoverText.whenMatches, { result: resultName(ctx, q) })} · ${section(ResultNames[q].section)}`,
  ].join('\n');
}

function macroAt(ctx: HoverContext, spec: MacroString, i: number): { from: number; to: number; markdown: string } | undefined {
  const item = spec.items.find((x) => x.kind === 'expand' && i >= x.from && i < x.to);
  if (!item || item.kind !== 'expand') return undefined;
  const lines = [
    `**${code(spec.text.slice(item.from - spec.from, item.to - spec.from))}** — ${say(ctx, HoverText.spfMacro)} · ${section('7.2')}`,
    '',
    say(ctx, HoverText.macroExpandsTo, { letter: item.letter, meaning: say(ctx, MacroLetterDocs[item.letter]) }),
  ];
  if (item.keep !== undefined) lines.push('', say(ctx, HoverText.macroKeep, { n: item.keep }));
  if (item.reverse) lines.push('', say(ctx, HoverText.macroReversed));
  if (item.urlEscape) lines.push('', say(ctx, HoverText.macroUrl));
  return { from: item.from, to: item.to, markdown: lines.join('\n') };
}

function gmail(ctx: HoverContext, q: Qualifier): string {
  const text = { '~': HoverText.gmailSoftfail, '-': HoverText.gmailFail, '?': HoverText.gmailNeutral, '+': HoverText.gmailPass }[q];
  return say(ctx, text);
}

function sourceName(ctx: HoverContext, answer: TxtAnswer): string | undefined {
  if (answer.kind === 'unknown') return undefined;
  if (answer.source === 'snapshot') return say(ctx, HoverText.sourceSnapshot, { date: SNAPSHOT_DATE });
  return say(ctx, answer.source === 'zone' ? HoverText.sourceZone : HoverText.sourceLive);
}

function statusText(locale: Locale, node: LookupNode): string {
  return localize(LookupStatusText[node.status], locale);
}

/** Hover for an include or redirect: what it is, the provider, the record, the cost. */
function targetHover(
  ctx: HoverContext,
  term: Mechanism | Modifier,
  tree: LookupNode,
  target: string | null,
  answer: TxtAnswer | undefined,
  owner?: string,
): string {
  const doc = isMechanism(term) ? MechanismDocs.include : ModifierDocs.redirect;
  const lines = termDoc(ctx, term.text, isMechanism(term) ? HoverText.spfMechanism : HoverText.spfModifier, doc);
  if (isMechanism(term)) lines.push('', `${say(ctx, HoverText.whenMatches, { result: resultName(ctx, term.qualifier) })} · ${section(ResultNames[term.qualifier].section)}`);
  const provider = target === null ? undefined : ctx.providerName?.(target);
  if (provider) lines.push('', say(ctx, HoverText.provider, { name: provider }));
  if (owner !== undefined && isMechanism(term) && term.qualifier === '+' && target?.toLowerCase().replace(/\.$/, '') === 'relay.mailchannels.net') {
    const lockdown = lockdownLine(ctx, owner);
    if (lockdown) lines.push('', lockdown);
  }
  const node = tree.children.find((c) => c.part.from === term.from);
  const spfText = answer?.kind === 'ok' ? answer.texts.find((t) => /^v=spf1(?: |$)/i.test(t)) : undefined;
  if (target !== null && spfText !== undefined) {
    lines.push('', say(ctx, HoverText.resolvesTo, { domain: code(target) }), '', code(shorten(spfText, 300)));
    const source = answer && sourceName(ctx, answer);
    if (source) lines.push('', say(ctx, HoverText.resolvedFrom, { source }));
  }
  if (node) {
    lines.push('', say(ctx, HoverText.includeCost, { n: 1 + node.total }));
    if (node.status !== 'ok') lines.push('', `${code(node.domain || term.text)}: ${statusText(ctx.locale, node)}`);
  }
  return lines.join('\n');
}

/**
 * What the Domain Lockdown record of the name whose record includes MailChannels' relays
 * says (zone data, as the include targets are read); nothing when no zone holds the name.
 */
function lockdownLine(ctx: HoverContext, owner: string): string | undefined {
  const bare = owner.replace(/\.$/, '');
  const answer = ctx.txt(`_mailchannels.${bare}.`);
  if (answer.kind === 'unknown') return undefined;
  const found = answer.kind === 'ok' ? answer.texts.map(readLockdown).filter((l) => l?.state === 'listed') : [];
  const args = { name: code(`_mailchannels.${bare}`), domain: code(bare) };
  if (found.length === 0) return say(ctx, HoverText.lockdownMissing, args);
  const accounts = found.flatMap((l) => l!.auth);
  if (accounts.length === 0) return say(ctx, HoverText.lockdownSenders, args);
  return say(ctx, HoverText.lockdownListed, { ...args, accounts: accounts.map((a) => code(a)).join(', ') });
}

function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The summary on `v=spf1`: lookups with the breakdown, the fate of unlisted senders, the problems. */
function summaryHover(ctx: HoverContext, record: SpfRecordContext, tree: LookupNode): string {
  const lines = [
    `**v=spf1** — ${say(ctx, HoverText.spfRecord, { domain: code(record.owner) })} · ${section(VersionDoc.section)}`,
    '',
    say(ctx, VersionDoc.text),
    '',
    `${say(ctx, HoverText.lookupsUsed, { n: tree.total })} · ${section('4.6.4')}`,
    '',
    say(ctx, HoverText.breakdown, { own: tree.own, beyond: breakdownBeyond(tree)[ctx.locale] }),
  ];
  if (tree.total > LIMIT) lines.push('', say(ctx, HoverText.lookupsOver));
  const unfollowed = tree.children.filter((c) => c.status !== 'ok');
  if (unfollowed.length > 0) {
    lines.push('', say(ctx, HoverText.lookupsPartial));
    for (const c of unfollowed) lines.push(`- ${code(c.term)}: ${statusText(ctx.locale, c)}`);
  }
  lines.push('', ...unlisted(ctx, record));
  const problems = checkSpf(ctx.zone).filter(
    (p) => p.file === undefined && p.offset >= record.rr.span.offset && p.offset <= record.rr.span.offset + record.rr.span.length,
  );
  if (problems.length === 0) lines.push('', say(ctx, HoverText.noProblems));
  else {
    lines.push('', say(ctx, HoverText.problems));
    for (const p of problems) lines.push(`- ${formatMessage(p, ctx.locale)}${aside(code(p.code), ctx.locale)}`);
  }
  return lines.join('\n');
}

function unlisted(ctx: HoverContext, record: SpfRecordContext): string[] {
  const all = record.spf.terms.find((t): t is Mechanism => isMechanism(t) && t.name === 'all');
  if (all) {
    const result = `${say(ctx, HoverText.unlisted, { result: resultName(ctx, all.qualifier) })} · ${section(ResultNames[all.qualifier].section)}`;
    return [result, '', gmail(ctx, all.qualifier)];
  }
  const redirect = record.spf.terms.find((t): t is Modifier => !isMechanism(t) && t.kind === 'modifier' && t.name === 'redirect');
  if (redirect) return [say(ctx, HoverText.unlistedRedirect, { domain: redirect.value.text })];
  return [say(ctx, HoverText.unlistedDefault), '', gmail(ctx, '?')];
}

export function renderTreeHover(
  ctx: HoverContext,
  found: Extract<SpfHover, { kind: 'tree' }>,
  tree: LookupNode,
  target: string | null,
  answer: TxtAnswer | undefined,
): string {
  return found.term ? targetHover(ctx, found.term, tree, target, answer, found.record.owner) : summaryHover(ctx, found.record, tree);
}
