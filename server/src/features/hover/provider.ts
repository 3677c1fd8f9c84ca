/**
 * The provider's name for an `include:` target, from the provider catalogue: an entry
 * whose SPF terms (or the older names it accepts) include that domain.
 */
import { PROVIDERS } from '../../providers/catalogue';
import type { Locale } from '../../l10n';

export function providerName(domain: string, locale: Locale): string | undefined {
  const term = 'include:' + domain.toLowerCase().replace(/\.$/, '');
  const entry = PROVIDERS.find((p) => [...p.spf, ...(p.accepts ?? [])].some((t) => t.toLowerCase() === term));
  return entry?.names[locale];
}
