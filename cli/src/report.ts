/**
 * Turns problems into the CLI's output forms: text (`FILE:LINE:COL: SEVERITY CODE MESSAGE`,
 * 1-based, as GCC and GitHub problem matchers read it), JSON (0-based LSP ranges), SARIF 2.1.0,
 * GitHub Actions workflow commands.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale, Problem, Severity } from '../../server/src/diagnostics/types';
import { allCodes, codeDef, codeHref, formatMessage, severityOf } from '../../server/src/diagnostics/registry';
import type { RuleLevel } from '../../server/src/settings';
import { forTerminal } from './terminal';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Finding {
  readonly file: string;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: { readonly start: Position; readonly end: Position };
}

interface Positions {
  positionAt(offset: number): Position;
}

/**
 * Offset → LSP position. A text with no `\r` has lines ended by `\n` alone: its line starts
 * are found by indexOf (native search), where TextDocument reads every character (about
 * 0.2 s of a million-record zone). A text with a `\r` in it is TextDocument's.
 */
export function positionsOf(text: string): Positions {
  if (text.includes('\r')) return TextDocument.create('file:///', 'dns-zone', 1, text);
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    positionAt(offset: number): Position {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: o - starts[lo] };
    },
  };
}

/** A level per diagnostic code (`--rule CODE=LEVEL`, the editor's zonelint.rules): `off` drops it. */
export type RuleLevels = Readonly<Record<string, RuleLevel>>;

/** Maps problems of one checked file (and the files it includes) to findings, at the levels `rules` sets. */
export function toFindings(
  file: string,
  problems: readonly Problem[],
  texts: (path: string) => string | undefined,
  locale: Locale,
  rules: RuleLevels = {},
): Finding[] {
  const docs = new Map<string, Positions>();
  const docFor = (path: string): Positions | undefined => {
    let d = docs.get(path);
    if (!d) {
      const text = texts(path);
      if (text === undefined) return undefined;
      d = positionsOf(text);
      docs.set(path, d);
    }
    return d;
  };
  const out: Finding[] = [];
  // A file $INCLUDEd twice (a shared snippet at two origins) gives its records twice; a
  // problem in its text that reads the same both times is one line, not two.
  const included = new Set<string>();
  for (const p of problems) {
    const level = rules[p.code];
    if (level === 'off') continue;
    const where = p.file ?? file;
    const doc = docFor(where);
    const start = doc ? doc.positionAt(p.offset) : { line: 0, character: 0 };
    const end = doc ? doc.positionAt(p.offset + p.length) : start;
    const message = formatMessage(p, locale);
    const severity = level ?? severityOf(p);
    if (p.file !== undefined) {
      const key = JSON.stringify([where, p.offset, p.length, p.code, severity, message]);
      if (included.has(key)) continue;
      included.add(key);
    }
    out.push({ file: where, code: p.code, severity, message, range: { start, end } });
  }
  // Most findings share a file: equal names are not handed to localeCompare (ICU, slow).
  out.sort(
    (a, b) =>
      (a.file === b.file ? 0 : a.file.localeCompare(b.file)) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
  return out;
}

function textLine(f: Finding): string {
  return forTerminal(`${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code} ${f.message.replace(/\n/g, ' ')}`);
}

/**
 * The text and JSON reports in pieces (joined: the lines joined by newlines, and
 * `JSON.stringify(findings, null, 2)`): a million-record zone has tens of megabytes of
 * findings, and one string of them (then its bytes) would be held at once at the end of
 * the run, when memory is fullest.
 */
export function* textPieces(findings: readonly Finding[]): Generator<string> {
  for (let i = 0; i < findings.length; i++) yield (i > 0 ? '\n' : '') + textLine(findings[i]);
}

export function* jsonPieces(findings: readonly Finding[]): Generator<string> {
  if (findings.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  // A slice stringified is `[\n` + its items at the array's indent, joined by `,\n`, + `\n]`.
  for (let from = 0; from < findings.length; from += JSON_SLICE) {
    const text = JSON.stringify(findings.slice(from, from + JSON_SLICE), null, 2);
    yield (from > 0 ? ',\n' : '') + text.slice(2, -2);
  }
  yield '\n]';
}

/**
 * GitHub Actions workflow commands, one per finding (`::error file=F,line=L,col=C,endLine=…,
 * endColumn=…,title=CODE::MESSAGE`), which the runner turns into annotations on the file
 * with no problem matcher to set up. Information and hints are `notice`. Values are escaped
 * as the runner reads them (`%`, CR and LF; in properties `:` and `,` too), so a message
 * cannot end its line and start a command of its own; terminal controls as in text.
 */
export function* githubPieces(findings: readonly Finding[]): Generator<string> {
  for (let i = 0; i < findings.length; i++) yield (i > 0 ? '\n' : '') + githubLine(findings[i]);
}

const githubLevel: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function githubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function githubLine(f: Finding): string {
  const { start, end } = f.range;
  const props = [
    `file=${githubProperty(f.file)}`,
    `line=${start.line + 1}`,
    `col=${start.character + 1}`,
    `endLine=${end.line + 1}`,
    `endColumn=${end.character + 1}`,
    `title=${githubProperty(f.code)}`,
  ];
  return forTerminal(`::${githubLevel[f.severity]} ${props.join(',')}::${githubData(f.message)}`);
}

/** Findings stringified at once. */
const JSON_SLICE = 256;

const sarifLevel: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(findings: readonly Finding[], version: string, locale: Locale): string {
  const used = [...new Set(findings.map((f) => f.code))].sort();
  const rules = used.map((code) => {
    const def = allCodes.get(code) ?? codeDef(code);
    return {
      id: code,
      shortDescription: { text: def.message[locale].replace(/\{\w+\}/g, '…') },
      helpUri: codeHref(code),
      defaultConfiguration: { level: sarifLevel[def.severity] },
      properties: { standard: def.rfc },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'zonelint', version, informationUri: 'https://github.com/zonelint/zonelint', rules } },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: used.indexOf(f.code),
          level: sarifLevel[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
