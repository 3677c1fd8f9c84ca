/**
 * The workspace's zone files: found by a bounded scan of the workspace folders, parsed
 * lazily, kept current from open documents (which win over the disk) and watched-file
 * events. Feeds go-to-definition across files and the zone-data resolver.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Zone } from '../zone/ast';
import { namesEqual } from '../zone/names';
import { decodeZoneBytes } from '../zone/encoding';
import type { ResourceRecord } from '../zone/ast';

export interface ScanLimits {
  /** Files indexed at most (the scan stops there). */
  readonly maxFiles: number;
  /** Larger files are skipped. */
  readonly maxBytes: number;
  /** Directories descended at most. */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: ScanLimits = { maxFiles: 1000, maxBytes: 2 * 1024 * 1024, maxDepth: 8 };

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** A name that is a zone file by itself, or one that needs its first line checked. */
export function zoneFileKind(fileName: string): 'zone' | 'maybe' | undefined {
  const base = path.basename(fileName);
  if (/\.(zone|arpa)$/i.test(base)) return 'zone';
  if (/^db\./i.test(base) || /\.db$/i.test(base)) return 'maybe';
  return undefined;
}

/** The first non-blank line looks like a zone file: a directive, a comment, or an SOA/NS/A record. */
export function looksLikeZone(text: string): boolean {
  const first = text.split(/\r?\n/, 50).find((l) => l.trim() !== '');
  if (first === undefined) return false;
  return /^(\$(ORIGIN|TTL|INCLUDE)\b|;|\S+\s+(\d\S*\s+)?(IN\s+)?(\d\S*\s+)?(SOA|NS|A|AAAA|MX|TXT|CNAME)\b)/i.test(first);
}

interface Entry {
  text: string;
  zone?: Zone;
  /** An open document's zone, made when first asked for (incremental parsing keeps it). */
  lazy?: () => Zone;
  /** An open document's text, joined when first asked for. */
  lazyText?: () => string;
  /** True while an open document supplies the text. */
  open: boolean;
}

export type ZoneParse = (text: string, filePath: string) => Zone;

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly diskTexts = new Map<string, string>();

  constructor(
    private readonly parse: ZoneParse,
    private readonly limits: ScanLimits = DEFAULT_LIMITS,
  ) {}

  /** Indexes the zone files under `folders` (breadth-first, bounded). Returns how many. */
  async scan(folders: readonly string[]): Promise<number> {
    let queue = folders.map((dir) => ({ dir, depth: 0 }));
    let found = 0;
    while (queue.length > 0 && found < this.limits.maxFiles) {
      const next: typeof queue = [];
      for (const { dir, depth } of queue) {
        let entries: fs.Dirent[];
        try {
          entries = await fs.promises.readdir(dir, { withFileTypes: true });
        } catch {
          continue;
        }
        for (const e of entries) {
          const full = path.join(dir, e.name);
          if (e.isDirectory()) {
            if (depth < this.limits.maxDepth && !SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) {
              next.push({ dir: full, depth: depth + 1 });
            }
          } else if (e.isFile() && found < this.limits.maxFiles && (await this.fileChanged(full))) {
            found++;
          }
        }
      }
      queue = next;
    }
    return found;
  }

  /** (Re)reads a file from disk; returns whether it is indexed as a zone file. */
  async fileChanged(filePath: string): Promise<boolean> {
    const kind = zoneFileKind(filePath);
    if (!kind) return false;
    let text: string;
    try {
      const stat = await fs.promises.stat(filePath);
      if (!stat.isFile() || stat.size > this.limits.maxBytes) return false;
      text = decodeZoneBytes(await fs.promises.readFile(filePath));
    } catch {
      this.fileDeleted(filePath);
      return false;
    }
    if (kind === 'maybe' && !looksLikeZone(text)) {
      this.fileDeleted(filePath);
      return false;
    }
    this.diskTexts.set(filePath, text);
    const entry = this.entries.get(filePath);
    if (!entry?.open) this.entries.set(filePath, { text, open: false });
    return true;
  }

  fileDeleted(filePath: string): void {
    this.diskTexts.delete(filePath);
    if (!this.entries.get(filePath)?.open) this.entries.delete(filePath);
  }

  /** An open document's parse replaces the disk version until it is closed. */
  /** `text` and `zone` may be functions: an open document's text is joined only when asked for. */
  setOpen(filePath: string, text: string | (() => string), zone: Zone | (() => Zone)): void {
    const entry: Entry = { text: typeof text === 'function' ? '' : text, open: true };
    if (typeof text === 'function') entry.lazyText = text;
    if (typeof zone === 'function') entry.lazy = zone;
    else entry.zone = zone;
    this.entries.set(filePath, entry);
  }

  closed(filePath: string): void {
    const disk = this.diskTexts.get(filePath);
    if (disk === undefined) this.entries.delete(filePath);
    else this.entries.set(filePath, { text: disk, open: false });
  }

  /** Forgets every parse (e.g. the origins setting changed); texts are kept. */
  invalidate(): void {
    for (const e of this.entries.values()) if (!e.open) e.zone = undefined;
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  zone(filePath: string): Zone | undefined {
    const e = this.entries.get(filePath);
    if (!e) return undefined;
    e.zone ??= e.lazy ? e.lazy() : this.parse(this.text(filePath) ?? '', filePath);
    return e.zone;
  }

  text(filePath: string): string | undefined {
    const e = this.entries.get(filePath);
    if (e?.lazyText) {
      e.text = e.lazyText();
      e.lazyText = undefined;
    }
    return e?.text;
  }

  zones(): Zone[] {
    return this.files().map((f) => this.zone(f)!);
  }

  /** Records owned by `name` in indexed files other than `except`, with the file they were read from. */
  findOwner(name: string, except?: string): Array<{ file: string; record: ResourceRecord }> {
    const out: Array<{ file: string; record: ResourceRecord }> = [];
    for (const file of this.files()) {
      if (file === except) continue;
      for (const record of this.zone(file)!.records) {
        if (!record.generated && namesEqual(record.owner, name)) out.push({ file: record.file ?? file, record });
      }
    }
    return out;
  }
}
