/**
 * Domain names in presentation form (RFC 1035 §5.1, RFC 4343): parsing with `\X` and
 * `\DDD` escapes, `@`, relative names, and the 63/255-octet limits.
 *
 * A name is kept as its canonical presentation string: absolute, trailing dot,
 * case as written, every octet that needs it escaped the way BIND prints it
 * (`\"`, `\(`, `\)`, `\.`, `\;`, `\\`, `\@`, `\$`, other non-printables as `\DDD`).
 */
import { charOctets } from './encoding';

export type NameError = 'empty-label' | 'label-too-long' | 'name-too-long' | 'bad-escape';

export type NameResult =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly reason: NameError; /** offset inside the text */ readonly at: number };

const MAX_LABEL = 63;
const MAX_NAME = 255;

/** Octets that must be escaped in presentation form, by char code. */
const SPECIAL = new Uint8Array(256);
for (const c of '"().;\\@$') SPECIAL[c.charCodeAt(0)] = 1;

/** Characters that can stand for themselves in a canonical name, for the fast path. */
const PLAIN = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) if (!SPECIAL[c]) PLAIN[c] = 1;

export function escapeLabelOctet(octet: number): string {
  if (octet < 0x21 || octet > 0x7e) return '\\' + String(octet).padStart(3, '0');
  if (SPECIAL[octet]) return '\\' + String.fromCharCode(octet);
  return String.fromCharCode(octet);
}

/** Encodes a label given as a binary string (one char per octet). */
export function escapeLabel(octets: string): string {
  let plain = true;
  for (let i = 0; i < octets.length && plain; i++) {
    const c = octets.charCodeAt(i);
    plain = c < 128 && PLAIN[c] === 1;
  }
  if (plain) return octets;
  // Joined, not appended: `+=` per octet leaves a chain of string pieces in every name.
  const out: string[] = [];
  for (let i = 0; i < octets.length; i++) out.push(escapeLabelOctet(octets.charCodeAt(i)));
  return out.join('');
}

/**
 * Splits a presentation-form name into its labels, decoded to binary strings.
 * The root label is not included: `a.b.` → ['a', 'b']; `.` → [].
 * Returns an error for a malformed text; `relative` is true when no trailing dot.
 */
export function decodeName(
  text: string,
): { ok: true; labels: string[]; relative: boolean } | { ok: false; reason: NameError; at: number } {
  if (text === '.') return { ok: true, labels: [], relative: false };
  const labels: string[] = [];
  let label = '';
  let labelStart = 0;
  // Wire octets of the labels so far: past 255 the name is too long whatever follows,
  // so a hostile owner of millions of labels is not decoded to the end.
  let wire = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x2e /* . */) {
      if (label.length === 0) return { ok: false, reason: 'empty-label', at: i };
      wire += label.length + 1;
      if (wire > MAX_NAME) return { ok: false, reason: 'name-too-long', at: 0 };
      labels.push(label);
      label = '';
      i++;
      labelStart = i;
      continue;
    }
    if (c === 0x5c /* \ */) {
      if (i + 1 >= n) return { ok: false, reason: 'bad-escape', at: i };
      const d = text.charCodeAt(i + 1);
      if (d >= 0x30 && d <= 0x39) {
        const digits = text.slice(i + 1, i + 4);
        if (!/^[0-9]{3}$/.test(digits)) return { ok: false, reason: 'bad-escape', at: i };
        const v = Number(digits);
        if (v > 255) return { ok: false, reason: 'bad-escape', at: i };
        label += String.fromCharCode(v);
        i += 4;
      } else {
        label += utf8Octets(text, i + 1);
        i += d >= 0xd800 && d <= 0xdbff ? 3 : 2;
      }
    } else if (c < 0x80) {
      label += text[i];
      i++;
    } else {
      label += utf8Octets(text, i);
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    if (label.length > MAX_LABEL) return { ok: false, reason: 'label-too-long', at: labelStart };
  }
  if (label.length > 0) {
    labels.push(label);
    return { ok: true, labels, relative: true };
  }
  return { ok: true, labels, relative: false };
}

function utf8Octets(text: string, i: number): string {
  return i < text.length ? charOctets(text, i) : '\0';
}

/** Canonical presentation of decoded labels (absolute). */
export function encodeName(labels: readonly string[]): string {
  if (labels.length === 0) return '.';
  const out: string[] = [];
  for (const l of labels) out.push(escapeLabel(l));
  out.push('');
  return out.join('.');
}

function wireLength(labels: readonly string[]): number {
  let len = 1;
  for (const l of labels) len += l.length + 1;
  return len;
}

const originCache = new Map<string, string[]>();
function originLabels(origin: string): string[] {
  let labels = originCache.get(origin);
  if (!labels) {
    const d = decodeName(origin);
    labels = d.ok ? d.labels : [];
    if (originCache.size > 1000) originCache.clear();
    originCache.set(origin, labels);
  }
  return labels;
}

/**
 * Fast path for the commonest name in a zone: plain labels, no trailing dot, below a
 * plain origin. The result is one flat string (a `+` would leave two pieces per name).
 * Undefined when the general path is needed (escapes, `@`, limits, an escaped origin).
 */
function plainRelative(text: string, origin: string): string | undefined {
  const n = text.length;
  if (n === 0 || text.charCodeAt(n - 1) === 0x2e) return undefined;
  let labelLen = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (labelLen === 0) return undefined;
      labelLen = 0;
    } else if (c < 128 && PLAIN[c]) {
      if (++labelLen > MAX_LABEL) return undefined;
    } else return undefined;
  }
  if (origin === '.') return n + 2 > MAX_NAME ? undefined : flatJoin(text, '.');
  // Presentation length + 1 is the wire length when neither part has escapes.
  if (n + 1 + origin.length + 1 > MAX_NAME || origin.includes('\\')) return undefined;
  return [text, origin].join('.');
}

