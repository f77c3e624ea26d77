// The control socket's guard: decisions and loosening calls from inside an agent session are refused and audited;
// read-only calls never wait for the peer lookup; the lookup runs once per connection.
import type net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type StartedSession } from '../../../../shared/api.ts';
import { AgentGuard, GUARDED_CALLS } from '../../../../electron/core/control/agent-guard.ts';
import { serveControl, type ControlHandlers } from '../../../../electron/core/control/serve.ts';
import type { TextChannel } from '../../../../shared/carrier.ts';
import { decodeMessage } from '../../../../shared/rpc-codec.ts';
import type { ProcReader } from '../../../../electron/core/peer/proc.ts';
import type { PeerLookup } from '../../../../electron/core/peer/unix-peer.ts';
import { AuditRepository } from '../../../../electron/core/store/audit.ts';
import { openDatabase, type Db } from '../../../../electron/core/store/database.ts';
import { tempDir } from '../../../support/temp.ts';

const NS = 'pid:[1]';
// 50 is a helper started by an agent session's shell (40, which carries the session's id); 70 is a person's terminal.
const PROCS: Record<number, { ppid: number; env: Record<string, string> }> = {
  40: { ppid: 1, env: { GATEHOUSE_SESSION_ID: 's1' } },
  50: { ppid: 40, env: {} },
  70: { ppid: 1, env: {} },
};
const proc: ProcReader = {
  stat: (pid) => (PROCS[pid] ? { ppid: PROCS[pid].ppid, startTime: pid } : null),
  environ: (pid) => (PROCS[pid] ? new Map(Object.entries(PROCS[pid].env)) : null),
  pidNamespace: () => NS,
};
/** A decision as the guard receives it: already parsed by the dispatch (`via` filled in). */
const ALLOW_Q1 = { id: 'q1', decision: 'allow', via: 'cli' } as const;

const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function setup(peer: PeerLookup) {
  const db = openDatabase(path.join(tempDir('gh-guard-'), 'g.db'));
  dbs.push(db);
  const audit = new AuditRepository(db);
  const lookup = vi.fn(async () => peer);
  const setRootProcesses = vi.fn();
  const guard = new AgentGuard({
    lookup,
    proc,
    sessions: { roots: () => [], sessionById: (id) => (id === 's1' ? id : null), sessionByToken: () => null },
    coreNamespace: NS,
    setRootProcesses,
    audit,
    now: () => 1_700_000_000_000,
  });
  const decide = vi.fn(() => ({ id: 'q1' }));
  const handlers = {
    decide,
    listPending: () => [],
    startTrust: vi.fn(() => ({ active: true })),
    startSession: () => ({ session: { id: 's2' } }) as StartedSession,
  } as unknown as ControlHandlers;
  const connection = guard.forConnection(handlers, {} as net.Socket);
  // As the dispatch serves a call: the guard admits it (seeing the input as sent), then the handler runs.
  const served = new Proxy(connection.handlers, {
    get: (target, name: string) => async (input: unknown) => {
      await connection.admit(name, [input]);
      return (target as unknown as Record<string, (i: unknown) => unknown>)[name]?.(input);
    },
  });
  return { served, connection, audit, lookup, decide, setRootProcesses, handlers };
}

/** One birpc call sent over an in-memory carrier to `serveControl`, as the control socket would; resolves with the answer. */
function callThroughDispatch(connection: ReturnType<AgentGuard['forConnection']>, name: string, args: unknown[]) {
  let deliver: (data: string) => void = () => {};
  return new Promise<{ r?: unknown; e?: unknown }>((resolve) => {
    const channel: TextChannel = {
      post: (data) => resolve(decodeMessage(data) as { r?: unknown; e?: unknown }),
      on: (fn) => (deliver = fn),
    };
    serveControl(connection.handlers, () => ({ api: {} as never, dispose: () => {} }), channel, connection.admit);
    deliver(JSON.stringify({ t: 'q', i: 'c1', m: name, a: args }));
  });
}

