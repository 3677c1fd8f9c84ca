/**
 * Property-based and mutation fuzzing of the parsers and the diagnose pipeline
 * (issue 10, robustness). One set of properties, two budgets: a short run in the
 * unit suite (test/unit/fuzz) and the long run of `npm run fuzz` (scripts/fuzz.mjs).
 *
 * Inputs are zone-like texts built from grammar pieces (owners, TTLs, classes, types
 * with plausible RDATA, SPF/DMARC/DKIM texts, directives, comments) and then mutated
 * (deletions, duplications, quote/paren/backslash insertions, NUL bytes, U+FFFD and
 * lone surrogates), plus mutations of the conformance corpus.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeAsync, analyzeSync } from '../../server/src/analysis';
import { allCodes } from '../../server/src/diagnostics/registry';
import type { Problem } from '../../server/src/diagnostics/types';
import { createResolver } from '../../server/src/dns/chain';
import { parseDkimKey } from '../../server/src/dkim/index';
import { parseDmarc } from '../../server/src/dmarc/index';
import { parseSpf } from '../../server/src/spf/parser';
import { checkHost } from '../../server/src/spf/evaluate';
import type { Part } from '../../server/src/spf/ast';
import { parseZoneText, printZone, type Zone } from '../../server/src/zone/index';
import { recordSet } from '../unit/zone/recordSet';

/** The zone's own path and the folder its $INCLUDE targets live in (never touched on disk). */
export const ZONE_DIR = path.resolve('/zonelint-fuzz');
export const ZONE_PATH = path.join(ZONE_DIR, 'db.example.com');
export const ORIGIN = 'example.com.';
const SOA_HEAD = '$TTL 3600\n@ SOA ns1 hostmaster 1 3600 900 604800 60\n@ NS ns1\nns1 A 192.0.2.53\n';

// ---------------------------------------------------------------------------
// Grammar pieces

const oneOf = <T>(...xs: T[]) => fc.constantFrom(...xs);

const owner = oneOf(
  '@', 'www', 'a.b', '*', '*.wild', 'example.com.', 'other.test.', '\\.', 'x\\032y', 'x\\.y', '_dmarc',
  's1._domainkey', '_spf', 'mail', '', 'A'.repeat(63), 'a'.repeat(64), '\\255', '$', '"q"', '..', 'xn--caf-dma', '_mta-sts', '_smtp._tls',
  '_25._tcp', '_25._tcp.mail', '_443._tcp.www',
);
const ttl = oneOf('', '', '0', '300', '3600', '1h', '1W2d', '2147483647', '2147483648', '4294967295', '1x', '-1');
const klass = oneOf('', '', 'IN', 'CH', 'HS', 'CLASS1', 'CLASS255', 'NONE');

const spfTerm = oneOf(
  'ip4:192.0.2.0/24', 'ip4:192.0.2.1', 'ip4:999.1.1.1', 'ip4:10.0.0.0/33', 'ip6:2001:db8::/32', 'ip6:::1/129', 'a', 'a/24', 'a:host//64',
  'a:host.example.com/24//64', 'mx', 'mx:mail', 'mx/0', 'include:_spf.example.com', 'include:_spf.google.com', 'include:_spf.gogle.com', 'redirect=spf.sender.xsever.jp.', 'include:loop.example.com',
  'exists:%{i}.%{d2}.x.example.com', 'exists:%{ir}.%{v}._spf.%{d}', 'redirect=_spf.example.com', 'redirect=', 'exp=explain.%{d}',
  'ptr', 'ptr:example.com', '-all', '~all', '?all', '+all', 'all', 'foo=bar', 'bogus', 'include:', 'a:%{', 'exists:%{l1r-}.x', '%%', '%-',
  '%', 'ip4:', 'v=spf1', 'include:%{s}', 'a:.', 'mx:x..y', 'ip4:192.0.2.0/', 'ip6:zz::1', 'exists:%{h}.%{c}', '-', 'include:nx.example.com',
);
export const spfText: fc.Arbitrary<string> = fc
  .tuple(oneOf('v=spf1', 'v=spf1', 'V=SPF1', 'v=spf10', 'v=spf1 '), fc.array(spfTerm, { maxLength: 14 }), oneOf(' ', ' ', '  ', '\t'))
  .map(([v, terms, sep]) => [v, ...terms].join(sep));

