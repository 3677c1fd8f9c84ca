/**
 * TTL values as BIND reads them (RFC 1035 §5.1, RFC 2308 §4): a decimal number of
 * seconds, or numbers with units `s m h d w` in any case and order (`1h30m`, `1W`);
 * a unit after every number once one is used.
 */

/** RFC 2181 §8: TTLs above 2^31-1 are treated as 0 (BIND: "> MAXTTL, setting to 0"). */
export const MAX_TTL = 0x7fffffff;
const MAX_U32 = 0xffffffff;

export type TtlResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: 'not-a-ttl' | 'ttl-too-large' };

const NOT_A_TTL: TtlResult = { ok: false, reason: 'not-a-ttl' };
const TOO_LARGE: TtlResult = { ok: false, reason: 'ttl-too-large' };

function unitSeconds(c: number): number {
  switch (c | 0x20) {
    case 0x73 /* s */:
      return 1;
    case 0x6d /* m */:
      return 60;
    case 0x68 /* h */:
      return 3600;
    case 0x64 /* d */:
      return 86400;
    case 0x77 /* w */:
      return 604800;
    default:
      return 0;
  }
}

/** Parses a TTL token; the value may exceed MAX_TTL (the caller decides what to do). */
export function parseTtl(text: string): TtlResult {
  const n = text.length;
  if (n === 0) return NOT_A_TTL;
  let total = 0;
  let i = 0;
  while (i < n) {
    const start = i;
    let value = 0;
    let c = text.charCodeAt(i);
    while (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      i++;
      c = i < n ? text.charCodeAt(i) : -1;
    }
    if (i === start) return NOT_A_TTL;
    if (i === n) {
      // Only a bare number may go without a unit: BIND rejects `1h30`.
      if (start > 0) return NOT_A_TTL;
      total = value;
      break;
    }
    const unit = unitSeconds(c);
    if (unit === 0) return NOT_A_TTL;
    total += value * unit;
    i++;
    if (value > MAX_U32 || total > MAX_U32) return TOO_LARGE;
  }
  return total > MAX_U32 ? TOO_LARGE : { ok: true, value: total };
}

/** True when a token looks like it was meant as a TTL (starts with a digit). */
export function looksLikeTtl(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}
