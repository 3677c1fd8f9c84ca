/**
 * Shared by zone-mx-no-address and zone-srv-no-address: a target inside the zone that
 * has no address records, as BIND's integrity checks find it ("MX 'x' has no address
 * records (A or AAAA)"). BIND asks its database for the target's A, then AAAA records:
 * a target at or below a delegation, below a DNAME, or a CNAME (zone-mx-cname's) is not
 * reported, nor one written as an address (zone-mx-address's; BIND logs both). A target
 * that owns no records, with a wildcard (RFC 4592) at a name between it and the apex
 * (`*.example.com.` above `mail.example.com.`), is not judged: whether the wildcard answers
 * for it depends on the names around it (only the closest encloser's does, and an empty
 * non-terminal is not answered), which BIND reads and we leave alone; with no wildcard
 * above it, nothing can answer for it. The root (`MX 0 .`, `SRV 0 0 0 .`: no
 * service) and names outside the zone are left alone. The diagnostic sits on the target
 * token.
 */
import type { CodeDef, Problem } from '../../diagnostics/types';
import type { ResourceRecord } from '../ast';
import { isSubdomain, nameKey, parentName } from '../names';
import { type SemanticContext, answeringRecords, isBelowCut, problem } from './context';
import { writtenAddress } from './targetAddress';
import { type TargetField, targetsOf } from './targets';

const A = 1;
const CNAME = 5;
const DNAME = 39;
const AAAA = 28;

export function checkTargetNoAddress(ctx: SemanticContext, target: TargetField, def: CodeDef): Problem[] {
  const out: Problem[] = [];
  const apexKey = nameKey(ctx.apex);
  for (const t of targetsOf(ctx.records, target)) {
    if (t.name === '.' || !isSubdomain(t.name, ctx.apex)) continue;
    const key = nameKey(t.name);
    const here = ctx.byOwner.get(key);
    if (here !== undefined && here.some(addressOrAlias)) continue;
    if (isBelowCut(ctx, t.record.owner) || ctx.cuts.has(key) || isBelowCut(ctx, t.name)) continue;
    if (belowDname(ctx, key, apexKey)) continue;
    // Written as an address: zone-mx-address says so (BIND logs both).
    if (t.token && writtenAddress(t.token.text) !== undefined) continue;
    if (here === undefined && answeringRecords(ctx, key)?.some(addressOrAlias)) continue;
    out.push(problem(def, t.record, t.token ?? t.record.span, { target: t.name, owner: t.record.owner }));
  }
  return out;
}

/** Records that give a target an address, or make it another rule's (a CNAME). */
export function addressOrAlias(r: ResourceRecord): boolean {
  return r.typeCode === A || r.typeCode === AAAA || r.typeCode === CNAME;
}

function belowDname(ctx: SemanticContext, key: string, apexKey: string): boolean {
  for (let name = key; name !== apexKey && name !== '.'; ) {
    name = parentName(name);
    if (ctx.byOwner.get(name)?.some((r) => r.typeCode === DNAME)) return true;
  }
  return false;
}
