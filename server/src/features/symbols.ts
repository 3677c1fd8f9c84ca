/** The outline: one symbol per run of records with the same owner, its records as children. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { ResourceRecord } from '../zone/ast';
import { namesEqual, relativize } from '../zone/names';
import type { ParsedDocument } from './context';
import { ownRecords, toRange } from './spans';

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

export function getDocumentSymbols(parsed: ParsedDocument): DocumentSymbol[] {
  const runs: ResourceRecord[][] = [];
  for (const r of ownRecords(parsed.zone)) {
    const last = runs[runs.length - 1];
    if (last && namesEqual(last[0].owner, r.owner)) last.push(r);
    else runs.push([r]);
  }
  return runs.map((run) => ownerSymbol(parsed, run));
}

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
