/**
 * Hover on the tag=value records that borrow DKIM's tag list: DMARC policy records
 * at `_dmarc.<domain>` (RFC 9989 §4.7) and DKIM keys at `<selector>._domainkey.<domain>`
 * (RFC 6376 §3.6.1). The tag name explains the tag; a value (or one item of a
 * `:`-separated list) explains that value too.
 */
import { DkimValueDocs, DkimTagDocs } from '../../docs/dkim';
import { DmarcTagDocs, DmarcValueDocs, type TagDoc } from '../../docs/dmarc';
import { parseDkimKey, dkimSelector } from '../../dkim/parse';
import { splitValue, type Tag, type TagList } from '../../dkim/taglist';
import { reportLabelIndex } from '../../dmarc/collect';
import { parseDmarc } from '../../dmarc/parse';
import { localize, type Localized } from '../../l10n';
import { HoverText } from '../../l10n/hover';
import type { ResourceRecord, Span } from '../../zone/ast';
import { splitLabels } from '../../zone/names';
import { joinStrings } from '../../zone/txt';
import type { HoverContext } from './context';
import { code, rfcLink } from './markup';
import { octetAt, within } from './octets';

interface Flavour {
  readonly kind: Localized;
  readonly tags: Record<string, TagDoc>;
  readonly values: Record<string, Record<string, Localized>>;
  /** DMARC names and keywords are case-insensitive; DKIM names are not. */
  readonly foldNames: boolean;
  readonly list: TagList;
}

function flavourOf(rr: ResourceRecord, text: string): Flavour | undefined {
  const labels = splitLabels(rr.owner.toLowerCase());
  if (labels[0] === '_dmarc' || reportLabelIndex(labels) > 0) {
    return { kind: HoverText.dmarcTag, tags: DmarcTagDocs, values: DmarcValueDocs, foldNames: true, list: parseDmarc(text).list };
  }
  if (dkimSelector(labels)) {
    return { kind: HoverText.dkimTag, tags: DkimTagDocs, values: DkimValueDocs, foldNames: false, list: parseDkimKey(text).list };
  }
  return undefined;
}

/** Case-insensitive lookup of a keyword value (`DMARC1` and `DKIM1` as written in the table). */
function valueDoc(values: Record<string, Localized> | undefined, value: string): Localized | undefined {
  if (!values) return undefined;
  const key = Object.keys(values).find((k) => k.toLowerCase() === value.toLowerCase());
  return key === undefined ? undefined : values[key];
}

export function tagHover(ctx: HoverContext, rr: ResourceRecord, offset: number): { span: Span; markdown: string } | undefined {
  if (rr.type !== 'TXT' || !rr.rdata.strings) return undefined;
  const joined = joinStrings(rr.rdata.strings);
  const flavour = flavourOf(rr, joined.value);
  if (!flavour) return undefined;
  const i = octetAt(rr.rdata.strings, offset);
  if (i === undefined) return undefined;
  const tag = flavour.list.tags.find((t) => within(i, t.start, t.end));
  if (!tag) return undefined;
  const name = flavour.foldNames ? tag.name.toLowerCase() : tag.name;
  const doc = Object.hasOwn(flavour.tags, name) ? flavour.tags[name] : undefined;
  const say = (text: Localized, args?: Record<string, string | number>) => localize(text, ctx.locale, args);
  const lines = doc
    ? [`**${code(tag.name)}** — ${say(flavour.kind)}: ${say(doc.name)} · ${rfcLink(doc.ref)}`, '', say(doc.text)]
    : [`**${code(tag.name)}** — ${say(flavour.kind)}`, '', say(HoverText.unknownTag)];
  if (!within(i, tag.valueStart, tag.valueEnd) || tag.valueStart === tag.valueEnd) {
    return { span: joined.spanOf(tag.nameStart, tag.nameEnd), markdown: lines.join('\n') };
  }
  const values = Object.hasOwn(flavour.values, name) ? flavour.values[name] : undefined;
  // Only keyword tags are lists; a URI (`rua=mailto:…`) is one value whatever its colons.
  const item = values ? valueItem(tag, i) : { item: tag.value, from: tag.valueStart, to: tag.valueEnd };
  const meaning = valueDoc(values, item.item);
  lines.push('', `${say(HoverText.value, { value: item.item })}${meaning ? ': ' + say(meaning) : ''}`);
  return { span: joined.spanOf(item.from, item.to), markdown: lines.join('\n') };
}

/** The `:`-separated item under octet i (a whole value has a single item). */
function valueItem(tag: Tag, i: number): { item: string; from: number; to: number } {
  const items = splitValue(tag, ':');
  return items.find((x) => within(i, x.from, x.to)) ?? { item: tag.value, from: tag.valueStart, to: tag.valueEnd };
}
