/** The outline: one symbol per run of records with the same owner, its records as children. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { ResourceRecord } from '../zone/ast';
import { namesEqual, relativize } from '../zone/names';
import type { ParsedDocument } from './context';
import { ownRecordLists, toRange } from './spans';
import { localize, type Localized } from '../l10n';
import type { Locale } from '../diagnostics/types';

const KINDS: Record<string, SymbolKind> = {
  SOA: SymbolKind.Module,
  NS: SymbolKind.Namespace,
  A: SymbolKind.Constant,
  AAAA: SymbolKind.Constant,
  CNAME: SymbolKind.Interface,
  DNAME: SymbolKind.Interface,
  MX: SymbolKind.Event,
  TXT: SymbolKind.String,
  SRV: SymbolKind.Function,
};

/**
 * The outline, in file order, with at most `max` symbols (owners and records; 0: no limit):
 * an editor asks for it after every change (breadcrumbs), and all of a 100,000-record zone
 * was 40 MB and more than a second each time. When records are left out, a last symbol
 * says how many.
 */
export function getDocumentSymbols(parsed: ParsedDocument, max = 0, locale: Locale = 'en'): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  // Part by part (zone/parts.ts): the outline reads the first records, and no list of
  // every record is made for it after each change.
  const lists = ownRecordLists(parsed.zone);
  let items = 0;
  let run: ResourceRecord[] = [];
  let shown = 0;
  let first: ResourceRecord | undefined;
  for (let k = 0; k < lists.length && first === undefined; k++) {
    const list = lists[k];
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (run.length > 0 && !namesEqual(run[0].owner, r.owner)) {
        out.push(ownerSymbol(parsed, run));
        run = [];
      }
      // The owner's symbol counts too.
      const cost = run.length === 0 ? 2 : 1;
      if (max > 0 && items + cost > max) {
        first = r;
        break;
      }
      items += cost;
      run.push(r);
      shown++;
    }
  }
  if (run.length > 0) out.push(ownerSymbol(parsed, run));
  if (first !== undefined) {
    let total = 0;
    for (const list of lists) total += list.length;
    const lastList = lists[lists.length - 1];
    const last = lastList[lastList.length - 1];
    out.push({
      name: localize(MORE, locale, { count: (total - shown).toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US'), max }),
      kind: SymbolKind.Null,
      range: toRange(parsed.document, { offset: first.span.offset, length: last.span.offset + last.span.length - first.span.offset }),
      selectionRange: toRange(parsed.document, first.ownerSpan ?? first.typeSpan),
    });
  }
  return out;
}

const MORE: Localized = {
  en: '… {count} more records not shown (zonelint.outline.maxItems is {max})',
  ja: '… ほかに {count} 件のレコードを表示していません（zonelint.outline.maxItems は {max}）',
};

function ownerSymbol(parsed: ParsedDocument, run: ResourceRecord[]): DocumentSymbol {
  const { document, zone } = parsed;
  const first = run[0];
  const last = run[run.length - 1];
  const range = toRange(document, { offset: first.span.offset, length: last.span.offset + last.span.length - first.span.offset });
  return {
    name: relativize(first.owner, zone.origin),
    detail: first.owner,
    kind: SymbolKind.Object,
    range,
    selectionRange: toRange(document, first.ownerSpan ?? first.typeSpan),
    children: run.map((r) => ({
      name: r.type,
      detail: r.rdata.canonical.length > 60 ? r.rdata.canonical.slice(0, 59) + '…' : r.rdata.canonical,
      kind: KINDS[r.type] ?? SymbolKind.Field,
      range: toRange(document, r.span),
      selectionRange: toRange(document, r.typeSpan),
    })),
  };
}
