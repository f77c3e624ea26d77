// What ran after an allow, through a real core: the agents' post-tool hooks posted to the gate as their hook commands
// post them (payloads as Claude Code 2.1.330 and Codex 0.169 send them), the outcome on the request, in the history
// and its "approved but failed" filter, as an event and as a marker; and what is never reported, called not run when
// the agent's turn ends.
import { afterEach, describe, expect, it } from 'vitest';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { MemoryRecordings } from '../support/recorder.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { post } from '../support/unix-http.ts';

let t: TestCore;
afterEach(async () => t?.stop());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A core whose recordings are kept in memory, so the markers can be read (sessions here record no terminal). */
async function core() {
  const recordings = new MemoryRecordings();
  t = await startTestCore({ recordings });
  return recordings.timeline;
}

const claude = {
  pre: (command: string, id: string) =>
    JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command, description: 'run it' },
      tool_use_id: id,
      cwd: '/work/p',
    }),
  failure: (command: string, id: string, error: string) =>
    JSON.stringify({
      hook_event_name: 'PostToolUseFailure',
      tool_name: 'Bash',
      tool_input: { command },
      tool_use_id: id,
      error,
      is_interrupt: false,
      duration_ms: 2300,
      cwd: '/work/p',
    }),
};

describe('Claude Code: what ran after an allow', () => {
  it('an approved command that fails: its exit status, duration and output on the request, in the history and filter, on the marker', async () => {
    const markers = await core();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/work/p', pid: null });
    const held = t.next('request.held');
    const answer = post(s.gateSocket, GATE_PATHS.claudePreToolUse, claude.pre('npm test', 'toolu_a'), bearer(s.token));
    const { request } = await held;
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    expect(JSON.parse((await answer).body).hookSpecificOutput.permissionDecision).toBe('allow');

    const outcome = t.next('request.outcome');
    const body = claude.failure('npm test', 'toolu_a', 'Exit code 1\n> jest\nTests: 1 failed, 4 passed');
    const res = await post(s.gateSocket, GATE_PATHS.claudePostToolUse, body, bearer(s.token));
    // Observation only: the agent is told nothing.
    expect(res).toEqual({ status: 200, body: '' });
    const expected = { state: 'failed', exitCode: 1, durationMs: 2300, summary: '> jest\nTests: 1 failed, 4 passed' };
    expect((await outcome).request.outcome).toMatchObject({ ...expected, source: 'agent' });
    expect((await t.client.api.getRequest(request.id)).outcome).toMatchObject(expected);
    const failed = await t.client.api.listHistory({ outcome: 'failed' });
    expect(failed.items.map((r) => r.id)).toEqual([request.id]);
    expect((await t.client.api.listHistory({ outcome: 'ran' })).items).toEqual([]);
    expect(markers.filter((m) => m.requestId === request.id).map((m) => m.label)).toEqual([
      `${request.id} held: npm test`,
      `${request.id} allowed by human:cli: npm test`,
      `${request.id} allowed, ran · exit 1 · 2.3 s — npm test`,
    ]);
  });

  it('one Claude Code refused itself (its own deny rule) is not run once its turn ends (Stop)', async () => {
    await core();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/work/p', pid: null });
    const held = t.next('request.held');
    const answer = post(s.gateSocket, GATE_PATHS.claudePreToolUse, claude.pre('echo hi', 'toolu_b'), bearer(s.token));
    const { request } = await held;
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    await answer;
    const outcome = t.next('request.outcome');
    const stop = JSON.stringify({ hook_event_name: 'Stop', stop_hook_active: false, cwd: '/work/p' });
    expect(await post(s.gateSocket, GATE_PATHS.claudeEvent, stop, bearer(s.token))).toEqual({ status: 200, body: '' });
    expect((await outcome).request.outcome).toMatchObject({ state: 'not-run', source: 'turn-ended', exitCode: null });
    expect((await t.client.api.listHistory({ outcome: 'not-run' })).items.map((r) => r.id)).toEqual([request.id]);
  });

  it('an older Claude Code (no post-tool hooks wired) is never said not to have run what it was allowed', async () => {
    await core();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/work/p', pid: null });
    const held = t.next('request.held');
    const pre = claude.pre('echo hi', 'toolu_c');
    const answer = post(s.gateSocket, GATE_PATHS.claudePreToolUseUnreported, pre, bearer(s.token));
    const { request } = await held;
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    await answer;
    await post(s.gateSocket, GATE_PATHS.claudeEvent, JSON.stringify({ hook_event_name: 'Stop' }), bearer(s.token));
    await t.client.api.endSession({ sessionId: s.session.id, exitCode: 0 });
    expect((await t.client.api.getRequest(request.id)).outcome).toBeNull();
  });

  it('refuses a post-tool payload it cannot read (422), like any other', async () => {
    await core();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/work/p', pid: null });
    const res = await post(s.gateSocket, GATE_PATHS.claudePostToolUse, '{"hook_event_name":"Nope"}', bearer(s.token));
    expect(res.status).toBe(422);
  });
});

