/**
 * The resolver's index of an incremental zone (dns/zoneData.ts ZoneIndex), read from the
 * indexes the zone keeps edit by edit: the DNS-dependent checks of a large zone would
 * otherwise group every record by owner again on each run (a second at a million records,
 * with the editor waiting). Answers exactly as the flat index of the same records would.
 */
import type { ResourceRecord, Zone } from '../zone/ast';
import { flatIndex, isAtOrBelow, type ZoneIndex } from '../dns/zoneData';

const NS = 2;

/** What the incremental zone lends: its maps, read (never changed) here. */
export interface OwnerIndexes {
  /** Owner key → the records of each piece holding some, in document order. */
  readonly ownerRecords: (key: string) => readonly (readonly ResourceRecord[])[] | undefined;
  /** Parent key → child keys, kept once seen (a child may have no records any more). */
  readonly children: ReadonlyMap<string, ReadonlySet<string>>;
  /** Owners with NS or DNAME records. */
  readonly cuts: ReadonlyMap<string, number>;
  /** Whether an owner key has records now. */
  readonly hasOwner: (key: string) => boolean;
}

export class IncrementalResolverIndex implements ZoneIndex {
  private stale: ZoneIndex | undefined;

  constructor(
    readonly apex: string,
    private readonly zone: Zone,
    /** False once an edit has changed the zone since `zone` was made. */
    private readonly isCurrent: () => boolean,
    private readonly owners: OwnerIndexes,
  ) {}

  /** A stale zone (a run still reading it after an edit) is served from its own records. */
  private fallback(): ZoneIndex | undefined {
    return this.isCurrent() ? undefined : (this.stale ??= flatIndex(this.zone));
  }

  recordsAt(key: string): readonly ResourceRecord[] | undefined {
    const stale = this.fallback();
    if (stale) return stale.recordsAt(key);
    if (!isAtOrBelow(key, this.apex)) return undefined;
    const lists = this.owners.ownerRecords(key);
    if (lists === undefined || lists.length === 0) return undefined;
    return lists.length === 1 ? lists[0] : lists.flat();
  }

  exists(key: string): boolean {
    const stale = this.fallback();
    if (stale) return stale.exists(key);
    if (key === this.apex) return true;
    if (!isAtOrBelow(key, this.apex)) return false;
    return this.owners.hasOwner(key) || this.hasDescendant(key);
  }

  get hasCuts(): boolean {
    const stale = this.fallback();
    // NS or DNAME owners, the apex among them: a cheap "maybe", isCut decides.
    return stale ? stale.hasCuts : this.owners.cuts.size > 0;
  }

  isCut(key: string): boolean {
    const stale = this.fallback();
    if (stale) return stale.isCut(key);
    if (key === this.apex || !this.owners.cuts.has(key)) return false;
    return this.recordsAt(key)?.some((r) => r.typeCode === NS) === true;
  }

  /** Whether some name below `key` has records. */
  private hasDescendant(key: string): boolean {
    return ownedDescendant(this.owners.children, this.owners.hasOwner, key) !== undefined;
  }
}

/** An owner with records now below `key`, if any (children of removed owners are kept, so look on). */
export function ownedDescendant(
  children: ReadonlyMap<string, ReadonlySet<string>>,
  hasOwner: (key: string) => boolean,
  key: string,
): string | undefined {
  const stack = [key];
  while (stack.length > 0) {
    const below = children.get(stack.pop()!);
    if (below === undefined) continue;
    for (const child of below) {
      if (hasOwner(child)) return child;
      stack.push(child);
    }
  }
  return undefined;
}

/** A zone index made when it is first read: the owner indexes of a zone just opened are not made for nothing. */
export class LazyIndex implements ZoneIndex {
  private made: ZoneIndex | undefined;

  constructor(
    readonly apex: string,
    private readonly make: () => ZoneIndex,
  ) {}

  private get index(): ZoneIndex {
    return (this.made ??= this.make());
  }

  recordsAt(key: string): readonly ResourceRecord[] | undefined {
    return this.index.recordsAt(key);
  }

  exists(key: string): boolean {
    return this.index.exists(key);
  }

  get hasCuts(): boolean {
    return this.index.hasCuts;
  }

  isCut(key: string): boolean {
    return this.index.isCut(key);
  }
}
