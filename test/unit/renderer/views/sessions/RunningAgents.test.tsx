// @vitest-environment happy-dom
// The Sessions view's running-agents panel and the status line's warning: an unprotected agent or a gate that is not
// live is said where the reviewer looks, with why; all protected is said quietly.
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentStatusReport } from '../../../../../shared/agent-status.ts';
import { useAgents } from '../../../../../renderer/stores/agents.ts';
import { agentConcern, StatusLine } from '../../../../../renderer/views/StatusLine.tsx';
import { RunningAgents } from '../../../../../renderer/views/sessions/RunningAgents.tsx';
import { renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const REPORT: AgentStatusReport = {
  agents: [
    {
      state: 'unprotected',
      agent: 'claude',
      sessionId: null,
      pid: 4242,
      cwd: '/home/p/app',
      detail: 'Claude Code (pid 4242) runs without Gatehouse: its commands are not held.',
    },
    {
      state: 'protected',
      agent: 'codex',
      sessionId: 'k3f9x2a7abcd',
      pid: 77,
      cwd: '/w',
      detail: 'gate live: … in 14 ms',
    },
  ],
  processesScanned: true,
  note: null,
  scanMs: 2,
  at: '2026-01-01T00:00:00.000Z',
};

describe('RunningAgents', () => {
  it('lists each running agent with its state, where it runs and why, worrying ones first', () => {
    renderInApp(<RunningAgents />);
    expect(screen.getByText('Looking for running agents…')).toBeTruthy();
    act(() => useAgents.getState().agentsLoaded(REPORT));
    expect(screen.getByText('1 unprotected · 1 protected')).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-agent-state'))).toEqual(['unprotected', 'protected']);
    expect(items[0]?.textContent).toContain('UNPROTECTED claude pid 4242 /home/p/app');
    expect(items[0]?.textContent).toContain('runs without Gatehouse');
  });

  it('says what the scan could not do', () => {
    renderInApp(<RunningAgents />);
    act(() =>
      useAgents.getState().agentsLoaded({ ...REPORT, agents: [], processesScanned: false, note: 'Linux only' }),
    );
    expect(screen.getByText('no agents running')).toBeTruthy();
    expect(screen.getByText('Linux only')).toBeTruthy();
  });
});

describe('the status line', () => {
  it('warns of unprotected agents and gates not live, and says nothing more when all are protected', () => {
    expect(agentConcern(REPORT)).toBe('1 agent unprotected');
    expect(
      agentConcern({
        ...REPORT,
        agents: [{ ...REPORT.agents[1]!, state: 'gate-not-live' }, REPORT.agents[0]!, REPORT.agents[0]!],
      }),
    ).toBe('2 agents unprotected · 1 gate not live');
    expect(agentConcern({ ...REPORT, agents: [REPORT.agents[1]!] })).toBeNull();
    expect(agentConcern(null)).toBeNull();
    renderInApp(<StatusLine />);
    act(() => useAgents.getState().agentsLoaded(REPORT));
    expect(screen.getByRole('link', { name: '1 agent unprotected' })).toBeTruthy();
  });
});
