import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../../shared/domain.ts';
import { Broker, REASONS, type Submission } from '../../../../electron/core/broker/broker.ts';
import { openDatabase, type Db } from '../../../../electron/core/store/database.ts';
import { RequestRepository } from '../../../../electron/core/store/requests.ts';
import { SessionRepository } from '../../../../electron/core/store/sessions.ts';
import { tempDir } from '../../../support/temp.ts';

const HOLD_MS = 60_000;
const submission: Submission = {
  sessionId: 's1',
  agent: 'claude',
  kind: 'pre-tool-use',
  tool: 'Bash',
  command: 'rm -rf build',
  cwd: '/w',
  payload: {},
};

let db: Db;
let requests: RequestRepository;

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'g.db'));
  new SessionRepository(db).insert({
    id: 's1',
    agent: 'claude',
    argv: ['claude'],
    cwd: '/w',
    pid: null,
    tokenHash: 'h',
    startedAt: 0,
  });
  requests = new RequestRepository(db);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

function heldId(broker: Broker): string {
  const [first] = broker.pending();
  if (!first) throw new Error('nothing held');
  return first.id;
}

describe('Broker', () => {
  it('holds every command until a person decides, and commits the decision before answering', async () => {
    const events: CoreEvent[] = [];
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS, events: { publish: (e) => events.push(e) } });
    const verdict = broker.submit(submission);
    const id = heldId(broker);
    expect(events.map((e) => e.type)).toEqual(['request.held']);
    let statusWhenAnswered: string | undefined;
    void verdict.then(() => (statusWhenAnswered = requests.get(id)?.status));
    broker.decide(id, 'deny', 'use a clean build instead', 'human:cli');
    await expect(verdict).resolves.toEqual({
      requestId: id,
      decision: 'deny',
      reason: 'use a clean build instead',
      decidedBy: 'human:cli',
    });
    expect(statusWhenAnswered).toBe('denied');
    expect(broker.pending()).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['request.held', 'request.decided']);
  });

  it('holds at most so many requests per session, denying the next at once with the reason, other sessions unaffected', async () => {
    new SessionRepository(db).insert({
      id: 's2',
      agent: 'codex',
      argv: ['codex'],
      cwd: '/w',
      pid: null,
      tokenHash: 'h2',
      startedAt: 0,
    });
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS, maxHeldPerSession: 2 });
    void broker.submit(submission);
    void broker.submit(submission);
    const third = await broker.submit(submission);
    expect(third).toMatchObject({ decision: 'deny', decidedBy: 'policy', reason: REASONS.tooManyHeld(2) });
    expect(third.reason).toMatch(/already holding 2 commands from this session/);
    expect(requests.get(third.requestId)?.status).toBe('denied');
    void broker.submit({ ...submission, sessionId: 's2' });
    expect(broker.heldCount('s1')).toBe(2);
    expect(broker.heldCount('s2')).toBe(1);
    expect(broker.heldCount()).toBe(3);
    // Once one is decided, the session may have another held.
    broker.decide(heldId(broker), 'deny', undefined, 'human:cli');
    void broker.submit(submission);
    expect(broker.heldCount('s1')).toBe(2);
    broker.close();
  });

  it('shows the branch of the cwd on a held request, in its events and the pending list, until it is decided', async () => {
    const asked: string[] = [];
    const events: CoreEvent[] = [];
    const broker = new Broker({
      requests,
      holdTimeoutMs: HOLD_MS,
      events: { publish: (e) => events.push(e) },
      branchOf: (cwd) => (asked.push(cwd), 'feature/login'),
    });
    const verdict = broker.submit(submission);
    const id = heldId(broker);
    expect(asked).toEqual(['/w']);
    expect(broker.pending()[0]?.branch).toBe('feature/login');
    expect(broker.get(id).branch).toBe('feature/login');
    broker.decide(id, 'allow', undefined, 'human:cli');
    await verdict;
    expect(
      events.map((e) => (e.type === 'request.held' || e.type === 'request.decided' ? e.request.branch : null)),
    ).toEqual(['feature/login', 'feature/login']);
    // The history does not keep it: the branch is for the card.
    expect(broker.get(id).branch).toBeUndefined();
  });

  it('gives a default reason when a person allows or denies without one', async () => {
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS });
    const first = broker.submit(submission);
    broker.decide(heldId(broker), 'allow', '  ', 'human:cli');
    expect((await first).reason).toBe(REASONS.humanAllow);
    const second = broker.submit(submission);
    broker.decide(heldId(broker), 'deny', undefined, 'human:cli');
    expect((await second).reason).toBe(REASONS.humanDeny);
  });

  it('denies with a reason when nobody decides in time', async () => {
    vi.useFakeTimers();
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS });
    const verdict = broker.submit(submission);
    const id = heldId(broker);
    expect(requests.get(id)?.expiresAt).toBe(new Date(Date.now() + HOLD_MS).toISOString());
    vi.advanceTimersByTime(HOLD_MS - 1);
    expect(broker.pending()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const v = await verdict;
    expect(v).toMatchObject({ decision: 'deny', decidedBy: 'timeout' });
    expect(v.reason).toMatch(/within 1 minute/);
    expect(requests.get(id)?.status).toBe('denied');
  });

  it('refuses to decide twice or to decide what does not exist', async () => {
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS });
    const verdict = broker.submit(submission);
    const id = heldId(broker);
    broker.decide(id, 'allow', undefined, 'human:cli');
    await verdict;
    expect(() => broker.decide(id, 'deny', undefined, 'human:cli')).toThrow(
      expect.objectContaining({ code: 'already_decided' }),
    );
    expect(() => broker.decide('nope', 'deny', undefined, 'human:cli')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('marks a request abandoned when the agent stops waiting', async () => {
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS });
    const gone = new AbortController();
    const verdict = broker.submit(submission, gone.signal);
    const id = heldId(broker);
    gone.abort();
    expect(await verdict).toMatchObject({ decision: 'deny', decidedBy: 'agent-gone' });
    expect(requests.get(id)?.status).toBe('abandoned');
  });

  it('denies everything held when it closes, and refuses new requests', async () => {
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS });
    const a = broker.submit(submission);
    const b = broker.submit({ ...submission, command: 'git push -f' });
    broker.close();
    expect(await a).toMatchObject({ decision: 'deny', decidedBy: 'shutdown', reason: REASONS.shutdown });
    expect(await b).toMatchObject({ decision: 'deny', decidedBy: 'shutdown' });
    expect(await broker.submit(submission)).toMatchObject({ decision: 'deny', decidedBy: 'shutdown' });
    expect(requests.listByStatus('pending')).toEqual([]);
  });

  it('lets a policy decide without holding, and still records it', async () => {
    const broker = new Broker({
      requests,
      holdTimeoutMs: HOLD_MS,
      policy: () => ({ decision: 'allow', reason: 'routine' }),
    });
    const v = await broker.submit(submission);
    expect(v).toMatchObject({ decision: 'allow', decidedBy: 'policy' });
    expect(requests.get(v.requestId)?.status).toBe('allowed');
  });

  it('scores every request before a policy sees it, and keeps the assessment with the request', async () => {
    const risk = { score: 90, level: 'critical' as const, categories: ['file-deletion'], reasons: ['deletes /'] };
    const seen: unknown[] = [];
    const broker = new Broker({
      requests,
      holdTimeoutMs: HOLD_MS,
      assess: (command, cwd) => ({ ...risk, reasons: [`${command} in ${cwd}`] }),
      policy: (r) => (seen.push(r.risk), null),
    });
    void broker.submit(submission);
    const held = broker.pending()[0];
    expect(seen).toEqual([{ ...risk, reasons: ['rm -rf build in /w'] }]);
    expect(held?.risk).toEqual({ ...risk, reasons: ['rm -rf build in /w'] });
    broker.close();
  });

  it('holds a command it cannot score as critical, saying why, instead of failing open', async () => {
    const errors: unknown[] = [];
    const broker = new Broker({
      requests,
      holdTimeoutMs: HOLD_MS,
      onError: (e) => errors.push(e),
      assess: () => {
        throw new Error('parser exploded');
      },
    });
    void broker.submit(submission);
    const risk = broker.pending()[0]?.risk;
    expect(risk?.level).toBe('critical');
    expect(risk?.reasons[0]).toContain('parser exploded');
    expect(errors).toHaveLength(1);
    broker.close();
  });

  it('marks requests left pending by a previous core as abandoned', () => {
    requests.insert({ ...submission, risk: null, id: 'old1', createdAt: 1, expiresAt: 2 });
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS });
    expect(broker.abandonOrphans()).toBe(1);
    expect(requests.get('old1')).toMatchObject({ status: 'abandoned', decision: { decidedBy: 'core-restart' } });
  });

  it('denies the waiting agent when the decision cannot be recorded', async () => {
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS });
    const verdict = broker.submit(submission);
    const id = heldId(broker);
    db.close();
    expect(() => broker.decide(id, 'allow', undefined, 'human:cli')).toThrow(
      expect.objectContaining({ code: 'internal' }),
    );
    expect(await verdict).toMatchObject({ decision: 'deny', reason: REASONS.storeFailed });
    db = openDatabase(path.join(tempDir(), 'other.db'));
  });
});

