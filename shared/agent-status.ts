// Which running agents are protected: the list `gatehouse status`, the Sessions view, the status line and the tray
// show (the core builds it in sessions/agent-status.ts). Pure types and the words for them.

/**
 * protected: a live Gatehouse session whose gate was proven (the canary at start, or its hooks have reached the gate);
 * gate-not-live: a live session whose gate was not proven; unprotected: an agent's process found running on this
 * machine that no Gatehouse session owns (neither a session's root process nor below one).
 */
export type AgentProtectionState = 'protected' | 'gate-not-live' | 'unprotected';

export interface RunningAgent {
  state: AgentProtectionState;
  /** The agent's id (`claude`, `codex`, …). */
  agent: string;
  /** Its session, or null for an unprotected process. */
  sessionId: string | null;
  /** The agent's process where it was found (or the session's root process), else null. */
  pid: number | null;
  cwd: string | null;
  /** What the state rests on, in words a person can act on. */
  detail: string;
}

export interface AgentStatusReport {
  /** Unprotected first, then gate not live, then protected. */
  agents: RunningAgent[];
  /** Whether processes were scanned for unprotected agents (Linux, /proc); elsewhere only sessions are listed. */
  processesScanned: boolean;
  /** What the scan could not do, or null. */
  note: string | null;
  /** How long the process scan took. */
  scanMs: number;
  /** ISO 8601: when it was built. */
  at: string;
}

const ORDER: Readonly<Record<AgentProtectionState, number>> = { unprotected: 0, 'gate-not-live': 1, protected: 2 };

export function byConcern(a: RunningAgent, b: RunningAgent): number {
  return ORDER[a.state] - ORDER[b.state];
}

/** "2 protected · 1 unprotected": the counts that are not zero, most worrying first; "no agents running" for none. */
export function agentCounts(report: Pick<AgentStatusReport, 'agents'>): string {
  const n = (s: AgentProtectionState) => report.agents.filter((a) => a.state === s).length;
  const parts = [
    n('unprotected') ? `${n('unprotected')} unprotected` : '',
    n('gate-not-live') ? `${n('gate-not-live')} gate not live` : '',
    n('protected') ? `${n('protected')} protected` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no agents running';
}

export const STATE_LABEL: Readonly<Record<AgentProtectionState, string>> = {
  protected: 'protected',
  'gate-not-live': 'gate not live',
  unprotected: 'UNPROTECTED',
};
