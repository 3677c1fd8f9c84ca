/**
 * Reading what a receiver wrote about a message: header fields found anywhere in a
 * pasted text (a header block, a whole message, a DSN with the original attached),
 * unfolded (RFC 5322 §2.2.3); Authentication-Results and ARC-Authentication-Results
 * (RFC 8601 §2.2, RFC 8617 §4.1.1), Received-SPF (RFC 7208 §9.1) and Received
 * (RFC 5321 §4.4), and MailChannels' X-MailChannels-Auth-Id. Never throws: what does not
 * parse is skipped.
 */

export interface HeaderField {
  /** Lower-cased field name. */
  readonly name: string;
  /** The unfolded value (CRLF + WSP replaced by the WSP). */
  readonly value: string;
}

const NAMES = /^(authentication-results|arc-authentication-results|received-spf|received|return-path|from|diagnostic-code|x-postfix-sender|original-recipient|final-recipient|x-mailchannels-auth-id|dkim-signature)\s*:/i;

/** The fields of interest, in the order they appear, wherever in the text they are. */
export function headerFields(text: string): HeaderField[] {
  const lines = text.split(/\r?\n/);
  const out: HeaderField[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = NAMES.exec(lines[i]);
    if (!m) continue;
    let value = lines[i].slice(m[0].length);
    while (i + 1 < lines.length && /^[ \t]+\S/.test(lines[i + 1]) && !/^\s*5\d\d[- ]/.test(lines[i + 1])) value += lines[++i];
    out.push({ name: m[1].toLowerCase(), value: value.trim() });
  }
  return out;
}

/** One `method=result` of an Authentication-Results field (RFC 8601 §2.2 resinfo). */
export interface MethodResult {
  readonly method: string;
  readonly result: string;
  readonly reason?: string;
  /** `ptype.property` (lower-cased) → value, e.g. `smtp.mailfrom`, `header.from`. */
  readonly props: Readonly<Record<string, string>>;
  /** Comments written inside the resinfo, without their parentheses. */
  readonly comments: readonly string[];
}

export interface AuthResults {
  /**
   * Who wrote the field (RFC 8601 §2.2). Undefined when the field starts with a result:
   * Microsoft's receivers (Outlook.com, Exchange Online) write none.
   */
  readonly authservId?: string;
  readonly results: readonly MethodResult[];
}

/** Removes comments (nested, RFC 5322 §3.2.2), outside quoted strings; returns them too. */
function stripComments(s: string): { text: string; comments: string[] } {
  let text = '';
  const comments: string[] = [];
  let depth = 0;
  let comment = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (depth === 0 && c === '"') quoted = !quoted;
    if (!quoted && c === '\\' && i + 1 < s.length) {
      if (depth > 0) comment += s[i + 1];
      else text += c + s[i + 1];
      i++;
    } else if (!quoted && c === '(') {
      if (depth > 0) comment += c;
      depth++;
    } else if (!quoted && c === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        comments.push(comment.trim());
        comment = '';
        text += ' ';
      } else comment += c;
    } else if (depth > 0) comment += c;
    else text += c;
  }
  return { text, comments };
}

