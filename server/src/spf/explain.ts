/**
 * check_host() told in words, English and Japanese: why an evaluation stopped (permerror,
 * temperror) and each step of its trace. `zonelint spf`, `zonelint diagnose` and the
 * editor's diagnosis report print the same lines. The English is also the trace's
 * `detail` (the JSON output), so its wording is an interface: change it with care.
 */
import type { Locale } from '../diagnostics/types';
import { localize, type Localized } from '../l10n/index';
import type { TraceEntry } from './evaluate';

/** Why check_host() stopped with permerror or temperror, as data. */
export type StopWhy =
  | { readonly code: 'aborted' }
  | { readonly code: 'lookup-limit'; readonly limit: number }
  | { readonly code: 'void-limit'; readonly limit: number }
  | { readonly code: 'lookup-failed'; readonly type: 'TXT' | 'A' | 'MX' | 'address'; readonly name: string; readonly reason: string }
  | { readonly code: 'several-records'; readonly domain: string; readonly count: number }
  | { readonly code: 'syntax'; readonly domain: string; readonly text: string }
  | { readonly code: 'modifier-twice'; readonly name: string }
  | { readonly code: 'bad-target'; readonly via: 'include' | 'redirect'; readonly target: string }
  | { readonly code: 'target-no-record'; readonly via: 'include' | 'redirect'; readonly target: string }
  | { readonly code: 'too-many-mx'; readonly name: string; readonly limit: number }
  | { readonly code: 'unexpected'; readonly message: string };

const STOP_TEXTS: Record<StopWhy['code'], Localized> = {
  aborted: { en: 'evaluation aborted', ja: '評価を打ち切りました（時間切れ）' },
  'lookup-limit': {
    en: 'more than {limit} DNS-querying terms (RFC 7208 §4.6.4)',
    ja: 'DNS を参照する項目が上限の {limit} 個を超えています（RFC 7208 §4.6.4）',
  },
  'void-limit': {
    en: 'more than {limit} void lookups (RFC 7208 §4.6.4)',
    ja: '答えが空の DNS 参照が上限の {limit} 回を超えています（RFC 7208 §4.6.4）',
  },
  'lookup-failed': { en: '{type} lookup for {name} failed: {reason}', ja: '{name} の {type} レコードを DNS で引けませんでした（{reason}）' },
  'several-records': { en: '{domain} has {count} SPF records (RFC 7208 §4.5)', ja: '{domain} に SPF レコードが {count} 件あります（RFC 7208 §4.5）' },
  syntax: { en: 'syntax error in the SPF record of {domain}: "{text}"', ja: '{domain} の SPF レコードの「{text}」が構文として誤っています' },
  'modifier-twice': { en: '{name}= appears more than once (RFC 7208 §6)', ja: '{name}= が 2 回以上書かれています（RFC 7208 §6）' },
  'bad-target': { en: '{via} target "{target}" is not a valid name', ja: '{via} の参照先「{target}」はドメイン名として正しくありません' },
  'target-no-record': { en: '{via} target {target} has no SPF record', ja: '{via} の参照先 {target} に SPF レコードがありません' },
  'too-many-mx': { en: '{name} has more than {limit} MX records (RFC 7208 §4.6.4)', ja: '{name} の MX レコードが上限の {limit} 件を超えています（RFC 7208 §4.6.4）' },
  unexpected: { en: 'unexpected failure: {message}', ja: '予期しない失敗です（{message}）' },
};

/** The DNS failures of dns/resolver.ts's ErrorReason (and node's codes) in Japanese; others stay as they are. */
const DNS_REASONS_JA: Record<string, string> = {
  offline: 'オフラインのため未確認',
  timeout: '応答なし',
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
  aborted: '中断',
  'bad-name': '名前の形式が不正',
  'cname-loop': 'CNAME がループしているか長すぎる',
  'not-covered': 'ゾーンファイルにもスナップショットにもない名前',
  'unsupported-type': 'この方法では問い合わせられない型',
};

/** Why an evaluation stopped, in `locale`. The English is the trace's `detail`. */
export function stopText(why: StopWhy, locale: Locale): string {
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(why)) if (k !== 'code') args[k] = v as string | number;
  if (why.code === 'lookup-failed' && locale === 'ja') {
    args.type = why.type === 'address' ? 'A/AAAA' : why.type;
    args.reason = DNS_REASONS_JA[why.reason] ?? why.reason;
  }
  return localize(STOP_TEXTS[why.code], locale, args);
}

const EVENT_TEXTS: Record<Exclude<TraceEntry['event'], 'error'>, Localized> = {
  record: { en: 'record "{detail}"', ja: 'レコード "{detail}"' },
  match: { en: 'match {term}', ja: '{term} に一致' },
  'no-match': { en: 'no-match {term}', ja: '{term} は一致せず' },
  include: { en: 'include {term} → {detail}', ja: '{term} → {detail} のレコードを評価' },
  redirect: { en: 'redirect {term} → {detail}', ja: '{term} → {detail} のレコードで評価を続行' },
  explanation: { en: 'explanation {term} → {detail}', ja: '説明 {term} → {detail}' },
};

const ERROR_TEXTS = {
  term: { en: 'error {term} → {detail}', ja: 'エラー {term} → {detail}' },
  bare: { en: 'error → {detail}', ja: 'エラー → {detail}' },
  none: { en: 'error', ja: 'エラー' },
} satisfies Record<string, Localized>;

/**
 * One trace step as `domain: what`, without indentation: `example.com: no-match +a`,
 * `example.com: include include:_spf.google.com → _spf.google.com`. In English the
 * error's detail is the trace's own; in Japanese it is said again from `why`.
 */
export function traceStep(t: TraceEntry, locale: Locale): string {
  const args = { term: t.term ?? '', detail: t.detail ?? '' };
  let what: string;
  if (t.event !== 'error') what = localize(EVENT_TEXTS[t.event], locale, args);
  else {
    if (t.why !== undefined && locale !== 'en') args.detail = stopText(t.why, locale);
    what = localize(args.detail === '' ? ERROR_TEXTS.none : t.term ? ERROR_TEXTS.term : ERROR_TEXTS.bare, locale, args);
  }
  return `${t.domain}: ${what}`;
}

/** The trace's last error: why the evaluation stopped, when it did. */
export function lastError(trace: readonly TraceEntry[]): TraceEntry | undefined {
  for (let i = trace.length - 1; i >= 0; i--) if (trace[i].event === 'error') return trace[i];
  return undefined;
}

/** The last error's reason in `locale`, or undefined when the evaluation ended without one. */
export function lastStop(trace: readonly TraceEntry[], locale: Locale): string | undefined {
  const t = lastError(trace);
  return t && (t.why !== undefined ? stopText(t.why, locale) : t.detail);
}

/** The trace as the JSON outputs give it: without `why`, which is for the texts here. */
export function traceJson(trace: readonly TraceEntry[]): readonly Omit<TraceEntry, 'why'>[] {
  return trace.map(({ why: _why, ...rest }) => rest);
}
