// `gatehouse status` lines: a summary with the worrying counts first, then each agent with where it runs and why.
import { describe, expect, it } from 'vitest';
import { statusLines } from '../../../../electron/core/cli/status.ts';

describe('statusLines', () => {
  it('says the counts, each agent, and what the scan could not do', () => {
    const lines = statusLines({
      agents: [
        {
          state: 'unprotected',
          agent: 'claude',
          sessionId: null,
          pid: 42,
          cwd: '/home/p',
          detail: 'Claude Code (pid 42) runs without Gatehouse',
        },
        { state: 'protected', agent: 'codex', sessionId: 'k3f9', pid: 7, cwd: '/w', detail: 'gate live: … in 14 ms' },
      ],
      processesScanned: false,
      note: 'agents started outside Gatehouse are looked for on Linux only',
      scanMs: 1,
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(lines).toEqual([
      'Running agents: 1 unprotected · 1 protected',
      '  UNPROTECTED    claude  pid 42, in /home/p',
      '                 Claude Code (pid 42) runs without Gatehouse',
      '  protected      codex   session k3f9, pid 7, in /w',
      '                 gate live: … in 14 ms',
      'agents started outside Gatehouse are looked for on Linux only',
    ]);
  });

  it('says when nothing runs', () => {
    expect(statusLines({ agents: [], processesScanned: true, note: null, scanMs: 1, at: '' })).toEqual([
      'Running agents: no agents running',
    ]);
  });
});
