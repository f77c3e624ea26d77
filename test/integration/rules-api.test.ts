// The rules part of the control API through a real core: edits, bad input that loses nothing,
// remembering from a decision, backtests of an edit, provenance, events.
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import type { CoreEvent } from '../../shared/domain.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { PROJECT, testEngine } from '../support/risk.ts';
import { tempDir } from '../support/temp.ts';
import { post } from '../support/unix-http.ts';

const engine = testEngine();
let core: TestCore | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

async function start(): Promise<TestCore> {
  core = await startTestCore({ assess: (c, cwd) => engine.assess(c, cwd), userHome: tempDir('gh-user-') });
  return core;
}

async function hold(t: TestCore, token: string, command: string, cwd = PROJECT) {
  const held = t.next('request.held', (e) => e.request.command === command);
  const answer = post(
    t.core.paths.gateSocket,
    GATE_PATHS.claudePreToolUse,
    JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd }),
    { authorization: `Bearer ${token}` },
  ).then(
    (r) =>
      (JSON.parse(r.body) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput
        .permissionDecision,
  );
  return { request: (await held).request, answer };
}

describe('rules through the control API', () => {
  it('edits, disables, enables and deletes a rule, each in the audit trail, and tells clients', async () => {
    const t = await start();
    const events: CoreEvent[] = [];
    await t.client.events((e) => events.push(e));
    const rule = await t.client.api.addRule({ effect: 'allow', kind: 'prefix', pattern: 'npm test', source: 'cli' });
    const edited = await t.client.api.updateRule({
      id: rule.id,
      pattern: 'npm run test *',
      ttlMs: 60_000,
      note: 'tests only',
    });
    expect(edited).toMatchObject({ pattern: 'npm run test', note: 'tests only' });
    expect(Date.parse(edited.expiresAt ?? '')).toBeGreaterThan(Date.now());
    await t.client.api.updateRule({ id: rule.id, enabled: false });
    expect(await t.client.api.listRules()).toEqual([]);
    expect((await t.client.api.listRules({ all: true })).map((r) => [r.id, r.enabled])).toEqual([[rule.id, false]]);
    await t.client.api.updateRule({ id: rule.id, enabled: true, ttlMs: null });
    await t.client.api.removeRule(rule.id);
    const kinds = (await t.client.api.listAudit()).map((e) => e.kind);
    expect(kinds).toEqual(['rule.added', 'rule.edited', 'rule.disabled', 'rule.edited', 'rule.deleted']);
    expect(
      events.filter((e) => e.type === 'rules.changed').map((e) => (e.type === 'rules.changed' ? e.change : '')),
    ).toEqual(['added', 'edited', 'edited', 'edited', 'deleted']);
    expect(await t.client.api.verifyAudit()).toEqual({ ok: true, entries: 5, firstBroken: null });
  });

  it('refuses bad rules with a clear error and changes nothing', async () => {
    const t = await start();
    const attempts = [
      t.client.api.addRule({ effect: 'allow', kind: 'regex', pattern: '(?<=x)y' }),
      t.client.api.addRule({
        effect: 'allow',
        kind: 'prefix',
        pattern: 'ls',
        scope: { type: 'project', dir: 'relative/dir' },
      }),
      t.client.api.addRule({ effect: 'allow', kind: 'prefix', pattern: 'ls', scope: 'project-of-cwd' }),
      t.client.api.addRule({ effect: 'maybe' as 'allow', kind: 'prefix', pattern: 'ls' }),
      t.client.api.updateRule({ id: 'nope', enabled: false }),
    ];
    const errors = await Promise.all(
      attempts.map((p) =>
        p.then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    );
    expect(errors.map((e) => (e instanceof ApiError ? e.code : String(e)))).toEqual([
      'invalid_input',
      'invalid_input',
      'invalid_input',
      'invalid_input',
      'not_found',
    ]);
    expect((errors[1] as ApiError).message).toBe('a project scope needs an absolute directory, not "relative/dir"');
    expect(await t.client.api.listRules({ all: true })).toEqual([]);
    expect(await t.client.api.listAudit()).toEqual([]);
  });

  it('remembers on allow only, checks the rule before deciding, and records where the rule came from', async () => {
    const t = await start();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: PROJECT, pid: null });
    const { request, answer } = await hold(t, s.token, 'cargo test --workspace');
    await expect(t.client.api.decide({ id: request.id, decision: 'deny', remember: true })).rejects.toThrow(
      /--remember goes with allow/,
    );
    await expect(
      t.client.api.decide({ id: request.id, decision: 'allow', remember: { kind: 'regex', pattern: '(a)\\1' } }),
    ).rejects.toThrow(/not a valid RE2/);
    expect((await t.client.api.listPending()).map((r) => r.id)).toEqual([request.id]);
    const decided = await t.client.api.decide({ id: request.id, decision: 'allow', remember: true });
    expect(await answer).toBe('allow');
    expect(decided.remembered).toEqual([
      expect.objectContaining({
        effect: 'allow',
        kind: 'prefix',
        pattern: 'cargo test',
        scope: { type: 'project', dir: PROJECT },
        source: `learned:${request.id}`,
      }),
    ]);
    const audit = await t.client.api.listAudit();
    expect(audit.map((e) => [e.kind, e.actor])).toEqual([
      ['decision', 'human:cli'],
      ['rule.added', 'human:cli'],
    ]);
  });

  it('remembers the rules the window chose, each with its scope and lifetime, and the next identical command is decided by them', async () => {
    const t = await start();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: PROJECT, pid: null });
    const { request, answer } = await hold(t, s.token, 'cargo build && npm run lint');
    const bad = [
      { kind: 'prefix' as const, pattern: 'cargo build' },
      { kind: 'regex' as const, pattern: '(a)\\1' },
    ];
    await expect(t.client.api.decide({ id: request.id, decision: 'allow', remember: bad })).rejects.toThrow(
      /not a valid RE2/,
    );
    await expect(t.client.api.decide({ id: request.id, decision: 'allow', remember: [] })).rejects.toThrow(/remember/);
    expect(await t.client.api.listRules({ all: true })).toEqual([]);
    const chosen = [
      { kind: 'prefix' as const, pattern: 'cargo build', scope: { type: 'global' as const } },
      {
        kind: 'prefix' as const,
        pattern: 'npm run lint',
        scope: { type: 'session' as const, sessionId: s.session.id },
        ttlMs: 15 * 60_000,
      },
    ];
    const decided = await t.client.api.decide({ id: request.id, decision: 'allow', via: 'window', remember: chosen });
    expect(await answer).toBe('allow');
    expect(decided.remembered?.map((r) => [r.pattern, r.scope, r.source])).toEqual([
      ['cargo build', { type: 'global' }, `learned:${request.id}`],
      ['npm run lint', { type: 'session', sessionId: s.session.id }, `learned:${request.id}`],
    ]);
    const [forGood, forAWhile] = decided.remembered ?? [];
    expect(forGood?.expiresAt).toBeNull();
    expect(Date.parse(forAWhile?.expiresAt ?? '') - Date.parse(forAWhile?.createdAt ?? '')).toBe(15 * 60_000);
    const next = t.next('request.decided', (e) => e.request.command === 'cargo build && npm run lint');
    const again = await post(
      t.core.paths.gateSocket,
      GATE_PATHS.claudePreToolUse,
      JSON.stringify({
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command: 'cargo build && npm run lint' },
        cwd: PROJECT,
      }),
      { authorization: `Bearer ${s.token}` },
    );
    expect(JSON.parse(again.body)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'allow' } });
    // The test engine reads the command as one segment, which the first rule covers.
    expect((await next).request.decision).toMatchObject({ decidedBy: `rule:${forGood?.id}`, ruleIds: [forGood?.id] });
  });

  it('outside any project, a learned rule is for the session only', async () => {
    const t = await start();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: os.homedir(), pid: null });
    const { request } = await hold(t, s.token, 'make lint', os.homedir());
    const suggestion = await t.client.api.suggestRules(request.id);
    expect(suggestion.rules).toEqual([
      { effect: 'allow', kind: 'prefix', pattern: 'make lint', scope: { type: 'session', sessionId: s.session.id } },
    ]);
  });

  it('backtests an edit against history, in place of the rule it replaces', async () => {
    const t = await start();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: PROJECT, pid: null });
    for (const command of ['npm run lint', 'npm run build']) {
      const { request, answer } = await hold(t, s.token, command);
      await t.client.api.decide({ id: request.id, decision: 'allow' });
      await answer;
    }
    const lint = await t.client.api.addRule({ effect: 'allow', kind: 'exact', pattern: 'npm run lint' });
    const b = await t.client.api.backtestRule({
      effect: 'allow',
      kind: 'prefix',
      pattern: 'npm run',
      replaces: lint.id,
      cwd: PROJECT,
    });
    expect(b.examined).toBe(2);
    expect(b.changed.map((c) => [c.command, c.before, c.after])).toEqual([['npm run build', 'none', 'allow']]);
    const explain = await t.client.api.explain({ command: 'npm run lint', cwd: PROJECT });
    expect(explain).toMatchObject({ decision: 'allow', by: `rule:${lint.id}`, ruleIds: [lint.id] });
  });
});
