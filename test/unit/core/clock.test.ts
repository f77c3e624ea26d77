// Clock steps: the wall clock stepped back never revives an expired rule, never lengthens trust mode, and
// never changes when a held request times out. The clocks are fakes that step; the store is real SQLite.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Broker, type Submission } from '../../../electron/core/broker/broker.ts';
import { SteadyClock, STEP_BACK_TOLERANCE_MS, type Clock } from '../../../electron/core/clock.ts';
import { RuleService } from '../../../electron/core/rules/service.ts';
import { TrustMode } from '../../../electron/core/rules/trust.ts';
import { AuditRepository } from '../../../electron/core/store/audit.ts';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import { RequestRepository } from '../../../electron/core/store/requests.ts';
import { RuleRepository } from '../../../electron/core/store/rules.ts';
import { SessionRepository } from '../../../electron/core/store/sessions.ts';
import { tempDir } from '../../support/temp.ts';

const T0 = Date.parse('2026-12-01T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

/** A wall clock that can be stepped, and a monotonic one that only moves with `pass`. */
class FakeClock implements Clock {
  wallMs = T0;
  monoMs = 1_000;
  wall = () => this.wallMs;
  monotonic = () => this.monoMs;
  pass(ms: number): void {
    this.wallMs += ms;
    this.monoMs += ms;
  }
  step(ms: number): void {
    this.wallMs += ms;
  }
}

const opened: Db[] = [];
const disposers: Array<() => void> = [];
afterEach(() => {
  for (const d of disposers.splice(0)) d();
  for (const db of opened.splice(0)) db.close();
  vi.useRealTimers();
});

function db(file = path.join(tempDir(), 'g.db')): Db {
  const d = openDatabase(file);
  opened.push(d);
  return d;
}

function ruleService(database: Db, clock: SteadyClock): RuleService {
  const rules = new RuleService({ repository: new RuleRepository(database), clock });
  disposers.push(() => rules.dispose());
  return rules;
}

const allowNpmTest = {
  effect: 'allow' as const,
  kind: 'prefix' as const,
  pattern: 'npm test',
  scope: { type: 'global' as const },
  source: 'cli',
};

describe('SteadyClock', () => {
  it('follows the wall clock forward and carries on from its last reading when it steps back', () => {
    const fake = new FakeClock();
    const steady = new SteadyClock(fake);
    expect(steady.now()).toBe(T0);
    fake.pass(MIN);
    expect(steady.now()).toBe(T0 + MIN);
    fake.step(-HOUR);
    expect(steady.now()).toBe(T0 + MIN);
    fake.pass(30_000);
    expect(steady.now()).toBe(T0 + MIN + 30_000);
    fake.step(2 * HOUR);
    expect(steady.now()).toBe(fake.wallMs);
    expect(fake.wallMs).toBe(T0 + HOUR + MIN + 30_000);
  });

  it('takes drift within the tolerance as the wall clock, without ever going back', () => {
    const fake = new FakeClock();
    const steady = new SteadyClock(fake);
    fake.pass(MIN);
    expect(steady.now()).toBe(T0 + MIN);
    fake.step(-(STEP_BACK_TOLERANCE_MS - 200));
    const before = steady.now();
    expect(before).toBe(T0 + MIN);
    fake.pass(100);
    expect(steady.now()).toBe(before);
    fake.pass(1_000);
    expect(steady.now()).toBe(fake.wallMs);
  });
});

describe('rule expiry across clock steps', () => {
  it('an expired rule stays expired when the wall clock steps back, in this process', () => {
    vi.useFakeTimers();
    const fake = new FakeClock();
    const rules = ruleService(db(), new SteadyClock(fake));
    const [rule] = rules.add([{ ...allowNpmTest, ttlMs: 10 * MIN }], 'user');
    expect(rules.list().map((r) => r.id)).toEqual([rule?.id]);
    fake.pass(10 * MIN);
    vi.advanceTimersByTime(10 * MIN);
    expect(rules.list()).toEqual([]);
    fake.step(-HOUR);
    expect(rules.list()).toEqual([]);
    expect(rules.ruleSet.size).toBe(0);
  });

  it('expires on time even when the wall clock stepped back before the expiry (the timer and the steady time count it)', () => {
    vi.useFakeTimers();
    const fake = new FakeClock();
    const database = db();
    const rules = ruleService(database, new SteadyClock(fake));
    rules.add([{ ...allowNpmTest, ttlMs: 10 * MIN }], 'user');
    fake.pass(MIN);
    fake.step(-HOUR);
    fake.pass(9 * MIN);
    vi.advanceTimersByTime(10 * MIN);
    expect(rules.list()).toEqual([]);
    expect(new AuditRepository(database).list(0, 10).map((e) => e.kind)).toEqual(['rule.added', 'rule.expired']);
  });

  it('a lifetime given after a step back lasts as long as it says', () => {
    const fake = new FakeClock();
    const rules = ruleService(db(), new SteadyClock(fake));
    fake.pass(MIN);
    fake.step(-HOUR);
    rules.add([{ ...allowNpmTest, ttlMs: 10 * MIN }], 'user');
    fake.pass(9 * MIN);
    expect(rules.list()).toHaveLength(1);
    fake.pass(MIN);
    expect(rules.list()).toEqual([]);
  });

  it('a rule whose expiry is in the audit trail stays expired in the next core, whatever the wall clock says', () => {
    const file = path.join(tempDir(), 'g.db');
    const first = new FakeClock();
    const database = db(file);
    const rules = ruleService(database, new SteadyClock(first));
    const [rule] = rules.add([{ ...allowNpmTest, ttlMs: 10 * MIN }], 'user');
    first.pass(11 * MIN);
    // Noted by the core that saw it pass (its timer, or the check at start).
    new RuleRepository(database).noteExpired(first.wallMs);
    rules.dispose();
    // The next core starts with the wall clock an hour behind.
    const later = new FakeClock();
    later.wallMs = T0 - HOUR;
    const next = ruleService(database, new SteadyClock(later));
    expect(next.list()).toEqual([]);
    expect(next.list(true).map((r) => r.id)).toEqual([rule?.id]);
    // A person who gives it a new expiry brings it back.
    next.update(rule?.id ?? '', { expiresAt: later.wallMs + HOUR }, 'user');
    expect(next.list().map((r) => r.id)).toEqual([rule?.id]);
  });
});

describe('trust mode across clock steps', () => {
  it('counts down in steady time: a step back neither lengthens it nor changes what is left', () => {
    vi.useFakeTimers();
    const fake = new FakeClock();
    const changes: string[] = [];
    const trust = new TrustMode({ clock: new SteadyClock(fake), onChange: (c) => changes.push(c.type) });
    disposers.push(() => trust.dispose());
    trust.start(15 * MIN);
    fake.pass(5 * MIN);
    fake.step(-HOUR);
    const status = trust.status();
    expect(status.remainingMs).toBe(10 * MIN);
    // Shown as the wall clock reads now: ten minutes from the stepped-back time.
    expect(status.endsAt).toBe(new Date(fake.wallMs + 10 * MIN).toISOString());
    fake.pass(10 * MIN);
    expect(trust.active).toBe(false);
    vi.advanceTimersByTime(15 * MIN);
    expect(changes).toEqual(['started', 'ended']);
  });

  it('a step forward (or a suspend) ends it early, never later', () => {
    const fake = new FakeClock();
    const trust = new TrustMode({ clock: new SteadyClock(fake) });
    disposers.push(() => trust.dispose());
    trust.start(15 * MIN);
    fake.step(HOUR);
    expect(trust.status()).toMatchObject({ active: false, remainingMs: 0, endsAt: null });
    expect(trust.admits('low')).toBe(false);
  });
});

describe('hold timeouts across clock steps', () => {
  it('a held request times out after its time on the monotonic timers, whichever way the wall clock steps', async () => {
    vi.useFakeTimers({ now: T0 });
    const database = db();
    new SessionRepository(database).insert({
      id: 's1',
      agent: 'claude',
      argv: ['claude'],
      cwd: '/p',
      pid: null,
      tokenHash: 'h',
      startedAt: T0,
    });
    const broker = new Broker({ requests: new RequestRepository(database), holdTimeoutMs: 10 * MIN });
    disposers.push(() => broker.close());
    const submission: Submission = {
      sessionId: 's1',
      agent: 'claude',
      kind: 'pre-tool-use',
      tool: 'Bash',
      command: 'make deploy',
      cwd: '/p',
      payload: {},
    };
    let settled = false;
    const back = broker.submit(submission).then((v) => ((settled = true), v));
    vi.setSystemTime(T0 + 20 * MIN); // the wall clock jumps past the stored expiry: nothing happens
    await vi.advanceTimersByTimeAsync(MIN);
    expect(settled).toBe(false);
    vi.setSystemTime(T0 - HOUR); // and back: the timeout still comes on time
    await vi.advanceTimersByTimeAsync(9 * MIN);
    await expect(back).resolves.toMatchObject({ decision: 'deny', decidedBy: 'timeout' });
  });
});
