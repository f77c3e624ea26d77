// The canary through a real core's gate and the real hook command (curl, or the Node client where no trusted curl is
// found): live over the session's socket and token, answered without a card or a stored request; not live when the
// socket is wrong; and a body in the canary's form that is not a session's first call is an ordinary command.
import { afterEach, describe, expect, it } from 'vitest';
import { CANARY_FIELD, runCanary } from '../../electron/core/agents/canary.ts';
import { claudeSettings } from '../../electron/core/agents/claude/wiring.ts';
import { sessionEnv } from '../../electron/core/agents/wire.ts';
import { chooseTransport } from '../../electron/core/agents/wire.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { post } from '../support/unix-http.ts';

let t: TestCore;
afterEach(async () => t?.stop());

const HOOK_CLIENT = new URL('../../dist/core/hook-client.mjs', import.meta.url).pathname;

/** The Bash PreToolUse hook command exactly as Claude Code's wiring writes it. */
function claudeHook(): string {
  const transport = chooseTransport({ env: process.env, cwd: '/', hookClientPath: HOOK_CLIENT });
  const settings = claudeSettings({ transport, holdTimeoutMs: 60_000, platform: 'linux', onFailureBlock: true });
  return settings.hooks.PreToolUse?.find((m) => m.matcher === 'Bash')?.hooks[0]?.command as string;
}

const payload = { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'true' }, cwd: '/' };

describe('the gate canary', () => {
  it('is answered live through the real hook command, with no card, no request and no history', async () => {
    t = await startTestCore();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/', pid: null });
    let held = false;
    void t.next('request.held').then(() => (held = true));
    const r = await runCanary({ command: claudeHook(), payload }, { PATH: '/usr/bin:/bin', ...sessionEnv(s) }, '/');
    expect(r).toMatchObject({ live: true });
    expect(r.ms).toBeLessThan(5000);
    expect(held).toBe(false);
    expect(await t.client.api.listPending()).toEqual([]);
    expect((await t.client.api.listHistory({})).items).toEqual([]);
  });

  it('is not live when the socket is wrong, and says what the hook said', async () => {
    t = await startTestCore();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/', pid: null });
    const env = { PATH: '/usr/bin:/bin', ...sessionEnv(s), GATEHOUSE_SOCKET: `${s.gateSocket}.wrong` };
    const r = await runCanary({ command: claudeHook(), payload }, env, '/');
    expect(r).toMatchObject({ live: false });
    expect(!r.live && r.why).toMatch(/^the hook command failed \(exit 2\): Gatehouse blocked this command: /);
  });

  it('gets no allow when crafted: after a session has called, a canary-shaped command is held like any other', async () => {
    t = await startTestCore();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/', pid: null });
    const auth = { authorization: `Bearer ${s.token}` };
    // The session's first call is a real one (a tool the gate lets pass): from then on no canary is honoured for it.
    const read = { ...payload, tool_name: 'Read', tool_input: { file_path: '/w/a' } };
    expect(await post(s.gateSocket, GATE_PATHS.claudePreToolUse, JSON.stringify(read), auth)).toEqual({
      status: 200,
      body: '',
    });
    const crafted = { ...payload, tool_input: { command: 'git push --force' }, [CANARY_FIELD]: 'a'.repeat(32) };
    const heldEvent = t.next('request.held');
    const answer = post(s.gateSocket, GATE_PATHS.claudePreToolUse, JSON.stringify(crafted), auth);
    const { request } = await heldEvent;
    expect(request).toMatchObject({ command: 'git push --force', status: 'pending' });
    await t.client.api.decide({ id: request.id, decision: 'deny' });
    expect(JSON.parse((await answer).body)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
  });

  it('is deny-shaped even as a first call from someone holding the token: nothing a canary answers allows', async () => {
    t = await startTestCore();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/', pid: null });
    const crafted = { ...payload, tool_input: { command: 'git push --force' }, [CANARY_FIELD]: 'b'.repeat(32) };
    const res = await post(s.gateSocket, GATE_PATHS.claudePreToolUse, JSON.stringify(crafted), {
      authorization: `Bearer ${s.token}`,
    });
    expect(JSON.parse(res.body)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
  });
});
