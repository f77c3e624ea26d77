// Cursor's hook protocol, from its documentation (cursor.com/docs/agent/hooks) and NOT verified against the real
// program: Cursor's CLI (`cursor-agent`) is not on npm and cannot run here. Hooks live in `hooks.json` files
// (`{"version": 1, "hooks": {<event>: [{command, timeout, failClosed}]}}`); each gets the event's JSON on stdin.
// `beforeShellExecution` sends `command` and `cwd` (with `conversation_id`, `generation_id`, `workspace_roots`, …) and
// reads `{"permission": "allow" | "deny" | "ask", "user_message", "agent_message"}`; exit 2 blocks like a deny; any
// other failure lets the command run unless the entry sets `failClosed: true`. `afterShellExecution` sends `command`,
// `output` and `duration` (ms), and reads nothing. Pure.
import { z } from 'zod';
import type { Verdict } from '../../broker/broker.ts';
import type { AgentReport } from '../../broker/outcomes.ts';
import { agentReason, jsonAnswer, type HookAnswer } from '../../gate/protocols.ts';

export const CURSOR_PATHS = {
  beforeShellExecution: '/v1/gate/cursor/before-shell-execution',
  afterShellExecution: '/v1/gate/cursor/after-shell-execution',
} as const;

export const CursorBeforeShellSchema = z.looseObject({
  hook_event_name: z.literal('beforeShellExecution'),
  command: z.string().min(1),
  cwd: z.string().optional(),
  workspace_roots: z.array(z.string()).optional(),
  conversation_id: z.string().optional(),
  generation_id: z.string().optional(),
});

export const CursorAfterShellSchema = z.looseObject({
  hook_event_name: z.literal('afterShellExecution'),
  command: z.string().min(1),
  output: z.string().optional(),
  duration: z.number().nonnegative().optional(),
});

/** What afterShellExecution says ran: no exit status and no call id in Cursor's documented payload. */
export function cursorReport(p: z.infer<typeof CursorAfterShellSchema>): AgentReport {
  return {
    callId: null,
    command: p.command,
    state: 'ran',
    exitCode: null,
    durationMs: p.duration ?? null,
    output: p.output || null,
  };
}

/** Allow and deny as `permission` (never "ask": the person decides in Gatehouse); a deny's reason for both readers. */
export function cursorAnswer(v: Verdict): HookAnswer {
  if (v.decision === 'allow') return jsonAnswer({ permission: 'allow' });
  const reason = agentReason(v);
  return jsonAnswer({ permission: 'deny', user_message: reason, agent_message: reason });
}
