/** TTLs and SOA timers as words: `3600` → "1 hour", `90061` → "1 day 1 hour 1 minute 1 second". */
import type { Locale } from '../l10n';
import { DurationUnits } from '../l10n/strings';

const UNITS: ReadonlyArray<['w' | 'd' | 'h' | 'm' | 's', number]> = [
  ['w', 604800],
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

export function formatDuration(seconds: number, locale: Locale): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.floor(seconds));
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n === 0) continue;
    const u = DurationUnits[unit];
    parts.push(locale === 'ja' ? `${n}${u.ja}` : `${n} ${u.en[n === 1 ? 0 : 1]}`);
  }
  if (parts.length === 0) return locale === 'ja' ? `0${DurationUnits.s.ja}` : `0 ${DurationUnits.s.en[1]}`;
  return parts.join(locale === 'ja' ? '' : ' ');
}
