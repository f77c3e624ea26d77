// Is a process inside an agent session? Ancestry (pid and start time), inherited session variables, PID namespace;
// read off a fake /proc.
import { describe, expect, it } from 'vitest';
import {
  agentOrigin,
  type SessionKnowledge,
  type SessionRootProcess,
} from '../../../../electron/core/peer/agent-origin.ts';
import { ancestry, parseEnviron, parseStat, type ProcReader } from '../../../../electron/core/peer/proc.ts';
import { SessionRoots } from '../../../../electron/core/sessions/session-roots.ts';

interface FakeProcess {
  ppid: number;
  start?: number;
  env?: Record<string, string>;
  ns?: string;
}

const HOST_NS = 'pid:[4026531836]';

function fakeProc(table: Record<number, FakeProcess>): ProcReader {
  return {
    stat: (pid) => (table[pid] ? { ppid: table[pid].ppid, startTime: table[pid].start ?? pid * 10 } : null),
    environ: (pid) => (table[pid] ? new Map(Object.entries(table[pid].env ?? {})) : null),
    pidNamespace: (pid) => (pid === 'self' ? HOST_NS : table[pid] ? (table[pid].ns ?? HOST_NS) : null),
  };
}

function knowledge(roots: SessionRootProcess[], sessions: Record<string, string> = {}): SessionKnowledge {
  return {
    roots: () => roots,
    sessionById: (id) => (id in sessions ? id : null),
    sessionByToken: (token) => Object.entries(sessions).find(([, t]) => t === token)?.[0] ?? null,
  };
}

// init(1) → login shell(100) → terminal(200) → gatehouse run(300) → claude(400) → bash(500) → helper(600)
const TREE: Record<number, FakeProcess> = {
  100: { ppid: 1 },
  200: { ppid: 100 },
  300: { ppid: 200 },
  400: { ppid: 300, env: { GATEHOUSE_SESSION_ID: 's1', GATEHOUSE_TOKEN: 'tok1' } },
  500: { ppid: 400, env: { GATEHOUSE_SESSION_ID: 's1', GATEHOUSE_TOKEN: 'tok1' } },
  600: { ppid: 500 },
  // A `gatehouse decide` the person typed in another terminal.
  700: { ppid: 200 },
};
const RUN_ROOT: SessionRootProcess = { sessionId: 's1', pid: 300, startTime: 3000 };

describe('agentOrigin', () => {
  it('a process below `gatehouse run` is inside its session, even with its environment cleared', () => {
    const origin = agentOrigin(600, fakeProc(TREE), knowledge([RUN_ROOT]), HOST_NS);
    expect(origin).toMatchObject({ inside: true, sessionId: 's1', why: 'ancestry', pid: 600 });
  });

  it('a process the person started elsewhere is not', () => {
    expect(agentOrigin(700, fakeProc(TREE), knowledge([RUN_ROOT], { s1: 'tok1' }), HOST_NS)).toEqual({ inside: false });
  });

  it('a root whose pid now belongs to another program (another start time) does not count', () => {
    const stale = { ...RUN_ROOT, startTime: 1 };
    expect(agentOrigin(600, fakeProc(TREE), knowledge([stale]), HOST_NS)).toEqual({ inside: false });
  });

  it('a double-forked helper, reparented to init, is known by the session id it inherited', () => {
    const tree = { ...TREE, 800: { ppid: 1, env: { GATEHOUSE_SESSION_ID: 's1' } } };
    expect(agentOrigin(800, fakeProc(tree), knowledge([RUN_ROOT], { s1: 'tok1' }), HOST_NS)).toMatchObject({
      inside: true,
      sessionId: 's1',
      why: 'environment',
    });
  });

  it('or by the token alone, or by a parent that kept them', () => {
    const tree = { ...TREE, 800: { ppid: 1, env: { GATEHOUSE_TOKEN: 'tok1' } }, 801: { ppid: 800 } };
    expect(agentOrigin(801, fakeProc(tree), knowledge([], { s1: 'tok1' }), HOST_NS)).toMatchObject({
      inside: true,
      sessionId: 's1',
      why: 'environment',
    });
  });

  it('a session id this core never started is not taken at its word', () => {
    const tree = { ...TREE, 800: { ppid: 1, env: { GATEHOUSE_SESSION_ID: 'elsewhere' } } };
    expect(agentOrigin(800, fakeProc(tree), knowledge([], { s1: 'tok1' }), HOST_NS)).toEqual({ inside: false });
  });

  it('a process in another PID namespace is in a sandbox', () => {
    const tree = { ...TREE, 900: { ppid: 1, ns: 'pid:[4026532999]' } };
    expect(agentOrigin(900, fakeProc(tree), knowledge([]), HOST_NS)).toMatchObject({
      inside: true,
      sessionId: null,
      why: 'namespace',
    });
  });

  it('what escapes: a cleared environment and a reparented process, in the core namespace', () => {
    const tree = { ...TREE, 800: { ppid: 1 } };
    expect(agentOrigin(800, fakeProc(tree), knowledge([RUN_ROOT], { s1: 'tok1' }), HOST_NS)).toEqual({ inside: false });
  });
});

describe('SessionRoots', () => {
  it('keeps pids with their start time, and never 1 or the core and its parents', () => {
    const roots = new SessionRoots(fakeProc(TREE), [200, 100]);
    roots.set('s1', [300, 1, 200, 99999]);
    expect([...roots.all()]).toEqual([RUN_ROOT]);
    roots.delete('s1');
    expect([...roots.all()]).toEqual([]);
  });
});

describe('/proc parsing', () => {
  it('reads the parent and start time after a command name holding spaces and parentheses', () => {
    const stat =
      '4242 (evil) 1 2) S 4100 4242 4100 34816 4242 4194560 1130 0 0 0 3 1 0 0 20 0 1 0 987654 8785920 1262 18446744073709551615';
    expect(parseStat(stat)).toEqual({ ppid: 4100, startTime: 987654 });
  });

  it('reads NUL-separated environments, values with = kept whole', () => {
    expect(parseEnviron('A=1\0B=x=y\0\0')).toEqual(
      new Map([
        ['A', '1'],
        ['B', 'x=y'],
      ]),
    );
  });

  it('walks up to init and stops on a loop', () => {
    expect(ancestry(fakeProc(TREE), 600).map((l) => l.pid)).toEqual([600, 500, 400, 300, 200, 100]);
    expect(ancestry(fakeProc({ 5: { ppid: 6 }, 6: { ppid: 5 } }), 5).map((l) => l.pid)).toEqual([5, 6]);
  });
});
