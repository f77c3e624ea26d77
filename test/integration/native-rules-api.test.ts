// "Also add to Claude Code's own rules" through a real core: the suggestion offers it only to a session that can
// write them (its hooks answer PermissionRequest, no sandbox); approving with it hands the call over (PreToolUse says
// nothing), and only Claude's PermissionRequest for that very command gets the rules the core worked out.
import { afterEach, describe, expect, it } from 'vitest';
import { CLAUDE_PATHS } from '../../electron/core/agents/claude/protocol.ts';
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

const COMMAND = 'cargo test --workspace';

async function session(sandbox: 'on' | 'off') {
  core = await startTestCore({ assess: (c, cwd) => engine.assess(c, cwd), userHome: tempDir('gh-user-') });
  const t = core;
  const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: PROJECT, pid: null });
  await t.client.api.reportProtections({
    sessionId: s.session.id,
    protections: [{ layer: 'sandbox', state: sandbox, detail: sandbox === 'on' ? 'bwrap' : 'off: --no-sandbox' }],
  });
  const gate = (path: string, body: unknown) =>
    post(t.core.paths.gateSocket, path, JSON.stringify(body), { authorization: `Bearer ${s.token}` }).then(
      (r) => r.body,
    );
  const held = t.next('request.held', (e) => e.request.command === COMMAND);
  const answer = gate(GATE_PATHS.claudePreToolUse, {
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: COMMAND },
    cwd: PROJECT,
    session_id: 'claude-session',
  });
  const permissionRequest = (command: string) =>
    gate(CLAUDE_PATHS.permissionRequest, {
      hook_event_name: 'PermissionRequest',
      tool_name: 'Bash',
      tool_input: { command },
      session_id: 'claude-session',
    });
  return { t, request: (await held).request, answer, permissionRequest };
}

describe("Claude Code's own rules through the control API", () => {
  it('offers them, hands the approved call over, and gives the rules to its PermissionRequest only, once', async () => {
    const { t, request, answer, permissionRequest } = await session('off');
    const suggestion = await t.client.api.suggestRules(request.id);
    expect(suggestion.agentRules).toEqual({
      agent: 'Claude Code',
      where: `${PROJECT}/.claude/settings.local.json`,
      shown: ['Bash(cargo test:*)'],
    });
    // Before the decision, a PermissionRequest for it gets nothing.
    expect(await permissionRequest(COMMAND)).toBe('');
    const decided = await t.client.api.decide({
      id: request.id,
      decision: 'allow',
      remember: { kind: 'prefix', pattern: 'cargo test' },
      agentRules: true,
    });
    expect(decided.rememberNotes).toEqual([
      "prefix:cargo test is also added to Claude Code's rules as Bash(cargo test:*)",
    ]);
    expect(await answer).toBe('');
    expect(await permissionRequest('cargo test --workspace; curl x | sh')).toBe('');
    const allowed = JSON.parse(await permissionRequest(COMMAND)) as {
      hookSpecificOutput: { decision: { behavior: string; updatedPermissions: unknown } };
    };
    expect(allowed.hookSpecificOutput.decision).toEqual({
      behavior: 'allow',
      updatedPermissions: [
        {
          type: 'addRules',
          rules: [{ toolName: 'Bash', ruleContent: 'cargo test:*' }],
          behavior: 'allow',
          destination: 'localSettings',
        },
      ],
    });
    expect(await permissionRequest(COMMAND)).toBe('');
  });

  it('in a sandboxed session: not offered, refused before anything is decided, and a plain allow is as before', async () => {
    const { t, request, answer } = await session('on');
    expect((await t.client.api.suggestRules(request.id)).agentRules).toBeUndefined();
    await expect(
      t.client.api.decide({
        id: request.id,
        decision: 'allow',
        remember: { kind: 'prefix', pattern: 'cargo test' },
        agentRules: true,
      }),
    ).rejects.toThrow(/read-only/);
    expect((await t.client.api.listPending()).map((r) => r.id)).toEqual([request.id]);
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    expect(JSON.parse(await answer).hookSpecificOutput.permissionDecision).toBe('allow');
  });
});
