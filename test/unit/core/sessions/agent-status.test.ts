// The running-agents list: a session is protected when its gate was proven (canary on, or its hooks have called),
// gate not live when its canary failed or nothing proves it, and an agent process no session owns is unprotected.
import { describe, expect, it } from 'vitest';
import type { Session, SessionProtection } from '../../../../shared/domain.ts';
import { GateLiveness } from '../../../../electron/core/gate/liveness.ts';
import { AgentStatus } from '../../../../electron/core/sessions/agent-status.ts';
import { SessionRoots } from '../../../../electron/core/sessions/session-roots.ts';
import { fakeProcTable } from '../../../support/fake-proc.ts';

const gate = (state: SessionProtection['state'], detail: string): SessionProtection => ({
  layer: 'gate',
  state,
  detail,
});

function session(id: string, agent: Session['agent'], pid: number | null, protections?: SessionProtection[]): Session {
  return {
    id,
    agent,
    argv: [agent],
    cwd: `/w/${id}`,
    pid,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    exitCode: null,
    ...(protections ? { protections } : {}),
  };
}

const table = fakeProcTable({
  300: { ppid: 1, argv: ['node', 'gatehouse.mjs', 'run', '--', 'claude'] },
  310: { ppid: 300, argv: ['claude'], cwd: '/w/live' },
  400: { ppid: 1, argv: ['codex'], cwd: '/home/p' },
  500: { ppid: 1, argv: ['claude'], cwd: '/w/installed' },
});

describe('AgentStatus', () => {
  it('says which agents are protected, which gate is not live, and which run unprotected, worst first', () => {
    const roots = new SessionRoots(table);
    roots.set('live', [300]);
    roots.set('installed', [500]);
    const liveness = new GateLiveness();
    liveness.called('installed', Date.parse('2026-01-01T10:00:00Z'));
    const sessions = [
      session('live', 'claude', 300, [gate('on', 'live: … in 13 ms')]),
      session('dead', 'codex', null, [gate('off', 'NOT LIVE: the hook command failed (exit 2): no socket')]),
      session('installed', 'claude', 500),
      session('quiet', 'codex', null),
      // A hosted shell the person types in: not an agent.
      session('myshell', 'shell', null),
    ];
    const status = new AgentStatus({
      sessions: { running: () => sessions },
      roots,
      liveness,
      proc: table,
      platform: 'linux',
    });
    const report = status.report();
    expect(report.agents.map((a) => [a.state, a.sessionId, a.pid])).toEqual([
      ['unprotected', null, 400],
      ['gate-not-live', 'dead', null],
      ['gate-not-live', 'quiet', null],
      ['protected', 'live', 310],
      ['protected', 'installed', 500],
    ]);
    expect(report.agents[0]?.detail).toBe(
      'Codex (pid 400) runs without Gatehouse: its commands are not held. Quit it and start it with `gatehouse run -- codex`',
    );
    expect(report.agents[1]?.detail).toContain('NOT LIVE: the hook command failed');
    expect(report.agents[2]?.detail).toMatch(/^not proven/);
    expect(report.agents[4]?.detail).toBe('its hooks reached the gate, last at 2026-01-01T10:00:00.000Z');
    expect(report).toMatchObject({ processesScanned: true, note: null });
  });

  it('without /proc lists the sessions only, and says so', () => {
    const status = new AgentStatus({
      sessions: { running: () => [] },
      roots: new SessionRoots(null),
      liveness: new GateLiveness(),
      proc: null,
      platform: 'darwin',
    });
    expect(status.report()).toMatchObject({ agents: [], processesScanned: false });
    expect(status.report().note).toMatch(/Linux only .* on darwin only Gatehouse's own sessions are listed/);
  });

  it('reuses a report for a second: many windows asking do not rescan', () => {
    let now = 0;
    let scans = 0;
    const counting = { ...table, pids: () => (scans++, table.pids()) };
    const status = new AgentStatus({
      sessions: { running: () => [] },
      roots: new SessionRoots(table),
      liveness: new GateLiveness(),
      proc: counting,
      platform: 'linux',
      now: () => now,
    });
    status.report();
    now = 999;
    status.report();
    expect(scans).toBe(1);
    now = 1000;
    status.report();
    expect(scans).toBe(2);
  });
});
