// The file tools at the gate, over its real socket: a change to a protected place is held as critical and answered in
// the agent's words; any other change is answered at once with no output, and leaves no request behind.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { CLAUDE_DENY_CONTEXT } from '../../electron/core/agents/claude/protocol.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { post } from '../support/unix-http.ts';

let t: TestCore;
afterEach(async () => t?.stop());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function world(agent: 'claude' | 'codex') {
  const work = fs.realpathSync(tempDir('gh-files-'));
  fs.mkdirSync(path.join(work, '.git'));
  fs.writeFileSync(path.join(work, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  t = await startTestCore();
  const s = await t.client.api.startSession({ agent, argv: [agent], cwd: work, pid: null });
  const events: CoreEvent[] = [];
  await t.client.events((e) => events.push(e));
  return { work, s, events };
}

describe('file tools at the gate', () => {
  it("holds a Claude Code Write to the project's settings as critical, and answers the decision in Claude Code words", async () => {
    const { work, s } = await world('claude');
    const file = path.join(work, '.claude', 'settings.local.json');
    const body = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Write',
      tool_input: { file_path: file, content: '{"disableAllHooks": true}' },
      cwd: work,
    });
    const held = t.next('request.held');
    const answer = post(s.gateSocket, GATE_PATHS.claudePreToolUse, body, bearer(s.token));
    const { request } = await held;
    expect(request).toMatchObject({
      tool: 'Write',
      command: `Write ${file}\n{"disableAllHooks": true}`,
      cwd: work,
      status: 'pending',
    });
    expect(request.risk).toMatchObject({ level: 'critical', categories: ['self-protection'] });
    expect(request.risk?.reasons[0]).toContain(`Write writes ${file}`);
    await t.client.api.decide({ id: request.id, decision: 'deny', reason: 'no' });
    expect(JSON.parse((await answer).body)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: 'The user denied this command in Gatehouse: no',
        additionalContext: CLAUDE_DENY_CONTEXT,
      },
    });
  });

  it('lets an ordinary Claude Code Edit go on at once, with no output and no request', async () => {
    const { work, s, events } = await world('claude');
    const body = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Edit',
      tool_input: { file_path: path.join(work, 'src', 'a.ts'), old_string: 'a', new_string: 'b' },
      cwd: work,
    });
    expect(await post(s.gateSocket, GATE_PATHS.claudePreToolUse, body, bearer(s.token))).toEqual({
      status: 200,
      body: '',
    });
    expect(await t.client.api.listPending()).toEqual([]);
    expect(events.filter((e) => e.type.startsWith('request.'))).toEqual([]);
  });

  it('refuses a Claude Code file tool that names no file (4xx: the hook blocks it)', async () => {
    const { work, s } = await world('claude');
    const body = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Write',
      tool_input: { content: 'x' },
      cwd: work,
    });
    expect((await post(s.gateSocket, GATE_PATHS.claudePreToolUse, body, bearer(s.token))).status).toBe(422);
  });

  it('holds a Codex apply_patch that reaches a protected place; an ordinary patch passes in silence', async () => {
    const { work, s, events } = await world('codex');
    const patch = (file: string) => `*** Begin Patch\n*** Add File: ${file}\n+x = 1\n*** End Patch\n`;
    const payload = (file: string) =>
      JSON.stringify({
        hook_event_name: 'PreToolUse',
        tool_name: 'apply_patch',
        tool_input: { command: patch(file) },
        cwd: work,
        tool_use_id: 'call_1',
      });

    expect(await post(s.gateSocket, GATE_PATHS.codexPreToolUse, payload('src/a.txt'), bearer(s.token))).toEqual({
      status: 200,
      body: '',
    });
    expect(events.filter((e) => e.type.startsWith('request.'))).toEqual([]);

    const held = t.next('request.held');
    const answer = post(s.gateSocket, GATE_PATHS.codexPreToolUse, payload('.git/hooks/pre-commit'), bearer(s.token));
    const { request } = await held;
    expect(request).toMatchObject({ tool: 'apply_patch', command: `apply_patch\n${patch('.git/hooks/pre-commit')}` });
    expect(request.risk?.level).toBe('critical');
    await t.client.api.decide({ id: request.id, decision: 'deny' });
    expect(JSON.parse((await answer).body)).toMatchObject({
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny' },
    });

    // Allowed by a person: Codex's PreToolUse takes silence as "go on".
    const again = t.next('request.held');
    const allowed = post(s.gateSocket, GATE_PATHS.codexPreToolUse, payload('.codex/config.toml'), bearer(s.token));
    await t.client.api.decide({ id: (await again).request.id, decision: 'allow' });
    expect(await allowed).toEqual({ status: 200, body: '' });
  });

  it('still reads a Codex shell command as before', async () => {
    const { work, s } = await world('codex');
    const held = t.next('request.held');
    const body = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'git push --force' },
      cwd: work,
    });
    const answer = post(s.gateSocket, GATE_PATHS.codexPreToolUse, body, bearer(s.token));
    const { request } = await held;
    expect(request).toMatchObject({ tool: 'Bash', command: 'git push --force' });
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    expect(await answer).toEqual({ status: 200, body: '' });
  });
});
