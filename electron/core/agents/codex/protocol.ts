// Codex's hook protocol: its endpoints at the gate, what its hooks send, and how a verdict is said back in its own
// words. Pure.
import { z } from 'zod';
import type { Verdict } from '../../broker/broker.ts';
import { agentReason, jsonAnswer, SILENT, type HookAnswer } from '../../gate/protocols.ts';

/** Where Codex's hooks post: PreToolUse (shell commands and `apply_patch`), and PermissionRequest (its own prompt). */
export const CODEX_PATHS = {
  preToolUse: '/v1/gate/codex/pre-tool-use',
  permissionRequest: '/v1/gate/codex/permission-request',
} as const;

const ShellCommand = z.union([z.string(), z.array(z.string()).min(1)]);

export const CodexHookSchema = z.looseObject({
  hook_event_name: z.enum(['PreToolUse', 'PermissionRequest']),
  tool_name: z.string().min(1).optional(),
  tool_input: z.looseObject({ command: ShellCommand.optional(), cmd: ShellCommand.optional() }).optional(),
  cwd: z.string().min(1),
  session_id: z.string().optional(),
});

/**
 * Codex PreToolUse accepts only deny; silence means go on. Codex tells its model "Command blocked by PreToolUse hook:
 * <reason>. Command: <command>", adding its own full stop: the reason goes without one, or the model reads "..".
 */
export function codexPreToolUseAnswer(v: Verdict): HookAnswer {
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
