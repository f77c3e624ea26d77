// GitHub Copilot CLI's hook protocol: its endpoints at the gate, what its hooks send, and how a verdict is said back
// in its own words. Pure. From its hooks reference (docs.github.com, "GitHub Copilot hooks reference") and measured
// against the real 1.0.102 (test/e2e/copilot.test.ts, and by hand with a mock model):
// - Hooks configured under camelCase names get camelCase payloads. preToolUse sends
//   `{sessionId, timestamp, cwd, toolName, toolArgs}`, `toolArgs` an object (`bash`: `{command, description, …}`);
//   there is no tool call id.
// - `{"permissionDecision": "deny", "permissionDecisionReason": …}` on stdout blocks the call; the model reads
//   "Denied by preToolUse hook: <reason>". No output lets the call go on to Copilot's own permission checks.
// - Exit 2 and any other non-zero exit DENY the call (the model reads "Denied by preToolUse hook: hook exited with code
//   2", stderr is not shown). Stdout that is not JSON and a TIMEOUT let the call go on: Copilot fails open there, so
//   the hook's timeout outlasts the hold timeout.
// - postToolUse sends `toolResult: {resultType, textResultForLlm}` (the shell's text ends "<shellId: 0 completed with
//   exit code 0>"); postToolUseFailure sends `error`; agentStop ends the turn. All three are answered with silence.
import { z } from 'zod';
import type { Verdict } from '../../broker/broker.ts';
import type { AgentReport } from '../../broker/outcomes.ts';
import { agentReason, HookPayloadError, jsonAnswer, SILENT, type HookAnswer } from '../../gate/protocols.ts';

/** Where Copilot CLI's hooks post. */
export const COPILOT_PATHS = {
  preToolUse: '/v1/gate/copilot/pre-tool-use',
  postToolUse: '/v1/gate/copilot/post-tool-use',
  postToolUseFailure: '/v1/gate/copilot/post-tool-use-failure',
  agentStop: '/v1/gate/copilot/agent-stop',
} as const;

/** The tools under which Copilot CLI runs shell commands: `bash` (Unix) and `powershell` (Windows). */
export const COPILOT_SHELL_TOOLS: readonly string[] = ['bash', 'powershell'];

const ShellArgs = z.looseObject({ command: z.string().min(1) });

export const CopilotPreToolUseSchema = z.looseObject({
  toolName: z.string().min(1),
  toolArgs: z.unknown(),
  cwd: z.string().min(1),
  sessionId: z.string().optional(),
});

/** A shell call's command; null for another tool; throws (a 422) for a shell call without a command. */
export function copilotShellCall(p: { toolName: string; toolArgs?: unknown }): { command: string } | null {
  if (!COPILOT_SHELL_TOOLS.includes(p.toolName)) return null;
  const args = ShellArgs.safeParse(p.toolArgs);
  if (!args.success) throw new HookPayloadError(`${p.toolName} call without toolArgs.command`);
  return { command: args.data.command };
}

export const CopilotPostToolUseSchema = z.looseObject({
  toolName: z.string().min(1),
  toolArgs: z.unknown().optional(),
  toolResult: z.looseObject({ resultType: z.string().optional(), textResultForLlm: z.string().optional() }).optional(),
  error: z.unknown().optional(),
});
type CopilotPostToolUse = z.infer<typeof CopilotPostToolUseSchema>;

export const CopilotAgentStopSchema = z.looseObject({ stopReason: z.string().optional(), sessionId: z.string() });

/** The shell's own line at the end of a result: "<shellId: 0 completed with exit code 1>". */
const EXIT_LINE = /\n?<shellId: [^>]* completed with exit code (-?\d+)>\s*$/;

/** What postToolUse / postToolUseFailure say ran, in the words `OutcomeService` reads; `command` names the call. */
export function copilotReport(p: CopilotPostToolUse, failed: boolean, command: string | null): AgentReport {
  if (failed) {
    const error = typeof p.error === 'string' ? p.error : p.error === undefined ? null : JSON.stringify(p.error);
    return { callId: null, command, state: 'failed', exitCode: null, durationMs: null, output: error };
  }
  const text = p.toolResult?.textResultForLlm ?? null;
  const exit = text === null ? null : EXIT_LINE.exec(text);
  const exitCode = exit ? Number(exit[1]) : null;
  const output = text === null ? null : exit ? text.slice(0, exit.index) : text;
  const resultFailed = p.toolResult?.resultType !== undefined && p.toolResult.resultType !== 'success';
  return {
    callId: null,
    command,
    state: resultFailed || (exitCode !== null && exitCode !== 0) ? 'failed' : 'ran',
    exitCode,
    durationMs: null,
    output,
  };
}

/**
 * preToolUse: an allow is silence, so Copilot's own permission checks (`--deny-tool`, its prompt) still apply after
 * Gatehouse's; a deny says why, to the model.
 */
export function copilotPreToolUseAnswer(v: Verdict): HookAnswer {
  if (v.decision === 'allow') return SILENT;
  return jsonAnswer({ permissionDecision: 'deny', permissionDecisionReason: agentReason(v) });
}
