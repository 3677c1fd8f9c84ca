/**
 * The zone facade: parse a zone text or file into a Zone (records, directives,
 * comments, problems), never throwing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../diagnostics/types';
import type { ResourceRecord, Zone } from './ast';
import { checkCdsConsistency } from './checks/cdsConsistency';
import { checkCnameAndOtherData } from './checks/cnameAndOtherData';
import { checkMultipleSoa } from './checks/multipleSoa';
import { checkNsec3Owners } from './checks/nsec3Owner';
import { checkObsoleteTypes } from './checks/obsoleteType';
import { checkSingletonTypes } from './checks/singletonType';
import { ZoneCodes } from './codes';
import { decodeZoneBytes } from './encoding';
import { isSubdomain, nameKey, parseName } from './names';
import { inferOrigin } from './origin';
import { type Source, ZoneParser } from './parser';

export type { Zone, ResourceRecord, Rdata, CharString, Token, Span, Directive } from './ast';
export { inferOrigin } from './origin';
export { printZone, printRecord } from './printer';

export interface ParseOptions {
  /** The initial origin, absolute (`example.com.`); inferred when absent (see inferOrigin). */
  readonly origin?: string;
  /** Path of the document, for resolving $INCLUDE and inferring the origin from the name. */
  readonly path?: string;
  /** Reads an $INCLUDE target; undefined means the file does not exist. Defaults to fs. */
  readonly readFile?: (absolutePath: string) => string | undefined;
  /** Whether $INCLUDE may read this path (workspace-trust policy). Defaults to allow. */
  readonly allowInclude?: (absolutePath: string) => boolean;
  /** The default TTL before any $TTL or SOA, as BIND's. */
  readonly defaultTtl?: number;
  /** Bounds on the work one parse may do (hostile zones); defaults in ZONE_LIMITS. */
  readonly limits?: Partial<ZoneLimits>;
}

export interface ZoneLimits {
  /** Records all $GENERATE directives of one parse may make together. */
  readonly generatedRecords: number;
  /** $INCLUDE files one parse may read, counting every read (a file included twice counts twice). */
  readonly includeReads: number;
}

export const ZONE_LIMITS: ZoneLimits = { generatedRecords: 1 << 20, includeReads: 1000 };

/** Largest file read for $INCLUDE: far above any real zone, far below exhausting memory. */
const MAX_INCLUDE_BYTES = 512 * 1024 * 1024;

/**
 * Reads an $INCLUDE target from disk: regular files only, opened without blocking,
 * so a FIFO, a device such as /dev/zero or a folder is "cannot be read", never a hang.
 */
export function readFromDisk(absolutePath: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(absolutePath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > MAX_INCLUDE_BYTES) return undefined;
    return decodeZoneBytes(fs.readFileSync(fd));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** An origin option as an absolute name (a missing trailing dot is added). */
function absoluteOrigin(origin: string): string | undefined {
  const r = parseName(origin.endsWith('.') ? origin : origin + '.', '.');
  return r.ok ? r.name : undefined;
}

/**
 * The checks the loader makes on the records it read (BIND rejects or warns while
 * loading), reported with the parse's problems in `zone.problems`. Those of the zone's
 * data only over the records at or below the origin: BIND ignores out-of-zone data before
 * them (two CNAMEs of a name outside the zone, or a second SOA there, load with warnings;
 * zone-out-of-zone says so). It refuses an obsolete type and a bad NSEC3 owner as it
 * reads each record, out-of-zone or not.
 */
export function loadChecks(all: readonly ResourceRecord[], origin: string): Problem[] {
  const records = inZone(all, origin);
  return onePerPlace([
    ...checkCnameAndOtherData(records),
    ...checkMultipleSoa(records),
    ...checkSingletonTypes(records),
    ...checkObsoleteTypes(all),
    ...checkNsec3Owners(all),
    ...checkCdsConsistency(records, origin),
  ]);
}

/**
 * The first problem at each place (file and offset), as the parser keeps one of its own:
 * among themselves only, so a load error stands beside a parse warning at the same place.
 */
function onePerPlace(problems: Problem[]): Problem[] {
  if (problems.length < 2) return problems;
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file ?? ''}\0${p.offset}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The records at or below `origin`: `records` itself when none is outside (the usual case). */
function inZone(records: readonly ResourceRecord[], origin: string): readonly ResourceRecord[] {
  if (origin === '.') return records;
  const apex = nameKey(origin);
  let out: ResourceRecord[] | undefined;
  // Records of one owner come in runs: the owner is tested once per run.
  let lastOwner: string | undefined;
  let inside = true;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.owner !== lastOwner) {
      lastOwner = r.owner;
      inside = isSubdomain(r.owner, apex);
    }
    if (inside) out?.push(r);
    else out ??= records.slice(0, i);
  }
  return out ?? records;
}

/** The origin a parse starts with: the option when given and valid, else inferred. */
export function startOrigin(text: string, options: ParseOptions): string | undefined {
  const given = options.origin === undefined ? undefined : absoluteOrigin(options.origin);
  return given ?? inferOrigin(text, options.path);
}

/** A parser set up as parseZoneText sets it up, and the main document's Source. */
export function newParser(origin: string | undefined, options: ParseOptions): { parser: ZoneParser; source: Source } {
  const docPath = options.path === undefined ? undefined : path.resolve(options.path);
  const parser = new ZoneParser(origin ?? '.', {
    origin: origin ?? '.',
    originKnown: origin !== undefined,
    defaultTtl: options.defaultTtl,
    readFile: options.readFile ?? readFromDisk,
    allowInclude: options.allowInclude ?? (() => true),
    limits: { ...ZONE_LIMITS, ...options.limits },
  });
  const source: Source = {
    file: undefined,
    dir: docPath === undefined ? process.cwd() : path.dirname(docPath),
    stack: docPath === undefined ? [] : [docPath],
  };
  return { parser, source };
}

/** Parses a zone text. Never throws: every problem is in `zone.problems`. */
export function parseZoneText(text: string, options: ParseOptions = {}): Zone {
  const origin = startOrigin(text, options);
  const { parser, source } = newParser(origin, options);
  try {
    parser.parseText(text, source);
  } catch (e) {
    // A bug in the parser must not take the editor down: report it where parsing stopped.
    parser.report(undefined, ZoneCodes.syntax.code, 0, 0, { detail: `internal error: ${String(e)}` });
  }
  // Nothing changes a parsed zone's records: frozen before the loader's checks, what they
  // make from them (the owner groups) is kept for the analysis that follows.
  Object.freeze(parser.records);
  try {
    parser.addLoadProblems(loadChecks(parser.records, origin ?? '.'));
  } catch (e) {
    parser.report(undefined, ZoneCodes.syntax.code, 0, 0, { detail: `internal error: ${String(e)}` });
  }
  return parser.result();
}

/** Reads and parses a zone file. An unreadable file throws (the CLI exits 2). */
export function parseZoneFile(filePath: string, options: Omit<ParseOptions, 'path'> = {}): Zone {
  let text: string;
  try {
    text = decodeZoneBytes(fs.readFileSync(filePath));
  } catch (e) {
    throw new Error(`cannot read ${filePath}: ${(e as Error).message}`);
  }
  return parseZoneText(text, { ...options, path: filePath });
}
