/**
 * Text the CLI prints for a terminal, with the characters that drive the terminal shown as
 * escapes: a zone file or a DNS answer (an SPF `exp=` text, a TXT record in a trace) could
 * otherwise move the cursor, recolour or retitle the terminal, or hide part of a line
 * (carriage return, bidirectional overrides). C0 controls but tab and newline, DEL and C1
 * become `\DDD` as in zone files; the bidirectional embedding, override and isolate
 * controls `\u{XXXX}`. Printable text, Japanese included, is left as it is. The JSON and
 * SARIF reports need none of this: JSON escapes every control character itself.
 */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const ANY_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? '\\' + String(code).padStart(3, '0') : `\\u{${code.toString(16).toUpperCase()}}`;
}

/** `text` with every terminal control but tab and newline escaped. */
export function forTerminal(text: string): string {
  return ANY_CONTROL.test(text) ? text.replace(CONTROL, escape) : text;
}
