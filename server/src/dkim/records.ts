/**
 * The zone's TXT records seen as mail-policy texts: each record's strings joined
 * (RFC 6376 §3.6.2.2, RFC 9989 §4.7: the strings are concatenated) with the owner's
 * labels at hand, so rules can find `_dmarc`, `_domainkey`, `_mta-sts` names.
 */
import { isUtf8 } from 'node:buffer';
import type { Problem, ProblemArgs, Severity } from '../diagnostics/types';
import type { ResourceRecord, Span, Zone } from '../zone/ast';
import { octetOffset } from '../zone/charString';
import { recordsOfType } from '../zone/checks/owners';
import { splitLabels } from '../zone/names';
import { joinStrings, type JoinedText } from '../zone/txt';
import { ITEMS_PER_STEP, runSteps, type Steps } from '../steps';

export interface TxtRecord {
  readonly record: ResourceRecord;
  /** Absolute owner name, case as written. */
  readonly owner: string;
  /** The owner's labels, lower-cased (escapes kept). */
  readonly labels: readonly string[];
  readonly text: JoinedText;
}

/**
 * The TXT records of the zone last asked for, until the current synchronous run ends:
 * the DKIM, DMARC and mail-policy checks of one analysis share one list instead of
 * joining every TXT record three times. Dropped at the next microtask, so a later edit
 * (records moved by incremental parsing) is never served from it.
 */
let shared: { zone: Zone; records: readonly ResourceRecord[]; txts: readonly TxtRecord[] } | undefined;

const TXT = 16;

/** Every TXT record of the zone with its joined text, in zone order (shared: do not modify). */
export function txtRecords(zone: Zone): readonly TxtRecord[] {
  if (shared !== undefined && shared.zone === zone && shared.records === zone.records) return shared.txts;
  const txts = runSteps(readTxtRecords(recordsOfType(zone.records, TXT)));
  if (shared === undefined) queueMicrotask(() => (shared = undefined));
  shared = { zone, records: zone.records, txts };
  return txts;
}

/**
 * The TXT records whose owner name matches `owner`, joined as txtRecords joins them: a
 * check that reads a few names skips joining a large zone's other texts, and reads the
 * records in one pass rather than grouping them by type first. The test is on the name as
 * written; callers that need a label still check the labels.
 */
export function txtRecordsNamed(zone: Zone, owner: RegExp): Steps<TxtRecord[]> {
  return readTxtRecords(zone.records, owner);
}

function* readTxtRecords(records: readonly ResourceRecord[], owner?: RegExp): Steps<TxtRecord[]> {
  const out: TxtRecord[] = [];
  // Records of one owner come in runs: its name is tested and its labels split once per run.
  let lastOwner: string | undefined;
  let labels: readonly string[] = [];
  let wanted = true;
  for (let i = 0; i < records.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const record = records[i];
    if (record.typeCode !== TXT) continue;
    const strings = record.rdata.strings;
    if (!strings) continue;
    if (record.owner !== lastOwner) {
      lastOwner = record.owner;
      wanted = owner === undefined || owner.test(record.owner);
      if (wanted) labels = splitLabels(record.owner.toLowerCase());
    }
    if (wanted) out.push({ record, owner: record.owner, labels, text: joinStrings(strings, strings.length === 0 ? rdataAt(record) : 0) });
  }
  return out;
}

/** Where a record's RDATA starts, or would start when it has none: just after its type. */
function rdataAt(record: ResourceRecord): number {
  return record.typeSpan.offset + record.typeSpan.length;
}

/** The source span of the record's text: from the first string to the end of the last. */
export function textSpan(txt: TxtRecord): Span {
  const strings = txt.record.rdata.strings ?? [];
  if (strings.length === 0) return txt.record.typeSpan;
  const first = strings[0].span;
  const last = strings[strings.length - 1].span;
  return { offset: first.offset, length: last.offset + last.length - first.offset };
}

/** The span of the owner as written, or of the type when the owner was inherited. */
export function ownerSpan(record: ResourceRecord): Span {
  return record.ownerSpan ?? record.typeSpan;
}

export function problem(
  code: string,
  span: Span,
  args?: ProblemArgs,
  severity?: Severity,
  file?: string,
): Problem {
  const p: { -readonly [K in keyof Problem]: Problem[K] } = { code, offset: span.offset, length: span.length };
  if (args) p.args = args;
  if (severity) p.severity = severity;
  if (file) p.file = file;
  return p;
}

/** A problem over octets [from, to) of a record's text. */
export function problemIn(
  txt: TxtRecord,
  code: string,
  from: number,
  to: number,
  args?: ProblemArgs,
  severity?: Severity,
): Problem {
  return problem(code, octetSpan(txt, from, to), args, severity, txt.record.file);
}

/**
 * The source span of octets [from, to) of a record's text. Unlike a plain
 * "last octet + 1", the end is where the last octet's source text ends, so a range
 * ending in an escape such as `\059` covers all four characters.
 */
export function octetSpan(txt: TxtRecord, from: number, to: number): Span {
  const start = txt.text.spanOf(from, to);
  if (to <= from) return start;
  let base = 0;
  for (const s of txt.record.rdata.strings ?? []) {
    const i = to - 1 - base;
    if (i < s.value.length) {
      const end = octetOffset(s, i + 1);
      return end > start.offset ? { offset: start.offset, length: end - start.offset } : start;
    }
    base += s.value.length;
  }
  return start;
}

/** A problem over a whole record's text. */
export function problemOnText(txt: TxtRecord, code: string, args?: ProblemArgs, severity?: Severity): Problem {
  return problem(code, textSpan(txt), args, severity, txt.record.file);
}

/**
 * Shows octets in a message: printable ASCII as is, a character written in UTF-8 as that
 * character when it is visible (`；`, `ｒｅｊｅｃｔ`, `日本語`, not a blank, a control or an
 * invisible format character), the rest as `\DDD` like zone files do.
 */
export function printable(octets: string, max = 60): string {
  let out = '';
  for (let i = 0; i < octets.length && out.length < max; ) {
    const c = octets.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      out += octets[i++];
      continue;
    }
    const ch = visibleUtf8At(octets, i);
    if (ch !== undefined) {
      out += ch.text;
      i += ch.octets;
      continue;
    }
    out += '\\' + String(c).padStart(3, '0');
    i++;
  }
  return out.length >= max ? out.slice(0, max) + '…' : out;
}

/** Not shown as themselves: controls, format characters (bidi, zero-width), blanks, unassigned and private use. */
const HIDDEN = /[\p{C}\p{Z}]/u;

/** The visible character whose UTF-8 starts at octet `i`, and its length in octets. */
function visibleUtf8At(octets: string, i: number): { text: string; octets: number } | undefined {
  const lead = octets.charCodeAt(i);
  const n = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > octets.length) return undefined;
  const bytes = Buffer.from(octets.slice(i, i + n), 'latin1');
  if (!isUtf8(bytes)) return undefined;
  const text = bytes.toString('utf8');
  return HIDDEN.test(text) ? undefined : { text, octets: n };
}
