// What happened after an allow, as a specification: a report finds its request by the agent's call id (or, without
// one, by its command), is stored redacted and short, and is announced; a command never reported is called not run
// when its turn or its session ends or the wait runs out, and a report that comes later still wins.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent, GateRequest } from '../../../../shared/domain.ts';
import { OUTCOME_SUMMARY_CHARS, outcomePhrase } from '../../../../shared/outcome.ts';
import { OutcomeService, plainText, type AgentReport } from '../../../../electron/core/broker/outcomes.ts';
import { openDatabase, type Db } from '../../../../electron/core/store/database.ts';
import { RequestRepository, type NewRequest } from '../../../../electron/core/store/requests.ts';
import { SessionRepository } from '../../../../electron/core/store/sessions.ts';
import { tempDir } from '../../../support/temp.ts';

const WAIT_MS = 15 * 60_000;
let db: Db;
let requests: RequestRepository;
let events: CoreEvent[];
let now: number;
let ended: Set<string>;
let outcomes: OutcomeService;

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'g.db'));
  const sessions = new SessionRepository(db);
  for (const id of ['s1', 's2'])
    sessions.insert({ id, agent: 'claude', argv: ['claude'], cwd: '/w', pid: null, tokenHash: id, startedAt: 0 });
  requests = new RequestRepository(db);
  events = [];
  now = 1_000_000;
  ended = new Set();
  outcomes = new OutcomeService({
    requests,
    events: { publish: (e) => events.push(e) },
    sessionRunning: (id) => !ended.has(id),
    now: () => now,
    waitMs: WAIT_MS,
  });
});
afterEach(() => {
  outcomes.stop();
  db.close();
});

let seq = 0;
/** A request decided at `now`: allowed unless said otherwise, awaited unless said otherwise. */
function decided(over: Partial<NewRequest> = {}, decision: 'allow' | 'deny' = 'allow'): GateRequest {
  const id = `r${++seq}`;
  const r: NewRequest = {
    id,
    sessionId: 's1',
    agent: 'claude',
    kind: 'pre-tool-use',
    tool: 'Bash',
    command: 'npm test',
    cwd: '/w',
    payload: {},
    risk: null,
    createdAt: now - 50,
    expiresAt: null,
    callId: `toolu_${seq}`,
    expectsOutcome: true,
    ...over,
  };
  return requests.insertDecided(r, { decision, reason: null, decidedBy: 'human:cli', decidedAt: now });
}

const report = (over: Partial<AgentReport> = {}): AgentReport => ({
  callId: null,
  command: null,
  state: 'failed',
  exitCode: 1,
  durationMs: 2300,
  output: 'npm ERR! Test failed.',
  ...over,
});

const outcomeOf = (id: string) => requests.get(id)?.outcome ?? null;

