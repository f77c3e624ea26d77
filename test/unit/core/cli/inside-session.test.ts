// The CLI's own check (second layer): session variables in its environment or a parent's.
import { describe, expect, it } from 'vitest';
import { insideSessionWhy } from '../../../../electron/core/cli/inside-session.ts';
import type { ProcReader } from '../../../../electron/core/peer/proc.ts';

const PROCS: Record<number, { ppid: number; env: Record<string, string> }> = {
  10: { ppid: 1, env: { GATEHOUSE_SOCKET: '/run/g/gate.sock' } },
  20: { ppid: 10, env: {} },
  30: { ppid: 1, env: { HOME: '/home/me' } },
};
const proc: ProcReader = {
  stat: (pid) => (PROCS[pid] ? { ppid: PROCS[pid].ppid, startTime: 1 } : null),
  environ: (pid) => (PROCS[pid] ? new Map(Object.entries(PROCS[pid].env)) : null),
  pidNamespace: () => null,
};

describe('insideSessionWhy', () => {
  it('sees the session variables in its own environment', () => {
    expect(insideSessionWhy({ GATEHOUSE_SESSION_ID: 's1' }, 30, proc)).toBe(
      'GATEHOUSE_SESSION_ID is set in its environment',
    );
    expect(insideSessionWhy({ GATEHOUSE_TOKEN: 't' }, 30, null)).toBe('GATEHOUSE_TOKEN is set in its environment');
  });

  it('sees them in a parent when its own were removed (`env -u`)', () => {
    expect(insideSessionWhy({}, 20, proc)).toBe('its parent process 10 has GATEHOUSE_SOCKET set');
  });

  it('a terminal of the person is not a session', () => {
    expect(insideSessionWhy({ HOME: '/home/me' }, 30, proc)).toBeNull();
    expect(insideSessionWhy({}, 30, null)).toBeNull();
  });
});
