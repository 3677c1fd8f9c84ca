/**
 * Code lens above every SPF record of the document: its DNS-lookup count against the
 * limit of 10 (RFC 7208 §4.6.4) and how it ends (`~all (softfail)`). The lens's command
 * (`zonelint.showLookupBreakdown`, a client command) shows the lookup tree as markdown.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { Resolver } from '../dns/resolver';
import { localize, type Localized } from '../l10n';
import { isMechanism, type SpfRecord } from '../spf/ast';
import { spfRecordOf } from '../spf/check';
import { activeRedirect, lookupTree, walkTree, type LookupCache, type LookupNode, type LookupStatus } from '../spf/lookups';
import type { ResourceRecord } from '../zone/ast';
import type { FeatureContext } from './context';
import { recordAt, toRange } from './spans';
import { zoneParts } from '../zone/parts';

export const SHOW_BREAKDOWN_COMMAND = 'zonelint.showLookupBreakdown';
const LIMIT = 10;
const TXT = 16;

/** What the lens passes to the client command: a title and the breakdown as markdown. */
export interface BreakdownArgs {
  readonly title: string;
  readonly markdown: string;
}

const T = {
  lookups: { en: '{n}/10 DNS lookups', ja: 'DNS 参照 {n}/10 回' },
  unchecked: { en: ' ({n} not checked)', ja: '（{n} 件未確認）' },
  ending: { en: '{all} ({result})', ja: '{all}（{result}）' },
  noAll: { en: 'no all (neutral)', ja: 'all なし（neutral）' },
  title: { en: 'SPF lookups of {domain}: {n}/10', ja: '{domain} の SPF 参照: {n}/10 回' },
  own: { en: '{own} here, {total} in all', ja: 'ここで {own} 回、合計 {total} 回' },
  void: { en: 'void lookup (no records): {name}', ja: '空の参照（レコードなし）: {name}' },
  mx: { en: '{target} has {count} MX records (at most 10 are looked up)', ja: '{target} の MX は {count} 件（参照されるのは 10 件まで）' },
  over: {
    en: 'Over the limit: receivers give permerror and the record authorises nobody.',
    ja: '上限を超えています。受信側は permerror とし、このレコードでは誰も許可されません。',
  },
} satisfies Record<string, Localized>;

const QUALIFIER: Record<string, Localized> = {
  '+': { en: 'pass', ja: '許可' },
  '-': { en: 'fail', ja: '拒否' },
  '~': { en: 'softfail', ja: 'ソフトフェイル' },
  '?': { en: 'neutral', ja: '中立' },
};

const STATUS: Record<Exclude<LookupStatus, 'ok'>, Localized> = {
  'no-record': { en: 'no SPF record there (permerror)', ja: 'SPF レコードがありません（permerror）' },
  'multiple-records': { en: 'several SPF records there (permerror)', ja: 'SPF レコードが複数あります（permerror）' },
  'syntax-error': { en: 'its record has a syntax error (permerror)', ja: 'レコードに構文エラーがあります（permerror）' },
  loop: { en: 'include loop', ja: 'include のループ' },
  macro: { en: 'written with macros: depends on the message', ja: 'マクロ入り: メールごとに変わります' },
  unresolved: { en: 'not checked (offline, or no answer)', ja: '未確認（オフライン、または応答なし）' },
};

/**
 * Whether a TXT record is an SPF record without errors, by record: an edit moves the records
 * after it (and hands out moved RDATA, for which spfRecordOf makes a new context), but does not change them.
 */
const lensable = new WeakMap<ResourceRecord, boolean>();

function isLensed(rr: ResourceRecord): boolean {
  if (rr.typeCode !== TXT || rr.file !== undefined || rr.generated) return false;
  let ok = lensable.get(rr);
  if (ok === undefined) {
    const record = spfRecordOf(rr);
    lensable.set(rr, (ok = record !== null && record.spf.errors.length === 0));
  }
  return ok;
}

/** The lenses of one part of a zone (zone/parts.ts): its lensed records, and their lenses as last listed. */
interface PartLenses {
  readonly records: readonly ResourceRecord[];
  lenses?: readonly CodeLens[];
  /** The lenses' data and the line of the first record when `lenses` were made. */
  data?: unknown;
  line?: number;
}

/**
 * The lenses of each part, kept with the part: after an edit of a large zone only the parts
 * parsed again are read (reading a million records for their types took about 0.1 s per
 * change, and editors ask for lenses after every change), and a part whose records are on
 * the same lines as before gives the same lenses (a part's text does not change while it
 * lives: only lines inserted or removed above it move them).
 */
const partLenses = new WeakMap<readonly ResourceRecord[], PartLenses>();

