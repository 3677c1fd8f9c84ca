/**
 * CAA property values (RFC 8659 §4.2–4.4, RFC 9495 §3): what an `issue`, `issuewild` or
 * `issuemail` value and an `iodef` URL must look like, read the way a CA reads them. A
 * problem carries the octet range of the value it is about and, where the intent is plain,
 * the text to write there.
 */

/** The property tags of the IANA registry that CAs act on (matched without case, §4.1). */
export const CAA_TAGS: readonly string[] = ['issue', 'issuewild', 'iodef', 'issuemail', 'issuevmc', 'contactemail', 'contactphone'];

/** Tags whose value is `issuer-domain-name [; parameters]`. */
export const ISSUER_TAGS: ReadonlySet<string> = new Set(['issue', 'issuewild', 'issuemail', 'issuevmc']);

export type CaaValueDetail = 'caa-issuer-url' | 'caa-issuer-dot' | 'caa-issuer-syntax' | 'caa-issuer-several' | 'caa-parameters' | 'caa-iodef-url';

export interface CaaValueProblem {
  readonly detail: CaaValueDetail;
  /** Octets [from, to) of the value. */
  readonly from: number;
  readonly to: number;
  /** What to write over [from, to), when it is plain. */
  readonly replacement?: string;
  /** The issuer as written (for messages). */
  readonly issuer?: string;
}

const LABEL = '[A-Za-z0-9](?:-*[A-Za-z0-9])*';
const ISSUER = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const PARAMETER = /^[A-Za-z0-9](?:-*[A-Za-z0-9])*[ \t]*=[ \t]*[\x21-\x3a\x3c-\x7e]*$/;
const WSP = /[ \t]/;

/** The problem of an issue-value (§4.2 ABNF), if any. A CA reads a malformed one as naming no CA. */
export function issueValueProblem(value: string): CaaValueProblem | undefined {
  let i = 0;
  while (i < value.length && WSP.test(value[i])) i++;
  const start = i;
  while (i < value.length && value[i] !== ';' && !WSP.test(value[i])) i++;
  const issuer = value.slice(start, i);
  if (issuer !== '') {
    const url = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/:?#]+)/.exec(issuer);
    if (url) return { detail: 'caa-issuer-url', from: start, to: i, replacement: url[1].replace(/\.$/, ''), issuer };
    if (issuer.endsWith('.') && ISSUER.test(issuer.slice(0, -1))) return { detail: 'caa-issuer-dot', from: start, to: i, replacement: issuer.slice(0, -1), issuer };
    // Several names, by commas or blanks (`letsencrypt.org, pki.goog`): the whole list.
    const semicolon = value.indexOf(';', start);
    const list = value.slice(start, semicolon < 0 ? value.length : semicolon).trimEnd();
    const several = /,/.test(issuer) || /[ \t]/.test(list);
    if (several && !ISSUER.test(list.replace(/[\s,]+/g, '.'))) return { detail: 'caa-issuer-syntax', from: start, to: start + list.length, issuer: list };
    if (several) return { detail: 'caa-issuer-several', from: start, to: start + list.length, issuer: list };
    if (!ISSUER.test(issuer)) return { detail: 'caa-issuer-syntax', from: start, to: i, issuer };
  }
  while (i < value.length && WSP.test(value[i])) i++;
  if (i === value.length) return undefined;
  if (value[i] !== ';') return { detail: 'caa-issuer-syntax', from: start, to: value.length, issuer: value.slice(start).trim() };
  const rest = value.slice(i + 1).trim();
  if (rest === '') return undefined;
  const parameters = rest.split(';').map((p) => p.trim());
  if (parameters.every((p) => PARAMETER.test(p))) return undefined;
  return { detail: 'caa-parameters', from: i + 1 + (value.slice(i + 1).length - value.slice(i + 1).trimStart().length), to: value.trimEnd().length, issuer };
}

/** The problem of an iodef value (§4.4): a mailto:, http: or https: URL. */
export function iodefValueProblem(value: string): CaaValueProblem | undefined {
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(value) || /^https?:\/\/[^\s/]+/i.test(value)) return undefined;
  // An address without its scheme: the intent is plain.
  const replacement = /^[^@\s:]+@[^@\s]+\.[^@\s]+$/.test(value) ? `mailto:${value}` : undefined;
  return replacement ? { detail: 'caa-iodef-url', from: 0, to: value.length, replacement } : { detail: 'caa-iodef-url', from: 0, to: value.length };
}
