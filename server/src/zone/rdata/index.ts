/**
 * RDATA of every type BIND 9.18 knows: presentation form → wire octets → canonical
 * text (as `named-checkzone -D` prints it) and typed fields. RFC 3597 `\# len hex` is
 * accepted for any type and, for known types, printed in the type's own form.
 */
import type { Problem } from '../../diagnostics/types';
import type { CharString, Rdata, Token } from '../ast';
import { addressCodecs } from './address';
import { basicCodecs } from './basic';
import type { Codec, Decoded } from './codec';
import { TextCursor, type RdataContext } from './cursor';
import { MAX_RDLENGTH, fastRdata } from './fast';
import { decodeHex, readUint } from './fields';
import { dnssecCodecs } from './dnssec';
import { loc } from './loc';
import { miscCodecs } from './misc';
import { nameCodecs } from './names';
import { svcb } from './svcb';
import { txtCodecs } from './txt';
import { typeCode, typeName } from './types';
import { WireReader, WireWriter, binary, hexUpper } from './wire';

export type { RdataContext } from './cursor';
export { typeCode, typeName, isMetaType, isKnownType, isObsoleteType } from './types';

const CODECS = new Map<number, Codec>();
const OTHERS: ReadonlyArray<readonly [string, Codec]> = [
  ['LOC', loc],
  ['SVCB', svcb],
  ['HTTPS', svcb],
];
for (const table of [nameCodecs, addressCodecs, basicCodecs, txtCodecs, dnssecCodecs, miscCodecs, OTHERS]) {
  for (const [mnemonic, codec] of table) {
    const code = typeCode(mnemonic);
    if (code !== undefined) CODECS.set(code, codec);
  }
}

/** Types whose character-strings are exposed as `Rdata.strings`. */
const STRING_TYPES = new Set(['TXT', 'SPF', 'NINFO', 'AVC', 'RESINFO', 'WALLET', 'HINFO', 'X25', 'ISDN', 'GPOS']);

export function parseRdata(
  code: number,
  tokens: readonly Token[],
  ctx: RdataContext,
): { rdata: Rdata; problems: Problem[] } {
  if (tokens.length > MAX_RDLENGTH && STRING_TYPES.has(typeName(code)) && tokens[0].text !== '\\#') {
    // Each character-string is at least one octet: too long without decoding a million of them.
    const c = new TextCursor(tokens, ctx, typeName(code));
    reportTooLong(c, tokens);
    return { rdata: fallback(tokens, []), problems: c.problems };
  }
  const fast = fastRdata(code, tokens, ctx.origin);
  return fast ? { rdata: fast, problems: [] } : parseRdataFull(code, tokens, ctx);
}

/** BIND: "ran out of space". */
function reportTooLong(c: TextCursor, tokens: readonly Token[]): void {
  c.report({ offset: tokens[0].offset, length: lastEnd(tokens) - tokens[0].offset }, 'rdata-wire-too-long');
}

/** parseRdata without the fast paths: the reference the fast paths are tested against. */
export function parseRdataFull(
  code: number,
  tokens: readonly Token[],
  ctx: RdataContext,
): { rdata: Rdata; problems: Problem[] } {
  const mnemonic = typeName(code);
  const c = new TextCursor(tokens, ctx, mnemonic);
  const codec = CODECS.get(code);
  const first = tokens[0];
  if (first && !first.quoted && first.text === '\\#') return parseGeneric(c, code, codec);
  if (!codec) {
    c.report(first ?? { offset: ctx.at ?? 0, length: 0 }, 'rdata-unknown-type');
    return { rdata: fallback(tokens, c.strings), problems: c.problems };
  }
  const w = new WireWriter(MAX_RDLENGTH);
  codec.fromText(c, w);
  if (!c.hasErrors && !c.atEnd()) reportExtra(c);
  if (!c.hasErrors && w.length > MAX_RDLENGTH) reportTooLong(c, tokens);
  if (c.hasErrors) return { rdata: fallback(tokens, c.strings), problems: c.problems };
  const decoded = safeDecode(codec, w.toBytes());
  if (!decoded) return { rdata: fallback(tokens, c.strings), problems: c.problems };
  const rdata: Rdata =
    c.strings.length > 0 || STRING_TYPES.has(mnemonic)
      ? { canonical: decoded.text, fields: decoded.fields, strings: c.strings }
      : { canonical: decoded.text, fields: decoded.fields };
  return { rdata, problems: c.problems };
}