/**
 * The lenses, without their titles: a zone of 50,000 SPF records would otherwise follow
 * every lookup tree (seconds, with the server answering nothing else meanwhile) for the
 * few lenses an editor shows. resolveCodeLens fills in those it asks for, by the record at
 * the lens's range start. `data` is what each lens carries until then: what names its
 * document (codeLens/resolve names none).
 */
export function getCodeLenses(ctx: FeatureContext, data: unknown): CodeLens[] {
  const out: CodeLens[] = [];
  const { document } = ctx;
  for (const part of zoneParts(ctx.zone)) {
    let kept = partLenses.get(part.records);
    if (kept === undefined) partLenses.set(part.records, (kept = { records: part.records.filter(isLensed) }));
    if (kept.records.length === 0) continue;
    const line = document.positionAt(kept.records[0].span.offset).line;
    if (kept.lenses === undefined || kept.data !== data) {
      kept.lenses = kept.records.map((rr) => ({ range: toRange(document, rr.span), data }));
    } else if (kept.line !== line) {
      const by = line - kept.line!;
      kept.lenses = kept.lenses.map(({ range: { start, end } }) => ({
        range: { start: { line: start.line + by, character: start.character }, end: { line: end.line + by, character: end.character } },
        data,
      }));
    }
    kept.data = data;
    kept.line = line;
    for (const lens of kept.lenses) out.push(lens);
  }
  return out;
}

/**
 * The lens with its title and command: the record's lookup count and how it ends. `cache`
 * shares answers between the lenses resolved for one version of the document. A lens of an
 * older version whose record is gone gets an empty title (the editor asks for new lenses).
 */
export async function resolveCodeLens(
  ctx: FeatureContext,
  lens: CodeLens,
  resolver: Resolver,
  cache: LookupCache,
  signal?: AbortSignal,
): Promise<CodeLens> {
  const offset = ctx.document.offsetAt(lens.range.start);
  const at = recordAt(ctx.zone, offset);
  const rr = at && at.span.offset === offset && isLensed(at) ? at : undefined;
  const record = rr && spfRecordOf(rr);
  if (!record) return { range: lens.range, command: { title: '', command: '' } };
  const tree = await lookupTree(record.spf, record.owner, resolver, signal, cache);
  const say = (t: Localized, args: Record<string, string | number> = {}) => localize(t, ctx.locale, args);
  const unchecked = walkTree(tree).filter((n) => n.status === 'unresolved' || n.status === 'macro').length;
  const count = say(T.lookups, { n: tree.total }) + (unchecked > 0 ? say(T.unchecked, { n: unchecked }) : '');
  const title = ['SPF', count, ending(record.spf, ctx.locale)].join(' · ');
  const args: BreakdownArgs = {
    title: say(T.title, { domain: record.owner, n: tree.total }),
    markdown: breakdownMarkdown(record.owner, tree, ctx.locale),
  };
  return { range: toRange(ctx.document, record.rr.span), command: { title, command: SHOW_BREAKDOWN_COMMAND, arguments: [args] } };
}

/** How the record ends: its `all` with the result it gives, the redirect, or neither. */
function ending(spf: SpfRecord, locale: FeatureContext['locale']): string {
  const all = spf.terms.find((t) => isMechanism(t) && t.name === 'all');
  if (all && isMechanism(all)) return localize(T.ending, locale, { all: all.text, result: localize(QUALIFIER[all.qualifier], locale) });
  const redirect = activeRedirect(spf);
  return redirect ? redirect.text : localize(T.noAll, locale);
}

/** The lookup tree as a nested markdown list, one line per record followed. */
export function breakdownMarkdown(domain: string, tree: LookupNode, locale: FeatureContext['locale']): string {
  const say = (t: Localized, args: Record<string, string | number> = {}) => localize(t, locale, args);
  const lines = [`# ${say(T.title, { domain, n: tree.total })}`, ''];
  if (tree.total > LIMIT) lines.push(`> ${say(T.over)}`, '');
  const walk = (node: LookupNode, depth: number) => {
    const indent = '  '.repeat(depth);
    const state = node.status === 'ok' ? say(T.own, { own: node.own, total: node.total }) : say(STATUS[node.status]);
    lines.push(`${indent}- \`${node.term}\` ${node.domain} — ${state}`);
    for (const v of node.voids) lines.push(`${indent}  - ⚠ ${say(T.void, { name: v.name })}`);
    for (const m of node.mxOverLimit) lines.push(`${indent}  - ⚠ ${say(T.mx, { target: m.target, count: m.count })}`);
    for (const c of node.children) walk(c, depth + 1);
  };
  walk(tree, 0);
  return lines.join('\n') + '\n';
}
