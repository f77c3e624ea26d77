// Codex's hook protocol: its endpoints at the gate, what its hooks send, and how a verdict is said back in its own
// words. Pure.
import { z } from 'zod';
import type { Verdict } from '../../broker/broker.ts';
import type { AgentReport } from '../../broker/outcomes.ts';
import { agentReason, jsonAnswer, SILENT, type HookAnswer } from '../../gate/protocols.ts';

/**
 * Where Codex's hooks post: PreToolUse (shell commands and `apply_patch`), PermissionRequest (its own prompt),
 * PostToolUse (what ran) and Stop (the turn ended).
 */
export const CODEX_PATHS = {
  preToolUse: '/v1/gate/codex/pre-tool-use',
  permissionRequest: '/v1/gate/codex/permission-request',
  postToolUse: '/v1/gate/codex/post-tool-use',
  stop: '/v1/gate/codex/stop',
} as const;

const ShellCommand = z.union([z.string(), z.array(z.string()).min(1)]);
const ToolInput = z.looseObject({ command: ShellCommand.optional(), cmd: ShellCommand.optional() });

export const CodexHookSchema = z.looseObject({
  hook_event_name: z.enum(['PreToolUse', 'PermissionRequest']),
  tool_name: z.string().min(1).optional(),
  tool_input: ToolInput.optional(),
  cwd: z.string().min(1),
  session_id: z.string().optional(),
  /** The tool call's id (0.169: `call_…`, or `exec-…` in code mode); PostToolUse names it again. */
  tool_use_id: z.string().min(1).optional(),
});

/**
 * PostToolUse (0.169, in `exec` and in code mode alike): `tool_response` is what the command printed, with no exit
 * status and no duration; for `apply_patch` it starts "Exit code: N\nWall time: S seconds\nOutput:\n". It fires for a
 * command that ran, whatever its exit; a call Codex refused itself (its approval policy, a patch that does not apply)
 * gets none.
 */
export const CodexPostToolUseSchema = z.looseObject({
  hook_event_name: z.literal('PostToolUse'),
  tool_name: z.string().min(1).optional(),
  tool_input: ToolInput.optional(),
  tool_response: z.unknown().optional(),
  tool_use_id: z.string().min(1).optional(),
});
type CodexPostToolUse = z.infer<typeof CodexPostToolUseSchema>;

export const CodexStopSchema = z.looseObject({ hook_event_name: z.literal('Stop') });

const PATCH_RESULT = /^Exit code: (-?\d+)\nWall time: (\d+(?:\.\d+)?) seconds\nOutput:\n/;

/** What PostToolUse says ran, in the words `OutcomeService` reads; `command` names the call when no id came. */
export function codexReport(p: CodexPostToolUse, command: string | null): AgentReport {
  const response = p.tool_response;
  const text =
    typeof response === 'string' ? response : response === undefined ? null : JSON.stringify(response) || null;
  const base = { callId: p.tool_use_id ?? null, command };
  const patch = text === null ? null : PATCH_RESULT.exec(text);
  if (text !== null && patch) {
    const exitCode = Number(patch[1]);
    return {
      ...base,
      state: exitCode === 0 ? 'ran' : 'failed',
      exitCode,
      durationMs: Math.round(Number(patch[2]) * 1000),
      output: text.slice(patch[0].length) || null,
    };
  }
  // A shell command: its output only. Ran, as far as Codex says; the duration is measured from the allow.
  return { ...base, state: 'ran', exitCode: null, durationMs: null, output: text || null };
}

/**
 * Codex PreToolUse accepts deny, and allow only with `updatedInput` (0.169 refuses "unsupported permissionDecision:allow"
 * without it, and "updatedInput without string field `command`"); silence means go on. So a plain allow is silence, and
 * an allow of a safer form (`Verdict.updatedCommand`) is `updatedInput` with the call's other fields kept. Codex tells
 * its model "Command blocked by PreToolUse hook: <reason>. Command: <command>", adding its own full stop: the reason
 * goes without one, or the model reads "..".
 */
export function codexPreToolUseAnswer(v: Verdict, toolInput?: Record<string, unknown>): HookAnswer {
  if (v.decision === 'allow' && v.updatedCommand !== undefined)
    return jsonAnswer({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        updatedInput: { ...toolInput, command: v.updatedCommand },
      },
    });
  if (v.decision === 'allow') return SILENT;
  return jsonAnswer({
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: agentReason(v).replace(/\.+$/, ''),
    },
  });
}

/** Codex PermissionRequest: Codex's own approval prompt, answered for it. */
export function codexPermissionAnswer(v: Verdict): HookAnswer {
  return jsonAnswer({
    hookSpecificOutput: {
      hookEventName: 'PermissionRequest',
      decision: v.decision === 'allow' ? { behavior: 'allow' } : { behavior: 'deny', message: agentReason(v) },
    },
  });
}
