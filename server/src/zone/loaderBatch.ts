/**
 * BIND 9.18's loader batches (lib/dns/master.c), which decide two things BIND reports:
 * "TTL set to prior TTL" and "DS record at top of zone". Consecutive records of one
 * owner (compared case-sensitively, in one file) form the current batch. Once that
 * batch holds NS records, a following owner equal to one of their targets opens a
 * glue batch beside it instead of closing it: the current owner stays, and comes back
 * when the glue batch ends. So after `@ NS ns`, the records of `ns` are read while the
 * apex is still the current owner, and a DS there is "at top of zone".
 */
import { nameKey } from './names';

/** What `enter` did: which batches closed and opened. */
export const GLUE_CLOSED = 1;
export const CURRENT_CLOSED = 2;
export const GLUE_OPENED = 4;
export const CURRENT_OPENED = 8;

export interface BatchState {
  readonly current: string | undefined;
  readonly glue: string | undefined;
  readonly file: string | undefined;
  readonly outer: readonly { file: string | undefined; current: string | undefined; glue: string | undefined }[];
  readonly nsTargets: readonly string[];
}

export class LoaderBatches {
  /** BIND's current owner, unchanged while a glue batch is open. */
  current: string | undefined;
  /** The owner of the open glue batch. */
  glue: string | undefined;
  private file: string | undefined;
  /** The including files' states, innermost last. */
  private readonly outer: { file: string | undefined; current: string | undefined; glue: string | undefined }[] = [];
  /** NS targets in the current batch, as name keys. */
  private readonly nsTargets: string[] = [];

  /** A copy of the whole state (incremental parsing resumes from it). */
  save(): BatchState {
    return { current: this.current, glue: this.glue, file: this.file, outer: this.outer.map((o) => ({ ...o })), nsTargets: [...this.nsTargets] };
  }

  load(state: BatchState): void {
    this.current = state.current;
    this.glue = state.glue;
    this.file = state.file;
    this.outer.length = 0;
    for (const o of state.outer) this.outer.push({ ...o });
    this.nsTargets.length = 0;
    this.nsTargets.push(...state.nsTargets);
  }

  /** Moves to a record's owner; returns the GLUE_/CURRENT_ flags of what happened. */
  enter(owner: string, file: string | undefined): number {
    let flags = 0;
    if (file !== this.file) {
      // $INCLUDE and its end commit both batches. An included file starts with no owner;
      // back in the including file, BIND's owners are those it had before (empty batches).
      if (this.glue !== undefined) flags |= GLUE_CLOSED;
      if (this.current !== undefined) flags |= CURRENT_CLOSED;
      let back = this.outer.length - 1;
      while (back >= 0 && this.outer[back].file !== file) back--;
      if (back >= 0) {
        ({ current: this.current, glue: this.glue } = this.outer[back]);
        this.outer.length = back;
      } else {
        this.outer.push({ file: this.file, current: this.current, glue: this.glue });
        this.glue = this.current = undefined;
      }
      this.file = file;
      this.nsTargets.length = 0;
    }
    if (this.glue !== undefined && owner !== this.glue) {
      flags |= GLUE_CLOSED;
      this.glue = undefined;
    }
    if (this.glue === undefined && owner !== this.current) {
      if (this.nsTargets.length > 0 && this.current !== undefined && this.nsTargets.includes(nameKey(owner))) {
        this.glue = owner;
        return flags | GLUE_OPENED;
      }
      if (this.current !== undefined) flags |= CURRENT_CLOSED;
      this.current = owner;
      this.nsTargets.length = 0;
      flags |= CURRENT_OPENED;
    }
    return flags;
  }

  /** Notes an NS record just entered (its target, absolute); glue NS records do not count. */
  noteNs(target: string): void {
    if (this.glue === undefined) this.nsTargets.push(nameKey(target));
  }
}
