/**
 * zone-ttl-mismatch — records of one RRset with different TTLs.
 *
 * RFC 2181 §5.2: all RRs of an RRset must have the same TTL. BIND keeps the first
 * record's TTL and logs "TTL set to prior TTL (N)" for each later record that differs;
 * Knot logs "TTL mismatch … TTL set to N". We flag every record whose TTL differs from
 * the first one's, on its TTL field (or the whole record when the TTL is inherited).
 * The message does not say which TTL BIND loads: when other names' records come between
 * the set's records, a later run's TTL wins (rrsetTtl.ts), and the incremental checker,
 * which checks an owner's records without its neighbours, cannot tell.
 *
 * RRSIGs are grouped by the type they cover, as BIND stores them: RFC 4034 §3 ties an
 * RRSIG's TTL to the covered RRset, so signatures over different types may differ.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { nameKey } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, problem } from './context';

/** The type an RRSIG or SIG covers, which makes it an RRset of its own (RFC 4035 §2.2). */
function covered(r: ResourceRecord): string {
  return r.type === 'RRSIG' || r.type === 'SIG' ? (r.tokens[0]?.text ?? '').toUpperCase() : '';
}

/** Same owner assumed: the same class, type and, for signatures, covered type. */
function sameRRset(a: ResourceRecord, b: ResourceRecord): boolean {
  return (
    a.typeCode === b.typeCode &&
    (a.class === b.class || a.class.toUpperCase() === b.class.toUpperCase()) &&
    covered(a) === covered(b)
  );
}

export function checkTtlMismatch(ctx: SemanticContext): Problem[] {
  if (ctx.duplicates.size > 0) return checkRecordByRecord(ctx);
  // Without duplicates every record is in its owner's list: the heads are found owner by
  // owner (no lookup per record), and only the records that differ are looked for in order.
  const heads = new Map<ResourceRecord, ResourceRecord>();
  for (const list of ctx.byOwner.values()) {
    for (let i = 1; i < list.length; i++) {
      const r = list[i];
      const head = list.find((h) => sameRRset(h, r));
      if (head && r.ttl !== head.ttl) heads.set(r, head);
    }
  }
  if (heads.size === 0) return [];
  const out: Problem[] = [];
  for (const r of ctx.all) {
    const head = heads.get(r);
    if (head) out.push(mismatch(r, head));
  }
  return out;
}

function checkRecordByRecord(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  // The first record of each RRset is the first of its RRset in the owner's list of
  // ctx.byOwner (a duplicate never comes first); records of one owner come in runs.
  let lastOwner: string | undefined;
  let list: readonly ResourceRecord[] = [];
  for (const r of ctx.all) {
    if (r.owner !== lastOwner) {
      lastOwner = r.owner;
      list = ctx.byOwner.get(nameKey(r.owner)) ?? [];
    }
    const head = list.find((h) => sameRRset(h, r));
    if (head && r.ttl !== head.ttl) out.push(mismatch(r, head));
  }
  return out;
}

function mismatch(r: ResourceRecord, head: ResourceRecord): Problem {
  return problem(SemanticsCodes.ttlMismatch, r, r.ttlSpan ?? r.span, {
    ttl: r.ttl,
    firstTtl: head.ttl,
    type: r.type,
    owner: r.owner,
  });
}
