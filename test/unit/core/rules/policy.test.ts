// Rules, trust mode and auto-allow deciding real requests through the broker, on a real SQLite file.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent, TypingTrust } from '../../../../shared/domain.ts';
import { Broker, type Submission } from '../../../../electron/core/broker/broker.ts';
import { GatePolicy } from '../../../../electron/core/rules/policy.ts';
import { RuleService } from '../../../../electron/core/rules/service.ts';
import { TrustMode } from '../../../../electron/core/rules/trust.ts';
import { AuditRepository } from '../../../../electron/core/store/audit.ts';
import { openDatabase, type Db } from '../../../../electron/core/store/database.ts';
import { RequestRepository } from '../../../../electron/core/store/requests.ts';
import { RuleRepository } from '../../../../electron/core/store/rules.ts';
import { SessionRepository } from '../../../../electron/core/store/sessions.ts';
import { createRiskEngine } from '../../../../electron/core/risk/index.ts';
import { PROJECT, testContextOptions, testEngine } from '../../../support/risk.ts';
import { tempDir } from '../../../support/temp.ts';

const HOLD_MS = 60_000;
const engine = testEngine();

let db: Db;
let broker: Broker;
let rules: RuleService;
let trust: TrustMode;
let autoAllow: boolean;
let tampered: string | null;
let typing: TypingTrust | null;
let events: CoreEvent[];

function build(now: () => number = Date.now) {
  db = openDatabase(path.join(tempDir(), 'g.db'));
  new SessionRepository(db).insert({
    id: 's1',
    agent: 'claude',
    argv: ['claude'],
    cwd: PROJECT,
    pid: null,
    tokenHash: 'h',
    startedAt: 0,
  });
  const requests = new RequestRepository(db);
  autoAllow = false;
  events = [];
  broker = new Broker({
    requests,
    holdTimeoutMs: HOLD_MS,
    events: { publish: (e) => events.push(e) },
    assess: (c, cwd) => engine.assess(c, cwd),
    policy: (r) => policy.decide(r),
    now,
  });
  rules = new RuleService({ repository: new RuleRepository(db), now, onChange: () => broker.reconsider() });
  trust = new TrustMode({ now, onChange: (c) => c.type === 'started' && broker.reconsider() });
  tampered = null;
  typing = null;
  const policy = new GatePolicy({
    rules,
    trust,
    autoAllowLowRisk: () => autoAllow,
    tamperedSince: () => tampered,
    typingTrust: () => typing,
  });
}

const submit = (command: string, cwd = PROJECT, typed = false) => {
  const s: Submission = {
    sessionId: 's1',
    agent: 'claude',
    kind: 'pre-tool-use',
    tool: 'Bash',
    command,
    cwd,
    payload: {},
    typed,
  };
  return broker.submit(s);
};
/** A line the person typed at the prompt of the hosted shell `s1` (the gate checked its key). */
const typedLine = (command: string) => submit(command, PROJECT, true);

afterEach(() => {
  trust.dispose();
  rules.dispose();
  broker.close();
  db.close();
  vi.useRealTimers();
});

describe('rules deciding requests', () => {
  beforeEach(() => build());

  it('decides by rule and records which rule, with a hit', async () => {
    const [allow] = rules.add(
      [{ effect: 'allow', kind: 'prefix', pattern: 'npm run test', scope: { type: 'global' }, source: 'cli' }],
      'user',
    );
    const v = await submit('npm run test -- --grep foo');
    expect(v).toMatchObject({ decision: 'allow', decidedBy: `rule:${allow?.id}` });
    expect(broker.get(v.requestId).decision).toMatchObject({ decidedBy: `rule:${allow?.id}`, ruleIds: [allow?.id] });
    expect(rules.get(allow?.id ?? '')).toMatchObject({ hits: 1 });
  });

  it('a held request that a newly added rule covers is decided by it at once', async () => {
    const verdict = submit('npm run lint');
    const held = broker.pending()[0];
    expect(held?.command).toBe('npm run lint');
    const [added] = rules.add(
      [
        {
          effect: 'allow',
          kind: 'exact',
          pattern: 'npm run lint',
          scope: { type: 'project', dir: PROJECT },
          source: 'cli',
        },
      ],
      'user',
    );
    await expect(verdict).resolves.toMatchObject({ decision: 'allow', decidedBy: `rule:${added?.id}` });
    expect(broker.pending()).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['request.held', 'request.decided']);
  });

  it('a new deny rule denies what is held; a rule elsewhere leaves it held', async () => {
    const verdict = submit('git push origin feature');
    rules.add(
      [
        {
          effect: 'deny',
          kind: 'prefix',
          pattern: 'git push',
          scope: { type: 'project', dir: '/elsewhere' },
          source: 'cli',
        },
      ],
      'user',
    );
    expect(broker.pending()).toHaveLength(1);
    rules.add(
      [
        {
          effect: 'deny',
          kind: 'prefix',
          pattern: 'git push',
          scope: { type: 'global' },
          source: 'cli',
          note: 'Push from CI only.',
        },
      ],
      'user',
    );
    const v = await verdict;
    expect(v.decision).toBe('deny');
    expect(v.reason).toMatch(/^Denied by Gatehouse rule \w+ \(prefix:git push\)\. Push from CI only\.$/);
  });
});

