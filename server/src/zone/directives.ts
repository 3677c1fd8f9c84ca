/**
 * Master-file directives (RFC 1035 §5.1 `$ORIGIN`, `$INCLUDE`; RFC 2308 §4 `$TTL`;
 * BIND's `$GENERATE` and `$DATE`). Names are matched case-insensitively, as BIND does.
 */
import * as path from 'node:path';
import type { DirectiveName, Token } from './ast';
import { ZoneCodes } from './codes';
import { generate } from './generate';
import type { Source, ZoneParser } from './parser';

/** BIND has no include-depth limit of its own; this one keeps a bad tree finite. */
const MAX_INCLUDE_DEPTH = 32;

/** Parsers that have read a valid $DATE. */
const dated = new WeakSet<ZoneParser>();

/**
 * `atEof`: the directive's line ends the text without a line break. BIND 9.18 then reads
 * the end of the file where it wants the end of the line ("extra input text") and refuses
 * the zone, for every directive but an $INCLUDE without an origin.
 */
export function handleDirective(p: ZoneParser, toks: readonly Token[], source: Source, atEof = false): void {
  const head = toks[0];
  const name = head.text.toUpperCase();
  if (name !== '$ORIGIN' && name !== '$TTL' && name !== '$INCLUDE' && name !== '$GENERATE' && name !== '$DATE') {
    p.report(source, ZoneCodes.syntax.code, head.offset, head.length, { detail: 'unknown-directive', directive: head.text });
    return;
  }
  const last = toks[toks.length - 1];
  p.directives.push({
    name: name as DirectiveName,
    nameSpan: { offset: head.offset, length: head.length },
    args: toks.slice(1),
    span: { offset: head.offset, length: last.offset + last.length - head.offset },
    file: source.file,
  });
  if (atEof && !(name === '$INCLUDE' && toks.length < 3)) {
    p.report(source, ZoneCodes.syntax.code, head.offset, head.length, { detail: 'directive-at-eof', directive: name });
  }
  if (name === '$GENERATE') {
    generate(p, toks, source);
    return;
  }
  const arg = toks[1];
  if (arg === undefined) {
    p.report(source, ZoneCodes.syntax.code, head.offset, head.length, { detail: 'missing-argument', directive: name });
    return;
  }
  const maxArgs = name === '$INCLUDE' ? 3 : 2;
  if (toks.length > maxArgs) {
    const extra = toks[maxArgs];
    p.report(source, ZoneCodes.syntax.code, extra.offset, extra.length, { detail: 'extra-text' });
    return;
  }
  switch (name) {
    case '$ORIGIN': {
      const origin = p.name(arg, source);
      if (origin === undefined) return;
      p.setOrigin(origin);
      p.originKnown = true;
      p.ownerAfterOrigin = true;
      return;
    }
    case '$TTL': {
      const ttl = p.ttlValue(arg, source);
      if (ttl === undefined) return;
      p.ttl = p.defaultTtl = ttl;
      p.defaultTtlKnown = true;
      return;
    }
    case '$DATE':
      // BIND reads a YYYYMMDDHHMMSS time (the "now" for signature checks) and nothing else.
      if (arg.quoted || !/^[0-9]{14}$/.test(arg.text)) {
        p.report(source, ZoneCodes.syntax.code, arg.offset, arg.length, { detail: 'bad-date' });
      } else dated.add(p);
      return;
    default:
      // BIND 9.18: "$INCLUDE may not be used with $DATE" once a $DATE was read, anywhere.
      if (dated.has(p)) {
        p.report(source, ZoneCodes.syntax.code, head.offset, head.length, { detail: 'include-after-date' });
        return;
      }
      include(p, arg, toks[2], source);
  }
}

function include(p: ZoneParser, fileTok: Token, originTok: Token | undefined, source: Source): void {
  // BIND takes the name as written: `\X` escapes are not decoded in file names.
  const file = fileTok.text;
  const target = path.resolve(source.dir, file);
  const problem = (code: string, detail?: string, severity?: 'information'): void =>
    p.report(source, code, fileTok.offset, fileTok.length, detail ? { file, detail } : { file }, severity);
  if (source.stack.includes(target)) return problem(ZoneCodes.includeCycle.code);
  if (source.stack.length >= MAX_INCLUDE_DEPTH) return problem(ZoneCodes.includeNotFound.code, 'include-too-deep');
  if (!p.options.allowInclude(target)) {
    return problem(ZoneCodes.includeNotFound.code, 'include-disallowed', 'information');
  }
  if (++p.includeReads > p.options.limits.includeReads) {
    return problem(ZoneCodes.includeNotFound.code, 'include-too-many');
  }
  let text: string | undefined;
  try {
    text = p.options.readFile(target);
  } catch {
    text = undefined;
  }
  if (text === undefined) return problem(ZoneCodes.includeNotFound.code, 'not-found');
  let origin = p.origin;
  if (originTok !== undefined) {
    const o = p.name(originTok, source);
    if (o === undefined) return;
    origin = o;
  }
  if (!p.includes.includes(target)) p.includes.push(target);
  const saved = { origin: p.origin, owner: p.lastOwner };
  p.setOrigin(origin);
  p.ownerAfterOrigin = originTok !== undefined;
  p.parseText(text, { file: target, dir: path.dirname(target), stack: [...source.stack, target] });
  p.setOrigin(saved.origin);
  p.lastOwner = saved.owner;
  p.ownerAfterOrigin = false;
}