describe('a report finds its request', () => {
  it('by the call id the PreToolUse carried: stored, announced, and no longer awaited', () => {
    const r = decided({ callId: 'toolu_01' });
    const other = decided({ callId: 'toolu_02' });
    expect(outcomes.report('s1', report({ callId: 'toolu_01' }))).toHaveLength(1);
    expect(outcomeOf(r.id)).toEqual({
      state: 'failed',
      exitCode: 1,
      durationMs: 2300,
      summary: 'npm ERR! Test failed.',
      source: 'agent',
      at: new Date(now).toISOString(),
    });
    expect(events).toEqual([{ type: 'request.outcome', request: requests.get(r.id) }]);
    expect(outcomePhrase(outcomeOf(r.id)!)).toBe('ran · exit 1 · 2.3 s');
    expect(requests.awaitingOutcome('s1').map((q) => q.id)).toEqual([other.id]);
  });

  it('never in another session, and never for a command that was not allowed', () => {
    const other = decided({ sessionId: 's2', callId: 'toolu_same' });
    const denied = decided({ callId: 'toolu_denied' }, 'deny');
    expect(outcomes.report('s1', report({ callId: 'toolu_same' }))).toEqual([]);
    expect(outcomes.report('s1', report({ callId: 'toolu_denied' }))).toEqual([]);
    expect([outcomeOf(other.id), outcomeOf(denied.id)]).toEqual([null, null]);
    expect(events).toEqual([]);
    // A denied command is not awaited at all.
    expect(requests.awaitingOutcome().map((q) => q.id)).toEqual([other.id]);
  });

  it('both requests of one Codex call (PreToolUse and PermissionRequest) get it, one without an id by its command', () => {
    const pre = decided({ agent: 'codex', callId: 'call_9', command: 'make deploy' });
    const permission = decided({ agent: 'codex', kind: 'permission-request', callId: null, command: 'make deploy' });
    const recorded = outcomes.report('s1', report({ callId: 'call_9', command: 'make deploy' }));
    expect(recorded.map((q) => q.id).sort()).toEqual([pre.id, permission.id].sort());
  });

  it('without a call id, by its command: the earliest awaited one first, then the next', () => {
    const first = decided({ callId: null });
    now += 10;
    const second = decided({ callId: null });
    outcomes.report('s1', report({ command: 'npm test', exitCode: 0, state: 'ran' }));
    expect([outcomeOf(first.id)?.exitCode, outcomeOf(second.id)]).toEqual([0, null]);
    outcomes.report('s1', report({ command: 'npm test', exitCode: 2 }));
    expect(outcomeOf(second.id)?.exitCode).toBe(2);
    // Nothing is left to take a third.
    expect(outcomes.report('s1', report({ command: 'npm test' }))).toEqual([]);
  });

  it('measures from the allow to the report when the agent gives no duration (Codex)', () => {
    const r = decided({ callId: 'call_1' });
    now += 400;
    outcomes.report('s1', report({ callId: 'call_1', durationMs: null, exitCode: null, state: 'ran' }));
    expect(outcomeOf(r.id)).toMatchObject({ state: 'ran', exitCode: null, durationMs: 400 });
    expect(outcomePhrase(outcomeOf(r.id)!)).toBe('ran · 400 ms');
  });
});

describe('what is stored of the output', () => {
  it('the end, redacted before it is shortened, plain text, at most OUTCOME_SUMMARY_CHARS', () => {
    const r = decided({ callId: 'c' });
    const token = `ghp_${'k'.repeat(36)}`;
    const long = `${'x'.repeat(5000)}\n\x1b[31mError:\x1b[0m push with ${token} failed\r\n`;
    outcomes.report('s1', report({ callId: 'c', output: long }));
    const summary = outcomeOf(r.id)?.summary ?? '';
    expect(summary.length).toBeLessThanOrEqual(OUTCOME_SUMMARY_CHARS);
    expect(summary).not.toContain(token);
    expect(summary.endsWith('Error: push with [REDACTED:github-token] failed')).toBe(true);
    expect(summary.startsWith('…')).toBe(true);
  });

  it('no summary for an empty output', () => {
    const r = decided({ callId: 'c' });
    outcomes.report('s1', report({ callId: 'c', output: '  \n' }));
    expect(outcomeOf(r.id)?.summary).toBeNull();
  });

  it('plain text: escape sequences and control characters out, a redrawn line as it was last drawn', () => {
    expect(plainText('\x1b]0;title\x07ok \x1b[1mbold\x1b[0m\r\n10%\r50%\r100%\n\x07done')).toBe('ok bold\n100%\ndone');
  });
});

