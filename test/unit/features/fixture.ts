/** Test helpers: a zone text with a `|` cursor, opened in a fresh language service. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit } from 'vscode-languageserver';
import { getLanguageService, type LanguageService, type LanguageServiceOptions } from '../../../server/src/languageService';
import { defaultSettings } from '../../../server/src/settings';

export interface Opened {
  readonly service: LanguageService;
  readonly document: TextDocument;
  /** Where the `|` was (absent: the start). */
  readonly position: Position;
}

/** Opens `text` (a `|` marks the cursor and is removed) as `uri` in a new service. */
export function open(
  text: string,
  options: Partial<LanguageServiceOptions> & { uri?: string } = {},
): Opened {
  const at = text.indexOf('|');
  const clean = at < 0 ? text : text.slice(0, at) + text.slice(at + 1);
  const document = TextDocument.create(options.uri ?? 'file:///work/zones/example.com.zone', 'dns-zone', 1, clean);
  const service = getLanguageService({
    locale: 'en',
    settings: () => defaultSettings,
    folders: () => [],
    trusted: true,
    readFile: () => undefined,
    ...options,
  });
  return { service, document, position: document.positionAt(Math.max(at, 0)) };
}

/** The text after applying edits (non-overlapping), as a client would. */
export function applyEdits(document: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(document, [...edits]);
}

export const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@   IN SOA ns1 hostmaster ( 2024010101 7200 3600 1209600 300 )',
  '    IN NS  ns1',
  '    IN MX  10 mail',
  'ns1 IN A   192.0.2.1',
  'mail IN A  192.0.2.2',
  'www IN CNAME mail',
  '',
].join('\n');
