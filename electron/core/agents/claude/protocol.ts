// Claude Code's hook protocol: its endpoints at the gate, what its hooks send, and how a verdict is said back in its
// own words. Pure.
import { z } from 'zod';
import type { Verdict } from '../../broker/broker.ts';
import type { AgentReport } from '../../broker/outcomes.ts';
import { agentReason, jsonAnswer, SILENT, type HookAnswer } from '../../gate/protocols.ts';
import type { NativeRule } from '../plugin.ts';

/**
 * Where Claude Code's hooks post: PreToolUse (shell and file tools), PostToolUse and PostToolUseFailure (what ran),
 * Notification and Stop, ConfigChange, PermissionRequest (`native-rules.ts`). A Claude Code too old for the post-tool hooks Gatehouse relies on posts its
 * PreToolUse to `preToolUseUnreported`: its commands are not awaited, so none is ever called "not run" for want of a
 * report that could not come.
 */
export const CLAUDE_PATHS = {
  preToolUse: '/v1/gate/claude/pre-tool-use',
  preToolUseUnreported: '/v1/gate/claude/pre-tool-use-unreported',
  postToolUse: '/v1/gate/claude/post-tool-use',
  event: '/v1/gate/claude/event',
  configChange: '/v1/gate/claude/config-change',
  permissionRequest: '/v1/gate/claude/permission-request',
} as const;

/** The tools under which Claude Code runs shell commands. */
export const CLAUDE_SHELL_TOOLS: readonly string[] = ['Bash', 'PowerShell'];

export const ClaudePreToolUseSchema = z.looseObject({
  hook_event_name: z.literal('PreToolUse'),
  tool_name: z.string().min(1),
  tool_input: z.looseObject({ command: z.string().optional() }),
  cwd: z.string().min(1),
  session_id: z.string().optional(),
  /** The tool call's id (2.1.330 sends it); PostToolUse and PostToolUseFailure name it again. */
  tool_use_id: z.string().min(1).optional(),
});

/**
 * PostToolUse (the tool succeeded: for Bash, exit 0 or a status Claude Code reads as no failure, like grep's 1 with
 * `returnCodeInterpretation`) and PostToolUseFailure (`error` starts "Exit code N" for a non-zero exit; `is_interrupt`
 * when the person stopped it). Both carry `tool_use_id` and `duration_ms` (measured on 2.1.330).
 */
export const ClaudePostToolUseSchema = z.looseObject({
  hook_event_name: z.enum(['PostToolUse', 'PostToolUseFailure']),
  tool_name: z.string().min(1),
  tool_input: z.looseObject({ command: z.string().optional() }).optional(),
  tool_use_id: z.string().min(1).optional(),
  tool_response: z.unknown().optional(),
  error: z.string().optional(),
  is_interrupt: z.boolean().optional(),
  duration_ms: z.number().nonnegative().optional(),
});
type ClaudePostToolUse = z.infer<typeof ClaudePostToolUseSchema>;

const BashResponse = z.looseObject({
  stdout: z.string().optional(),
  stderr: z.string().optional(),
  interrupted: z.boolean().optional(),
  returnCodeInterpretation: z.string().optional(),
});

/** What a post-tool hook says ran, in the words `OutcomeService` reads; `command` names the call when no id came. */
export function claudeReport(p: ClaudePostToolUse, command: string | null): AgentReport {
  const base = { callId: p.tool_use_id ?? null, command, durationMs: p.duration_ms ?? null };
  if (p.hook_event_name === 'PostToolUseFailure') {
    const error = p.error ?? '';
    const exit = /^Exit code (-?\d+)\b\n?/.exec(error);
    const output = exit ? error.slice(exit[0].length) : error;
    return {
      ...base,
      state: 'failed',
      exitCode: exit ? Number(exit[1]) : null,
      output: p.is_interrupt ? `Interrupted.${output ? `\n${output}` : ''}` : output || null,
    };
  }
  const bash = BashResponse.safeParse(p.tool_response);
  if (!CLAUDE_SHELL_TOOLS.includes(p.tool_name) || !bash.success)
    return { ...base, state: 'ran', exitCode: null, output: null };
  const r = bash.data;
  const output = [r.stdout, r.stderr, r.returnCodeInterpretation].filter((s) => s).join('\n');
  return {
    ...base,
    state: r.interrupted ? 'failed' : 'ran',
    // A status Claude Code read as no failure (grep's 1 is "No matches found") is not known to be 0.
    exitCode: r.returnCodeInterpretation || r.interrupted ? null : 0,
    output: r.interrupted ? `Interrupted.${output ? `\n${output}` : ''}` : output || null,
  };
}

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

/**
 * Said to the model beside a deny's reason (PreToolUse's `additionalContext`, in Claude Code 2.1.330's hook output
 * schema: "additionalContext: string, optional"), so it does not try the same thing in another form.
 */
export const CLAUDE_DENY_CONTEXT =
  'Gatehouse, the reviewer this user runs over your commands, denied this call. Do not try to reach the same result another way (other quoting, a script file, another tool or program): that is reviewed the same and would be denied too. If you still need it, ask the user, or go on without it.';

/**
 * Claude Code: allow and deny both as `permissionDecision`, so an approval also skips Claude's own prompt; a deny
 * also tells the model not to retry it in another form (`CLAUDE_DENY_CONTEXT`). An allow of a safer form
 * (`Verdict.updatedCommand`) runs it through `updatedInput`, the call's other fields kept (`description`, `timeout`),
 * and tells the model what ran instead.
 */
export function claudeAnswer(v: Verdict, toolInput?: Record<string, unknown>): HookAnswer {
  if (v.decision === 'allow' && v.updatedCommand !== undefined)
    return jsonAnswer({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        permissionDecisionReason: v.reason,
        updatedInput: { ...toolInput, command: v.updatedCommand },
        additionalContext: v.reason,
      },
    });
  return jsonAnswer({
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: v.decision,
      permissionDecisionReason: v.decision === 'allow' ? v.reason : agentReason(v),
      ...(v.decision === 'deny' ? { additionalContext: CLAUDE_DENY_CONTEXT } : {}),
    },
  });
}

/** ConfigChange: `decision: "block"` keeps the change out of the session (Claude Code ignores it for managed settings). */
export function claudeConfigChangeAnswer(refusal: string | null): HookAnswer {
  return refusal === null ? SILENT : jsonAnswer({ decision: 'block', reason: refusal });
}

/**
 * PermissionRequest: Claude Code is about to show its own permission prompt (in `-p` too, where nobody answers it).
 * 2.1.330 sends no `tool_use_id` with it (measured): the call is named by its tool, input and `session_id`.
 */
export const ClaudePermissionRequestSchema = z.looseObject({
  hook_event_name: z.literal('PermissionRequest'),
  tool_name: z.string().min(1),
  tool_input: z.looseObject({ command: z.string().optional() }),
  session_id: z.string().optional(),
});

/**
 * Allows the call and has Claude Code add `rules` to the project's `.claude/settings.local.json` (2.1.330 checks
 * `destination` against userSettings, projectSettings, localSettings, session, cliArg).
 */
export function claudePermissionAllow(rules: readonly NativeRule[]): HookAnswer {
  return jsonAnswer({
    hookSpecificOutput: {
      hookEventName: 'PermissionRequest',
      decision: {
        behavior: 'allow',
        updatedPermissions: [
          {
            type: 'addRules',
            rules: rules.map((r) => ({ toolName: r.tool, ruleContent: r.content })),
            behavior: 'allow',
            destination: 'localSettings',
          },
        ],
      },
    },
  });
}
