/**
 * The zone-semantics codes against BIND's and Knot's verdicts on the conformance
 * corpus (../shared/conformance/zones, see its README.md): where `named-checkzone`
 * (the .bind.log, strict pass) or `kzonecheck` reports a problem, the matching code
 * must be there, on the record of the reported line or name; where the tool ran over
 * the whole zone and is silent, the code must be absent.
 *
 * Known, deliberate differences (each asserted below, not skipped):
 * - BIND's check-names also judges NSEC3 owners (base32hex); zone-check-names covers
 *   only its host-name rule, so check-names lines on NSEC3 records are not expected.
 * - Knot reports "child record exists under DNAME" for a DNAME at a delegation with
 *   glue below (bind-good1.db); BIND accepts it, and so do we.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Problem } from '../../../server/src/diagnostics/types';
import { parseZoneText } from '../../../server/src/zone';
import type { ResourceRecord, Zone } from '../../../server/src/zone/ast';
import { isSubdomain } from '../../../server/src/zone/names';
import { checkZoneSemantics } from '../../../server/src/zone/semantics';

const corpus = path.resolve(__dirname, '../../../../shared/conformance/zones');
const NOW = new Date('2026-06-01T00:00:00Z');

interface Entry {
  readonly file: string;
  readonly origin: string;
  /** BIND loaded the zone (a .canon exists): its checks ran over all of it. */
  readonly bindLoaded: boolean;
}

function manifest(): Entry[] {
  const lines = fs.readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const [file, origin, canonMode] = l.split('\t');
    return { file, origin, bindLoaded: canonMode === 'strict' };
  });
}

const readCorpusFile = (p: string): string | undefined => {
  try {
    return fs.readFileSync(p, 'utf8').replaceAll('@TMPDIR@', corpus);
  } catch {
    return undefined;
  }
};

/** BIND's strict-mode log (the relaxed retry after it repeats a subset). */
function bindLog(file: string): string {
  const log = readCorpusFile(path.join(corpus, `${file}.bind.log`)) ?? '';
  return log.split('--- strict failed')[0];
}

function knotLog(file: string): { ran: boolean; text: string } {
  const text = readCorpusFile(path.join(corpus, `${file}.kzonecheck.log`)) ?? '';
  return { ran: !text.includes('failed to run semantic checks'), text };
}

/** Lower-cased, without the trailing dot, as BIND prints names. */
const bindName = (name: string): string => (name === '.' ? '.' : name.replace(/\.$/, '')).toLowerCase();

class Loaded {
  readonly text: string;
  readonly zone: Zone;
  /** Semantic problems, plus the parser's reports of the same checks. */
  readonly problems: Problem[];
  private readonly lineStarts = new Map<string, number[]>();

  constructor(readonly entry: Entry) {
    const p = path.join(corpus, entry.file);
    this.text = readCorpusFile(p) ?? '';
    this.zone = parseZoneText(this.text, { origin: entry.origin, path: p, readFile: readCorpusFile });
    const fromParser = this.zone.problems.filter(
      (q) => q.code === 'zone-out-of-zone' || (q.code === 'zone-bad-name' && q.args?.['detail'] === 'wildcard-ns'),
    );
    this.problems = [
      ...fromParser.map((q) => (q.code === 'zone-bad-name' ? { ...q, code: 'zone-wildcard-ns' } : q)),
      ...checkZoneSemantics(this.zone, { now: NOW }),
    ];
  }

