// The processes agent sessions run under, while they run: `gatehouse run` (whose child is the agent) and each hosted
// terminal's program. A decision from one of them or from below them is refused (control/agent-guard.ts). Kept in
// memory with each process's start time, so a pid the system hands to another program later never counts.
import type { SessionRootProcess } from '../peer/agent-origin.ts';
import type { ProcReader } from '../peer/proc.ts';

export class SessionRoots {
  private readonly bySession = new Map<string, SessionRootProcess[]>();
  private readonly proc: ProcReader | null;
  /** The pids a root may never be: 1 and the core's own line of parents (every process would then look inside). */
  private readonly refused: ReadonlySet<number>;

  /** `proc` null: the platform has no /proc, and nothing is kept. */
  constructor(proc: ProcReader | null, coreAncestors: Iterable<number> = []) {
    this.proc = proc;
    this.refused = new Set([0, 1, ...coreAncestors]);
  }

  /** Replaces the root processes of a session with `pids` (those that cannot be read, or may not be roots, are left out). */
  set(sessionId: string, pids: readonly number[]): void {
    if (!this.proc) return;
    const roots: SessionRootProcess[] = [];
    for (const pid of pids) {
      const stat = this.refused.has(pid) ? null : this.proc.stat(pid);
      if (stat) roots.push({ sessionId, pid, startTime: stat.startTime });
    }
    this.bySession.set(sessionId, roots);
  }

  delete(sessionId: string): void {
    this.bySession.delete(sessionId);
  }

  *all(): Iterable<SessionRootProcess> {
    for (const roots of this.bySession.values()) yield* roots;
  }
}
