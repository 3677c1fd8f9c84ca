/**
 * Long synchronous work in small steps, so that the DNS-dependent checks of a large zone
 * let a language server answer the editor meanwhile. The work is written once, as a
 * generator that yields now and then; `runSteps` runs it at once (the CLI, hover, the
 * sync checks), `runStepsSliced` lets the event loop turn whenever the run's slice of
 * SLICE_MS is used up.
 */

/** Work that yields between its steps and returns a T. */
export type Steps<T> = Generator<void, T, void>;

/**
 * How long the checks run before they let the event loop turn, in ms: a keystroke that
 * arrives meanwhile waits at most about this long behind them (plus one step).
 */
export const SLICE_MS = 8;

/** Items between two looks at the clock in a loop written as steps. */
export const ITEMS_PER_STEP = 256;

/** One turn of the event loop: what waits (a message from the editor) runs first. */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The slices of one run. Its parts (many SPF tree workers, each going on in a microtask
 * as its answer comes) all wait for the same turn once the slice is used up: one part
 * waiting alone would let the others run on, and the loop would turn only when every one
 * of them waits.
 */
export class Slices {
  private start = performance.now();
  private pause: Promise<void> | undefined;

  /** `signal`: once aborted, steps run in these slices stop at their next wait (runStepsSliced throws). */
  constructor(readonly signal?: AbortSignal) {}

  /** Undefined while the slice lasts; else the next turn, the same for every caller. */
  due(): Promise<void> | undefined {
    if (this.pause === undefined && performance.now() - this.start < SLICE_MS) return undefined;
    this.pause ??= turn().then(() => {
      this.pause = undefined;
      this.start = performance.now();
    });
    return this.pause;
  }

  /** Waits for a new slice when this one is used up (asked again after each wait: the parts resumed at one turn share one slice). */
  async wait(): Promise<void> {
    for (let p = this.due(); p !== undefined; p = this.due()) await p;
  }
}

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps at once without `slices`; with them, as runStepsSliced. */
export function runStepsIn<T>(steps: Steps<T>, slices: Slices | undefined): T | Promise<T> {
  return slices === undefined ? runSteps(steps) : runStepsSliced(steps, slices);
}

/**
 * Runs the steps, waiting for a new slice between them when the current one is used up.
 * Rejects with the abort reason once the slices' signal is aborted.
 */
export async function runStepsSliced<T>(steps: Steps<T>, slices: Slices): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await slices.wait();
    slices.signal?.throwIfAborted();
  }
}