describe('a command never reported', () => {
  it("is not run once the agent's turn ended; a report that comes later says it ran after all", () => {
    const r = decided({ callId: 'c1' });
    const notAwaited = decided({ callId: 'c2', expectsOutcome: false });
    expect(outcomes.turnEnded('s1').map((q) => q.id)).toEqual([r.id]);
    expect(outcomeOf(r.id)).toMatchObject({ state: 'not-run', source: 'turn-ended', exitCode: null });
    expect(outcomePhrase(outcomeOf(r.id)!)).toBe("not run: the agent's turn ended without running it");
    expect(outcomeOf(notAwaited.id)).toBeNull();
    outcomes.report('s1', report({ callId: 'c1' }));
    expect(outcomeOf(r.id)).toMatchObject({ state: 'failed', source: 'agent' });
  });

  it('an inference never replaces a report, and a report never replaces a report', () => {
    const r = decided({ callId: 'c1' });
    outcomes.report('s1', report({ callId: 'c1', exitCode: 4 }));
    events = [];
    expect(outcomes.sessionEnded('s1')).toEqual([]);
    expect(outcomes.report('s1', report({ callId: 'c1', exitCode: 5 }))).toEqual([]);
    expect(outcomeOf(r.id)).toMatchObject({ exitCode: 4, source: 'agent' });
    expect(events).toEqual([]);
  });

  it('is not run when its session ended, and only its own session', () => {
    const mine = decided();
    const theirs = decided({ sessionId: 's2' });
    outcomes.sessionEnded('s1');
    expect(outcomeOf(mine.id)).toMatchObject({ state: 'not-run', source: 'session-ended' });
    expect(outcomeOf(theirs.id)).toBeNull();
  });

  it('after the wait, a sweep calls it not run; at start, one of a session that ended meanwhile too', () => {
    const late = decided({ sessionId: 's1' });
    const gone = decided({ sessionId: 's2' });
    ended.add('s2');
    now += WAIT_MS - 1;
    expect(outcomes.sweep().map((q) => q.id)).toEqual([gone.id]);
    expect(outcomeOf(late.id)).toBeNull();
    now += 1;
    outcomes.sweep();
    expect(outcomeOf(late.id)).toMatchObject({ state: 'not-run', source: 'no-report' });
    expect(outcomePhrase(outcomeOf(late.id)!)).toBe('not run: nothing was reported within 15 minutes');
    expect(outcomeOf(gone.id)).toMatchObject({ source: 'session-ended' });
  });
});

describe("a hosted shell's command", () => {
  it('ended with its exit status: ran or failed, its duration from its marks, its output as plain text', () => {
    const ok = decided({ agent: 'shell', kind: 'check', tool: null, callId: null, command: 'ls' });
    const bad = decided({ agent: 'shell', kind: 'check', tool: null, callId: null, command: 'false' });
    const base = { cwd: '/w', startedAtMs: 100, endedAtMs: 1400 };
    outcomes.shellCommand({ ...base, command: 'ls', requestId: ok.id, exitCode: 0 }, 'a\r\nb\r\n\x1b]133;D;0\x07');
    outcomes.shellCommand({ ...base, command: 'false', requestId: bad.id, exitCode: 1 }, '');
    expect(outcomeOf(ok.id)).toMatchObject({
      state: 'ran',
      exitCode: 0,
      durationMs: 1300,
      summary: 'a\nb',
      source: 'shell',
    });
    expect(outcomeOf(bad.id)).toMatchObject({ state: 'failed', exitCode: 1, summary: null });
    // A command the gate never saw (typed before the shell was gated, say) has nothing to record.
    expect(outcomes.shellCommand({ ...base, command: null, requestId: null, exitCode: 0 }, '')).toEqual([]);
  });
});

describe('the history filter', () => {
  it('"approved but failed" takes the failures and the commands never run; "ran" the rest that ran', () => {
    const failed = decided({ callId: 'a' });
    const ran = decided({ callId: 'b' });
    const never = decided({ callId: 'c' });
    decided({ callId: 'd' }, 'deny');
    outcomes.report('s1', report({ callId: 'a' }));
    outcomes.report('s1', report({ callId: 'b', state: 'ran', exitCode: 0 }));
    outcomes.turnEnded('s1');
    const ids = (outcome: 'failed' | 'not-run' | 'ran') =>
      requests
        .listDecided({ outcome }, 10, null)
        .map((x) => x.request.id)
        .sort();
    expect(ids('failed')).toEqual([failed.id, never.id].sort());
    expect(ids('not-run')).toEqual([never.id]);
    expect(ids('ran')).toEqual([ran.id]);
  });
});