const dmarcTag = oneOf(
  'p=reject', 'p=none', 'p=quarantine', 'p=bogus', 'sp=reject', 'np=none', 'pct=50', 'pct=101', 'rua=mailto:a@example.com',
  'rua=mailto:dmarc@other.test!10m', 'ruf=mailto:x@example.com,mailto:y@ext.test', 'rua=https://x', 'adkim=s', 'aspf=r', 'fo=1:d:s',
  'ri=86400', 'rf=afrf', 't=y', 'psd=n', 'x=', '=1', 'p', ';', 'rua=', 'rua=mailto:', 'P=REJECT',
);
export const dmarcText: fc.Arbitrary<string> = fc
  .tuple(oneOf('v=DMARC1', 'v=DMARC1', 'v=dmarc1', 'V=DMARC1', 'v = DMARC1', ''), fc.array(dmarcTag, { maxLength: 8 }), oneOf('; ', ';', ' ; '))
  .map(([v, tags, sep]) => [v, ...tags].filter((t) => t !== '').join(sep));

const RSA_1024 =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';
const dkimTag = oneOf(
  'k=rsa', 'k=ed25519', 'k=dsa', `p=${RSA_1024}`, 'p=', 'p=MIGf', 'p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=', 't=y', 't=s:y', 'h=sha256',
  'h=sha1:sha256', 's=email', 's=*', 'n=notes', 'x=1', 'p', 'p=$$$', 'v=DKIM2', 'g=*',
);
export const dkimText: fc.Arbitrary<string> = fc
  .tuple(oneOf('v=DKIM1', 'v=DKIM1', ''), fc.array(dkimTag, { maxLength: 6 }), oneOf('; ', ';', ' ; '))
  .map(([v, tags, sep]) => [v, ...tags].filter((t) => t !== '').join(sep));

/** A TXT RDATA: the text cut into quoted character-strings (sometimes bare, sometimes in parentheses). */
function txtRdata(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean()).map(([t, parts, bare, parens]) => {
    if (bare && !/[\s";()\\]/.test(t) && t !== '') return t;
    const size = Math.max(1, Math.ceil(t.length / parts));
    const chunks: string[] = [];
    for (let i = 0; i < t.length || chunks.length === 0; i += size) chunks.push(`"${t.slice(i, i + size).replace(/["\\]/g, '\\$&')}"`);
    return parens ? `( ${chunks.join('\n\t')} )` : chunks.join(' ');
  });
}

const plainTxt = oneOf('hello', 'a b c', '', 'caf\\195\\169', '\\"', '\\\\', 'x'.repeat(255), 'y'.repeat(256), 'semi;colon', '\\0', '\\999', 'v=spf1');

const typed: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(oneOf('TXT', 'TXT', 'SPF'), txtRdata(spfText)).map(([t, r]) => `${t} ${r}`) },
  { weight: 3, arbitrary: txtRdata(dmarcText).map((r) => `TXT ${r}`) },
  { weight: 3, arbitrary: txtRdata(dkimText).map((r) => `TXT ${r}`) },
  { weight: 2, arbitrary: txtRdata(plainTxt).map((r) => `TXT ${r}`) },
  {
    weight: 10,
    arbitrary: oneOf(
      'A 192.0.2.1', 'A 192.0.2.256', 'A 1.2.3', 'AAAA 2001:db8::1', 'AAAA ::ffff:192.0.2.1', 'AAAA 2001:db8::g', 'MX 10 mail', 'MX 0 .',
      'MX 65536 mail', 'NS ns1', 'NS ns1.other.test.', 'CNAME target', 'CNAME @', 'PTR host.example.com.', 'SOA ns hostmaster 1 3600 900 604800 60',
      'SOA ( ns hostmaster ; comment\n 2024010101 ; serial\n 1h 15m 1w 1m )', 'SOA ns', 'SRV 0 5 5060 sip', 'SRV 0 5 sip', 'CAA 0 issue "ca.example.net"',
      'CAA 128 tbs "x"', 'HINFO "cpu" "os"', 'HINFO cpu', 'NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp', 'TLSA 3 1 1 ( 0123456789abcdef0123456789abcdef\n 0123456789abcdef0123456789abcdef )',
      'SSHFP 1 1 0123456789abcdef0123456789abcdef01234567', 'DS 12345 8 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'DNSKEY 257 3 8 AwEAAaz/tAm8yTn4Mfeh5eyI96WSVexTBAvkMgJzkKTOiW1vkIbzxeF3', 'TYPE123 \\# 2 abcd', 'TYPE123 \\# 3 ab', 'A \\# 4 c0000201',
      'LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m', 'LOC 91 N', 'SVCB 1 . alpn=h2,h3 port=443', 'HTTPS 0 svc.example.com.',
      'HTTPS 1 . mandatory=alpn', 'NSEC next A NS SOA RRSIG', 'RRSIG A 8 2 3600 20300101000000 20200101000000 12345 example.com. AAAA',
      'ZONEMD 1 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'WKS 192.0.2.1 6 25',
      'BOGUS x', 'IN', 'A', 'MD host', 'APL 1:192.0.2.0/24 !2:2001:db8::/32', 'URI 10 1 "https://example.com/"', 'CERT 1 0 0 AAAA',
      'RP mbox txt', 'AFSDB 1 host', 'OPENPGPKEY AAAA', 'EUI48 00-00-5e-00-53-2a', 'DNAME target',
    ),
  },
);