describe('Broker with undo snapshots', () => {
  function snapshots() {
    const started: string[] = [];
    const discarded: string[] = [];
    let finish: () => void = () => {};
    const taken = new Promise<void>((resolve) => (finish = resolve));
    return {
      started,
      discarded,
      finish: () => finish(),
      hooks: {
        before: (r: { id: string }) => {
          if (!started.includes(r.id)) started.push(r.id);
          return taken;
        },
        discard: (id: string) => discarded.push(id),
      },
    };
  }

  it("starts a held request's snapshot at once and answers an allow only once it is taken", async () => {
    const snap = snapshots();
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS, snapshots: snap.hooks });
    let answered = false;
    const verdict = broker.submit(submission).then((v) => {
      answered = true;
      return v;
    });
    const id = heldId(broker);
    expect(snap.started).toEqual([id]);
    broker.decide(id, 'allow', undefined, 'human:cli');
    await new Promise((r) => setTimeout(r, 20));
    expect(requests.get(id)?.status).toBe('allowed');
    expect(answered).toBe(false);
    snap.finish();
    await expect(verdict).resolves.toMatchObject({ decision: 'allow' });
  });

  it("drops a denied request's snapshot and answers the deny without waiting", async () => {
    const snap = snapshots();
    const broker = new Broker({ requests, holdTimeoutMs: HOLD_MS, snapshots: snap.hooks });
    const verdict = broker.submit(submission);
    const id = heldId(broker);
    broker.decide(id, 'deny', undefined, 'human:cli');
    await expect(verdict).resolves.toMatchObject({ decision: 'deny' });
    expect(snap.discarded).toEqual([id]);
  });

  it('waits for the snapshot of a command a policy allows at once', async () => {
    const snap = snapshots();
    const broker = new Broker({
      requests,
      holdTimeoutMs: HOLD_MS,
      snapshots: snap.hooks,
      policy: () => ({ decision: 'allow', reason: 'a rule' }),
    });
    let answered = false;
    const verdict = broker.submit(submission).then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(snap.started).toHaveLength(1);
    expect(answered).toBe(false);
    snap.finish();
    await verdict;
    expect(answered).toBe(true);
  });
});
