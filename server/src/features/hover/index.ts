/**
 * Hover: zone-file tokens (zone.ts), SPF terms (spf.ts), DMARC and DKIM tags (tags.ts),
 * MailChannels Domain Lockdown fields (lockdown.ts).
 * `doHover` answers at once, following includes through zone data and the bundled
 * snapshot; `doHoverAsync` follows them through the language service's resolver
 * (zone data, then snapshot or live DNS, per the settings).
 */
import type { Hover } from 'vscode-languageserver';
import type { Resolver } from '../../dns/resolver';
import { lookupTree } from '../../spf/lookups';
import { recordAt } from '../spans';
import type { HoverContext } from './context';
import { makeHover } from './markup';
import { locateSpf, renderTreeHover, type SpfHover } from './spf';
import { lookupTreeSync, spfTarget } from './spfTree';
import { tagHover } from './tags';
import { lockdownHover } from './lockdown';
import type { TxtAnswer, TxtSource } from './txtSource';
import { zoneHover } from './zone';

export type { HoverContext } from './context';
export type { HoverFormat } from './markup';
export { syncTxtSource } from './txtSource';
export { providerName } from './provider';

type Located = { readonly kind: 'static'; readonly span: SpfHover['span']; readonly markdown: string } | Extract<SpfHover, { kind: 'tree' }>;

function locate(ctx: HoverContext, offset: number): Located | undefined {
  const record = recordAt(ctx.zone, offset);
  if (record && (record.type === 'TXT' || record.type === 'SPF')) {
    const spf = locateSpf(ctx, record, offset);
    if (spf) return spf;
    const tag = tagHover(ctx, record, offset) ?? lockdownHover(ctx, record, offset);
    if (tag) return { kind: 'static', ...tag };
  }
  const found = zoneHover(ctx, offset, record);
  return found && { kind: 'static', ...found };
}

export function doHover(ctx: HoverContext, offset: number): Hover | undefined {
  const found = locate(ctx, offset);
  if (!found) return undefined;
  if (found.kind === 'static') return makeHover(ctx, found.span, found.markdown, ctx.format);
  const tree = lookupTreeSync(found.record.spf, found.record.owner, ctx.txt);
  const target = found.term ? spfTarget(found.term) : null;
  const answer = target === null ? undefined : ctx.txt(target);
  return makeHover(ctx, found.span, renderTreeHover(ctx, found, tree, target, answer), ctx.format);
}

export async function doHoverAsync(ctx: HoverContext, offset: number, resolver: Resolver, signal?: AbortSignal): Promise<Hover | undefined> {
  const found = locate(ctx, offset);
  if (!found) return undefined;
  if (found.kind === 'static') return makeHover(ctx, found.span, found.markdown, ctx.format);
  const target = found.term ? spfTarget(found.term) : null;
  const [tree, answer] = await Promise.all([
    lookupTree(found.record.spf, found.record.owner, resolver, signal),
    target === null ? undefined : txtFrom(resolver, target, signal),
  ]);
  return makeHover(ctx, found.span, renderTreeHover(ctx, found, tree, target, answer), ctx.format);
}

async function txtFrom(resolver: Resolver, name: string, signal?: AbortSignal): Promise<TxtAnswer> {
  const r = await resolver.lookup(name, 'TXT', signal);
  const source: TxtSource = r.source === 'zone' || r.source === 'snapshot' ? r.source : 'live';
  if (r.kind === 'ok') return { kind: 'ok', texts: r.records.map((strings) => strings.join('')), source };
  if (r.kind === 'nxdomain' || r.kind === 'nodata') return { kind: 'none', source };
  return { kind: 'unknown' };
}