/** Records every parser accepts, for round trips of zones without errors. */
const cleanRecord = fc
  .tuple(
    oneOf('@', 'www', 'a.b', '*.wild', 'x\\032y', 'x\\.y', 'Mail', '_dmarc', 's1._domainkey', 'sub.example.com.', '\\@', 'a\\"b'),
    oneOf('', '300', '1h', '1W2d', '0'),
    oneOf('', 'IN'),
    fc.oneof(
      oneOf(
        'A 192.0.2.1', 'AAAA 2001:db8::1', 'AAAA ::ffff:192.0.2.1', 'MX 10 mail', 'MX 0 .', 'NS ns1.other.test.', 'PTR host.example.com.',
        'SRV 0 5 5060 sip', 'CAA 0 issue "ca.example.net"', 'HINFO "cpu" "os"', 'NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp',
        'TLSA 3 1 1 ( 0123456789abcdef0123456789abcdef\n 0123456789abcdef0123456789abcdef )', 'SSHFP 1 1 0123456789abcdef0123456789abcdef01234567',
        'DS 12345 8 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'TYPE123 \\# 2 abcd', 'A \\# 4 c0000201',
        'LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m', 'SVCB 1 . alpn=h2,h3 port=443', 'HTTPS 0 svc.example.com.',
        'NSEC next A NS SOA RRSIG', 'APL 1:192.0.2.0/24 !2:2001:db8::/32', 'URI 10 1 "https://example.com/"', 'RP mbox txt', 'AFSDB 1 host',
        'EUI48 00-00-5e-00-53-2a', 'TXT "a" "" "b\\\\c" "\\"q\\"" caf\\195\\169', 'TXT ( "x" ; comment\n "y" )', 'CH TXT "chaos"',
      ),
      txtRdata(fc.oneof(spfText, dmarcText, dkimText)).map((r) => `TXT ${r}`),
    ),
  )
  .map(([o, t, c, rest]) => [o, t, rest.startsWith('CH ') ? '' : c, rest].filter((f) => f !== '').join(' '));

/** A zone every parser should accept: SOA, NS and records from cleanRecord, sometimes behind directives. */
export const cleanZone: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 6, arbitrary: cleanRecord }, { weight: 1, arbitrary: oneOf('$TTL 60', '$ORIGIN sub.example.com.', '$ORIGIN example.com.', '$GENERATE 1-3 g$ A 192.0.2.$', '; note') }), {
      maxLength: 16,
    }),
  )
  .map(([lines]) => SOA_HEAD + lines.join('\n') + '\n');

const directive = oneOf(
  '$ORIGIN sub', '$ORIGIN example.com.', '$ORIGIN', '$ORIGIN .', '$TTL 300', '$TTL 1h', '$TTL', '$TTL bogus', '$INCLUDE inc.zone',
  '$INCLUDE inc.zone sub', '$INCLUDE loop.zone', '$INCLUDE missing.zone', '$INCLUDE', '$INCLUDE /etc/passwd', '$GENERATE 1-10 host$ A 192.0.2.$',
  '$GENERATE 1-3 ${0,3,x} CNAME t$', '$GENERATE 0-4294967295 h$ A 192.0.2.1', '$GENERATE 1-2', '$GENERATE 5-1 h$ A 1.2.3.4',
  '$GENERATE 1-4/2 ${1,2,n} PTR h$.example.com.', '$DATE 20240101000000', '$BOGUS',
);

