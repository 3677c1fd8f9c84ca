/**
 * Problems moved with the text they lie in: an edit above a record moves its problems,
 * which are kept (incremental checking) rather than made again.
 */
import type { Problem } from './types';

/**
 * A problem (and the spans in its quick-fix data) with offsets mapped; in-file offsets
 * only. The same object when nothing moved, so what was made from it can be reused.
 */
export function moved(p: Problem, map: (o: number) => number): Problem {
  if (p.file !== undefined) return p;
  const offset = map(p.offset);
  const data = p.data === undefined ? undefined : movedData(p.data, map);
  if (offset === p.offset && data === p.data) return p;
  const out = data === undefined ? { ...p, offset } : { ...p, offset, data };
  origins.set(out, originOf(p));
  return out;
}

/** The problem a moved problem was made from (what a diagnostic made from it is cached by). */
const origins = new WeakMap<Problem, Problem>();

export function originOf(p: Problem): Problem {
  return origins.get(p) ?? p;
}

/** `data` with numbers under keys `offset` or `…Offset` mapped (Span and insert points); itself when none moved. */
function movedData(data: unknown, map: (o: number) => number, depth = 0): unknown {
  if (depth > 8 || data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < data.length; i++) {
      const v = movedData(data[i], map, depth + 1);
      if (v !== data[i]) (out ??= [...data])[i] = v;
    }
    return out ?? data;
  }
  let out: Record<string, unknown> | undefined;
  const record = data as Record<string, unknown>;
  for (const k in record) {
    const v = record[k];
    const w = typeof v === 'number' ? (k === 'offset' || k.endsWith('Offset') ? map(v) : v) : movedData(v, map, depth + 1);
    if (w !== v) (out ??= { ...record })[k] = w;
  }
  return out ?? data;
}
