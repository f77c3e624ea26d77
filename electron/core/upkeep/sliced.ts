// Long work on the core's thread, cut into slices: SQLite calls are synchronous, so a purge of gigabytes
// done in one go holds every agent's request until it ends (9.4 s measured before this). Each slice runs
// small steps until its time is up, then yields to the event loop, where waiting sockets are served.

/**
 * A slice's budget. A gate request that arrives during upkeep waits at most about this long (plus one step)
 * before it is read; well under what a person notices and far under any hook's timeout.
 */
export const SLICE_MS = 10;

export interface SliceStats {
  steps: number;
  slices: number;
  /** The longest the event loop was held by one slice. */
  longestSliceMs: number;
}

export interface SliceOptions {
  sliceMs?: number;
  /** Monotonic milliseconds (injected in tests). */
  monotonic?: () => number;
  /** Checked between steps: true ends the work early (the core is closing). */
  stopped?: () => boolean;
}

export const emptyStats = (): SliceStats => ({ steps: 0, slices: 0, longestSliceMs: 0 });

export function addStats(into: SliceStats, more: SliceStats): SliceStats {
  into.steps += more.steps;
  into.slices += more.slices;
  into.longestSliceMs = Math.max(into.longestSliceMs, more.longestSliceMs);
  return into;
}

/** Lets the event loop run its I/O callbacks (setImmediate runs after the poll phase). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `step` until it returns false (nothing left) or the work is stopped. A step must be small: it is
 * never interrupted, and a slice ends after the step that passes the budget.
 */
export async function runSliced(step: () => boolean, opts: SliceOptions = {}): Promise<SliceStats> {
  const sliceMs = opts.sliceMs ?? SLICE_MS;
  const now = opts.monotonic ?? (() => performance.now());
  const stats = emptyStats();
  let more = true;
  while (more && !opts.stopped?.()) {
    const start = now();
    do {
      more = step();
      stats.steps += 1;
    } while (more && now() - start < sliceMs && !opts.stopped?.());
    stats.slices += 1;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, now() - start);
    if (more) await yieldToEventLoop();
  }
  return stats;
}