const line: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(owner, ttl, klass, typed, fc.boolean(), oneOf(' ', '\t', '  '))
      .map(([o, t, c, rest, swap, sep]) => {
        const fields = swap ? [o, c, t, rest] : [o, t, c, rest];
        // An empty owner is a record that inherits the previous owner: it starts with a blank.
        return (o === '' ? sep : '') + fields.filter((f) => f !== '').join(sep);
      }),
  },
  { weight: 2, arbitrary: directive },
  { weight: 1, arbitrary: oneOf('; a comment', '', '   ', '( )', 'www ( A', '192.0.2.1 )', ';; "quoted" (parens)') },
);

/** Include targets served from memory through ParseOptions.readFile. */
export const INCLUDE_FILES: ReadonlyMap<string, string> = new Map([
  [path.join(ZONE_DIR, 'inc.zone'), 'inc A 192.0.2.7\ninc TXT "v=spf1 -all"\n'],
  [path.join(ZONE_DIR, 'loop.zone'), 'loop A 192.0.2.8\n$INCLUDE loop.zone\n'],
]);

/** A zone-like text from grammar pieces, before any mutation. */
export const grammarZone: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(line, { minLength: 1, maxLength: 14 }), oneOf('\n', '\n', '\r\n'))
  .map(([head, lines, nl]) => (head ? SOA_HEAD.replace(/\n/g, nl) : '') + lines.join(nl) + nl);

// ---------------------------------------------------------------------------
// Mutations

const HOSTILE_INSERTS = ['"', '(', ')', '\\', ';', '\0', '\uFFFD', '\uD800', '\uDC00', '\n', '\r', ' ', '\t', '$', '.', '@', '%', '{', '=', '\\#', '\\0', '\uFEFF', '\u00e9', '\u{1F600}', '\u3000', '\u00a0', '\u201c', '\uff08', '\uff1b', '\u200b', '\uDC93', '\uff57', '\u30b7\u30e7'];

type Mutation =
  | { readonly kind: 'delete'; readonly at: number; readonly len: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly len: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'truncate'; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_INSERTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

function applyMutation(text: string, m: Mutation): string {
  const i = Math.min(text.length, Math.floor(m.at * (text.length + 1)));
  switch (m.kind) {
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.len);
    case 'duplicate':
      return text.slice(0, i) + text.slice(i, i + m.len) + text.slice(i);
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'truncate':
      return text.slice(0, i);
  }
}

/** `base` with up to `max` random mutations applied in turn. */
export function mutated(base: fc.Arbitrary<string>, max = 6): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutation, { maxLength: max })).map(([t, ms]) => ms.reduce(applyMutation, t));
}

/** Grammar zones, mostly mutated. */
export const zoneInput: fc.Arbitrary<string> = fc.oneof({ weight: 1, arbitrary: grammarZone }, { weight: 3, arbitrary: mutated(grammarZone) });

export interface CorpusZone {
  readonly file: string;
  readonly origin: string;
  readonly text: string;
}

export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/conformance/zones');

