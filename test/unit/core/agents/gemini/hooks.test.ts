// Gemini CLI's endpoints: a payload in, the way to a decision it takes, the answer out; a malformed payload blocks.
import { describe, expect, it } from 'vitest';
import { GEMINI_HOOKS } from '../../../../../electron/core/agents/gemini/hooks.ts';
import { GEMINI_PATHS } from '../../../../../electron/core/agents/gemini/protocol.ts';
import type { HookCall } from '../../../../../electron/core/agents/plugin.ts';
import type { Verdict } from '../../../../../electron/core/broker/broker.ts';
import { HookPayloadError, type Interception } from '../../../../../electron/core/gate/protocols.ts';
import type { FileToolCall } from '../../../../../electron/core/gate/file-tools.ts';
import type { Session } from '../../../../../shared/domain.ts';
import { NativeRuleGrants } from '../../../../../electron/core/agents/native-rules.ts';

const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'no', decidedBy: 'rule:1' };

function call(body: unknown, fileVerdict: Verdict | null = null) {
  const seen = {
    decided: [] as Interception[],
    files: [] as Array<{ call: FileToolCall; cwd: string }>,
    reports: [] as unknown[],
    turns: 0,
  };
  const c: HookCall = {
    body,
    session: {} as Session,
    decide: async (r) => {
      seen.decided.push(r);
      return deny;
    },
    decideFileChange: async (f, cwd) => {
      seen.files.push({ call: f, cwd });
      return fileVerdict;
    },
    reportOutcome: (r) => seen.reports.push(r),
    turnEnded: () => seen.turns++,
    record: () => {},
    notify: () => {},
    nativeRules: new NativeRuleGrants().forSession('s1'),
  };
  return { c, seen };
}

const hook = (p: string) => GEMINI_HOOKS.find((h) => h.path === p)!;
const beforeTool = (input: Record<string, unknown>, tool = 'run_shell_command') => ({
  hook_event_name: 'BeforeTool',
  cwd: '/work',
  tool_name: tool,
  tool_input: input,
});

describe('Gemini CLI BeforeTool at the gate', () => {
  it('holds a shell command and answers a deny in Gemini’s words', async () => {
    const { c, seen } = call(beforeTool({ command: 'npm test', dir_path: 'app' }));
    const answer = await hook(GEMINI_PATHS.beforeTool).handle(c);
    expect(seen.decided).toEqual([
      {
        kind: 'pre-tool-use',
        tool: 'run_shell_command',
        command: 'npm test',
        cwd: '/work/app',
        callId: null,
        expectsOutcome: true,
      },
    ]);
    expect(JSON.parse(answer.body)).toEqual({ decision: 'deny', reason: 'no' });
  });

  it('judges write_file by where it lands: silent when nothing holds it, the verdict when it is held', async () => {
    const input = { file_path: '.gemini/settings.json', content: '{}' };
    const free = call(beforeTool(input, 'write_file'));
    expect(await hook(GEMINI_PATHS.beforeTool).handle(free.c)).toEqual({ status: 200, body: '' });
    expect(free.seen.files[0]).toMatchObject({
      cwd: '/work',
      call: { tool: 'write_file', paths: ['.gemini/settings.json'] },
    });
    const held = call(beforeTool(input, 'write_file'), deny);
    expect(JSON.parse((await hook(GEMINI_PATHS.beforeTool).handle(held.c)).body)).toMatchObject({ decision: 'deny' });
  });

  it('lets another tool go on without a decision', async () => {
    const { c, seen } = call(beforeTool({ file_path: 'a.ts' }, 'read_file'));
    expect(await hook(GEMINI_PATHS.beforeTool).handle(c)).toEqual({ status: 200, body: '' });
    expect(seen.decided).toEqual([]);
  });

  it('refuses what it cannot read (a 422: the hook exits 2 and Gemini blocks the call)', async () => {
    for (const body of [
      {},
      'not json',
      beforeTool({}),
      beforeTool({ content: 'x' }, 'write_file'),
      { ...beforeTool({ command: 'ls' }), cwd: '' },
    ]) {
      await expect(hook(GEMINI_PATHS.beforeTool).handle(call(body).c)).rejects.toThrow(HookPayloadError);
    }
  });
});

describe('Gemini CLI AfterTool and AfterAgent', () => {
  it('AfterTool reports what ran by the command, and is silent', async () => {
    const { c, seen } = call({
      hook_event_name: 'AfterTool',
      tool_name: 'run_shell_command',
      tool_input: { command: 'npm test' },
      tool_response: { llmContent: 'Output: ok' },
    });
    expect(await hook(GEMINI_PATHS.afterTool).handle(c)).toEqual({ status: 200, body: '' });
    expect(seen.reports).toEqual([expect.objectContaining({ command: 'npm test', state: 'ran' })]);
  });

  it('AfterAgent ends the turn, and is silent (a decision there would make Gemini retry)', async () => {
    const { c, seen } = call({ hook_event_name: 'AfterAgent', prompt: 'x', prompt_response: 'y' });
    expect(await hook(GEMINI_PATHS.afterAgent).handle(c)).toEqual({ status: 200, body: '' });
    expect(seen.turns).toBe(1);
  });
});
