/**
 * Completion by position on the line: directives at the start of a line, classes and
 * RR types after the owner/TTL, the zone's own names where a record expects a target,
 * and inside SPF strings its terms, macros and provider includes (fixes/completion).
 */
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { spfCompletions, type SpfCompletionKind } from '../fixes';
import { localize } from '../l10n';
import { TypeDocs } from '../l10n/rrtypes';
import { ClassDocs, DirectiveDocs } from '../l10n/strings';
import { relativize } from '../zone/names';
import { isKnownType, isMetaType, typeCode, typeName } from '../zone/rdata/types';
import type { FeatureContext } from './context';
import { ownRecords, recordAt, sliceOf } from './spans';

const CLASSES = ['IN', 'CH', 'HS'];
const SPF_KINDS: Record<SpfCompletionKind, CompletionItemKind> = {
  mechanism: CompletionItemKind.Keyword,
  qualifier: CompletionItemKind.Operator,
  modifier: CompletionItemKind.Property,
  macro: CompletionItemKind.Variable,
  provider: CompletionItemKind.Module,
};
/** Types whose RDATA ends with (or is) a domain name worth completing from the zone. */
const TARGET_TYPES = new Set(['CNAME', 'DNAME', 'NS', 'PTR', 'MX', 'SRV']);

/** Every type BIND has a text form for, except meta types, by number. */
const ZONE_TYPES: readonly string[] = (() => {
  const out: string[] = [];
  for (let code = 1; code <= 0xffff; code++) if (isKnownType(code) && !isMetaType(code)) out.push(typeName(code));
  return out;
})();

export function getCompletions(ctx: FeatureContext, offset: number): CompletionList {
  const { document } = ctx;
  const pos = document.positionAt(offset);
  const lineStart = document.offsetAt({ line: pos.line, character: 0 });
  const prefix = sliceOf(document, lineStart, offset);
  const spf = spfCompletions({ slice: (from, to) => sliceOf(document, from, to) }, ctx.zone, offset);
  if (spf.length > 0) {
    return list(
      spf.map((c, i) => ({
        label: c.label,
        kind: SPF_KINDS[c.kind],
        detail: c.detail[ctx.locale],
        sortText: String(i).padStart(3, '0'),
        textEdit: { range: { start: document.positionAt(c.range.offset), end: document.positionAt(c.range.offset + c.range.length) }, newText: c.insertText },
      })),
    );
  }
  if (prefix.includes(';') || /"/.test(prefix)) return empty();
  const partial = /[^\s()]*$/.exec(prefix)![0];
  const range = { start: document.positionAt(offset - partial.length), end: pos };
  const words = prefix.slice(0, prefix.length - partial.length).split(/[\s()]+/).filter(Boolean);
  const indented = /^[\s(]/.test(prefix);

  const record = recordAt(ctx.zone, offset);
  if (record && offset > record.typeSpan.offset + record.typeSpan.length) return targetNames(ctx, record.type, range, partial, record.owner);
  if (words.length === 0 && !indented) {
    return partial.startsWith('$') || partial === '' ? list(directiveItems(ctx, range)) : empty();
  }
  const fields = indented ? words : words.slice(1);
  if (fields.length > 0 && fields[0].startsWith('$')) return empty();
  const written = fields.find((w) => typeCode(w) !== undefined && !CLASSES.includes(w.toUpperCase()));
  if (written) return targetNames(ctx, written.toUpperCase(), range, partial, record?.owner, indented ? undefined : words[0]);
  const hasClass = fields.some((w) => CLASSES.includes(w.toUpperCase()));
  return list([...(hasClass ? [] : classItems(ctx, range)), ...typeItems(ctx, range)]);
}

type EditRange = { start: { line: number; character: number }; end: { line: number; character: number } };

function directiveItems(ctx: FeatureContext, range: EditRange): CompletionItem[] {
  return Object.keys(DirectiveDocs).map((name) => ({
    label: name,
    kind: CompletionItemKind.Keyword,
    documentation: localize(DirectiveDocs[name], ctx.locale),
    textEdit: { range, newText: name + ' ' },
  }));
}

function classItems(ctx: FeatureContext, range: EditRange): CompletionItem[] {
  return CLASSES.map((c) => ({
    label: c,
    kind: CompletionItemKind.Enum,
    documentation: localize(ClassDocs[c], ctx.locale),
    sortText: '0' + c,
    textEdit: { range, newText: c },
  }));
}

function typeItems(ctx: FeatureContext, range: EditRange): CompletionItem[] {
  return ZONE_TYPES.map((t) => {
    const doc = TypeDocs[t];
    const item: CompletionItem = {
      label: t,
      kind: CompletionItemKind.TypeParameter,
      detail: `TYPE${typeCode(t)}${doc ? ' · ' + doc.rfc : ''}`,
      sortText: (doc ? '1' : '2') + t,
      textEdit: { range, newText: t },
    };
    if (doc) item.documentation = localize(doc, ctx.locale);
    return item;
  });
}

/**
 * Names an editor keeps for one completion: a zone of a million records has 600,000 owners
 * (97 MB of items, four seconds). Past this many, the list is incomplete and the editor asks
 * again as the name is typed on.
 */
export const MAX_NAME_ITEMS = 1000;

function targetNames(
  ctx: FeatureContext,
  type: string,
  range: EditRange,
  partial: string,
  self?: string,
  selfLabel?: string,
): CompletionList {
  if (!TARGET_TYPES.has(type)) return empty();
  const names = new Map<string, string>();
  const typed = partial.toLowerCase();
  let incomplete = false;
  let lastOwner: string | undefined;
  for (const r of ownRecords(ctx.zone)) {
    // Records of one owner come in runs: each name is made once per run.
    if (r.owner === lastOwner) continue;
    lastOwner = r.owner;
    if (self !== undefined && r.owner === self) continue;
    const label = relativize(r.owner, ctx.zone.origin);
    const key = label.toLowerCase();
    if (label === '@' || key === selfLabel?.toLowerCase() || names.has(key) || !matches(key, typed)) continue;
    if (names.size === MAX_NAME_ITEMS) {
      incomplete = true;
      break;
    }
    names.set(key, label);
  }
  return {
    isIncomplete: incomplete,
    items: [...names.values()].map((label) => ({ label, kind: CompletionItemKind.Reference, textEdit: { range, newText: label } })),
  };
}

/**
 * Whether a name may match what is typed, as editors filter: its first character at the
 * start of the name or of a part of it (after `.`, `-` or `_`), the others after it in
 * order. The editor filters the items again.
 */
function matches(name: string, typed: string): boolean {
  if (typed === '') return true;
  const first = typed.charCodeAt(0);
  for (let j = 0; j < name.length; j++) {
    if (name.charCodeAt(j) !== first || (j > 0 && !SEPARATORS.has(name[j - 1]))) continue;
    // The earliest such start leaves the most room for the rest.
    let at = j + 1;
    for (let i = 1; i < typed.length && at > 0; i++) at = name.indexOf(typed[i], at) + 1;
    return at > 0;
  }
  return false;
}

const SEPARATORS = new Set(['.', '-', '_']);

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}

function empty(): CompletionList {
  return list([]);
}
