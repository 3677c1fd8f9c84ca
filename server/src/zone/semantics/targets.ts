/**
 * The name-valued RDATA fields that point at a host: where each lives in the codec's
 * `fields` and which written token holds it, for the target rules (CNAME targets,
 * address-as-name, glue, check-names).
 */
import type { ResourceRecord, Token } from '../ast';
import { recordsOfType } from '../checks/owners';
import { nameField } from './context';

export interface TargetField {
  readonly type: 'MX' | 'NS' | 'SRV' | 'CNAME';
  readonly typeCode: number;
  /** RFC field name in `rdata.fields` (dns-packet style). */
  readonly field: string;
  /** Index of the RDATA token that holds the name as written. */
  readonly tokenIndex: number;
}

export const MX_TARGET: TargetField = { type: 'MX', typeCode: 15, field: 'exchange', tokenIndex: 1 };
export const NS_TARGET: TargetField = { type: 'NS', typeCode: 2, field: 'target', tokenIndex: 0 };
export const SRV_TARGET: TargetField = { type: 'SRV', typeCode: 33, field: 'target', tokenIndex: 3 };
export const CNAME_TARGET: TargetField = { type: 'CNAME', typeCode: 5, field: 'target', tokenIndex: 0 };

export interface Target {
  readonly record: ResourceRecord;
  /** The absolute target name. */
  readonly name: string;
  /** The token the name was written as; undefined for records without tokens. */
  readonly token: Token | undefined;
}

/** The RDATA token at `index`, unless the RDATA was written in RFC 3597 `\#` form. */
export function writtenToken(record: ResourceRecord, index: number): Token | undefined {
  // Read once: a record may scan its tokens again on each read.
  const tokens = record.tokens;
  const first = tokens[0];
  if (first && !first.quoted && first.text === '\\#') return undefined;
  return tokens[index];
}

/**
 * Several rules ask for the same targets of the same records: each list is made once per
 * synchronous run. Not kept longer: the list may be the zone's own record list, and the
 * tokens of records moved by a later edit (incremental parsing) are read anew.
 */
let made: WeakMap<readonly ResourceRecord[], Map<TargetField, Target[]>> | undefined;

/** Every record of the target's type with its target name and token (do not modify the list). */
export function targetsOf(records: readonly ResourceRecord[], target: TargetField): Target[] {
  if (made === undefined) {
    made = new WeakMap();
    queueMicrotask(() => (made = undefined));
  }
  let byField = made.get(records);
  if (!byField) made.set(records, (byField = new Map()));
  let out = byField.get(target);
  if (!out) byField.set(target, (out = findTargets(records, target)));
  return out;
}

function findTargets(records: readonly ResourceRecord[], target: TargetField): Target[] {
  const out: Target[] = [];
  for (const record of recordsOfType(records, target.typeCode)) {
    const name = nameField(record, target.field);
    if (name === undefined) continue;
    out.push(new LazyTarget(record, name, target.tokenIndex));
  }
  return out;
}

/**
 * A target whose token is read when first asked for: reading it scans the record's line
 * again, and most rules need the token only to place a diagnostic.
 */
class LazyTarget implements Target {
  private read = false;
  private written: Token | undefined;

  constructor(
    readonly record: ResourceRecord,
    readonly name: string,
    private readonly tokenIndex: number,
  ) {}

  get token(): Token | undefined {
    if (!this.read) {
      this.written = writtenToken(this.record, this.tokenIndex);
      this.read = true;
    }
    return this.written;
  }
}
