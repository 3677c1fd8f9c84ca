/**
 * zone-check-names — names that break the host-name rules, as a hint.
 *
 * RFC 952 / RFC 1123 §2.1: a host name is labels of letters, digits and hyphens, each
 * starting and ending with a letter or digit. BIND's `check-names` (named-checkzone -k)
 * applies it to the owners of A, AAAA and MX records ("bad owner name (check-names)",
 * a leading `*` label allowed) and to MX exchanges and NS targets ("bad name
 * (check-names)"). A name in UTF-8 (written in Unicode, or as escapes that spell it) is
 * left to zone-unicode-name. Underscore labels (`_dmarc`) are not host names: they are fine for
 * TXT or SRV owners, which BIND does not check. Knot rejects only some of these names
 * ("owner is invalid"), so this stays a hint. Targets written as IP addresses are left
 * to zone-mx-address / zone-ns-address.
 */
import { isUtf8 } from 'node:buffer';
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord, Span } from '../ast';
import { recordsOfTypes } from '../checks/owners';
import { decodeName } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, ownerSpan, problem } from './context';
import { writtenAddress } from './targetAddress';
import { MX_TARGET, NS_TARGET, targetsOf } from './targets';

/** A, AAAA and MX by type code. */
const HOST_OWNER_TYPES = [1, 28, 15];

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** BIND's dns_name_ishostname on a presentation-form name. */
export function isHostName(name: string, allowWildcard: boolean): boolean {
  if (!name.includes('\\')) return isPlainHostName(name, allowWildcard);
  const decoded = decodeName(name);
  if (!decoded.ok) return false;
  const labels = allowWildcard && decoded.labels[0] === '*' ? decoded.labels.slice(1) : decoded.labels;
  return labels.every((label) => {
    for (let i = 0; i < label.length; i++) {
      const c = label.charCodeAt(i);
      const border = i === 0 || i === label.length - 1;
      if (!isAlnum(c) && (border || c !== 0x2d)) return false;
    }
    return true;
  });
}

/** isHostName for a name without escapes: its labels are its text between dots. */
function isPlainHostName(name: string, allowWildcard: boolean): boolean {
  let start = allowWildcard && name.startsWith('*.') ? 2 : 0;
  if (name === '.' || (allowWildcard && name === '*.')) return true;
  while (start < name.length) {
    let end = name.indexOf('.', start);
    if (end < 0) end = name.length;
    if (end === start) return false;
    for (let i = start; i < end; i++) {
      const c = name.charCodeAt(i);
      if (!isAlnum(c) && (i === start || i === end - 1 || c !== 0x2d)) return false;
    }
    start = end + 1;
  }
  return true;
}

/**
 * A name with a label of UTF-8 text (`\227\130\183…`): a name written in Unicode or with
 * escapes that spell it, which zone-unicode-name reports with the ASCII form to write
 * instead (one diagnostic, not two).
 */
function isUtf8Name(name: string): boolean {
  if (!name.includes('\\')) return false;
  const decoded = decodeName(name);
  return decoded.ok && decoded.labels.some((label) => /[\x80-\xff]/.test(label) && isUnicodeText(Buffer.from(label, 'latin1')));
}

/** UTF-8 without U+FFFD (what a lone surrogate of an editor's text is written as). */
function isUnicodeText(octets: Buffer): boolean {
  return isUtf8(octets) && !octets.toString('utf8').includes('\uFFFD');
}

export function checkCheckNames(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  const reported = new Set<string>();
  const report = (record: ResourceRecord, span: Span, name: string): void => {
    const key = `${record.file ?? ''}:${span.offset}`;
    if (reported.has(key)) return;
    reported.add(key);
    out.push(problem(SemanticsCodes.checkNames, record, span, { name }));
  };
  // Records of one owner come in runs: the owner is tested once per run.
  let lastOwner: string | undefined;
  let hostOwner = true;
  for (const r of recordsOfTypes(ctx.all, HOST_OWNER_TYPES)) {
    if (r.owner !== lastOwner) {
      lastOwner = r.owner;
      hostOwner = isHostName(r.owner, true) || isUtf8Name(r.owner);
    }
    if (!hostOwner) report(r, ownerSpan(r), r.owner);
  }
  for (const targets of [targetsOf(ctx.all, MX_TARGET), targetsOf(ctx.all, NS_TARGET)]) {
    for (const t of targets) {
      // The name first: the token is read again from the source, and only a name that
      // breaks the rules needs it (to skip an address, or to place the diagnostic).
      if (isHostName(t.name, false) || isUtf8Name(t.name)) continue;
      if (t.token && writtenAddress(t.token.text) !== undefined) continue;
      report(t.record, t.token ?? t.record.span, t.name);
    }
  }
  return out;
}