describe('trust mode', () => {
  it('lets everything below high through until it ends, with a countdown; high is always held', async () => {
    vi.useFakeTimers();
    build();
    const medium = submit('rm -rf build');
    expect(broker.pending()).toHaveLength(1);
    const status = trust.start(15 * 60_000);
    expect(status).toMatchObject({ active: true, remainingMs: 15 * 60_000, floor: ['high', 'critical'] });
    await expect(medium).resolves.toMatchObject({ decision: 'allow', decidedBy: 'trust-mode' });
    await expect(submit('rm notes.txt')).resolves.toMatchObject({ decidedBy: 'trust-mode' });
    void submit('rm -rf ~/Documents');
    expect(broker.pending().map((r) => r.command)).toEqual(['rm -rf ~/Documents']);
    vi.advanceTimersByTime(5 * 60_000);
    expect(trust.status().remainingMs).toBe(10 * 60_000);
    vi.advanceTimersByTime(10 * 60_000);
    expect(trust.status()).toMatchObject({ active: false, remainingMs: 0, endsAt: null });
    // (The high one has timed out by now: the hold timeout is a minute.)
    void submit('rm notes.txt');
    expect(broker.pending().map((r) => r.command)).toEqual(['rm notes.txt']);
  });

  it('ask rules hold even in trust mode', () => {
    build();
    rules.add([{ effect: 'ask', kind: 'prefix', pattern: 'rm', scope: { type: 'global' }, source: 'cli' }], 'user');
    trust.start(60_000);
    void submit('rm notes.txt');
    expect(broker.pending()).toHaveLength(1);
  });
});

describe('auto-allow of low-risk commands', () => {
  beforeEach(() => build());

  it('is off by default, and when on never covers medium', async () => {
    void submit('ls -la');
    expect(broker.pending()).toHaveLength(1);
    autoAllow = true;
    await expect(submit('git status')).resolves.toMatchObject({ decision: 'allow', decidedBy: 'auto-allow' });
    void submit('rm notes.txt');
    expect(broker.pending().map((r) => r.command)).toEqual(['ls -la', 'rm notes.txt']);
  });
});

describe('allow rules for some parts, auto-allow for the low rest', () => {
  beforeEach(() => build());

  it('allows a command whose uncovered parts are all low, only with auto-allow on, naming the rule', async () => {
    const real = await createRiskEngine(testContextOptions());
    rules.add(
      [{ effect: 'allow', kind: 'prefix', pattern: 'npm install', scope: { type: 'global' }, source: 'cli' }],
      'user',
    );
    const explain = (command: string, autoAllowLowRisk: boolean) =>
      new GatePolicy({ rules, trust, autoAllowLowRisk: () => autoAllowLowRisk }).explain(
        command,
        real.assess(command, PROJECT),
        PROJECT,
        's1',
      );
    expect(explain('npm install && git status', false)).toMatchObject({ decision: 'hold' });
    const allowed = explain('npm install && git status', true);
    expect(allowed).toMatchObject({ decision: 'allow' });
    expect(allowed.by).toMatch(/^rule:/);
    expect(allowed.reason).toMatch(
      /^Allowed by Gatehouse rule \S+ \(prefix:npm install\) for part of it; every other part is low risk/,
    );
    // A part above low that no rule covers still waits for a person.
    expect(explain('npm install && rm notes.txt', true)).toMatchObject({ decision: 'hold' });
  });
});

