/**
 * Characters that look like master-file syntax (RFC 1035 §5.1: blanks, `"`, `(`, `)`, `;`)
 * and are not: a full-width space typed in a Japanese input method, a no-break space or
 * curly quotes pasted from a web page or a word processor. Outside a quoted string BIND
 * reads them as part of the name or value around them (`www　IN` is one owner name), so
 * the record loads with other data than the one meant.
 */

export type LookalikeKind = 'space' | 'invisible' | 'quote' | 'open' | 'close' | 'semicolon';

/** What a lookalike stands for, or undefined for any other character. */
export function lookalikeKind(code: number): LookalikeKind | undefined {
  if (code < 0xa0) return undefined;
  if (code === 0x00a0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) return 'space';
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return 'invisible';
  if ((code >= 0x201c && code <= 0x201f) || code === 0x2033 || code === 0xff02 || (code >= 0x301d && code <= 0x301f)) return 'quote';
  if (code === 0xff08) return 'open';
  if (code === 0xff09) return 'close';
  if (code === 0xff1b) return 'semicolon';
  return undefined;
}

/** The ASCII text a lookalike was meant to be: a space, `"`, `(`, `)`, `;`, or nothing for an invisible one. */
export const LOOKALIKE_ASCII: Readonly<Record<LookalikeKind, string>> = {
  space: ' ',
  invisible: '',
  quote: '"',
  open: '(',
  close: ')',
  semicolon: ';',
};

/** A code point as Unicode writes it after `U+`: four hex digits at least, upper case. */
export function codePointHex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** The character's name, as a detail key of zone/codes.ts. */
export function lookalikeNameDetail(code: number, kind: LookalikeKind): string {
  switch (kind) {
    case 'space':
      return code === 0x3000 ? 'char-fullwidth-space' : code === 0x00a0 ? 'char-no-break-space' : 'char-typographic-space';
    case 'invisible':
      return 'char-invisible';
    case 'quote':
      return code === 0xff02 ? 'char-fullwidth-quote' : 'char-curly-quote';
    case 'semicolon':
      return 'char-fullwidth-semicolon';
    default:
      return 'char-fullwidth-paren';
  }
}

/**
 * What a run of octets (a string of char codes below 256, as TXT data is kept) is when it
 * is UTF-8 made only of look-alike blanks and invisible characters: a blank (kind 'space',
 * the first such code point) when it holds one, else invisible characters alone. Undefined
 * for anything else.
 */
export function blankFromOctets(octets: string): { kind: 'space' | 'invisible'; code: number } | undefined {
  const bytes = new Uint8Array(octets.length);
  for (let i = 0; i < octets.length; i++) {
    const c = octets.charCodeAt(i);
    if (c > 0xff) return undefined;
    bytes[i] = c;
  }
  const chars = [...new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes)];
  if (chars.length === 0) return undefined;
  let space: number | undefined;
  for (const ch of chars) {
    const code = ch.codePointAt(0)!;
    const kind = lookalikeKind(code);
    if (kind === 'space') space ??= code;
    else if (kind !== 'invisible') return undefined;
  }
  return space !== undefined ? { kind: 'space', code: space } : { kind: 'invisible', code: chars[0].codePointAt(0)! };
}

/** Whether octets (char codes below 256) hold a run of non-ASCII octets that is a look-alike blank. */
export function holdsLookalikeBlank(octets: string): boolean {
  for (let i = 0; i < octets.length; i++) {
    if (octets.charCodeAt(i) < 0x80) continue;
    let j = i + 1;
    while (j < octets.length && octets.charCodeAt(j) >= 0x80) j++;
    if (blankFromOctets(octets.slice(i, j)) !== undefined) return true;
    i = j;
  }
  return false;
}

/**
 * The ASCII a run of octets (UTF-8, as TXT data is kept) was typed as, when every character
 * is a full-width form of an ASCII one (U+FF01–U+FF5E: `ｉｎｃｌｕｄｅ`, `～all`, `＋ａ`)
 * or the wave dash a Japanese input method gives for `~` (U+301C); undefined otherwise.
 */
export function halfWidthFromOctets(octets: string): string | undefined {
  if (/[^\x00-\xff]/.test(octets)) return undefined;
  const chars = [...Buffer.from(octets, 'latin1').toString('utf8')];
  if (chars.length === 0) return undefined;
  let out = '';
  for (const ch of chars) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x301c) out += '~';
    else return undefined;
  }
  return out;
}

/**
 * The run of non-ASCII octets around octet `at` of `octets`, when it is full-width text
 * (halfWidthFromOctets): where it is and the ASCII it stands for.
 */
export function halfWidthRunAt(octets: string, at: number): { from: number; to: number; ascii: string } | undefined {
  if (at < 0 || at >= octets.length || octets.charCodeAt(at) < 0x80) return undefined;
  let from = at;
  while (from > 0 && octets.charCodeAt(from - 1) >= 0x80) from--;
  let to = at + 1;
  while (to < octets.length && octets.charCodeAt(to) >= 0x80) to++;
  const ascii = halfWidthFromOctets(octets.slice(from, to));
  return ascii === undefined ? undefined : { from, to, ascii };
}

/**
 * The first run of full-width text (halfWidthRunAt) in `octets`, reading each run of
 * non-ASCII octets once; undefined when there is none.
 */
export function firstFullWidthRun(octets: string): { from: number; to: number; ascii: string } | undefined {
  for (let i = 0; i < octets.length; i++) {
    if (octets.charCodeAt(i) < 0x80) continue;
    const run = halfWidthRunAt(octets, i);
    if (run !== undefined) return run;
    while (i + 1 < octets.length && octets.charCodeAt(i + 1) >= 0x80) i++;
  }
  return undefined;
}

/** Whether `octets` hold a run of full-width text anywhere. */
export function holdsFullWidth(octets: string): boolean {
  return firstFullWidthRun(octets) !== undefined;
}
