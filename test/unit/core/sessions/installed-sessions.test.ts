// An installed hook's request is placed by the agent process it runs under, checked against the connection's peer: a
// hook speaks only for an agent above it, a made-up session id only makes another session of that same process, a
// process inside `gatehouse run`'s session of the same agent is that session, and a session ends with its process.
import type net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../shared/domain.ts';
import type { SessionRootProcess } from '../../../../electron/core/peer/agent-origin.ts';
import type { PeerLookup } from '../../../../electron/core/peer/unix-peer.ts';
import {
  InstalledHookRefused,
  InstalledSessions,
  INSTALLED_EVENT,
} from '../../../../electron/core/sessions/installed-sessions.ts';
import { fakeProc, type FakeProcess } from '../../../support/fake-proc.ts';

// init(1) → terminal(200) → claude A(400) → sh(410) → curl(420);  terminal(200) → claude B(500) → sh(510) → curl(520)
// gatehouse run(300) → claude C(600, its session's token) → sh(610) → curl(620)
const TREE: Record<number, FakeProcess> = {
  200: { ppid: 1 },
  400: { ppid: 200 },
  410: { ppid: 400 },
  420: { ppid: 410 },
  500: { ppid: 200 },
  510: { ppid: 500 },
  520: { ppid: 510 },
  300: { ppid: 200 },
  600: { ppid: 300, env: { GATEHOUSE_TOKEN: 'tok-run' } },
  610: { ppid: 600 },
  620: { ppid: 610 },
};
const SOCKET = {} as net.Socket;

function world(peer: PeerLookup = { kind: 'found', pids: [420] }) {
  const table = structuredClone(TREE);
  const proc = fakeProc(table);
  const stored = new Map<string, Session>();
  const runSession: Session = {
    id: 'run-1',
    agent: 'claude',
    argv: ['claude'],
    cwd: '/w',
    pid: 300,
    startedAt: '',
    endedAt: null,
    exitCode: null,
  };
  stored.set(runSession.id, runSession);
  const roots: SessionRootProcess[] = [{ sessionId: 'run-1', pid: 300, startTime: 3000 }];
  const events: Array<[string, string]> = [];
  let n = 0;
  const installed = new InstalledSessions({
    proc,
    lookupPeer: async () => peer,
    refused: new Set([0, 1]),
    knowledge: {
      roots: () => roots,
      sessionById: () => null,
      sessionByToken: (t) => (t === 'tok-run' ? 'run-1' : null),
    },
    sessions: {
      get: (id) => stored.get(id) ?? null,
      running: () => [...stored.values()].filter((s) => s.endedAt === null),
      lastOf: () => null,
      recordEvent: (id, kind) => events.push([id, kind]),
    },
    service: {
      start: (input) => {
        const session: Session = {
          id: `inst-${++n}`,
          agent: input.agent,
          argv: input.argv,
          cwd: input.cwd,
          pid: input.pid,
          startedAt: '',
          endedAt: null,
          exitCode: null,
        };
        stored.set(session.id, session);
        if (input.pid) roots.push({ sessionId: session.id, pid: input.pid, startTime: input.pid * 10 });
        return { session, token: 't', gateSocket: '/s', holdTimeoutMs: 1 };
      },
      end: async (id) => {
        const s = { ...(stored.get(id) as Session), endedAt: 'now' };
        stored.set(id, s);
        return s;
      },
      reportProtections: (id, protections) => {
        const s = { ...(stored.get(id) as Session), protections: [...protections] };
        stored.set(id, s);
        return s;
      },
    },
    installedFile: () => '/home/p/.claude/settings.json',
    cmdline: (pid) => (pid === 400 ? ['claude', '--model', 'x'] : null),
    onError: (err) => {
      throw err;
    },
  });
  const resolve = (agentPid: string | undefined, body: unknown = { session_id: 'a', cwd: '/w' }) =>
    installed.resolve({ agent: 'claude', agentPid, body, socket: SOCKET });
  return { installed, resolve, table, stored, events };
}

describe('InstalledSessions', () => {
  it('starts a session rooted at the agent process the hook runs under, and says how it is guarded', async () => {
    const w = world();
    const s = await w.resolve('400');
    expect(s).toMatchObject({ agent: 'claude', pid: 400, cwd: '/w', argv: ['claude', '--model', 'x'] });
    expect(s.protections?.[0]).toMatchObject({ layer: 'hooks', state: 'on' });
    expect(s.protections?.[0]?.detail).toContain('installed hook in /home/p/.claude/settings.json');
    expect(w.events).toEqual([[s.id, INSTALLED_EVENT]]);
    expect((await w.resolve('400')).id).toBe(s.id);
  });

  it('refuses a hook that names a process it does not run under (another agent, itself, pid 1)', async () => {
    const w = world();
    await expect(w.resolve('500')).rejects.toThrow(InstalledHookRefused);
    await expect(w.resolve('420')).rejects.toThrow(/does not run under/);
    await expect(w.resolve('1')).rejects.toThrow(/no agent process/);
    await expect(w.resolve(undefined)).rejects.toThrow(/no agent process/);
  });

  it('a made-up session id never reaches another process’s session', async () => {
    const w = world({ kind: 'found', pids: [520] });
    const b = await w.resolve('500', { session_id: 'b' });
    const forger = world({ kind: 'found', pids: [420] });
    const a = await forger.resolve('400', { session_id: 'b' });
    expect(a.pid).toBe(400);
    expect(b.pid).toBe(500);
  });

  it('is the run session when the agent runs inside `gatehouse run` of the same agent', async () => {
    const w = world({ kind: 'found', pids: [620] });
    expect((await w.resolve('600')).id).toBe('run-1');
  });

  it('refuses when it cannot tell who is asking', async () => {
    await expect(world({ kind: 'failed', why: 'ss is missing' }).resolve('400')).rejects.toThrow(/ss is missing/);
    await expect(world({ kind: 'unsupported' }).resolve('400')).rejects.toThrow(InstalledHookRefused);
  });

  it('ends the session once its agent process has gone, or its pid names another process', async () => {
    const w = world();
    const s = await w.resolve('400');
    w.installed.sweep();
    expect(w.stored.get(s.id)?.endedAt).toBeNull();
    (w.table[400] as FakeProcess).start = 99;
    w.installed.sweep();
    await Promise.resolve();
    expect(w.stored.get(s.id)?.endedAt).toBe('now');
  });
});
