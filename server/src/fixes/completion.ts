/**
 * Completion data inside SPF strings (RFC 7208 §4.6.1 terms, §5 mechanisms, §6
 * modifiers, §7 macros) and provider includes by display name. Plain data: the
 * language server turns it into CompletionItems.
 */
import type { Zone } from '../zone/ast';
import { looksLikeSpf } from '../spf/detect';
import { PROVIDERS, providerTerms } from '../providers/catalogue';
import { recordAt } from './records';

export type SpfCompletionKind = 'mechanism' | 'qualifier' | 'modifier' | 'macro' | 'provider';

export interface SpfCompletion {
  readonly label: string;
  readonly insertText: string;
  readonly detail: { readonly en: string; readonly ja: string };
  readonly kind: SpfCompletionKind;
  /** The text being completed (replaced by insertText). */
  readonly range: { readonly offset: number; readonly length: number };
}

type Entry = Omit<SpfCompletion, 'range'>;

const MECHANISMS: readonly Entry[] = [
  { label: 'include:', insertText: 'include:', kind: 'mechanism', detail: { en: "Authorise the senders of another domain's SPF record (1 lookup, plus its own)", ja: '別のドメインの SPF レコードの送信元を許可（参照 1 回＋その中の参照）' } },
  { label: 'a', insertText: 'a', kind: 'mechanism', detail: { en: "The domain's A/AAAA addresses (1 lookup)", ja: 'このドメインの A/AAAA アドレス（参照 1 回）' } },
  { label: 'a:', insertText: 'a:', kind: 'mechanism', detail: { en: "Another host's A/AAAA addresses (1 lookup)", ja: 'ほかのホストの A/AAAA アドレス（参照 1 回）' } },
  { label: 'mx', insertText: 'mx', kind: 'mechanism', detail: { en: "The domain's MX hosts (1 lookup, at most 10 MX names)", ja: 'このドメインの MX ホスト（参照 1 回、MX は 10 個まで）' } },
  { label: 'mx:', insertText: 'mx:', kind: 'mechanism', detail: { en: "Another domain's MX hosts (1 lookup)", ja: 'ほかのドメインの MX ホスト（参照 1 回）' } },
  { label: 'ip4:', insertText: 'ip4:', kind: 'mechanism', detail: { en: 'An IPv4 address or range, e.g. ip4:192.0.2.0/24 (no lookup)', ja: 'IPv4 アドレスまたは範囲。例: ip4:192.0.2.0/24（参照なし）' } },
  { label: 'ip6:', insertText: 'ip6:', kind: 'mechanism', detail: { en: 'An IPv6 address or range, e.g. ip6:2001:db8::/32 (no lookup)', ja: 'IPv6 アドレスまたは範囲。例: ip6:2001:db8::/32（参照なし）' } },
  { label: 'exists:', insertText: 'exists:', kind: 'mechanism', detail: { en: 'Match when the name (usually with macros) has an A record (1 lookup)', ja: '名前（通常はマクロ入り）に A レコードがあれば一致（参照 1 回）' } },
  { label: 'ptr', insertText: 'ptr', kind: 'mechanism', detail: { en: 'Deprecated (RFC 7208 §5.5): slow and unreliable; use ip4:/ip6: or a:', ja: '非推奨（RFC 7208 §5.5）: 遅く当てになりません。ip4:/ip6: か a: を使ってください' } },
  { label: '~all', insertText: '~all', kind: 'mechanism', detail: { en: 'End: other hosts soft-fail (usual while testing)', ja: '末尾: ほかのホストはソフトフェイル（試験中の定番）' } },
  { label: '-all', insertText: '-all', kind: 'mechanism', detail: { en: 'End: other hosts fail', ja: '末尾: ほかのホストは失敗' } },
  { label: 'all', insertText: 'all', kind: 'mechanism', detail: { en: 'Matches every host; give it a qualifier (~all or -all)', ja: 'すべてのホストに一致します。修飾子（~all か -all）を付けます' } },
];

const QUALIFIERS: readonly Entry[] = [
  { label: '+', insertText: '+', kind: 'qualifier', detail: { en: 'Pass (the default)', ja: '許可（既定）' } },
  { label: '-', insertText: '-', kind: 'qualifier', detail: { en: 'Fail', ja: '失敗' } },
  { label: '~', insertText: '~', kind: 'qualifier', detail: { en: 'Soft fail', ja: 'ソフトフェイル' } },
  { label: '?', insertText: '?', kind: 'qualifier', detail: { en: 'Neutral', ja: '判定なし（neutral）' } },
];

