// Gemini CLI's hook protocol: its endpoints at the gate, what its hooks send, and how a verdict is said back in its own
// words. Pure. From its hooks reference (`docs/hooks/reference.md` in the 0.61.0 package) and measured against the real
// 0.61.0 (test/e2e/gemini.test.ts):
// - BeforeTool sends `{session_id, transcript_path, cwd, hook_event_name, timestamp, tool_name, tool_input}`; there is
//   no tool call id. `{"decision": "deny", "reason": …}` on stdout (exit 0) blocks the call and the model reads
//   "Tool execution blocked: <reason>"; no output lets it run (Gemini's own approval still applies).
// - Exit 2 blocks too, the model reading stderr. Exit 1, any other exit without stderr, a timeout, and stdout that is
//   not JSON all LET THE TOOL RUN: Gemini fails open, so the hook command must exit 2 on every failure it can see.
// - AfterTool sends `tool_response: {llmContent, returnDisplay, error?}`; AfterAgent ends the turn. Both are
//   answered with silence: a `decision` there would hide the output or force a retry.
import path from 'node:path';
import { z } from 'zod';
import type { Verdict } from '../../broker/broker.ts';
import type { AgentReport } from '../../broker/outcomes.ts';
import { agentReason, HookPayloadError, jsonAnswer, SILENT, type HookAnswer } from '../../gate/protocols.ts';

/** Where Gemini CLI's hooks post: BeforeTool (shell and file tools), AfterTool (what ran), AfterAgent (the turn ended). */
export const GEMINI_PATHS = {
  beforeTool: '/v1/gate/gemini/before-tool',
  afterTool: '/v1/gate/gemini/after-tool',
  afterAgent: '/v1/gate/gemini/after-agent',
} as const;

/** The tool under which Gemini CLI runs shell commands (`bash -c`, or PowerShell on Windows). */
export const GEMINI_SHELL_TOOL = 'run_shell_command';

const ShellInput = z.looseObject({
  command: z.string().min(1),
  /** Where the command runs: absolute, or relative to the workspace root (the payload's `cwd`). */
  dir_path: z.string().min(1).optional(),
});

export const GeminiBeforeToolSchema = z.looseObject({
  hook_event_name: z.literal('BeforeTool'),
  tool_name: z.string().min(1),
  tool_input: z.record(z.string(), z.unknown()),
  cwd: z.string().min(1),
  session_id: z.string().optional(),
});
type GeminiBeforeTool = z.infer<typeof GeminiBeforeToolSchema>;

/** A shell call's command and the directory it runs in; null for another tool; throws (a 422) for one without a command. */
export function geminiShellCall(p: GeminiBeforeTool): { command: string; cwd: string } | null {
  if (p.tool_name !== GEMINI_SHELL_TOOL) return null;
  const input = ShellInput.safeParse(p.tool_input);
  if (!input.success) throw new HookPayloadError(`${p.tool_name} call without tool_input.command`);
  const dir = input.data.dir_path;
  return { command: input.data.command, cwd: dir ? path.resolve(p.cwd, dir) : p.cwd };
}

export const GeminiAfterToolSchema = z.looseObject({
  hook_event_name: z.literal('AfterTool'),
  tool_name: z.string().min(1),
  tool_input: z.record(z.string(), z.unknown()).optional(),
  tool_response: z
    .looseObject({
      llmContent: z.unknown().optional(),
      returnDisplay: z.unknown().optional(),
      error: z.unknown().optional(),
    })
    .optional(),
});
type GeminiAfterTool = z.infer<typeof GeminiAfterToolSchema>;

export const GeminiAfterAgentSchema = z.looseObject({ hook_event_name: z.literal('AfterAgent') });

/** The shell tool's text ("Output: …\nExit Code: 1\n…"), as its llmContent says it (a string, or parts with text). */
function responseText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return (
      value
        .map((p) =>
          p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string'
            ? (p as { text: string }).text
            : '',
        )
        .join('') || null
    );
  return null;
}

/** What AfterTool says ran, in the words `OutcomeService` reads; no call id comes, so `command` names the call. */
export function geminiReport(p: GeminiAfterTool, command: string | null): AgentReport {
  const text = responseText(p.tool_response?.llmContent);
  const exit = text === null ? null : /^Exit Code: (-?\d+)$/m.exec(text);
  const exitCode = exit ? Number(exit[1]) : null;
  const failed = p.tool_response?.error !== undefined && p.tool_response.error !== null;
  return {
    callId: null,
    command,
    state: failed || (exitCode !== null && exitCode !== 0) ? 'failed' : 'ran',
    exitCode,
    durationMs: null,
    output: text,
  };
}

/** BeforeTool: silence lets the call go on (Gemini's own approval then applies); a deny says why, to the model. */
export function geminiBeforeToolAnswer(v: Verdict): HookAnswer {
  if (v.decision === 'allow') return SILENT;
  return jsonAnswer({ decision: 'deny', reason: agentReason(v) });
}
