/**
 * TXT answers without waiting: the zone data of the workspace, then the bundled
 * provider snapshot. The hover's synchronous path follows includes through this;
 * live DNS needs the asynchronous path (the language service's resolver).
 */
import { PROVIDER_SNAPSHOT } from '../../dns/snapshot';
import type { Zone } from '../../zone/ast';

export type TxtSource = 'zone' | 'snapshot' | 'live';

export type TxtAnswer =
  | { readonly kind: 'ok'; readonly texts: readonly string[]; readonly source: TxtSource }
  /** The name is in the zone data but has no TXT record. */
  | { readonly kind: 'none'; readonly source: TxtSource }
  /** Nothing known without a live query. */
  | { readonly kind: 'unknown' };

export type SyncTxt = (name: string) => TxtAnswer;

function key(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : lower + '.';
}

function isAtOrBelow(name: string, apex: string): boolean {
  return apex === '.' || name === apex || name.endsWith('.' + apex);
}

export function syncTxtSource(zones: () => readonly Zone[]): SyncTxt {
  return (name) => {
    const k = key(name);
    const zone = zones()
      .filter((z) => isAtOrBelow(k, key(z.origin)))
      .sort((a, b) => b.origin.length - a.origin.length)[0];
    if (zone) {
      const texts = zone.records
        .filter((r) => r.type === 'TXT' && r.rdata.strings && key(r.owner) === k)
        .map((r) => r.rdata.strings!.map((s) => s.value).join(''));
      return texts.length > 0 ? { kind: 'ok', texts, source: 'zone' } : { kind: 'none', source: 'zone' };
    }
    const bare = k.slice(0, -1);
    const entry = Object.hasOwn(PROVIDER_SNAPSHOT.records, bare) ? PROVIDER_SNAPSHOT.records[bare] : undefined;
    if (entry?.TXT) return { kind: 'ok', texts: entry.TXT, source: 'snapshot' };
    return { kind: 'unknown' };
  };
}
