/**
 * Code actions: each diagnostic code may have a fix provider (registered below by
 * code, never matched on message text). Providers get the parse and the diagnostic,
 * and return quick-fixes whose edits tests compare as whole texts.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Locale } from '../l10n';
import type { FeatureContext } from './context';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { removeDuplicateRecord } from './fixes/duplicateRecord';
import { splitLongTxtString } from './fixes/splitTxtString';

export interface FixContext extends FeatureContext {
  readonly diagnostic: Diagnostic;
}

/** A fix: the edits to apply and its title, or undefined when it does not apply here. */
export interface Fix {
  readonly title: { readonly en: string; readonly ja: string };
  readonly edits: TextEdit[];
  readonly preferred?: boolean;
}

export type FixProvider = (ctx: FixContext) => Fix | undefined;

const providers = new Map<string, FixProvider>([
  ['zone-txt-string-too-long', splitLongTxtString],
  ['zone-duplicate-record', removeDuplicateRecord],
]);

/** Registers (or replaces) the fix for a code; fix modules call this at load time. */
export function registerFix(code: string, provider: FixProvider): void {
  providers.set(code, provider);
}

export function hasFix(code: string): boolean {
  return providers.has(code);
}

export function getCodeActions(ctx: FeatureContext, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  const out: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const provider = providers.get(diagnostic.code);
    const fix = provider?.({ ...ctx, diagnostic });
    if (!fix) continue;
    out.push(toAction(fix, ctx.locale, ctx.document.uri, diagnostic));
  }
  return out;
}

function toAction(fix: Fix, locale: Locale, uri: string, diagnostic: Diagnostic): CodeAction {
  return {
    title: fix.title[locale],
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred ?? true,
    edit: { changes: { [uri]: fix.edits } },
  };
}
