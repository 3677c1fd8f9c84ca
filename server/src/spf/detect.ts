/**
 * RFC 7208 §4.5: an SPF record is a TXT record whose text begins with `v=spf1`
 * (case-insensitive) followed by a space or the end of the record.
 */
export function looksLikeSpf(text: string): boolean {
  if (text.length < 6) return false;
  if (text.slice(0, 6).toLowerCase() !== 'v=spf1') return false;
  return text.length === 6 || text.charCodeAt(6) === 0x20;
}

/** An SPF record text that authorises no host: `v=spf1 -all` (or ~all, ?all, or nothing) alone. */
const SENDS_NOTHING = /^v=spf1(?:\s+[-~?]all)?\s*$/i;

/** Whether an SPF record's text says the name sends no mail (M3AAWG's parked-domain record). */
export function sendsNoMail(text: string): boolean {
  return SENDS_NOTHING.test(text);
}
