/**
 * The record-set comparison of issue 2: owner names case-insensitively, whitespace
 * outside quotes ignored (in RDATA: removed), an RRset's TTL is its first record's, duplicates collapse.
 */

/** Splits a presentation line into fields: blanks outside quotes separate, escapes kept. */
export function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      cur += c + line[++i];
      has = true;
    } else if (c === '"') {
      quoted = !quoted;
      cur += c;
      has = true;
    } else if (!quoted && (c === ' ' || c === '\t')) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

export function recordSet(text: string): Set<string> {
  const rows = text
    .split('\n')
    .map(fields)
    .filter((f) => f.length >= 4);
  const firstTtl = new Map<string, string>();
  for (const [owner, ttl, cls, type] of rows) {
    const key = `${owner.toLowerCase()} ${cls} ${type}`;
    if (!firstTtl.has(key)) firstTtl.set(key, ttl);
  }
  return new Set(
    rows.map(([owner, , cls, type, ...rdata]) => {
      const key = `${owner.toLowerCase()} ${cls} ${type}`;
      // Whitespace outside quotes is ignored: BIND splits long base64 and hex into chunks.
      return `${owner.toLowerCase()} ${firstTtl.get(key)} ${cls} ${type} ${rdata.join('')}`.trimEnd();
    }),
  );
}
