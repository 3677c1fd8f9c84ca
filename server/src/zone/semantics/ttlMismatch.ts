/**
 * zone-ttl-mismatch — records of one RRset with different TTLs.
 *
 * RFC 2181 §5.2: all RRs of an RRset must have the same TTL. BIND keeps the first
 * record's TTL and logs "TTL set to prior TTL (N)" for each later record that differs;
 * Knot logs "TTL mismatch … TTL set to N". We flag every record whose TTL differs from
 * the first one's, on its TTL field (or the whole record when the TTL is inherited).
 *
 * RRSIGs are grouped by the type they cover, as BIND stores them: RFC 4034 §3 ties an
 * RRSIG's TTL to the covered RRset, so signatures over different types may differ.
 */
import type { Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { nameKey } from '../names';
import { SemanticsCodes } from './codes';
import { type SemanticContext, problem } from './context';

function rrsetKey(r: ResourceRecord): string {
  const covered = r.type === 'RRSIG' || r.type === 'SIG' ? ` ${(r.tokens[0]?.text ?? '').toUpperCase()}` : '';
  return `${nameKey(r.owner)} ${r.class.toUpperCase()} ${r.typeCode}${covered}`;
}

export function checkTtlMismatch(ctx: SemanticContext): Problem[] {
  const out: Problem[] = [];
  const first = new Map<string, ResourceRecord>();
  for (const r of ctx.all) {
    const key = rrsetKey(r);
    const head = first.get(key);
    if (!head) {
      first.set(key, r);
      continue;
    }
    if (r.ttl === head.ttl) continue;
    out.push(
      problem(SemanticsCodes.ttlMismatch, r, r.ttlSpan ?? r.span, {
        ttl: r.ttl,
        firstTtl: head.ttl,
        type: r.type,
        owner: r.owner,
      }),
    );
  }
  return out;
}