const MODIFIERS: readonly Entry[] = [
  { label: 'redirect=', insertText: 'redirect=', kind: 'modifier', detail: { en: "Use another domain's record when nothing here matches (1 lookup; ignored with all)", ja: 'ここで一致しなければ別ドメインのレコードを使う（参照 1 回。all があると無視）' } },
  { label: 'exp=', insertText: 'exp=', kind: 'modifier', detail: { en: 'A TXT record whose text explains a fail result', ja: '失敗時の説明文を置いた TXT レコード' } },
];

const MACROS: readonly Entry[] = (
  [
    ['s', 'the sender (local-part@domain)', '送信者（local-part@domain）'],
    ['l', 'the local-part of the sender', '送信者のローカル部'],
    ['o', 'the domain of the sender', '送信者のドメイン'],
    ['d', 'the domain being checked', '検査中のドメイン'],
    ['i', 'the sending IP address', '送信元 IP アドレス'],
    ['p', 'the validated name of the IP (deprecated)', 'IP の検証済みホスト名（非推奨）'],
    ['v', '"in-addr" for IPv4, "ip6" for IPv6', 'IPv4 なら "in-addr"、IPv6 なら "ip6"'],
    ['h', 'the HELO/EHLO name', 'HELO/EHLO の名前'],
  ] as const
).map(([letter, en, ja]): Entry => ({ label: `%{${letter}}`, insertText: `%{${letter}}`, kind: 'macro', detail: { en: `Macro: ${en}`, ja: `マクロ: ${ja}` } }));

const ESCAPES: readonly Entry[] = [
  { label: '%%', insertText: '%%', kind: 'macro', detail: { en: 'A literal %', ja: '% そのもの' } },
  { label: '%_', insertText: '%_', kind: 'macro', detail: { en: 'A space', ja: '空白' } },
  { label: '%-', insertText: '%-', kind: 'macro', detail: { en: 'A URL-encoded space (%20)', ja: 'URL エンコードした空白（%20）' } },
];

function providerEntries(): Entry[] {
  return PROVIDERS.flatMap((p) => {
    const terms = providerTerms(p);
    if (!terms) return [];
    const note = p.verified ? { en: '', ja: '' } : { en: ' (unverified include)', ja: '（未確認の値）' };
    return [{ label: p.names.en, insertText: terms.join(' '), kind: 'provider' as const, detail: { en: `${p.names.en}: ${terms.join(' ')}${note.en}`, ja: `${p.names.ja}: ${terms.join(' ')}${note.ja}` } }];
  });
}

/** Completions for `offset` inside a quoted string of an SPF record; empty elsewhere. */
export function spfCompletions(text: { slice(from: number, to: number): string }, zone: Zone, offset: number): SpfCompletion[] {
  const rr = recordAt(zone, offset);
  const strings = rr?.rdata.strings ?? [];
  if (!rr || (rr.type !== 'TXT' && rr.type !== 'SPF') || !looksLikeSpf(strings.map((s) => s.value).join(''))) return [];
  const s = strings.find((c) => c.quoted && c.span.offset < offset && offset < c.span.offset + c.span.length);
  if (!s) return [];
  const contentStart = s.offsets[0];
  // The word before the cursor, back to a space or the string's start.
  const before = offset > contentStart ? text.slice(contentStart, offset) : '';
  const start = contentStart + before.lastIndexOf(' ') + 1;
  const word = before.slice(start - contentStart);
  if (start === contentStart && s === strings[0]) return []; // completing v=spf1 itself
  const range = { offset: start, length: offset - start };
  const at = (entries: readonly Entry[]) => entries.map((e) => ({ ...e, range }));
  const macro = word.lastIndexOf('%');
  if (macro >= 0 && (word.includes(':') || word.includes('='))) {
    const macroRange = { offset: start + macro, length: offset - start - macro };
    return [...MACROS, ...ESCAPES].map((e) => ({ ...e, range: macroRange }));
  }
  if (word.includes(':') || word.includes('=')) return [];
  const qualifier = /^[+\-~?]/.test(word) ? word[0] : '';
  const withQualifier = (entries: readonly Entry[]) =>
    entries
      .filter((e) => !/^[~-]all$/.test(e.label))
      .map((e) => ({ ...e, label: qualifier + e.label, insertText: qualifier + e.insertText, range }));
  if (qualifier) return withQualifier(MECHANISMS);
  return [...at(MECHANISMS), ...at(QUALIFIERS), ...at(MODIFIERS), ...at(providerEntries())];
}
