// Claude Code's hook protocol: its endpoints at the gate, what its hooks send, and how a verdict is said back in its
// own words. Pure.
import { z } from 'zod';
import type { Verdict } from '../../broker/broker.ts';
import { agentReason, jsonAnswer, SILENT, type HookAnswer } from '../../gate/protocols.ts';

/** Where Claude Code's hooks post: PreToolUse (shell and file tools), Notification and Stop, ConfigChange. */
export const CLAUDE_PATHS = {
  preToolUse: '/v1/gate/claude/pre-tool-use',
  event: '/v1/gate/claude/event',
  configChange: '/v1/gate/claude/config-change',
} as const;

/** The tools under which Claude Code runs shell commands. */
export const CLAUDE_SHELL_TOOLS: readonly string[] = ['Bash', 'PowerShell'];

export const ClaudePreToolUseSchema = z.looseObject({
  hook_event_name: z.literal('PreToolUse'),
  tool_name: z.string().min(1),
  tool_input: z.looseObject({ command: z.string().optional() }),
  cwd: z.string().min(1),
  session_id: z.string().optional(),
});

export const ClaudeEventSchema = z.looseObject({
  hook_event_name: z.string().min(1),
  message: z.string().optional(),
});

/** Claude Code's ConfigChange: which settings source changed, and its file. */
export const ClaudeConfigChangeSchema = z.looseObject({
  hook_event_name: z.literal('ConfigChange'),
  source: z.string().min(1),
  file_path: z.string().min(1).optional(),
});

/** Claude Code: allow and deny both as `permissionDecision`, so an approval also skips Claude's own prompt. */
export function claudeAnswer(v: Verdict): HookAnswer {
  return jsonAnswer({
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: v.decision,
      permissionDecisionReason: v.decision === 'allow' ? v.reason : agentReason(v),
    },
  });
}

/** ConfigChange: `decision: "block"` keeps the change out of the session (Claude Code ignores it for managed settings). */
export function claudeConfigChangeAnswer(refusal: string | null): HookAnswer {
  return refusal === null ? SILENT : jsonAnswer({ decision: 'block', reason: refusal });
}
