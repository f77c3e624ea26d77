// Which running agents are protected: every running Gatehouse session, by what proves its gate (the launcher's canary,
// stored as its `gate` layer, or its hooks having reached the gate since the core started), and every agent process
// found running that no session owns (running-agents.ts). What `gatehouse status`, the Sessions view, the status
// line, the tray and doctor show. Built on demand, at most once a second however many ask.
import type { AgentStatusReport, RunningAgent } from '../../../shared/agent-status.ts';
import { byConcern } from '../../../shared/agent-status.ts';
import type { Session } from '../../../shared/domain.ts';
import { AGENTS } from '../agents/registry.ts';
import type { GateLiveness } from '../gate/liveness.ts';
import type { ProcTable } from '../peer/proc.ts';
import type { SessionRepository } from '../store/sessions.ts';
import { findAgentProcesses, type AgentProcess } from './running-agents.ts';
import type { SessionRoots } from './session-roots.ts';

/** A report younger than this is given again: the scan reads every process's command line. */
const REUSE_MS = 1000;

export interface AgentStatusDeps {
  sessions: Pick<SessionRepository, 'running'>;
  roots: SessionRoots;
  liveness: GateLiveness;
  /** Null where there is no /proc: only sessions are listed. */
  proc: ProcTable | null;
  platform: NodeJS.Platform;
  now?: () => number;
}

const NAMES: ReadonlyMap<string, string> = new Map(AGENTS.map((a) => [a.id, a.name]));
const PROGRAMS: ReadonlyMap<string, string> = new Map(
  AGENTS.flatMap((a) => (a.program ? [[a.program.name, a.id] as const] : [])),
);

export class AgentStatus {
  private last: { at: number; report: AgentStatusReport } | null = null;
  private readonly deps: AgentStatusDeps;

  constructor(deps: AgentStatusDeps) {
    this.deps = deps;
  }

  report(): AgentStatusReport {
    const now = (this.deps.now ?? Date.now)();
    if (this.last && now - this.last.at < REUSE_MS) return this.last.report;
    const report = this.build(now);
    this.last = { at: now, report };
    return report;
  }

  private build(now: number): AgentStatusReport {
    const { proc, roots, platform } = this.deps;
    const start = performance.now();
    const processes = proc ? findAgentProcesses(proc, PROGRAMS, roots.all()) : [];
    const scanMs = Math.round((performance.now() - start) * 10) / 10;
    // The person's own hosted shells are theirs, not an agent's: a hosted shell never reports what guards it.
    const sessions = this.deps.sessions.running().filter((s) => !(s.agent === 'shell' && !s.protections));
    const agents: RunningAgent[] = sessions.map((s) => this.ofSession(s, processes));
    for (const p of processes) if (p.sessionId === null) agents.push(unprotected(p));
    return {
      agents: agents.sort(byConcern),
      processesScanned: proc !== null,
      note: proc
        ? null
        : `agents started outside Gatehouse are looked for on Linux only (in /proc); on ${platform} only Gatehouse's own sessions are listed`,
      scanMs,
      at: new Date(now).toISOString(),
    };
  }

  private ofSession(s: Session, processes: readonly AgentProcess[]): RunningAgent {
    const found = processes.find((p) => p.sessionId === s.id);
    const base = { agent: s.agent, sessionId: s.id, pid: found?.pid ?? s.pid, cwd: found?.cwd ?? s.cwd };
    const gate = s.protections?.find((p) => p.layer === 'gate');
    if (gate?.state === 'off') return { ...base, state: 'gate-not-live', detail: `gate ${gate.detail}` };
    if (gate?.state === 'on') return { ...base, state: 'protected', detail: `gate ${gate.detail}` };
    const last = this.deps.liveness.lastCallAt(s.id);
    if (last !== null)
      return {
        ...base,
        state: 'protected',
        detail: `its hooks reached the gate, last at ${new Date(last).toISOString()}`,
      };
    return {
      ...base,
      state: 'gate-not-live',
      detail: 'not proven: nothing from this session has reached the gate since the core started',
    };
  }
}

function unprotected(p: AgentProcess): RunningAgent {
  const name = NAMES.get(p.agent) ?? p.agent;
  return {
    state: 'unprotected',
    agent: p.agent,
    sessionId: null,
    pid: p.pid,
    cwd: p.cwd,
    detail: `${name} (pid ${p.pid}) runs without Gatehouse: its commands are not held. Quit it and start it with \`gatehouse run -- ${p.agent}\``,
  };
}