/** Splits on `;` outside quoted strings and comments. */
function splitSemicolons(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[++i];
      continue;
    }
    if (depth === 0 && c === '"') quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && depth > 0) depth--;
    if (c === ';' && depth === 0 && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function unquote(v: string): string {
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
}

/** `key = value` pairs (values may be quoted strings with blanks). */
const PAIR = /([A-Za-z0-9_.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]+)/g;

/** `method[/version]=result` at the start of a resinfo (RFC 8601 §2.2). */
const METHOD_RESULT = /^\s*([A-Za-z0-9_-]+)(?:\s*\/\s*\d+)?\s*=\s*([A-Za-z]+)/;

/**
 * Parses an (ARC-)Authentication-Results value. Undefined when it has neither an
 * authserv-id nor a result. A value that starts with a result has no authserv-id (an
 * authserv-id holds no `=`): Microsoft writes `spf=pass (sender IP is …) smtp.mailfrom=…;
 * dkim=…;dmarc=… action=none header.from=…;compauth=pass reason=100`.
 */
export function parseAuthResults(value: string, arc = false): AuthResults | undefined {
  const parts = splitSemicolons(value);
  // ARC-Authentication-Results starts with the instance tag `i=N;` (RFC 8617 §4.1.1).
  if (arc && /^\s*i\s*=\s*\d+\s*$/.test(stripComments(parts[0]).text)) parts.shift();
  if (parts.length === 0) return undefined;
  const first = stripComments(parts[0]).text;
  const authservId = METHOD_RESULT.test(first) ? undefined : first.trim().split(/\s+/)[0];
  if (authservId === '') return undefined;
  const results: MethodResult[] = [];
  for (const part of authservId === undefined ? parts : parts.slice(1)) {
    const { text, comments } = stripComments(part);
    const method = METHOD_RESULT.exec(text);
    if (!method) continue;
    const props: Record<string, string> = {};
    let reason: string | undefined;
    const rest = text.slice(method[0].length);
    for (const m of rest.matchAll(PAIR)) {
      const key = m[1].toLowerCase();
      if (key === 'reason') reason = unquote(m[2]);
      else if (key.includes('.')) props[key] = unquote(m[2]);
    }
    results.push({ method: method[1].toLowerCase(), result: method[2].toLowerCase(), ...(reason !== undefined ? { reason } : {}), props, comments });
  }
  return authservId === undefined ? { results } : { authservId, results };
}

export interface ReceivedSpf {
  readonly result: string;
  readonly comment?: string;
  /** Lower-cased keys: client-ip, envelope-from, helo, receiver, identity, problem, mechanism. */
  readonly pairs: Readonly<Record<string, string>>;
}

/** Parses a Received-SPF value (RFC 7208 §9.1). */
export function parseReceivedSpf(value: string): ReceivedSpf | undefined {
  const m = /^\s*([A-Za-z]+)/.exec(value);
  if (!m) return undefined;
  const { text, comments } = stripComments(value.slice(m[0].length));
  const pairs: Record<string, string> = {};
  for (const p of text.matchAll(PAIR)) pairs[p[1].toLowerCase()] = unquote(p[2]);
  return { result: m[1].toLowerCase(), ...(comments[0] !== undefined ? { comment: comments[0] } : {}), pairs };
}

/** The connecting client's address in a Received field's `from` clause (`[192.0.2.1]`, `[IPv6:…]`). */
export function receivedFromIp(value: string): { ip: string; helo?: string } | undefined {
  const from = /^\s*from\s+(\S+)\s*(\([^)]*\))?/i.exec(value);
  if (!from) return undefined;
  const clause = from[0];
  const ip = /\[(?:IPv6:)?([0-9A-Fa-f:.]+)\]/.exec(clause) ?? /\(\s*([0-9]{1,3}(?:\.[0-9]{1,3}){3})\s*\)/.exec(clause);
  if (!ip) return undefined;
  return { ip: ip[1], helo: from[1] };
}

/**
 * Addresses a receiver named in prose: "designates 192.0.2.1 as", "discourages use of
 * 192.0.2.1 as" (a softfail, in Microsoft's Received-SPF, which has no client-ip=), "sender
 * IP is 192.0.2.1", "client-ip=…".
 */
export function ipInComment(comment: string): string | undefined {
  const m =
    /\b(?:designates?|discourages use of)\s+([0-9A-Fa-f:.]+)\s+as\b/i.exec(comment) ??
    /\bsender IP is\s+([0-9A-Fa-f:.]+)/i.exec(comment) ??
    /\bclient-ip[=:]\s*([0-9A-Fa-f:.]+)/i.exec(comment);
  return m?.[1].replace(/\.$/, '');
}
