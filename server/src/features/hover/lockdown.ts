/**
 * Hover on the fields of a MailChannels Domain Lockdown record (`_mailchannels.<domain>`
 * TXT "v=mc1 auth=…"): what each field means, with a link to MailChannels' documentation.
 */
import { LOCKDOWN_DOCS_URL, LockdownFieldDocs } from '../../docs/mailchannels';
import { localize } from '../../l10n';
import { HoverText } from '../../l10n/hover';
import type { ResourceRecord, Span } from '../../zone/ast';
import { joinStrings } from '../../zone/txt';
import type { HoverContext } from './context';
import { code } from './markup';
import { octetAt, within } from './octets';

export function lockdownHover(ctx: HoverContext, rr: ResourceRecord, offset: number): { span: Span; markdown: string } | undefined {
  if (rr.type !== 'TXT' || !rr.rdata.strings || !/^_mailchannels\./i.test(rr.owner)) return undefined;
  const joined = joinStrings(rr.rdata.strings);
  if (!/^[ \t]*v=mc1(?:[ \t;,]|$)/i.test(joined.value)) return undefined;
  const i = octetAt(rr.rdata.strings, offset);
  if (i === undefined) return undefined;
  const word = [...joined.value.matchAll(/[^ \t;,]+/g)].find((m) => within(i, m.index, m.index + m[0].length));
  if (!word) return undefined;
  const eq = word[0].indexOf('=');
  const name = eq < 0 ? word[0] : word[0].slice(0, eq);
  const doc = Object.hasOwn(LockdownFieldDocs, name.toLowerCase()) ? LockdownFieldDocs[name.toLowerCase()] : undefined;
  const say = (text: Parameters<typeof localize>[0]) => localize(text, ctx.locale);
  const title = `**${code(name)}** — ${say(HoverText.lockdownField)} · [MailChannels Domain Lockdown](${LOCKDOWN_DOCS_URL})`;
  return { span: joined.spanOf(word.index, word.index + word[0].length), markdown: [title, '', say(doc ?? HoverText.lockdownUnknown)].join('\n') };
}
