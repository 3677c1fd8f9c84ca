/** Document links: each `$INCLUDE` file name opens the file. */
import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver';
import type { ParsedDocument } from './context';
import { includeTarget } from './includes';
import { ownDirectives, toRange } from './spans';

export function getDocumentLinks(parsed: ParsedDocument): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const d of ownDirectives(parsed.zone)) {
    const target = includeTarget(d, parsed.path);
    if (target === undefined) continue;
    out.push({ range: toRange(parsed.document, d.args[0]), target: pathToFileURL(target).toString() });
  }
  return out;
}
