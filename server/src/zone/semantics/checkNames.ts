/**
 * zone-check-names — names that break the host-name rules, as a hint.
 *
 * RFC 952 / RFC 1123 §2.1: a host name is labels of letters, digits and hyphens, each
 * starting and ending with a letter or digit. BIND's `check-names` (named-checkzone -k)
 * applies it to the owners of A, AAAA, A6, WKS and MX records ("bad owner name
 * (check-names)", a leading `*` label allowed) and to the host names in RDATA ("bad name
 * (check-names)"): MX exchanges, NS targets, the SOA's MNAME, SRV, AFSDB, RT and DSYNC
 * targets, A6 prefix names, and SVCB/HTTPS targets in ServiceMode. Mailboxes (the SOA's
 * RNAME, RP's and MINFO's, and the owners of MB and MG records) may have any printable
 * first label, the rest a host name. Records made by $GENERATE are not checked (BIND does
 * not check them). A name in UTF-8 (written in Unicode, or as escapes that spell it) is
 * left to zone-unicode-name. Underscore labels (`_dmarc`) are not host names: they are
 * fine for TXT or SRV owners, which BIND does not check. Knot rejects only some of these names ("owner is invalid"), so this stays a hint.
 * Targets written as IP addresses are left to zone-mx-address / zone-ns-address.
 */
import { isUtf8 } from 'node:buffer';
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord, Span } from '../ast';
import { recordsOfType, recordsOfTypes } from '../checks/owners';
import { decodeName } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, nameField, ownerSpan, problem } from './context';
import { writtenAddress } from './targetAddress';
import { MX_TARGET, NS_TARGET, targetsOf, writtenToken } from './targets';

/** A, AAAA, MX, A6 and WKS by type code. */
const HOST_OWNER_TYPES = [1, 28, 15, 38, 11];

/** MB and MG: owned by mailboxes. */
const MAILBOX_OWNER_TYPES = [7, 8];

/** A name in RDATA that BIND's check-names reads (dns_rdata_checknames), beyond MX and NS targets. */
interface NameField {
  readonly typeCode: number;
  readonly field: string;
  /** The RDATA token the name is written as; -1 for the last. */
  readonly tokenIndex: number;
  /** A mailbox (RFC 1035 §8): the first label is the local part, any printable ASCII. */
  readonly mailbox?: boolean;
}

const NAME_FIELDS: readonly NameField[] = [
  { typeCode: 6, field: 'mname', tokenIndex: 0 },
  { typeCode: 6, field: 'rname', tokenIndex: 1, mailbox: true },
  { typeCode: 14, field: 'rmailbx', tokenIndex: 0, mailbox: true },
  { typeCode: 14, field: 'emailbx', tokenIndex: 1, mailbox: true },
  { typeCode: 17, field: 'mbox', tokenIndex: 0, mailbox: true },
  { typeCode: 18, field: 'hostname', tokenIndex: 1 },
  { typeCode: 21, field: 'host', tokenIndex: 1 },
  { typeCode: 33, field: 'target', tokenIndex: 3 },
  { typeCode: 38, field: 'prefixName', tokenIndex: -1 },
  // SVCB and HTTPS in ServiceMode only (priority above 0): an AliasMode target is an alias.
  { typeCode: 64, field: 'target', tokenIndex: 1 },
  { typeCode: 65, field: 'target', tokenIndex: 1 },
  { typeCode: 66, field: 'target', tokenIndex: 3 },
];

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** BIND's dns_name_ishostname on a presentation-form name. */
export function isHostName(name: string, allowWildcard: boolean): boolean {
  if (!name.includes('\\')) return isPlainHostName(name, allowWildcard);
  const decoded = decodeName(name);
  if (!decoded.ok) return false;
  const labels = allowWildcard && decoded.labels[0] === '*' ? decoded.labels.slice(1) : decoded.labels;
  return labels.every(isHostLabel);
}

/** A label (its octets) of a host name: letters, digits, and hyphens inside. */
function isHostLabel(label: string): boolean {
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    const border = i === 0 || i === label.length - 1;
    if (!isAlnum(c) && (border || c !== 0x2d)) return false;
  }
  return true;
}

/** BIND's dns_name_ismailbox: a first label of printable ASCII but the space, the rest a host name. */
export function isMailbox(name: string): boolean {
  const decoded = decodeName(name);
  if (!decoded.ok) return false;
  const [first, ...rest] = decoded.labels;
  if (first === undefined) return true;
  for (let i = 0; i < first.length; i++) {
    const c = first.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return rest.every(isHostLabel);
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
    if (r.generated) continue;
    if (r.owner !== lastOwner) {
      lastOwner = r.owner;
      hostOwner = isHostName(r.owner, true) || isUtf8Name(r.owner);
    }
    if (!hostOwner) report(r, ownerSpan(r), r.owner);
  }
  for (const r of recordsOfTypes(ctx.all, MAILBOX_OWNER_TYPES)) {
    if (!r.generated && !isMailbox(r.owner) && !isUtf8Name(r.owner)) report(r, ownerSpan(r), r.owner);
  }
  for (const targets of [targetsOf(ctx.all, MX_TARGET), targetsOf(ctx.all, NS_TARGET)]) {
    for (const t of targets) {
      // The name first: the token is read again from the source, and only a name that
      // breaks the rules needs it (to skip an address, or to place the diagnostic).
      if (isHostName(t.name, false) || isUtf8Name(t.name) || t.record.generated) continue;
      if (t.token && writtenAddress(t.token.text) !== undefined) continue;
      report(t.record, t.token ?? t.record.span, t.name);
    }
  }
  for (const f of NAME_FIELDS) {
    for (const r of recordsOfType(ctx.all, f.typeCode)) {
      const name = nameField(r, f.field);
      if (name === undefined || r.generated) continue;
      if ((f.mailbox ? isMailbox(name) : isHostName(name, false)) || isUtf8Name(name)) continue;
      if ((f.typeCode === 64 || f.typeCode === 65) && r.rdata.fields['priority'] === 0) continue;
      report(r, writtenToken(r, f.tokenIndex < 0 ? r.tokens.length - 1 : f.tokenIndex) ?? r.span, name);
    }
  }
  return out;
}
