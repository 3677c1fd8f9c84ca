/** What every feature receives: the document, its one parse, and the user's locale. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../l10n';
import type { Zone } from '../zone/ast';

export interface ParsedDocument {
  readonly document: TextDocument;
  /** The file path of a `file:` document; undefined for untitled documents. */
  readonly path: string | undefined;
  readonly zone: Zone;
}

export interface FeatureContext extends ParsedDocument {
  readonly locale: Locale;
}
