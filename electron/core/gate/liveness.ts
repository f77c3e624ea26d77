// Which sessions have reached the gate, and when last: a session started from an installed hook (no launcher, so no
// canary) counts as protected once its hook has called. Also what keeps a canary from being more than a start-up
// probe: the gate answers one only as a session's very first call, before its agent has sent anything
// (agents/canary.ts; docs/decisions/0047-gate-canary-at-start.md). In memory: a restarted core starts empty, and a
// session it resumes is judged by the gate layer its launcher stored.
export class GateLiveness {
  private readonly lastCall = new Map<string, number>();

  /**
   * Notes a call from `sessionId`; true when it is the session's first since this core started (the only call a
   * canary may be).
   */
  called(sessionId: string, at = Date.now()): boolean {
    const first = !this.lastCall.has(sessionId);
    this.lastCall.set(sessionId, at);
    return first;
  }

  /** When the session's hooks last reached the gate (ms since the epoch), or null when they have not since the start. */
  lastCallAt(sessionId: string): number | null {
    return this.lastCall.get(sessionId) ?? null;
  }

  forget(sessionId: string): void {
    this.lastCall.delete(sessionId);
  }
}
