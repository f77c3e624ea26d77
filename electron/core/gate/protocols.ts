// Each agent's hook protocol: what its hook sends, and how a verdict is said back in its own words.
import { z } from 'zod';
import type { Agent, RequestKind } from '../../../shared/domain.ts';
import { REASONS, type Verdict } from '../broker/broker.ts';

/** What the gate needs from any payload. */
export interface Interception {
  agent: Agent;
  kind: RequestKind;
  tool: string | null;
  command: string;
  cwd: string;
}

/** An HTTP answer the hook command prints as is (an empty body means "no output": go on). */
export interface HookAnswer {
  status: number;
  body: string;
}

const ShellCommand = z.union([z.string(), z.array(z.string()).min(1)]);

/** The tool names under which each agent runs shell commands. */
export const SHELL_TOOLS: Readonly<Record<'claude' | 'codex', readonly string[]>> = {
  claude: ['Bash', 'PowerShell'],
  codex: ['Bash', 'shell', 'exec_command', 'local_shell', 'unified_exec', 'container.exec'],
};

export const ClaudePreToolUseSchema = z.looseObject({
  hook_event_name: z.literal('PreToolUse'),
  tool_name: z.string().min(1),
  tool_input: z.looseObject({ command: z.string().optional() }),
  cwd: z.string().min(1),
  session_id: z.string().optional(),
});

export const CodexHookSchema = z.looseObject({
  hook_event_name: z.enum(['PreToolUse', 'PermissionRequest']),
  tool_name: z.string().min(1).optional(),
  tool_input: z
    .looseObject({ command: ShellCommand.optional(), cmd: ShellCommand.optional() })
    .optional(),
  cwd: z.string().min(1),
  session_id: z.string().optional(),
});

export const GenericCheckSchema = z.object({
  command: z.string().min(1),
  cwd: z.string().min(1),
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

/** ConfigChange: `decision: "block"` keeps the change out of the session (Claude Code ignores it for managed settings). */
export function claudeConfigChangeAnswer(refusal: string | null): HookAnswer {
  return refusal === null ? silent : json({ decision: 'block', reason: refusal });
}

/** `["bash", "-lc", "npm test"]` is `npm test`; any other argv is shown shell-quoted. */
export function commandText(command: string | string[]): string {
  if (typeof command === 'string') return command;
  const [exe, flag, script, ...rest] = command;
  if (exe && /(^|\/)(ba|z|da)?sh$/.test(exe) && (flag === '-c' || flag === '-lc') && script !== undefined && rest.length === 0) {
    return script;
  }
  return command.map(shellQuote).join(' ');
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The sentence the agent reads when it is denied. */
export function agentReason(v: Verdict): string {
  if (v.decidedBy.startsWith('human:') && v.decision === 'deny' && v.reason !== REASONS.humanDeny) {
    return `The user denied this command in Gatehouse: ${v.reason}`;
  }
  return v.reason;
}

const json = (value: unknown): HookAnswer => ({ status: 200, body: JSON.stringify(value) });
const silent: HookAnswer = { status: 200, body: '' };

/** Claude Code: allow and deny both as `permissionDecision`, so an approval also skips Claude's own prompt. */
export function claudeAnswer(v: Verdict): HookAnswer {
  return json({
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: v.decision,
      permissionDecisionReason: v.decision === 'allow' ? v.reason : agentReason(v),
    },
  });
}

/** Codex PreToolUse accepts only deny; silence means go on. */
export function codexPreToolUseAnswer(v: Verdict): HookAnswer {
  if (v.decision === 'allow') return silent;
  return json({
    hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: agentReason(v) },
  });
}

/** Codex PermissionRequest: Codex's own approval prompt, answered for it. */
export function codexPermissionAnswer(v: Verdict): HookAnswer {
  return json({
    hookSpecificOutput: {
      hookEventName: 'PermissionRequest',
      decision: v.decision === 'allow' ? { behavior: 'allow' } : { behavior: 'deny', message: agentReason(v) },
    },
  });
}

export function genericAnswer(v: Verdict): HookAnswer {
  return json({ requestId: v.requestId, decision: v.decision, reason: v.decision === 'allow' ? v.reason : agentReason(v), decidedBy: v.decidedBy });
}