/** The corpus zones of MANIFEST.tsv no larger than `maxBytes` (the biggest make runs slow). */
export function loadCorpus(maxBytes = 20000): CorpusZone[] {
  const manifest = fs.readFileSync(path.join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  const out: CorpusZone[] = [];
  for (const row of manifest) {
    const [file, origin] = row.split('\t');
    if (!file) continue;
    const text = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8').replaceAll('@TMPDIR@', CORPUS_DIR);
    if (text.length <= maxBytes) out.push({ file, origin, text });
  }
  return out;
}

/** Corpus zones with mutations (the origin kept with the text). */
export function corpusInput(corpus: readonly CorpusZone[]): fc.Arbitrary<{ text: string; origin: string }> {
  return fc
    .tuple(fc.constantFrom(...corpus), fc.array(mutation, { maxLength: 8 }))
    .map(([z, ms]) => ({ text: ms.reduce(applyMutation, z.text), origin: z.origin }));
}

// ---------------------------------------------------------------------------
// Checks

const readFile = (p: string): string | undefined => INCLUDE_FILES.get(p);

/** Parses a text the way the language server does, with the in-memory include files. */
export function parseFuzzZone(text: string, origin = ORIGIN): Zone {
  return parseZoneText(text, { origin, path: ZONE_PATH, readFile });
}

/** Problems whose range leaves their document, or that report a caught internal error. */
export function badProblems(text: string, problems: readonly Problem[], files: ReadonlyMap<string, string> = INCLUDE_FILES): string[] {
  const bad: string[] = [];
  for (const p of problems) {
    const doc = p.file === undefined ? text : files.get(p.file);
    const where = `${p.code}@${p.file ?? ''}:${p.offset}+${p.length}`;
    if (!allCodes.has(p.code)) bad.push(`${where} unregistered code`);
    if (doc === undefined) bad.push(`${where} names a file that was never read`);
    else if (!(Number.isInteger(p.offset) && Number.isInteger(p.length) && p.offset >= 0 && p.length >= 0 && p.offset + p.length <= doc.length)) {
      bad.push(`${where} outside a document of length ${doc.length}`);
    }
    const detail = p.args?.detail;
    if (typeof detail === 'string' && detail.startsWith('internal error')) bad.push(`${where} ${detail}`);
  }
  return bad;
}

function assertNoBadProblems(text: string, problems: readonly Problem[]): void {
  const bad = badProblems(text, problems);
  if (bad.length > 0) throw new Error(`bad problems:\n  ${bad.join('\n  ')}`);
}

/** parseZoneText → analyzeSync: nothing thrown, every range inside its document. */
export function checkSyncPipeline(text: string, origin = ORIGIN): Zone {
  const zone = parseFuzzZone(text, origin);
  assertNoBadProblems(text, analyzeSync(zone, { now: new Date(Date.UTC(2026, 0, 1)) }));
  return zone;
}

/** parseZoneText → analyzeAsync with the offline resolver over the zone itself. */
export async function checkAsyncPipeline(text: string, origin = ORIGIN): Promise<void> {
  const zone = parseFuzzZone(text, origin);
  const resolver = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => [zone]);
  assertNoBadProblems(text, await analyzeAsync(zone, { resolver }));
}

function isError(p: Problem): boolean {
  return (p.severity ?? allCodes.get(p.code)?.severity) === 'error';
}

/**
 * For a zone without errors: the printed zone parses without errors to the same
 * record set. Returns false (nothing to check) when the zone has errors.
 */
export function checkRoundTrip(text: string, origin = ORIGIN): boolean {
  const zone = parseFuzzZone(text, origin);
  if (zone.problems.some(isError)) return false;
  const printed = printZone(zone);
  const again = parseZoneText(printed, { origin: zone.origin });
  const errors = again.problems.filter(isError).map((p) => `${p.code}@${p.offset}+${p.length} ${JSON.stringify(p.args ?? {})}`);
  if (errors.length > 0) throw new Error(`the print has errors: ${errors.join('; ')}\n--- print\n${printed}`);
  const reprinted = printZone(again);
  const want = recordSet(printed);
  const got = recordSet(reprinted);
  const missing = [...want].filter((r) => !got.has(r));
  const extra = [...got].filter((r) => !want.has(r));
  if (missing.length + extra.length > 0) throw new Error(`round trip differs: ${JSON.stringify({ missing, extra })}\n--- print\n${printed}`);
  return true;
}

function assertParts(what: string, parts: readonly Part[], length: number): void {
  for (const p of parts) {
    if (!(p.from >= 0 && p.from <= p.to && p.to <= length)) throw new Error(`${what} [${p.from}, ${p.to}) outside a text of length ${length}`);
  }
}

/** parseSpf on a plain text: nothing thrown, every term and error inside the text. */
export function checkSpfParser(text: string): void {
  const spf = parseSpf(text);
  assertParts('version', [spf.version], text.length);
  assertParts('term', spf.terms, text.length);
  assertParts('error', spf.errors, text.length);
  for (const t of spf.terms) {
    const span = spf.spanOf(t.from, t.to);
    if (span.offset < 0 || span.offset + span.length > text.length) throw new Error(`spanOf(${t.from}, ${t.to}) gives ${JSON.stringify(span)}`);
  }
}

function checkTagList(what: string, list: ReturnType<typeof parseDmarc>['list'], length: number): void {
  for (const t of list.tags) {
    assertParts(`${what} tag ${t.name}`, [{ from: t.start, to: t.end }, { from: t.nameStart, to: t.nameEnd }, { from: t.valueStart, to: t.valueEnd }], length);
  }
  assertParts(`${what} error`, list.errors.map((e) => ({ from: e.from, to: e.to })), length);
}

