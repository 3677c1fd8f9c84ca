/**
 * zone-serial-format — a date-style serial that is not a date, or is in the future.
 *
 * RFC 1982 §3 compares serials in sequence-space arithmetic, so a serial that runs
 * ahead can only come back by wrapping through 2^31 steps. The common YYYYMMDDnn
 * convention (RFC 1912 §2.2) makes two mistakes easy: a typo that is no calendar date,
 * and a date in the future, after which every "today" serial is lower and secondaries
 * ignore the change. Neither BIND nor Knot checks this; both only require 0–2^32-1.
 *
 * A serial "looks like a date" when it has ten digits and starts with a year from 1980
 * to 2099. "Future" allows for the furthest time zone ahead of UTC (+14:00), so a user
 * east of Greenwich writing today's local date is not flagged.
 */
import type { Problem } from '../../diagnostics/types';
import { SemanticsCodes } from './codes';
import { type SemanticContext, problem } from './context';
import { writtenToken } from './targets';
import { recordsOfType } from '../checks/owners';

const DATE_SERIAL = /^((?:19[89]|20[0-9])[0-9])([0-9]{2})([0-9]{2})[0-9]{2}$/;
const SOA = 6;
const LATEST_ZONE_AHEAD_MS = 14 * 3600 * 1000;

/** Why a serial is wrong as a date, or undefined when it is fine or not date-like. */
export function serialDateProblem(serial: string, now: Date): { detail: string; date: string } | undefined {
  const m = DATE_SERIAL.exec(serial);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return { detail: 'serial-not-a-date', date };
  }
  const latestToday = new Date(now.getTime() + LATEST_ZONE_AHEAD_MS);
  const todayUtc = Date.UTC(latestToday.getUTCFullYear(), latestToday.getUTCMonth(), latestToday.getUTCDate());
  if (utc.getTime() > todayUtc) return { detail: 'serial-in-future', date };
  return undefined;
}

export function checkSerialFormat(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  for (const r of recordsOfType(ctx.records, SOA)) {
    const token = writtenToken(r, 2);
    const written = token?.text ?? String(r.rdata.fields['serial'] ?? '');
    const found = serialDateProblem(written, ctx.now);
    if (!found) continue;
    out.push(problem(SemanticsCodes.serialFormat, r, token ?? r.span, { serial: written, ...found }));
  }
  return out;
}