  private lineOf(file: string | undefined, offset: number): number {
    const key = file ?? '';
    let starts = this.lineStarts.get(key);
    if (starts === undefined) {
      const t = file === undefined ? this.text : (readCorpusFile(file) ?? '');
      starts = [0];
      for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) starts.push(i + 1);
      this.lineStarts.set(key, starts);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The record a problem points into. */
  recordOf(q: Problem): ResourceRecord | undefined {
    return this.zone.records.find(
      (r) => r.file === q.file && q.offset >= r.span.offset && q.offset <= r.span.offset + r.span.length,
    );
  }

  /** `file:line` keys of every line a problem's record covers (BIND names the last). */
  lines(q: Problem): string[] {
    const r = this.recordOf(q);
    const base = path.basename(q.file ?? this.entry.file);
    const from = this.lineOf(q.file, r ? r.span.offset : q.offset);
    const to = this.lineOf(q.file, r ? r.span.offset + r.span.length : q.offset);
    const out: string[] = [];
    for (let l = from; l <= to; l++) out.push(`${base}:${l}`);
    return out;
  }

  records(code: string): Problem[] {
    return this.problems.filter((q) => q.code === code);
  }

  recordsOnLine(key: string): ResourceRecord[] {
    return this.zone.records.filter((r) => {
      const q: Problem = { code: '', offset: r.span.offset, length: r.span.length, file: r.file };
      return this.lines(q).includes(key);
    });
  }
}

/** `file:line` keys of the BIND log lines matching `re` (group 1 file, group 2 line). */
function bindLines(log: string, re: RegExp): string[] {
  return [...log.matchAll(re)].map((m) => `${path.basename(m[1])}:${m[2]}`);
}

/** Compares line-anchored BIND messages with our problems of `code`. */
function compareLines(z: Loaded, code: string, expected: string[], complete: boolean, failures: string[]): void {
  const ours = z.records(code);
  const covered = new Set(ours.flatMap((q) => z.lines(q)));
  for (const key of expected) if (!covered.has(key)) failures.push(`${code} missing at ${key}`);
  if (!complete) return;
  const wanted = new Set(expected);
  for (const q of ours) if (!z.lines(q).some((l) => wanted.has(l))) failures.push(`${code} extra at ${z.lines(q)[0]}`);
}

/** Codes whose BIND message names the problem; absent where BIND loaded the zone silently. */
const BIND_MESSAGES: ReadonlyArray<readonly [string, RegExp]> = [
  ['zone-mx-cname', /\/MX '[^']*' is a CNAME/],
  ['zone-srv-cname', /\/SRV '[^']*' is a CNAME/],
  ['zone-ns-cname', /\/NS '[^']*' is a CNAME/],
  ['zone-mx-address', /MX is an address/],
  ['zone-ns-address', /NS record '[^']*' appears to be an address/],
  ['zone-ds-at-apex', /DS record at top of zone/],
  ['zone-missing-soa', /has no SOA record/],
  ['zone-missing-ns', /has no NS records/],
];

function judge(entry: Entry): string[] {
  const z = new Loaded(entry);
  const log = bindLog(entry.file);
  const knot = knotLog(entry.file);
  const failures: string[] = [];

  compareLines(z, 'zone-out-of-zone', bindLines(log, /^(\S+):(\d+): ignoring out-of-zone data/gm), true, failures);
  compareLines(z, 'zone-ttl-mismatch', bindLines(log, /^(\S+):(\d+): TTL set to prior TTL/gm), entry.bindLoaded, failures);

  const checkNames = bindLines(log, /^(\S+):(\d+): (?:warning: )?\S+: bad (?:owner )?name \(check-names\)/gm).filter(
    (key) => !z.recordsOnLine(key).some((r) => r.type === 'NSEC3'),
  );
  compareLines(z, 'zone-check-names', checkNames, entry.bindLoaded, failures);

  const wildcardBind = [...log.matchAll(/^dns_master_load: \S+:\d+: (\S+): invalid NS owner name \(wildcard\)/gm)]
    .map((m) => m[1].toLowerCase())
    .sort();
  const wildcardOurs = [...new Set(z.records('zone-wildcard-ns').map((q) => bindName(z.recordOf(q)?.owner ?? '?')))].sort();
  if (wildcardBind.length > 0 || entry.bindLoaded) {
    if (JSON.stringify(wildcardOurs) !== JSON.stringify([...new Set(wildcardBind)]))
      failures.push(`zone-wildcard-ns: BIND ${wildcardBind.join(' ')}; ours ${wildcardOurs.join(' ')}`);
  }

  const glue = z
    .records('zone-missing-glue')
    .map((q) => `${bindName(String(q.args?.['owner']))} ${bindName(String(q.args?.['target']))}`);
  if (entry.bindLoaded) {
    const bindGlue = [...log.matchAll(/^zone \S+: (\S+)\/NS '([^']+)' has no (?:REQUIRED GLUE |SIBLING GLUE )?address records/gm)]
      .map((m) => `${m[1].toLowerCase()} ${m[2].toLowerCase()}`);
    if (JSON.stringify([...new Set(glue)].sort()) !== JSON.stringify([...new Set(bindGlue)].sort()))
      failures.push(`zone-missing-glue: BIND ${bindGlue.join(', ')}; ours ${glue.join(', ')}`);
  } else if (knot.ran) {
    // Only over data we loaded: Knot reads `$INCLUDE \./x` as `./x`, BIND and our parser do not.
    const owners = new Set(z.zone.records.map((r) => bindName(r.owner)));
    const knotGlue = [...knot.text.matchAll(/^\[(.+)\] missing glue record$/gm)]
      .map((m) => bindName(m[1]))
      .filter((o) => owners.has(o))
      .sort();
    const ourOwners = glue.map((g) => g.split(' ')[0]).sort();
    if (JSON.stringify(ourOwners) !== JSON.stringify(knotGlue))
      failures.push(`zone-missing-glue: Knot ${knotGlue.join(', ')}; ours ${ourOwners.join(', ')}`);
  }

  // MX and SRV targets without addresses: BIND names owner and target (no line) where it
  // ran its integrity checks, that is where it loaded the zone.
  for (const [code, type] of [
    ['zone-mx-no-address', 'MX'],
    ['zone-srv-no-address', 'SRV'],
  ] as const) {
    if (!entry.bindLoaded) continue;
    const ours = [...new Set(z.records(code).map((q) => `${bindName(String(q.args?.['owner']))} ${bindName(String(q.args?.['target']))}`))].sort();
    const bind = [...new Set([...log.matchAll(new RegExp(`^zone \\S+: (\\S+)/${type} '([^']+)' has no address records`, 'gm'))].map((m) => `${m[1].toLowerCase()} ${m[2].toLowerCase()}`))].sort();
    if (JSON.stringify(ours) !== JSON.stringify(bind)) failures.push(`${code}: BIND ${bind.join(', ')}; ours ${ours.join(', ')}`);
  }

  for (const [code, re] of BIND_MESSAGES) {
    const ours = z.records(code).length;
    if (re.test(log) && ours === 0) failures.push(`${code}: BIND reports it, we do not`);
    if (entry.bindLoaded && !re.test(log) && ours > 0) failures.push(`${code}: ${ours} reported, BIND silent`);
  }
  if (knot.ran) {
    for (const [code, message] of [
      ['zone-missing-ns', 'missing NS at the zone apex'],
      ['zone-missing-soa', 'missing SOA at the zone apex'],
    ] as const) {
      const ours = z.records(code).length > 0;
      if (knot.text.includes(message) !== ours) failures.push(`${code}: Knot ${knot.text.includes(message)}, ours ${ours}`);
    }
  }
  if (entry.bindLoaded) {
    for (const code of ['zone-dname-occlusion', 'zone-serial-format']) {
      const n = z.records(code).length;
      if (n > 0) failures.push(`${code}: ${n} reported, BIND silent`);
    }
    const canon = readCorpusFile(path.join(corpus, `${entry.file}.canon`));
    if (canon !== undefined) {
      const loaded = canon.split('\n').filter((l) => l.trim() !== '' && !l.startsWith(';')).length;
      const inZone = z.zone.records.filter((r) => isSubdomain(r.owner, z.zone.origin)).length;
      const duplicates = z.records('zone-duplicate-record').length;
      if (inZone - duplicates !== loaded)
        failures.push(`zone-duplicate-record: ${inZone} records - ${duplicates} duplicates != ${loaded} in BIND's -D output`);
    }
  }
  return failures;
}

describe('zone semantics on the conformance corpus', () => {
  const entries = manifest();
  it('reads the corpus manifest', () => {
    assert.ok(entries.length >= 25, `only ${entries.length} corpus entries`);
  });
  for (const entry of entries) {
    it(entry.file, () => {
      assert.deepEqual(judge(entry), []);
    });
  }

  it('flags what the brief names: out-of-zone foo.test, glue ns42, wildcard NS, check-names hints', () => {
    const find = (file: string, code: string) => {
      const entry = entries.find((e) => e.file === file);
      assert.ok(entry, file);
      const z = new Loaded(entry);
      return z.records(code).map((q) => ({ q, z }));
    };
    const [ooz] = find('ldns-A.2.Complex-EXAMPLE-Zone', 'zone-out-of-zone');
    assert.equal(ooz.z.text.slice(ooz.q.offset, ooz.q.offset + ooz.q.length), 'foo.test.');
    assert.deepEqual(
      find('bind-genzone-alltypes.db', 'zone-missing-glue').map(({ q, z }) => z.text.slice(q.offset, q.offset + q.length)),
      ['ns42', 'ns43'],
    );
    assert.ok(find('knot-01_owner.ok.zone', 'zone-wildcard-ns').length >= 2);
    const hints = find('nsd-bug086_chars.zone', 'zone-check-names');
    assert.deepEqual(
      hints.map(({ q, z }) => z.text.slice(q.offset, q.offset + q.length)),
      ['#', '%', '&', '^', '[', ']', '?', '#%', '&^', '[]?', '#%&^[]?'],
    );
  });
});
