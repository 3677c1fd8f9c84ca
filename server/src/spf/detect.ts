/**
 * RFC 7208 §4.5: an SPF record is a TXT record whose text begins with `v=spf1`
 * (case-insensitive) followed by a space or the end of the record.
 */
export function looksLikeSpf(text: string): boolean {
  if (text.length < 6) return false;
  if (text.slice(0, 6).toLowerCase() !== 'v=spf1') return false;
  return text.length === 6 || text.charCodeAt(6) === 0x20;
}