describe('AgentGuard', () => {
  it('refuses a decision from a helper an agent session started, says where to decide, and audits the attempt', async () => {
    const { served, audit, decide } = setup({ kind: 'found', pids: [50] });
    const refused = await Promise.resolve(served.decide(ALLOW_Q1)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('forbidden');
    expect((refused as ApiError).message).toMatch(
      /refused to decide a held command: the request comes from inside agent session s1 \(pid 50's ancestor 40 carries/,
    );
    expect((refused as ApiError).message).toContain(
      'Decide in the Gatehouse window, from its tray menu, or with `gatehouse` in a terminal the agent did not start.',
    );
    expect(decide).not.toHaveBeenCalled();
    const [entry] = audit.list(0, 10);
    expect(entry).toMatchObject({
      kind: 'decision.refused',
      actor: 'agent:s1',
      subject: 'q1',
      data: { call: 'decide', sessionId: 's1', pid: 50, sign: 'environment' },
    });
    expect(audit.verify().ok).toBe(true);
  });

  it('refuses and audits an attempt from inside a session even when its input is malformed (the guard runs before parsing)', async () => {
    const { connection, audit, decide } = setup({ kind: 'found', pids: [50] });
    const answer = await callThroughDispatch(connection, 'decide', [{ id: 'q1', decision: 'approve-please' }]);
    expect(answer.e).toMatchObject({ code: 'forbidden' });
    expect(decide).not.toHaveBeenCalled();
    expect(audit.list(0, 10)[0]).toMatchObject({ kind: 'decision.refused', actor: 'agent:s1', subject: 'q1' });
  });

  it("a person's malformed call still gets the input error, after the guard let it through", async () => {
    const { connection, audit, decide } = setup({ kind: 'found', pids: [70] });
    const answer = await callThroughDispatch(connection, 'decide', [{ id: 'q1', decision: 'approve-please' }]);
    expect(answer.e).toMatchObject({ code: 'invalid_input' });
    expect(decide).not.toHaveBeenCalled();
    expect(audit.list(0, 10)).toEqual([]);
  });

  it('lets the person decide from their own terminal', async () => {
    const { served, audit, decide } = setup({ kind: 'found', pids: [70] });
    expect(await served.decide(ALLOW_Q1)).toEqual({ id: 'q1' });
    expect(decide).toHaveBeenCalledOnce();
    expect(audit.list(0, 10)).toEqual([]);
  });

  it('refuses when any process holding the connection is inside a session', async () => {
    const { served } = setup({ kind: 'found', pids: [70, 50] });
    await expect(Promise.resolve(served.startTrust({ durationMs: 60_000 }))).rejects.toThrow(
      /refused to start trust mode/,
    );
  });

  it('fails closed when the peer cannot be told, and audits that', async () => {
    const { served, audit } = setup({ kind: 'failed', why: '`ss` (iproute2) is not installed' });
    await expect(Promise.resolve(served.decide(ALLOW_Q1))).rejects.toThrow(
      /could not tell which process asked \(`ss` \(iproute2\) is not installed\)/,
    );
    expect(audit.list(0, 10)[0]).toMatchObject({
      kind: 'decision.refused',
      actor: 'unknown',
      data: { sign: 'unknown-peer' },
    });
  });

  it('where the platform has no lookup, only the CLI check applies', async () => {
    const { served, decide } = setup({ kind: 'unsupported' });
    await served.decide(ALLOW_Q1);
    expect(decide).toHaveBeenCalledOnce();
  });

  it('read-only calls never look at the peer; the lookup runs once per connection', async () => {
    const { served, lookup } = setup({ kind: 'found', pids: [70] });
    await served.listPending();
    expect(lookup).not.toHaveBeenCalled();
    await served.decide(ALLOW_Q1);
    await served.startTrust({ durationMs: 60_000 });
    expect(lookup).toHaveBeenCalledOnce();
  });

  it('guards every call that decides or loosens, and nothing read-only', () => {
    expect(Object.keys(GUARDED_CALLS).sort()).toEqual([
      'addRule',
      'decide',
      'deleteSession',
      'importRules',
      // An agent must not unwire Gatehouse from its own settings (nor wire them its way).
      'install',
      'pruneSnapshots',
      'removeRule',
      'restoreTrash',
      'setTypingTrust',
      'startTrust',
      'undoRequest',
      'uninstall',
      'updateRule',
      'updateSettings',
    ]);
  });

  it('a session started over the socket is rooted at the process the socket shows', async () => {
    const { served, setRootProcesses } = setup({ kind: 'found', pids: [70] });
    await served.startSession({ agent: 'claude', argv: ['claude'], cwd: '/w', pid: 12345 });
    expect(setRootProcesses).toHaveBeenCalledWith('s2', [70]);
  });
});
