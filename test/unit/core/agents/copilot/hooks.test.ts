// GitHub Copilot CLI's endpoints: a payload in (as 1.0.102 sends it), the way to a decision it takes, the answer out in
// Copilot's words; a malformed payload blocks.
import { describe, expect, it } from 'vitest';
import { COPILOT_HOOKS } from '../../../../../electron/core/agents/copilot/hooks.ts';
import { COPILOT_PATHS } from '../../../../../electron/core/agents/copilot/protocol.ts';
import type { HookCall } from '../../../../../electron/core/agents/plugin.ts';
import type { AgentReport } from '../../../../../electron/core/broker/outcomes.ts';
import type { Verdict } from '../../../../../electron/core/broker/broker.ts';
import { HookPayloadError, type Interception } from '../../../../../electron/core/gate/protocols.ts';
import type { FileToolCall } from '../../../../../electron/core/gate/file-tools.ts';
import type { Session } from '../../../../../shared/domain.ts';
import { NativeRuleGrants } from '../../../../../electron/core/agents/native-rules.ts';

const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'not on main', decidedBy: 'rule:1' };
const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: 'fine', decidedBy: 'rule:2' };

function call(body: unknown, verdict: Verdict = deny, fileVerdict: Verdict | null = null) {
  const seen = {
    decided: [] as Interception[],
    files: [] as Array<{ call: FileToolCall; cwd: string }>,
    reports: [] as AgentReport[],
    turns: 0,
    recorded: [] as string[],
  };
  const c: HookCall = {
    body,
    session: {} as Session,
    decide: async (r) => {
      seen.decided.push(r);
      return verdict;
    },
    decideFileChange: async (f, cwd) => {
      seen.files.push({ call: f, cwd });
      return fileVerdict;
    },
    reportOutcome: (r) => seen.reports.push(r),
    turnEnded: () => seen.turns++,
    record: (e) => seen.recorded.push(e),
    notify: () => {},
    nativeRules: new NativeRuleGrants().forSession('s1'),
  };
  return { c, seen };
}

const hook = (p: string) => COPILOT_HOOKS.find((h) => h.path === p)!;
/** A preToolUse payload as the real 1.0.102 sent it (camelCase, `toolArgs` an object). */
const pre = (toolName: string, toolArgs: unknown) => ({
  sessionId: 'd068cb1a-d5ed-4224-8e01-e9036bbc5dc2',
  timestamp: 1796623687201,
  cwd: '/work',
  toolName,
  toolArgs,
});

describe('GitHub Copilot CLI preToolUse at the gate', () => {
  it('holds a bash command and answers a deny with the reason the model reads', async () => {
    const { c, seen } = call(pre('bash', { command: 'npm test', description: 'Run the tests' }));
    const answer = await hook(COPILOT_PATHS.preToolUse).handle(c);
    expect(seen.decided).toEqual([
      { kind: 'pre-tool-use', tool: 'bash', command: 'npm test', cwd: '/work', callId: null, expectsOutcome: true },
    ]);
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { permissionDecision: string; permissionDecisionReason: string };
    expect(body.permissionDecision).toBe('deny');
    expect(body.permissionDecisionReason).toContain('not on main');
  });

  it('answers an allow with silence, so Copilot’s own permission checks still apply', async () => {
    const { c } = call(pre('bash', { command: 'ls' }), allow);
    expect(await hook(COPILOT_PATHS.preToolUse).handle(c)).toEqual({ status: 200, body: '' });
  });

  it('judges create and edit by the file they name, and goes on silently where nothing is protected', async () => {
    const { c, seen } = call(pre('create', { path: '/work/a.txt', file_text: 'hi' }));
    expect(await hook(COPILOT_PATHS.preToolUse).handle(c)).toEqual({ status: 200, body: '' });
    expect(seen.files[0]).toMatchObject({ call: { tool: 'create', paths: ['/work/a.txt'] }, cwd: '/work' });
    const edit = call(pre('edit', { path: '/work/.github/hooks/x.json', old_str: 'a', new_str: 'b' }), deny, deny);
    const answer = await hook(COPILOT_PATHS.preToolUse).handle(edit.c);
    expect(JSON.parse(answer.body)).toMatchObject({ permissionDecision: 'deny' });
    expect(edit.seen.files[0]!.call.summary).toContain('replace:\na\nwith:\nb');
  });

  it('lets other tools go on without asking', async () => {
    const { c, seen } = call(pre('view', { path: '/work/a.txt' }));
    expect(await hook(COPILOT_PATHS.preToolUse).handle(c)).toEqual({ status: 200, body: '' });
    expect(seen.decided).toEqual([]);
  });

  it('refuses a malformed payload (the hook then blocks): no cwd, a bash call without a command, a file tool without a path', async () => {
    for (const body of [
      { toolName: 'bash', toolArgs: { command: 'ls' } },
      pre('bash', { description: 'no command' }),
      pre('bash', 'ls'),
      pre('edit', { old_str: 'a' }),
      null,
    ]) {
      const { c } = call(body);
      await expect(hook(COPILOT_PATHS.preToolUse).handle(c)).rejects.toBeInstanceOf(HookPayloadError);
    }
  });
});

describe('GitHub Copilot CLI postToolUse, postToolUseFailure and agentStop', () => {
  it('reports what ran, with the exit code read off the shell’s own last line', async () => {
    const { c, seen } = call({
      ...pre('bash', { command: 'npm test' }),
      toolResult: { resultType: 'success', textResultForLlm: 'ran-42\n<shellId: 0 completed with exit code 0>' },
    });
    expect(await hook(COPILOT_PATHS.postToolUse).handle(c)).toEqual({ status: 200, body: '' });
    expect(seen.reports).toEqual([
      { callId: null, command: 'npm test', state: 'ran', exitCode: 0, durationMs: null, output: 'ran-42' },
    ]);
    const failed = call({
      ...pre('bash', { command: 'false' }),
      toolResult: { resultType: 'success', textResultForLlm: '<shellId: 1 completed with exit code 1>' },
    });
    await hook(COPILOT_PATHS.postToolUse).handle(failed.c);
    expect(failed.seen.reports[0]).toMatchObject({ state: 'failed', exitCode: 1 });
  });

  it('reports a failure from postToolUseFailure with its error', async () => {
    const { c, seen } = call({ ...pre('bash', { command: 'npm test' }), error: 'spawn failed' });
    await hook(COPILOT_PATHS.postToolUseFailure).handle(c);
    expect(seen.reports[0]).toMatchObject({ command: 'npm test', state: 'failed', output: 'spawn failed' });
  });

  it('agentStop ends the turn and is answered with silence (a block would force another turn)', async () => {
    const { c, seen } = call({ sessionId: 's', cwd: '/work', stopReason: 'end_turn', stop_hook_active: false });
    expect(await hook(COPILOT_PATHS.agentStop).handle(c)).toEqual({ status: 200, body: '' });
    expect(seen.turns).toBe(1);
    expect(seen.recorded).toEqual(['agentStop']);
  });
});
