/**
 * Go to definition: a CNAME/DNAME/NS/PTR/MX/SRV target → the records owned by that
 * name, in this zone (included files too) and in the other zone files of the workspace;
 * an `$INCLUDE` file name → the file.
 */
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResourceRecord } from '../zone/ast';
import { nameKey, namesEqual } from '../zone/names';
import { isAtOrBelow, providedIndex } from '../dns/zoneData';
import type { FeatureContext } from './context';
import { includeTarget } from './includes';
import { directiveAt, recordAt, toRange, tokenAt } from './spans';

/** Types whose RDATA names another owner, and which RDATA positions hold the name. */
const TARGET_POSITIONS: Record<string, readonly number[]> = {
  CNAME: [0],
  DNAME: [0],
  NS: [0],
  PTR: [0],
  MX: [1],
  SRV: [3],
};

export interface DefinitionContext extends FeatureContext {
  readonly readFile: (absolutePath: string) => string | undefined;
  /** Records for `name` in other workspace zone files (the index), excluding this document. */
  readonly findElsewhere: (name: string) => Location[];
}

/** The absolute name a record's RDATA token refers to, when it is a target position. */
export function targetNameAt(record: ResourceRecord, offset: number): string | undefined {
  const positions = TARGET_POSITIONS[record.type];
  const hit = positions && tokenAt(record.tokens, offset);
  if (!hit || !positions.includes(hit.index)) return undefined;
  const parts = record.rdata.canonical.split(/\s+/);
  if (parts.length !== record.tokens.length) return undefined;
  const name = parts[hit.index];
  return name.endsWith('.') ? name : undefined;
}

export function findDefinition(ctx: DefinitionContext, offset: number): Location[] {
  const directive = directiveAt(ctx.zone, offset);
  if (directive?.name === '$INCLUDE' && tokenAt(directive.args.slice(0, 1), offset)) {
    const target = includeTarget(directive, ctx.path);
    if (target === undefined || ctx.readFile(target) === undefined) return [];
    return [{ uri: pathToFileURL(target).toString(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
  const record = recordAt(ctx.zone, offset);
  const name = record && targetNameAt(record, offset);
  if (!name) return [];
  // An open zone's owner index (the incremental zone's, dns/zoneData.ts) has the records of a
  // name at or below its apex: a million records are not read for them.
  const index = providedIndex(ctx.zone);
  const key = nameKey(name);
  const local =
    index && isAtOrBelow(key, index.apex)
      ? (index.recordsAt(key) ?? []).filter((r) => !r.generated)
      : ctx.zone.records.filter((r) => namesEqual(r.owner, name) && !r.generated);
  return [...local.flatMap((r) => locate(ctx, r)), ...ctx.findElsewhere(name)];
}

function locate(ctx: DefinitionContext, record: ResourceRecord): Location[] {
  if (record.file === undefined) return [{ uri: ctx.document.uri, range: toRange(ctx.document, record.span) }];
  const text = ctx.readFile(record.file);
  if (text === undefined) return [];
  const doc = TextDocument.create(pathToFileURL(record.file).toString(), 'dns-zone', 0, text);
  return [{ uri: doc.uri, range: toRange(doc, record.span) }];
}
