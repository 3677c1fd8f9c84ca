/**
 * Fixes that add a provider's SPF terms (RFC 7208 §5.2): the spf-provider-missing
 * quick-fix, the "Add <provider> to SPF" refactors offered on every SPF record, and
 * a whole new record for spf-missing built from the providers the zone shows.
 */
import type { Zone } from '../zone/ast';
import type { SpfRecord } from '../spf/ast';
import { PROVIDERS, providerById, providerTerms, type ProviderEntry } from '../providers/catalogue';
import type { ProviderMissingData } from '../providers/codes';
import { detectProviders } from '../providers/detect';
import { authorisedTerms, isAuthorised, termKey } from '../providers/providerMissing';
import { insertLinesAfter, lastRecordOf, nameForInsert, recordAt, separatorOf } from './records';
import { fixFullWidthTag } from './dmarc';
import { spfAt, withTerms, type SpfTarget } from './spfContext';
import { editTxt, joinedValue, octetRange, quoteOctets, rewriteTxt } from './txtEdit';
import { readLockdown } from '../providers/mailchannelsLockdown';
import type { DomainFix, FixInput, TextEditOffsets } from './types';

function addTitle(provider: ProviderEntry, terms: readonly string[]): { en: string; ja: string } {
  const list = terms.join(' ');
  return provider.verified
    ? { en: `Add ${provider.names.en} to SPF (${list})`, ja: `SPF に ${provider.names.ja} を追加する（${list}）` }
    : {
        en: `Add ${provider.names.en} to SPF (${list}; unverified include: check ${provider.docs})`,
        ja: `SPF に ${provider.names.ja} を追加する（${list}。未確認の値です: ${provider.docs} で確認してください）`,
      };
}

function addTerms(text: string, target: SpfTarget, provider: ProviderEntry, terms: readonly string[], kind: DomainFix['kind']): DomainFix {
  const { from, insert } = withTerms(target.spf, terms);
  return { title: addTitle(provider, terms), kind, edits: editTxt(text, target.rr, from, from, insert), ...(kind === 'quickfix' ? { preferred: true } : {}) };
}

/** spf-provider-missing: insert the provider's terms before all/redirect. */
export function fixProviderMissing({ text, zone, problem }: FixInput): DomainFix[] {
  const data = problem.data as ProviderMissingData | undefined;
  const provider = data && providerById(data.provider);
  const target = spfAt(zone, problem.offset);
  if (!data || !provider || !target || data.terms.length === 0) return [];
  return [addTerms(text, target, provider, data.terms, 'quickfix')];
}

/** The MX host of the record's owner that an entry with `{mx}` terms matches, if any. */
function mxHostFor(zone: Zone, owner: string, provider: ProviderEntry): string | undefined {
  const hit = detectProviders(zone, owner).find((d) => d.provider.id === provider.id && d.evidence.kind === 'mx');
  return hit?.evidence.text;
}

/** The entries not yet authorised by the record, with the terms each would add. */
function candidates(zone: Zone, target: SpfTarget): { provider: ProviderEntry; terms: string[] }[] {
  const keys = authorisedTerms(zone, target.spf);
  return PROVIDERS.flatMap((provider) => {
    const mx = mxHostFor(zone, target.rr.owner, provider);
    const terms = providerTerms(provider, mx);
    if (!terms || isAuthorised(provider, keys, mx)) return [];
    return [{ provider, terms: terms.filter((t) => !keys.has(termKey(t))) }];
  });
}

function editable(spf: SpfRecord): boolean {
  return spf.errors.length === 0;
}

/** "Add <provider> to SPF" for every catalogue entry the SPF record at `offset` lacks. */
export function providerRefactors(text: string, zone: Zone, offset: number): DomainFix[] {
  const target = spfAt(zone, offset);
  if (!target || target.rr.type !== 'TXT' || !editable(target.spf)) return [];
  return candidates(zone, target).map(({ provider, terms }) => addTerms(text, target, provider, terms, 'refactor'));
}

/** The fix that adds one provider (by catalogue id) to the SPF record at `offset`: for a quick-pick command. */
export function addProviderFix(text: string, zone: Zone, offset: number, providerId: string): DomainFix | undefined {
  const target = spfAt(zone, offset);
  if (!target || !editable(target.spf)) return undefined;
  const hit = candidates(zone, target).find((c) => c.provider.id === providerId);
  return hit && addTerms(text, target, hit.provider, hit.terms, 'refactor');
}

