/**
 * The one registry of diagnostic codes: every namespace's table, gathered.
 * Add a namespace by importing its `codes.ts` here.
 */
import type { CodeDef, Locale, Problem, ProblemArgs, Severity } from './types';
import { ZoneCodes, ZoneDetails } from '../zone/codes';
import { RdataCodes, RdataDetails } from '../zone/rdata/codes';
import { SemanticsCodes, SemanticsDetails } from '../zone/semantics/codes';
import { SpfCodes, SpfDetails } from '../spf/codes';
import { DmarcCodes, DmarcDetails } from '../dmarc/codes';
import { DkimCodes, DkimDetails } from '../dkim/codes';
import { MailPolicyCodes, MailPolicyDetails } from '../mailpolicy/codes';
import { ProviderCodes, ProviderDetails } from '../providers/codes';
import { SerialCodes } from '../serial/codes';
import { CaaCodes, CaaDetails } from '../caa/codes';
import { DaneCodes, DaneDetails } from '../dane/codes';

const tables: ReadonlyArray<Record<string, CodeDef>> = [ZoneCodes, RdataCodes, SemanticsCodes, SpfCodes, DmarcCodes, DkimCodes, MailPolicyCodes, ProviderCodes, CaaCodes, DaneCodes, SerialCodes];
const detailTables: ReadonlyArray<Record<string, { en: string; ja: string }>> = [ZoneDetails, RdataDetails, SemanticsDetails, SpfDetails, DmarcDetails, DkimDetails, MailPolicyDetails, ProviderDetails, CaaDetails, DaneDetails];

/** Every table as registered, for the test that each code is defined exactly once. */
export const codeTables: ReadonlyArray<Record<string, CodeDef>> = tables;
export const detailTablesList: ReadonlyArray<Record<string, { en: string; ja: string }>> = detailTables;

export const allCodes: ReadonlyMap<string, CodeDef> = new Map(
  tables.flatMap((t) => Object.values(t)).map((d) => [d.code, d]),
);

/** Localised fragments that a message's `{detail}` argument names by key. */
export const allDetails: ReadonlyMap<string, { en: string; ja: string }> = new Map(
  detailTables.flatMap((t) => Object.entries(t)),
);

export function codeDef(code: string): CodeDef {
  const def = allCodes.get(code);
  if (!def) throw new Error(`unregistered diagnostic code ${code}`);
  return def;
}

export function severityOf(problem: Problem): Severity {
  return problem.severity ?? codeDef(problem.code).severity;
}

/** Templates cut at their placeholders: text at even places, names at odd ones. */
const cut = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = cut.get(template);
  if (parts === undefined) cut.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

/**
 * The template with `{name}` replaced by args[name] (left as it is when absent), or by
 * args[`name@<locale>`] when the argument has a form for the message's language; a detail
 * (`detail`, `…Detail`) names a text of its own, filled in turn. A template is cut once, not
 * searched by a regular expression per message (55,000 messages of a million-record zone
 * took about 0.35 s that way). A detail whose text names itself again through the arguments
 * (`caa-iodef-url` holds `{fixDetail}`) is not opened twice: the inner one stays as its key,
 * so no arguments can make filling recurse without end.
 */
function fill(template: string, args: ProblemArgs | undefined, locale: Locale, open?: readonly string[]): string {
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  const out: string[] = [parts[0]];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    // `name@ja`: the argument as written for that language (a list in its own punctuation).
    const v = (locale !== 'en' ? args?.[`${key}@${locale}`] : undefined) ?? args?.[key];
    if (v === undefined) out.push(`{${key}}`);
    else {
      const name = String(v);
      const d = (key === 'detail' || key.endsWith('Detail')) && !open?.includes(name) ? allDetails.get(name) : undefined;
      out.push(d ? fill(d[locale], args, locale, open ? [...open, name] : [name]) : name);
    }
    out.push(parts[i + 1]);
  }
  return out.join('');
}

export function formatMessage(problem: Problem, locale: Locale = 'en'): string {
  return fill(codeDef(problem.code).message[locale], problem.args, locale);
}

/** Where a code's documentation lives (LSP codeDescription.href). */
export function codeHref(code: string): string {
  return `https://github.com/zonelint/zonelint/blob/main/docs/diagnostics.md#${code}`;
}
