/**
 * SOA serial bumps (RFC 1035 §3.3.13, RFC 1982 serial arithmetic), in the three
 * styles zone maintainers use: `date` (YYYYMMDDnn), `unix` (seconds since the epoch)
 * and `increment` (+1). Like Emacs dns-mode's `dns-mode-soa-increment-serial`: the
 * style is read from the current value, a date serial moves to today's `nn=00` or,
 * when it already is today's (or later), counts up by one; it never goes backwards.
 * Pure functions: the caller passes the clock.
 */
import type { Zone } from '../zone/ast';

export type SerialFormat = 'date' | 'unix' | 'increment';

/**
 * Why a bump deserves the user's attention:
 * - `nn-overflow`: today's 100 date serials are used up; the serial now reads as a later date.
 * - `date-in-future`: the serial already reads as a later day than today; it was only incremented.
 * - `wrapped`: the serial passed 4294967295 and wrapped round to a small number (RFC 1982 §3.1).
 * - `step-too-large`: the new serial is 2^31 or more above the old one, so secondaries
 *   comparing them by RFC 1982 §3.2 see it as going backwards and keep the old zone.
 */
export type SerialWarning = 'nn-overflow' | 'date-in-future' | 'wrapped' | 'step-too-large';

export const SerialWarningMessages: Readonly<Record<SerialWarning, { en: string; ja: string }>> = {
  'nn-overflow': {
    en: 'All 100 serials for today are used up, so the new serial reads as a later date.',
    ja: '今日の分のシリアル番号（100個）を使い切ったため、新しいシリアル番号は翌日以降の日付に見えます。',
  },
  'date-in-future': {
    en: 'The serial already carries a date after today; it was increased by one, never set back.',
    ja: 'シリアル番号がすでに今日より後の日付になっています。戻さずに1だけ増やしました。',
  },
  wrapped: {
    en: 'The serial passed 4294967295 and started again from 0 (RFC 1982); check that your secondaries accept it.',
    ja: 'シリアル番号が4294967295を超えて0から数え直しになりました（RFC 1982）。セカンダリが受け入れるか確認してください。',
  },
  'step-too-large': {
    en: 'The serial jumps by 2^31 or more; secondaries will take it as older and keep the old zone (RFC 1982).',
    ja: 'シリアル番号の増分が2^31以上です。セカンダリは古い番号と見なし、ゾーンを更新しません（RFC 1982）。',
  },
};

const MAX_SERIAL = 0xffffffff;
const HALF = 0x80000000;
/** Ten digits starting with a year 1970–2099, a month and a day; `nn` is free. */
const DATE_SERIAL = /^(19[7-9][0-9]|20[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{2}$/;
/** Unix times from 1990 on, up to the end of the serial space. */
const UNIX_FROM = 631152000;

/** The style a serial is written in. */
export function detectSerialFormat(serial: number | string): SerialFormat {
  const text = String(serial);
  if (DATE_SERIAL.test(text)) return 'date';
  const n = Number(text);
  if (Number.isInteger(n) && n >= UNIX_FROM && n <= MAX_SERIAL) return 'unix';
  return 'increment';
}

/** Today's first date serial, YYYYMMDD00, in the local time of `now` (as `date +%Y%m%d`). */
export function todaySerial(now: Date): number {
  return now.getFullYear() * 1_000_000 + (now.getMonth() + 1) * 10_000 + now.getDate() * 100;
}

export interface NextSerial {
  readonly serial: number;
  readonly warning?: SerialWarning;
}

/** The serial after `current` in the given style. */
export function nextSerial(current: number, format: SerialFormat, now: Date): NextSerial {
  let next: number;
  let warning: SerialWarning | undefined;
  if (format === 'date') {
    const today = todaySerial(now);
    if (current < today) {
      next = today;
    } else {
      next = current + 1;
      if (current >= today + 100) warning = 'date-in-future';
      else if (next >= today + 100) warning = 'nn-overflow';
    }
  } else if (format === 'unix') {
    next = Math.max(Math.floor(now.getTime() / 1000), current + 1);
  } else {
    next = current + 1;
  }
  if (next > MAX_SERIAL) {
    next = next % (MAX_SERIAL + 1);
    warning = 'wrapped';
  }
  // RFC 1982 §3.2: s2 is greater than s1 only when the forward distance is below 2^31.
  const step = (next - current + MAX_SERIAL + 1) % (MAX_SERIAL + 1);
  if (step >= HALF) warning = 'step-too-large';
  return warning ? { serial: next, warning } : { serial: next };
}

export interface SerialEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
  readonly warning?: SerialWarning;
}

/**
 * The edit that bumps the zone's SOA serial: the first SOA record of the document
 * itself (not of an $INCLUDE file), whose third RDATA token is a decimal serial.
 * Undefined when there is none to bump.
 */
export function bumpSerialEdit(
  text: string,
  zone: Zone,
  now: Date,
  format: SerialFormat | 'auto' = 'auto',
): SerialEdit | undefined {
  const soa = zone.records.find((r) => r.type === 'SOA' && r.file === undefined && !r.generated);
  const token = soa?.tokens[2];
  if (!token || token.quoted || text.slice(token.offset, token.offset + token.length) !== token.text) return undefined;
  if (!/^[0-9]{1,10}$/.test(token.text)) return undefined;
  const current = Number(token.text);
  if (current > MAX_SERIAL) return undefined;
  const style = format === 'auto' ? detectSerialFormat(token.text) : format;
  const { serial, warning } = nextSerial(current, style, now);
  const edit = { offset: token.offset, length: token.length, newText: String(serial) };
  return warning ? { ...edit, warning } : edit;
}
