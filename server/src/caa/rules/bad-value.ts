/**
 * caa-bad-value — a CAA value a CA cannot use (RFC 8659 §4.2–4.4, RFC 9495 §3).
 * An issue, issuewild or issuemail value that does not match the grammar is read as naming
 * no CA (§4.2: "MUST be treated the same as one specifying an empty issuer-domain-name"):
 * if it is the name's only one, no certificate can be issued or renewed (error). Found: a
 * URL where the CA's domain name goes (`https://letsencrypt.org`), a final dot
 * (`letsencrypt.org.`), several CAs in one value, anything else that is no domain name, and
 * (a warning) parameters that do not follow the grammar. An iodef value that is no mailto:,
 * http: or https: URL gets no reports (warning), and flags other than 0 and 128 set bits
 * that must be 0 (§4.1, warning). Where the intent is plain, the fix writes it. Records in
 * RFC 3597 form (`\#`) are left alone.
 */
import type { Problem, Severity } from '../../diagnostics/types';
import type { CharString, ResourceRecord, Span } from '../../zone/ast';
import { ISSUER_TAGS, iodefValueProblem, issueValueProblem } from '../value';
import { CaaCodes } from '../codes';
import { problem } from '../../zone/semantics/context';
import { writtenToken } from '../../zone/semantics/targets';

/** The source range of octets [from, to) of a character-string. */
function spanOf(s: CharString, from: number, to: number): Span {
  const start = s.offsets[from];
  const end = to > from ? s.offsets[to - 1] + 1 : start;
  // An escape (`\059`) makes one octet of several characters: end where the next octet starts.
  const next = s.offsets[to];
  return { offset: start, length: (to > from && next !== undefined && next > end ? next : end) - start };
}

/** `fix`: what to write, and the text it replaces as the value has it (the fix checks the source holds that). */
function report(r: ResourceRecord, span: Span, tag: string, args: Record<string, string | number>, severity?: Severity, fix?: { replacement: string; written: string }): Problem {
  const p = problem(CaaCodes.badValue, r, span, { tag, ...args });
  return { ...p, ...(severity ? { severity } : {}), ...(fix ? { data: fix } : {}) };
}

export function checkBadValue(caa: readonly ResourceRecord[]): Problem[] {
  const out: Problem[] = [];
  for (const r of caa) {
    const { tag, flags, value } = r.rdata.fields;
    const flagsToken = writtenToken(r, 0);
    const string = r.rdata.strings?.[0];
    if (typeof tag !== 'string' || typeof flags !== 'number' || typeof value !== 'string' || !flagsToken || !string) continue;
    if (flags !== 0 && flags !== 128) out.push(report(r, flagsToken, tag, { detail: 'caa-flags', flags }, 'warning'));
    const lower = tag.toLowerCase();
    if (ISSUER_TAGS.has(lower)) {
      const found = issueValueProblem(value);
      if (!found) continue;
      const severity = found.detail === 'caa-parameters' ? 'warning' : undefined;
      const fix = found.replacement !== undefined ? { replacement: found.replacement, written: value.slice(found.from, found.to) } : undefined;
      out.push(report(r, spanOf(string, found.from, found.to), tag, { detail: found.detail, issuer: found.issuer ?? '', replacement: found.replacement ?? '' }, severity, fix));
    } else if (lower === 'iodef') {
      const found = iodefValueProblem(value);
      if (!found) continue;
      const fixDetail = found.replacement ? 'caa-iodef-mailto' : 'caa-iodef-plain';
      const fix = found.replacement !== undefined ? { replacement: found.replacement, written: value } : undefined;
      out.push(report(r, spanOf(string, found.from, found.to), tag, { detail: found.detail, value, fixDetail }, 'warning', fix));
    }
  }
  return out;
}