function reportExtra(c: TextCursor): void {
  const rest = c.rest();
  const last = rest[rest.length - 1];
  c.report({ offset: rest[0].offset, length: last.offset + last.length - rest[0].offset }, 'rdata-extra');
}

/** RFC 3597 §5: `\# length hex…`. */
function parseGeneric(
  c: TextCursor,
  code: number,
  codec: Codec | undefined,
): { rdata: Rdata; problems: Problem[] } {
  const tokens = c.tokens;
  c.next('\\#');
  const lenTok = c.word('length');
  const length = lenTok ? readUint(c, lenTok, 'length', 0xffff) : undefined;
  let octets: Uint8Array | undefined;
  if (length !== undefined) {
    const hexTokens = c.rest();
    const text = hexTokens.map((t) => t.text).join('');
    const span = hexTokens.length
      ? {
          offset: hexTokens[0].offset,
          length: hexTokens[hexTokens.length - 1].offset + hexTokens[hexTokens.length - 1].length - hexTokens[0].offset,
        }
      : { offset: c.endOffset(), length: 0 };
    octets = hexTokens.some((t) => t.quoted) ? undefined : decodeHex(text);
    if (!octets) c.report(span, 'rdata-hex', { field: 'data' });
    else if (octets.length !== length) {
      c.report(span, 'rdata-generic-length', {
        expected: length,
        actual: octets.length,
      });
      octets = undefined;
    }
  }
  if (!octets || c.hasErrors) return { rdata: fallback(tokens, []), problems: c.problems };
  const genericText = `\\# ${octets.length}${octets.length ? ' ' + hexUpper(octets) : ''}`;
  if (!codec) return { rdata: { canonical: genericText, fields: { data: octets } }, problems: c.problems };
  const decoded = safeDecode(codec, octets);
  if (!decoded) {
    c.report({ offset: tokens[0].offset, length: lastEnd(tokens) - tokens[0].offset }, 'rdata-generic-wire');
    return { rdata: fallback(tokens, []), problems: c.problems };
  }
  const strings = STRING_TYPES.has(typeName(code)) ? wireStrings(octets, tokens) : [];
  return { rdata: { canonical: decoded.text, fields: decoded.fields, strings }, problems: c.problems };
}

function lastEnd(tokens: readonly Token[]): number {
  const last = tokens[tokens.length - 1];
  return last.offset + last.length;
}

/** Strings of a `\#` record: their offsets all point at the hex data. */
function wireStrings(octets: Uint8Array, tokens: readonly Token[]): CharString[] {
  const r = new WireReader(octets);
  const hexStart = tokens[2] ?? tokens[0];
  const span = { offset: hexStart.offset, length: lastEnd(tokens) - hexStart.offset };
  const out: CharString[] = [];
  while (!r.atEnd()) {
    const len = r.u8() ?? 0;
    const value = binary(r.bytes(len) ?? new Uint8Array());
    out.push({ value, offsets: new Array<number>(value.length + 1).fill(span.offset), span, quoted: false });
  }
  return out;
}

function safeDecode(codec: Codec, octets: Uint8Array): Decoded | undefined {
  try {
    return codec.fromWire(new WireReader(octets));
  } catch {
    return undefined;
  }
}

/** What an invalid RDATA shows: its tokens as written. */
function fallback(tokens: readonly Token[], strings: CharString[]): Rdata {
  const canonical = tokens.map((t) => (t.quoted ? `"${t.text}"` : t.text)).join(' ');
  return { canonical, fields: {}, strings };
}