export function checkDmarcParser(text: string): void {
  checkTagList('dmarc', parseDmarc(text).list, text.length);
}

export function checkDkimParser(text: string): void {
  checkTagList('dkim', parseDkimKey(text).list, text.length);
}

const SPF_RESULTS = new Set(['none', 'neutral', 'pass', 'fail', 'softfail', 'temperror', 'permerror']);

/** SPF records at the names the spfText pieces point at, plus addresses for a and mx. */
export const spfZone: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(oneOf('@', '_spf', 'loop', 'mail', 'nx', 'a.b'), txtRdata(mutated(spfText, 2))), { minLength: 1, maxLength: 6 }))
  .map(([records]) => SOA_HEAD + '@ MX 10 mail\nmail A 192.0.2.25\nloop TXT "v=spf1 include:loop.example.com"\n' + records.map(([o, r]) => `${o} TXT ${r}`).join('\n') + '\n');

/** check_host() over a fuzzed zone: a result, never a throw, and the §4.6.4 limits hold. */
export async function checkEvaluation(text: string, ip: string): Promise<void> {
  const zone = parseFuzzZone(text);
  const resolver = createResolver({ mode: 'offline', servers: [], timeoutMs: 1000 }, () => [zone]);
  const r = await checkHost(ip, 'example.com', 'user@example.com', { resolver, now: new Date(0) });
  if (!SPF_RESULTS.has(r.result)) throw new Error(`result ${r.result}`);
  if (r.lookups > 11 || r.voidLookups > 3) throw new Error(`limits passed: ${r.lookups} lookups, ${r.voidLookups} void`);
}

// ---------------------------------------------------------------------------
// The properties, for both budgets

export interface FuzzProperty {
  readonly name: string;
  /** Share of the total budget (the long run splits its inputs by these weights). */
  readonly weight: number;
  /** Runs in the unit suite's short run (a second or less each). */
  readonly shortRuns: number;
  /** Properties differ in arity and sync/async; the runners only check and assert them. */
  readonly property: () => fc.IRawProperty<any, boolean>;
}

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme-ascii', maxLength: 80 }));

/** Every property, built lazily (the corpus is read once, on first use). */
export function fuzzProperties(corpus: () => readonly CorpusZone[] = memoCorpus): FuzzProperty[] {
  return [
    { name: 'SPF parser: no throw, ranges inside', weight: 1, shortRuns: 1000, property: () => fc.property(fc.oneof(mutated(spfText), anyText), checkSpfParser) },
    { name: 'DMARC parser: no throw, ranges inside', weight: 1, shortRuns: 1000, property: () => fc.property(fc.oneof(mutated(dmarcText), anyText), checkDmarcParser) },
    { name: 'DKIM parser: no throw, ranges inside', weight: 1, shortRuns: 1000, property: () => fc.property(fc.oneof(mutated(dkimText), anyText), checkDkimParser) },
    { name: 'zone → analyzeSync: no throw, ranges inside', weight: 3, shortRuns: 300, property: () => fc.property(zoneInput, (t) => void checkSyncPipeline(t)) },
    {
      name: 'mutated corpus → analyzeSync: no throw, ranges inside',
      weight: 1,
      shortRuns: 200,
      property: () => fc.property(corpusInput(corpus()), ({ text, origin }) => void checkSyncPipeline(text, origin)),
    },
    { name: 'zone → analyzeAsync (offline): no throw, ranges inside', weight: 2, shortRuns: 300, property: () => fc.asyncProperty(zoneInput, (t) => checkAsyncPipeline(t)) },
    {
      name: 'check_host over fuzzed SPF zones: a result, limits hold',
      weight: 1,
      shortRuns: 200,
      property: () => fc.asyncProperty(spfZone, oneOf('192.0.2.25', '192.0.2.1', '2001:db8::1'), checkEvaluation),
    },
    { name: 'printZone round trip (zones without errors)', weight: 2, shortRuns: 300, property: () => fc.property(fc.oneof(cleanZone, grammarZone, zoneInput), (t) => void checkRoundTrip(t)) },
  ];
}

let corpusCache: CorpusZone[] | undefined;
function memoCorpus(): CorpusZone[] {
  corpusCache ??= loadCorpus();
  return corpusCache;
}
