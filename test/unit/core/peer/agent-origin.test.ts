// Is a process inside an agent session? Ancestry (pid and start time), inherited session variables, PID namespace;
// read off a fake /proc.
import { describe, expect, it } from 'vitest';
import {
  agentOrigin,
  type SessionKnowledge,
  type SessionRootProcess,
} from '../../../../electron/core/peer/agent-origin.ts';
import { fakeProc, HOST_NS, RUN_ROOT, TREE } from '../../../support/fake-proc.ts';

function knowledge(roots: SessionRootProcess[], sessions: Record<string, string> = {}): SessionKnowledge {
  return {
    roots: () => roots,
    sessionById: (id) => (id in sessions ? id : null),
    sessionByToken: (token) => Object.entries(sessions).find(([, t]) => t === token)?.[0] ?? null,
  };
}

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
