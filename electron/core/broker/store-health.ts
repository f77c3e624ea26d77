// Whether the store can record decisions now, in words, for the reviewer: the database locked by another process, the
// disk full, the file damaged. A write that failed is remembered for a while (a full disk shows only when something is
// written); a lock is as long as the store's guard says. Told to control clients when it changes (`store.health`).

/** After this long with no failed write (and no lock), the store counts as healthy again. */
export const QUIET_MS = 30_000;
const CHECK_MS = 5000;

export interface StoreHealthOptions {
  /** The store's own account of a lasting problem (a lock another process holds), or null. */
  lasting: () => string | null;
  /** Called with the problem, or null once it is over, whenever that changes. */
  changed: (problem: string | null) => void;
  /** Monotonic milliseconds. */
  now?: () => number;
  quietMs?: number;
}

export class StoreHealth {
  private readonly o: StoreHealthOptions;
  private lastFailure: { message: string; at: number } | null = null;
  private said: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(o: StoreHealthOptions) {
    this.o = o;
  }

  /** A write failed for this reason (already said to the agent or the person who asked). */
  failed(message: string): void {
    this.lastFailure = { message, at: this.now() };
    this.check();
  }

  /** What the store cannot do now, or null. */
  current(): string | null {
    const lasting = this.o.lasting();
    if (lasting) return lasting;
    const f = this.lastFailure;
    return f && this.now() - f.at < (this.o.quietMs ?? QUIET_MS) ? f.message : null;
  }

  /** Re-evaluates and tells of a change. */
  check(): void {
    const now = this.current();
    if (now === this.said) return;
    this.said = now;
    this.o.changed(now);
  }

  start(): void {
    this.timer = setInterval(() => this.check(), CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private now(): number {
    return (this.o.now ?? (() => performance.now()))();
  }
}