describe('Codex: what ran after an allow', () => {
  it('PostToolUse says it ran (its output; no exit status from Codex), and Stop calls the unreported one not run', async () => {
    await core();
    const s = await t.client.api.startSession({ agent: 'codex', argv: ['codex'], cwd: '/w', pid: null });
    const pre = (command: string, id: string) =>
      JSON.stringify({
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command },
        tool_use_id: id,
        turn_id: 't1',
        cwd: '/w',
      });
    const ids: string[] = [];
    for (const [command, id] of [
      ['make test', 'call_1'],
      ['make deploy', 'call_2'],
    ] as const) {
      const held = t.next('request.held');
      const answer = post(s.gateSocket, GATE_PATHS.codexPreToolUse, pre(command, id), bearer(s.token));
      const { request } = await held;
      ids.push(request.id);
      await t.client.api.decide({ id: request.id, decision: 'allow' });
      expect(await answer).toEqual({ status: 200, body: '' });
    }
    const ran = t.next('request.outcome', (e) => e.request.id === ids[0]);
    const report = JSON.stringify({
      hook_event_name: 'PostToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'make test' },
      tool_response: 'ok 12 tests\n',
      tool_use_id: 'call_1',
      cwd: '/w',
    });
    await post(s.gateSocket, GATE_PATHS.codexPostToolUse, report, bearer(s.token));
    expect((await ran).request.outcome).toMatchObject({ state: 'ran', exitCode: null, summary: 'ok 12 tests' });
    const refused = t.next('request.outcome', (e) => e.request.id === ids[1]);
    const stop = JSON.stringify({ hook_event_name: 'Stop', turn_id: 't1', cwd: '/w' });
    expect(await post(s.gateSocket, GATE_PATHS.codexStop, stop, bearer(s.token))).toEqual({ status: 200, body: '' });
    expect((await refused).request.outcome).toMatchObject({ state: 'not-run', source: 'turn-ended' });
    // The one that ran keeps its report.
    expect((await t.client.api.getRequest(ids[0] as string)).outcome).toMatchObject({ state: 'ran' });
  });

  it('one session cannot report for another: its token speaks for its own requests only', async () => {
    await core();
    const a = await t.client.api.startSession({ agent: 'codex', argv: ['codex'], cwd: '/w', pid: null });
    const b = await t.client.api.startSession({ agent: 'codex', argv: ['codex'], cwd: '/w', pid: null });
    const held = t.next('request.held');
    const pre = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'ls' },
      tool_use_id: 'call_x',
      cwd: '/w',
    });
    const answer = post(a.gateSocket, GATE_PATHS.codexPreToolUse, pre, bearer(a.token));
    const { request } = await held;
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    await answer;
    const forged = JSON.stringify({
      hook_event_name: 'PostToolUse',
      tool_name: 'Bash',
      tool_use_id: 'call_x',
      cwd: '/w',
    });
    await post(b.gateSocket, GATE_PATHS.codexPostToolUse, forged, bearer(b.token));
    await post(b.gateSocket, GATE_PATHS.codexStop, JSON.stringify({ hook_event_name: 'Stop' }), bearer(b.token));
    expect((await t.client.api.getRequest(request.id)).outcome).toBeNull();
  });
});

describe('the session ends', () => {
  it('what it was allowed and never reported was not run', async () => {
    await core();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/work/p', pid: null });
    const held = t.next('request.held');
    const answer = post(s.gateSocket, GATE_PATHS.claudePreToolUse, claude.pre('sleep 1', 'toolu_d'), bearer(s.token));
    const { request } = await held;
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    await answer;
    const outcome = t.next('request.outcome');
    await t.client.api.endSession({ sessionId: s.session.id, exitCode: 0 });
    expect((await outcome).request.outcome).toMatchObject({ state: 'not-run', source: 'session-ended' });
  });
});
