/** Shared helpers for the RDATA tests: tokens from an RDATA text, and parsing one record. */
import type { Token } from '../../../server/src/zone/ast';
import { parseRdata, typeCode } from '../../../server/src/zone/rdata/index';
import { tokenize } from './zone-lines';

export const ORIGIN = 'example.';

/** Tokens of an RDATA text written as in a zone file (offsets into `text`). */
export function tokens(text: string): Token[] {
  return tokenize(text).flatMap((r) => r.tokens);
}

export function parse(type: string, text: string, origin = ORIGIN): ReturnType<typeof parseRdata> {
  const code = typeCode(type);
  if (code === undefined) throw new Error(`unknown type ${type}`);
  return parseRdata(code, tokens(text), { origin });
}

/** The source text a problem points at. */
export function under(text: string, p: { offset: number; length: number }): string {
  return text.slice(p.offset, p.offset + p.length);
}
