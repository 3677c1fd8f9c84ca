/**
 * Locale selection and the server's own localised strings (diagnostic messages live
 * with their codes; these are the editor-facing texts: hovers, completion details).
 */
import type { Locale } from '../diagnostics/types';

export type { Locale };

export interface Localized {
  readonly en: string;
  readonly ja: string;
}

/** The client's locale (InitializeParams.locale, e.g. `ja`, `ja-JP`, `en-US`) → ours. */
export function localeFrom(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * Japanese text with a name filled in: a name that ends in a full-width parenthesis
 * ('MailChannels リレー（mixhost ほか）') takes no space before the Japanese after it.
 */
export function tidyJapanese(text: string): string {
  return text.replace(/） (?=[^\x00-\x7f])/g, '）');
}

/** The text in `locale` with `{name}` placeholders filled. */
export function localize(text: Localized, locale: Locale, args: Record<string, string | number> = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (m, key: string) => (key in args ? String(args[key]) : m));
}