/** spf-missing: a new TXT record `v=spf1 mx <providers' terms> ~all` after the owner's records. */
export function fixSpfMissing({ text, zone, problem }: FixInput): DomainFix[] {
  const owner = (problem.data as { owner?: string } | undefined)?.owner;
  if (owner === undefined) return [];
  const last = lastRecordOf(zone, owner);
  if (!last) return [];
  const terms = ['mx'];
  const keys = new Set(['mx']);
  const unverified: string[] = [];
  for (const { provider, evidence } of detectProviders(zone, owner)) {
    for (const t of providerTerms(provider, evidence.kind === 'mx' ? evidence.text : undefined) ?? []) {
      if (keys.has(termKey(t))) continue;
      keys.add(termKey(t));
      terms.push(t);
    }
    if (!provider.verified) unverified.push(provider.names.en);
  }
  const value = ['v=spf1', ...terms, '~all'].join(' ');
  const sep = separatorOf(text, last);
  const edit = insertLinesAfter(text, last, [`${nameForInsert(zone, last.span.offset, last.owner)}${sep}TXT${sep}${quoteOctets(value)}`]);
  const note = unverified.length > 0 ? { en: `; unverified includes for ${unverified.join(', ')}`, ja: `。${unverified.join('、')} の include は未確認の値です` } : { en: '', ja: '' };
  return [
    {
      title: { en: `Add an SPF record: "${value}"${note.en}`, ja: `SPF レコードを追加する: "${value}"${note.ja}` },
      kind: 'quickfix',
      edits: [edit],
      preferred: true,
    },
  ];
}

/**
 * spf-mailchannels-lockdown-syntax: full-width text in its ASCII (fixFullWidthTag), a `;` or
 * `,` between fields as the space MailChannels reads (none added before a space already there),
 * blanks before `v=mc1` removed.
 */
export function fixLockdownSyntax(input: FixInput): DomainFix[] {
  const { text, zone, problem } = input;
  const detail = (problem.data as { detail?: unknown } | undefined)?.detail;
  if (detail === 'lockdown-fullwidth') return fixFullWidthTag(input);
  if (detail !== 'lockdown-separator' && detail !== 'lockdown-leading-space') return [];
  const rr = recordAt(zone, problem.offset);
  const range = rr && rr.typeCode === 16 ? octetRange(rr, problem.offset, problem.length) : undefined;
  if (!rr || !range) return [];
  const value = joinedValue(rr);
  if (detail === 'lockdown-leading-space') {
    if (range.from !== 0 || !/^[ \t]+$/.test(value.slice(0, range.to))) return [];
    const removed = editTxt(text, rr, 0, range.to, '');
    return removed.length === 0 ? [] : [{ title: { en: 'Remove the leading space', ja: '先頭の空白を削除する' }, kind: 'quickfix', edits: removed, preferred: true }];
  }
  if (!/^[;,]$/.test(value.slice(range.from, range.to))) return [];
  const spaced = /[ \t]/.test(value.charAt(range.to));
  const edits = editTxt(text, rr, range.from, range.to, spaced ? '' : ' ');
  return edits.length === 0
    ? []
    : [{ title: { en: 'Separate the fields with a space', ja: 'フィールドを半角スペースで区切る' }, kind: 'quickfix', edits, preferred: true }];
}

/**
 * The edits that publish `record` as the Domain Lockdown record of `owner`: the text of the
 * document's lockdown record at `_mailchannels.<owner>` when there is one (a `v=mc1` TXT),
 * else a new line after the owner's last record. Undefined when the record is already
 * there, or sits in an $INCLUDEd file.
 */
export function publishLockdown(text: string, zone: Zone, owner: string, record: string): TextEditOffsets[] | undefined {
  const name = `_mailchannels.${owner.endsWith('.') ? owner : owner + '.'}`;
  const key = name.toLowerCase();
  const present = zone.records.filter((r) => r.typeCode === 16 && r.owner.toLowerCase() === key && readLockdown(joinedValue(r)) !== undefined);
  if (present.some((r) => joinedValue(r) === record)) return undefined;
  if (present.length > 0) {
    const [first] = present;
    if (first.file !== undefined || first.generated) return undefined;
    const edits = rewriteTxt(text, first, record);
    return edits.length > 0 ? edits : undefined;
  }
  const last = lastRecordOf(zone, owner);
  if (!last) return undefined;
  const sep = separatorOf(text, last);
  return [insertLinesAfter(text, last, [`${nameForInsert(zone, last.span.offset, name)}${sep}TXT${sep}${quoteOctets(record)}`])];
}