describe("a hosted shell's typed lines", () => {
  beforeEach(() => build());

  it("runs the person's low-risk lines at once by default, and asks about the rest and about anything not typed", async () => {
    typing = 'low';
    await expect(typedLine('git status')).resolves.toMatchObject({ decision: 'allow', decidedBy: 'typed' });
    void typedLine('rm -rf build');
    void submit('git status');
    expect(broker.pending().map((r) => r.command)).toEqual(['rm -rf build', 'git status']);
  });

  it('"Run what I type" runs any typed line, after deny rules; the tamper lock still holds it', async () => {
    typing = 'all';
    rules.add(
      [{ effect: 'deny', kind: 'prefix', pattern: 'git push', scope: { type: 'global' }, source: 'cli' }],
      'user',
    );
    await expect(typedLine('rm -rf build')).resolves.toMatchObject({ decision: 'allow', decidedBy: 'typed' });
    await expect(typedLine('git push --force origin main')).resolves.toMatchObject({ decision: 'deny' });
    tampered = '2026-12-06T23:00:00.000Z';
    void typedLine('ls');
    expect(broker.pending().map((r) => r.command)).toEqual(['ls']);
  });

  it('"Ask for everything" holds even what an allow rule, trust mode or auto-allow would let through', () => {
    typing = 'none';
    rules.add(
      [{ effect: 'allow', kind: 'prefix', pattern: 'npm test', scope: { type: 'global' }, source: 'cli' }],
      'user',
    );
    autoAllow = true;
    trust.start(60_000);
    void typedLine('npm test');
    void typedLine('git status');
    expect(broker.pending().map((r) => r.command)).toEqual(['npm test', 'git status']);
    const policy = new GatePolicy({ rules, trust, autoAllowLowRisk: () => true, typingTrust: () => 'none' });
    expect(policy.explain('ls', engine.assess('ls', PROJECT), PROJECT, 's1', true)).toMatchObject({
      decision: 'hold',
      reason: 'Held for you: this shell asks about every line you type.',
    });
  });

  it('a typed line held for the person runs once the shell is told to run it; an agent request stays held', async () => {
    typing = 'none';
    const typedVerdict = typedLine('rm -rf build');
    void submit('rm -rf dist');
    typing = 'all';
    broker.reconsider();
    await expect(typedVerdict).resolves.toMatchObject({ decision: 'allow', decidedBy: 'typed' });
    expect(broker.pending().map((r) => r.command)).toEqual(['rm -rf dist']);
  });

  it('gives typed lines no trust in a session that is not a hosted shell', () => {
    typing = null;
    void typedLine('git status');
    expect(broker.pending()).toHaveLength(1);
  });
});

describe('the tamper lock', () => {
  beforeEach(() => build());

  it('holds what allow rules, trust mode and auto-allow would allow; deny rules still deny', async () => {
    rules.add(
      [{ effect: 'allow', kind: 'prefix', pattern: 'npm run test', scope: { type: 'global' }, source: 'cli' }],
      'user',
    );
    rules.add(
      [{ effect: 'deny', kind: 'prefix', pattern: 'git push', scope: { type: 'global' }, source: 'cli' }],
      'user',
    );
    autoAllow = true;
    trust.start(60_000);
    tampered = '2026-12-06T23:00:00.000Z';
    void submit('npm run test');
    void submit('git status');
    void submit('rm -rf build');
    await expect(submit('git push -f')).resolves.toMatchObject({ decision: 'deny' });
    expect(broker.pending().map((r) => r.command)).toEqual(['npm run test', 'git status', 'rm -rf build']);
  });

  it('says why in the explanation', () => {
    autoAllow = true;
    tampered = '2026-12-06T23:00:00.000Z';
    const policy = new GatePolicy({ rules, trust, autoAllowLowRisk: () => autoAllow, tamperedSince: () => tampered });
    const e = policy.explain('git status', engine.assess('git status', PROJECT), PROJECT, 's1');
    expect(e).toMatchObject({ decision: 'hold', by: 'human' });
    expect(e.reason).toMatch(/tampered with at 2026-12-06T23:00:00.000Z.*gatehouse tamper ack/);
  });

  it('once lifted, held requests are decided as usual again', async () => {
    autoAllow = true;
    tampered = '2026-12-06T23:00:00.000Z';
    const verdict = submit('git status');
    expect(broker.pending()).toHaveLength(1);
    tampered = null;
    broker.reconsider();
    await expect(verdict).resolves.toMatchObject({ decision: 'allow', decidedBy: 'auto-allow' });
  });
});

describe('expiry', () => {
  it('a rule stops applying when it expires, and its expiry is in the audit trail', async () => {
    vi.useFakeTimers();
    const changes: string[] = [];
    build();
    rules.dispose();
    rules = new RuleService({ repository: new RuleRepository(db), onChange: (c) => changes.push(c) });
    const [r] = rules.add(
      [
        {
          effect: 'allow',
          kind: 'prefix',
          pattern: 'npm test',
          scope: { type: 'global' },
          source: 'cli',
          expiresAt: Date.now() + 15 * 60_000,
        },
      ],
      'user',
    );
    const place = { cwd: PROJECT, sessionId: 's1' };
    const risk = engine.assess('npm test', PROJECT);
    expect(rules.evaluate('npm test', risk, place).outcome).toBe('allow');
    vi.advanceTimersByTime(15 * 60_000 - 1);
    expect(rules.evaluate('npm test', risk, place).outcome).toBe('allow');
    vi.advanceTimersByTime(1);
    expect(rules.evaluate('npm test', risk, place).outcome).toBe('none');
    expect(changes).toEqual(['added', 'expired']);
    expect(rules.list().map((x) => x.id)).toEqual([]);
    expect(rules.list(true).map((x) => x.id)).toEqual([r?.id]);
    const audit = new AuditRepository(db).list(0, 10).map((e) => e.kind);
    expect(audit).toEqual(['rule.added', 'rule.expired']);
  });
});
