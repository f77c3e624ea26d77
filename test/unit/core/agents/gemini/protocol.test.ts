// A verdict in Gemini CLI's words, what its BeforeTool sends, and what its AfterTool says ran. The payload shapes are
// the ones Gemini CLI 0.61.0 sent in test/e2e/gemini.test.ts.
import { describe, expect, it } from 'vitest';
import {
  geminiBeforeToolAnswer,
  GeminiBeforeToolSchema,
  GeminiAfterToolSchema,
  geminiReport,
  geminiShellCall,
} from '../../../../../electron/core/agents/gemini/protocol.ts';
import { REASONS, type Verdict } from '../../../../../electron/core/broker/broker.ts';
import { HookPayloadError } from '../../../../../electron/core/gate/protocols.ts';

const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: REASONS.humanAllow, decidedBy: 'human:cli' };
const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'use the staging database', decidedBy: 'human:cli' };

const before = (over: Record<string, unknown> = {}) =>
  GeminiBeforeToolSchema.parse({
    session_id: '94d2eaff-5ef2-4ced-ade6-750217402bb5',
    transcript_path: '/home/u/.gemini/tmp/work/chats/session.jsonl',
    cwd: '/work',
    hook_event_name: 'BeforeTool',
    timestamp: '2026-12-07T05:12:30.415Z',
    tool_name: 'run_shell_command',
    tool_input: { command: 'npm test', description: 'Run the tests' },
    ...over,
  });

describe('Gemini CLI answers', () => {
  it('stays silent for an allow (Gemini then applies its own approval) and denies with the reason the model reads', () => {
    expect(geminiBeforeToolAnswer(allow)).toEqual({ status: 200, body: '' });
    expect(JSON.parse(geminiBeforeToolAnswer(deny).body)).toEqual({
      decision: 'deny',
      reason: 'The user denied this command in Gatehouse: use the staging database',
    });
  });
});

describe('what BeforeTool sends', () => {
  it('a shell call: its command, run in the payload cwd, or in dir_path (relative to it, or absolute)', () => {
    expect(geminiShellCall(before())).toEqual({ command: 'npm test', cwd: '/work' });
    expect(geminiShellCall(before({ tool_input: { command: 'ls', dir_path: 'packages/a' } }))).toEqual({
      command: 'ls',
      cwd: '/work/packages/a',
    });
    expect(geminiShellCall(before({ tool_input: { command: 'ls', dir_path: '/etc' } }))).toEqual({
      command: 'ls',
      cwd: '/etc',
    });
  });

  it('another tool is not a shell call', () => {
    expect(geminiShellCall(before({ tool_name: 'read_file', tool_input: { file_path: 'a.ts' } }))).toBeNull();
  });

  it('a shell call without a command is refused (a 422: the hook blocks)', () => {
    expect(() => geminiShellCall(before({ tool_input: { description: 'nothing' } }))).toThrow(HookPayloadError);
    expect(() => geminiShellCall(before({ tool_input: { command: '' } }))).toThrow(HookPayloadError);
  });

  it('a payload without cwd, tool name or tool_input does not parse', () => {
    for (const drop of ['cwd', 'tool_name', 'tool_input', 'hook_event_name']) {
      const body: Record<string, unknown> = {
        hook_event_name: 'BeforeTool',
        cwd: '/work',
        tool_name: 'run_shell_command',
        tool_input: { command: 'ls' },
      };
      delete body[drop];
      expect(GeminiBeforeToolSchema.safeParse(body).success, drop).toBe(false);
    }
  });
});

describe('what AfterTool says ran', () => {
  const after = (response: Record<string, unknown>) =>
    GeminiAfterToolSchema.parse({
      hook_event_name: 'AfterTool',
      tool_name: 'run_shell_command',
      tool_input: { command: 'npm test' },
      tool_response: response,
    });

  it('ran: the output as the model got it; no id, so the command names the call', () => {
    expect(geminiReport(after({ llmContent: 'Output: ran-42\nProcess Group PGID: 7' }), 'npm test')).toEqual({
      callId: null,
      command: 'npm test',
      state: 'ran',
      exitCode: null,
      durationMs: null,
      output: 'Output: ran-42\nProcess Group PGID: 7',
    });
  });

  it('failed: a non-zero "Exit Code" line, or an error', () => {
    expect(geminiReport(after({ llmContent: 'Output: nope\nExit Code: 3' }), 'x')).toMatchObject({
      state: 'failed',
      exitCode: 3,
    });
    expect(geminiReport(after({ llmContent: 'x', error: { message: 'boom' } }), 'x')).toMatchObject({
      state: 'failed',
    });
  });
});