/** `a + b` as one flat string rather than a two-piece cons string. */
export function flatJoin(a: string, b: string): string {
  return [a, b].join('');
}

function isPlainAbsolute(text: string): boolean {
  // Fast path: labels of plain characters separated by single dots, ending in a dot.
  const n = text.length;
  if (n < 2 || text.charCodeAt(n - 1) !== 0x2e) return false;
  let labelLen = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (labelLen === 0) return false;
      labelLen = 0;
    } else if (c < 128 && PLAIN[c]) {
      if (++labelLen > MAX_LABEL) return false;
    } else return false;
  }
  return n <= MAX_NAME - 1;
}

/**
 * Parses a name as written in a zone file, relative to `origin` (itself an absolute
 * canonical name). `@` stands for the origin.
 */
export function parseName(text: string, origin: string): NameResult {
  if (text === '@') return { ok: true, name: origin };
  if (isPlainAbsolute(text)) return { ok: true, name: text };
  const relative = plainRelative(text, origin);
  if (relative !== undefined) return { ok: true, name: relative };
  const d = decodeName(text);
  if (!d.ok) return d;
  const labels = d.relative ? d.labels.concat(originLabels(origin)) : d.labels;
  if (wireLength(labels) > MAX_NAME) return { ok: false, reason: 'name-too-long', at: 0 };
  return { ok: true, name: encodeName(labels) };
}

/** Lower-cases ASCII letters only (RFC 4343): the key for comparing names. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

export function namesEqual(a: string, b: string): boolean {
  return a.length === b.length && nameKey(a) === nameKey(b);
}

/** True when `name` equals `parent` or lies below it. Both canonical, absolute. */
export function isSubdomain(name: string, parent: string): boolean {
  if (parent === '.') return true;
  const n = nameKey(name);
  const p = nameKey(parent);
  if (n === p) return true;
  if (!n.endsWith(p) || n.length <= p.length) return false;
  // The char before the parent must be a label separator, not an escaped dot.
  const cut = n.length - p.length;
  if (n.charCodeAt(cut - 1) !== 0x2e) return false;
  let backslashes = 0;
  for (let i = cut - 2; i >= 0 && n.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** The name relative to `origin` (`@` for the origin itself), or the absolute name. */
export function relativize(name: string, origin: string): string {
  if (namesEqual(name, origin)) return '@';
  if (origin !== '.' && isSubdomain(name, origin)) return name.slice(0, name.length - origin.length - 1);
  return name;
}

/** Labels of a canonical absolute name, still escaped: `a\.b.c.` → ['a\.b', 'c']. */
export function splitLabels(name: string): string[] {
  if (name === '.') return [];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5c) {
      i++;
      continue;
    }
    if (c === 0x2e) {
      out.push(name.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

/** The parent of an absolute name (`a.b.` → `b.`; `.` → `.`). */
export function parentName(name: string): string {
  if (!name.endsWith('.') || name.endsWith('\\.')) {
    const labels = splitLabels(name);
    return labels.length <= 1 ? '.' : labels.slice(1).join('.') + '.';
  }
  // The text after the first unescaped dot (called for every level of every name checked).
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x2e) return i + 1 >= name.length ? '.' : name.slice(i + 1);
  }
  return '.';
}

/** The parent of a canonical absolute name (`a.b.` → `b.`), undefined for the root. */
export function parentOf(name: string): string | undefined {
  if (name === '.') return undefined;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x2e /* . */) return i + 1 >= name.length ? '.' : name.slice(i + 1);
  }
  return '.';
}

/** Whether parentOf(name) is `parent`, without making the parent. */
export function hasParent(name: string, parent: string): boolean {
  if (name === '.') return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x2e /* . */) {
      if (i + 1 >= name.length) return parent === '.';
      return name.length - i - 1 === parent.length && name.endsWith(parent);
    }
  }
  return parent === '.';
}

/**
 * The names of a zone that exist without records of their own (RFC 8020 §2: empty
 * non-terminals): the ancestors of the owner keys of `owners` down from `apexKey`, and the
 * apex itself when it owns none. `owners` holds keys at or below the apex only.
 */
export function emptyNonTerminals(owners: ReadonlyMap<string, unknown>, apexKey: string): Set<string> {
  const empty = new Set<string>();
  if (!owners.has(apexKey)) empty.add(apexKey);
  // Owners in zone order mostly share their parent with the owner before: once one owner's
  // ancestors are in, the next one's walk would stop at once, so it is not made again (a
  // million-record zone's 600,000 parents made and hashed took a third of a second).
  let walked: string | undefined;
  for (const key of owners.keys()) {
    if (key === apexKey || (walked !== undefined && hasParent(key, walked))) continue;
    walked = parentOf(key);
    for (let up = walked; up !== undefined && !owners.has(up) && !empty.has(up); up = parentOf(up)) empty.add(up);
  }
  return empty;
}

/**
 * Where a wildcard answers from for a name that does not exist (RFC 4592 §3.3.1): the `*`
 * child of the name's closest encloser (its nearest existing ancestor), when that child
 * exists; undefined when it does not (the answer is NXDOMAIN). `exists` says which names
 * of the zone exist, empty non-terminals among them.
 */
export function wildcardSource(key: string, exists: (key: string) => boolean): string | undefined {
  let encloser = parentOf(key);
  while (encloser !== undefined && !exists(encloser)) encloser = parentOf(encloser);
  const source = encloser === undefined ? undefined : encloser === '.' ? '*.' : '*.' + encloser;
  return source !== undefined && exists(source) ? source : undefined;
}
