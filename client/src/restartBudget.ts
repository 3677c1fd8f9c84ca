/**
 * How often a crashed language server is started again: at most `max` restarts in any
 * `windowMs` (vscode-languageclient's own default is 4 in 3 minutes; we allow 5). Past
 * that the server stays down until the user restarts it, so a server that dies at once
 * on some input does not spin. Pure: the client's close handler asks it (languageClient.ts).
 */
export interface RestartBudgetOptions {
  readonly max?: number;
  readonly windowMs?: number;
}

export class RestartBudget {
  readonly max: number;
  readonly windowMs: number;
  private readonly restarts: number[] = [];

  constructor(options: RestartBudgetOptions = {}) {
    this.max = options.max ?? 5;
    this.windowMs = options.windowMs ?? 3 * 60_000;
  }

  /** Records a crash at `now`: true when a restart is still allowed (and then counts it). */
  allow(now: number): boolean {
    while (this.restarts.length > 0 && now - this.restarts[0] >= this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.max) return false;
    this.restarts.push(now);
    return true;
  }

  /** A restart the user asked for starts a fresh count. */
  reset(): void {
    this.restarts.length = 0;
  }
}

/** How a process ended, for the message: its exit code or the signal that killed it. */
export interface ExitStatus {
  readonly code: number | null;
  readonly signal: string | null;
}
