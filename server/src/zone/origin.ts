/**
 * The zone origin when none is given (RFC 1035 §5.1: the origin is an input to the
 * parse): a leading `$ORIGIN`, else an absolute SOA owner, else the file name
 * (`db.example.com`, `example.com.zone`, `example.com.db`, `example.com`; a
 * trailing `.signed` is ignored).
 */
import * as path from 'node:path';
import { parseName } from './names';
import { emptyLine, Scanner } from './scanner';

/** How many logical lines to look at for a leading $ORIGIN or the SOA. */
const MAX_LINES = 200;

export function inferOrigin(text: string, filePath?: string): string | undefined {
  return fromText(text) ?? (filePath === undefined ? undefined : fromFileName(filePath));
}

function fromText(text: string): string | undefined {
  const scanner = new Scanner(text, () => undefined);
  const line = emptyLine();
  let first = true;
  for (let n = 0; n < MAX_LINES && scanner.next(line); n++) {
    const toks = line.tokens;
    if (toks.length === 0 || line.failed) continue;
    const head = toks[0].text;
    if (!line.blankOwner && head.charCodeAt(0) === 0x24 /* $ */) {
      const directive = head.toUpperCase();
      if (first && directive === '$ORIGIN' && toks.length === 2) return absolute(toks[1].text);
      if (directive === '$ORIGIN' || directive === '$INCLUDE') first = false;
      continue;
    }
    first = false;
    if (line.blankOwner || !head.endsWith('.') || head.endsWith('\\.')) continue;
    for (let i = 1; i < Math.min(toks.length, 4); i++) {
      if (!toks[i].quoted && toks[i].text.toUpperCase() === 'SOA') return absolute(head);
    }
  }
  return undefined;
}

function absolute(text: string): string | undefined {
  const r = parseName(text, '.');
  return r.ok ? r.name : undefined;
}

/** A file name that looks like a domain: at least two labels of letters, digits, `-`, `_`. */
const DOMAIN = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Last labels that are file extensions, not top-level domains. */
const NOT_A_TLD = new Set(['txt', 'conf', 'cfg', 'in', 'out', 'log', 'bak', 'old', 'orig', 'tmp', 'hosts', 'json', 'yaml', 'yml', 'jnl']);

function fromFileName(filePath: string): string | undefined {
  let base = path.basename(filePath.replace(/\\/g, '/')).replace(/\.signed$/i, '');
  if (/^db\./i.test(base)) base = base.slice(3);
  else if (/\.(zone|db)$/i.test(base)) base = base.replace(/\.(zone|db)$/i, '');
  if (!DOMAIN.test(base) || NOT_A_TLD.has(base.slice(base.lastIndexOf('.') + 1).toLowerCase())) return undefined;
  return base + '.';
}
