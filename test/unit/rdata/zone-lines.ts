/**
 * A minimal master-file reader for the RDATA tests only: comments, parentheses,
 * quoted strings, $ORIGIN/$TTL, inherited owners. The real scanner lives in zone/.
 */
import type { Token } from '../../../server/src/zone/ast';
import { parseName } from '../../../server/src/zone/names';
import { typeCode } from '../../../server/src/zone/rdata/types';

export interface LineRecord {
  readonly owner: string;
  readonly type: number;
  readonly tokens: Token[];
  readonly origin: string;
  readonly line: number;
}

/** Splits `text` into tokens; each logical record is one array (parentheses joined). */
export function tokenize(text: string): { tokens: Token[]; startsIndented: boolean; line: number }[] {
  const out: { tokens: Token[]; startsIndented: boolean; line: number }[] = [];
  let cur: Token[] = [];
  let depth = 0;
  let startsIndented = false;
  let line = 1;
  let recLine = 1;
  let atLineStart = true;
  let i = 0;
  const flush = (): void => {
    if (cur.length) out.push({ tokens: cur, startsIndented, line: recLine });
    cur = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      if (depth === 0) flush();
      atLineStart = true;
      i++;
      continue;
    }
    if (atLineStart && depth === 0) {
      startsIndented = ch === ' ' || ch === '\t';
      recLine = line;
    }
    atLineStart = false;
    if (ch === ' ' || ch === '\t' || ch === '\r') i++;
    else if (ch === ';') while (i < text.length && text[i] !== '\n') i++;
    else if (ch === '(') (depth++, i++);
    else if (ch === ')') (depth--, i++);
    else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') j++;
        if (text[j] === '\n') line++;
        j++;
      }
      cur.push({ text: text.slice(i + 1, j), offset: i, length: j + 1 - i, quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !' \t\r\n;()"'.includes(text[j])) {
        j += text[j] === '\\' && j + 1 < text.length && text[j + 1] !== '\n' ? 2 : 1;
      }
      cur.push({ text: text.slice(i, j), offset: i, length: j - i, quoted: false });
      i = j;
    }
  }
  flush();
  return out;
}

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS', 'ANY']);

/** The records of a zone text, with their RDATA tokens. */
export function readRecords(text: string, origin: string): LineRecord[] {
  const out: LineRecord[] = [];
  let owner = origin;
  for (const { tokens, startsIndented, line } of tokenize(text)) {
    if (tokens[0].text === '$ORIGIN') {
      const n = parseName(tokens[1].text, origin);
      if (n.ok) origin = n.name;
      continue;
    }
    if (tokens[0].text.startsWith('$')) continue;
    let i = 0;
    if (!startsIndented) {
      const n = parseName(tokens[0].text, origin);
      owner = n.ok ? n.name : owner;
      i = 1;
    }
    for (;;) {
      const t = tokens[i]?.text ?? '';
      if (/^[0-9]+[0-9smhdwSMHDW]*$/.test(t) || /^CLASS[0-9]+$/i.test(t) || CLASSES.has(t.toUpperCase())) i++;
      else break;
    }
    const type = typeCode(tokens[i]?.text ?? '');
    if (type === undefined) throw new Error(`line ${line}: no type in ${tokens.map((t) => t.text).join(' ')}`);
    out.push({ owner, type, tokens: tokens.slice(i + 1), origin, line });
  }
  return out;
}

/** Removes whitespace outside quotes, as the canonical comparison does. */
export function squeeze(s: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && i + 1 < s.length) {
      out += ch + s[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) continue;
    out += ch;
  }
  return out;
}

/** `owner type rdata` keys of a `.canon` file (owner lower-cased, whitespace squeezed). */
export function canonKeys(canon: string): Set<string> {
  const keys = new Set<string>();
  for (const line of canon.split('\n')) {
    const m = /^(\S+)\s+[0-9]+\s+\S+\s+(\S+)\s*(.*)$/.exec(line);
    if (m) keys.add(`${m[1].toLowerCase()} ${m[2]} ${squeeze(m[3])}`);
  }
  return keys;
}
