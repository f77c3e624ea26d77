// Claude Code's endpoints at the gate: a PreToolUse payload becomes a held command or a judged file change, answered
// in Claude's words; PostToolUse and PostToolUseFailure say what then ran; Notification and Stop are recorded and
// shown (Stop also ends the turn: what was allowed and not reported never ran); a settings file changed mid-session is
// re-read and refused when it would switch Gatehouse off. A command approved with "also add to Claude Code's own rules"
// is handed over to Claude's own permission check, and its PermissionRequest is answered with those rules
// (`agents/native-rules.ts`).
import { parseHookPayload, SILENT, HookPayloadError, type HookAnswer } from '../../gate/protocols.ts';
import { describeFinding } from '../launch-checks.ts';
import type { GateHook, HookCall } from '../plugin.ts';
import { claudeFileCall } from './file-tools.ts';
import { checkConfigChange } from './launch-checks.ts';
import {
  CLAUDE_PATHS,
  CLAUDE_SHELL_TOOLS,
  claudeAnswer,
  claudeConfigChangeAnswer,
  claudePermissionAllow,
  ClaudePermissionRequestSchema,
  ClaudeConfigChangeSchema,
  ClaudeEventSchema,
  ClaudePostToolUseSchema,
  ClaudePreToolUseSchema,
  claudeReport,
} from './protocol.ts';

/**
 * One hook, one route for shell and file tools alike: the tool's name tells them apart. `expectsOutcome`: the session's
 * post-tool hooks are wired (the route says so), so what it is allowed is awaited until they report.
 */
async function preToolUse(call: HookCall, expectsOutcome: boolean): Promise<HookAnswer> {
  const p = parseHookPayload(ClaudePreToolUseSchema, call.body);
  const link = { callId: p.tool_use_id ?? null, expectsOutcome };
  // The route of Claude Code 2.1.330 and later, whose layer also wires PermissionRequest (wiring.ts).
  if (expectsOutcome) call.nativeRules.canWrite();
  const file = claudeFileCall(p.tool_name, p.tool_input);
  if (file) {
    const verdict = await call.decideFileChange(file, p.cwd, link);
    return verdict ? claudeAnswer(verdict) : SILENT;
  }
  if (!CLAUDE_SHELL_TOOLS.includes(p.tool_name)) return SILENT;
  const command = p.tool_input.command;
  if (!command) throw new HookPayloadError(`${p.tool_name} call without tool_input.command`);
  const verdict = await call.decide({ kind: 'pre-tool-use', tool: p.tool_name, command, cwd: p.cwd, ...link });
  // Approved with Claude's own rules: no decision, so Claude's permission check goes on to its PermissionRequest.
  const handedOver = call.nativeRules.handOver(verdict, {
    tool: p.tool_name,
    command,
    agentSessionId: p.session_id ?? null,
  });
  return handedOver ? SILENT : claudeAnswer(verdict, p.tool_input);
}

/**
 * Claude Code would prompt: allowed, with the rules, only for the call the person approved with them (once, soon);
 * anything else is left to Claude's own prompt (in `-p`, that denies it). Never an allow of its own.
 */
async function permissionRequest(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(ClaudePermissionRequestSchema, call.body);
  const command = p.tool_input.command;
  if (!CLAUDE_SHELL_TOOLS.includes(p.tool_name) || !command) return SILENT;
  const rules = call.nativeRules.take({ tool: p.tool_name, command, agentSessionId: p.session_id ?? null });
  if (!rules) return SILENT;
  call.record(p.hook_event_name);
  return claudePermissionAllow(rules);
}

/** Observation only: the answer is always silence, and a payload it cannot place is simply not recorded. */
async function postToolUse(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(ClaudePostToolUseSchema, call.body);
  // The command as the request stored it, for a call without an id: the shell command, or the file tool's summary.
  let command: string | null = p.tool_input?.command ?? null;
  if (!CLAUDE_SHELL_TOOLS.includes(p.tool_name)) {
    try {
      command = claudeFileCall(p.tool_name, p.tool_input)?.summary ?? null;
    } catch {
      command = null;
    }
  }
  call.reportOutcome(claudeReport(p, command));
  return SILENT;
}

async function event(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(ClaudeEventSchema, call.body);
  call.record(p.hook_event_name);
  call.notify(p.hook_event_name, p.message ?? null);
  // Stop comes once every tool call of the turn has run and been reported.
  if (p.hook_event_name === 'Stop') call.turnEnded();
  return SILENT;
}

async function configChange(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(ClaudeConfigChangeSchema, call.body);
  const findings = checkConfigChange(p.source, p.file_path);
  const refusal =
    findings.length > 0 ? `Gatehouse refused this settings change: ${findings.map(describeFinding).join(' ')}` : null;
  call.record(p.hook_event_name);
  if (refusal) call.notify(p.hook_event_name, refusal);
  return claudeConfigChangeAnswer(refusal);
}

export const CLAUDE_HOOKS: readonly GateHook[] = [
  { path: CLAUDE_PATHS.preToolUse, handle: (call) => preToolUse(call, true) },
  { path: CLAUDE_PATHS.preToolUseUnreported, handle: (call) => preToolUse(call, false) },
  { path: CLAUDE_PATHS.postToolUse, handle: postToolUse },
  { path: CLAUDE_PATHS.event, handle: event },
  { path: CLAUDE_PATHS.configChange, handle: configChange },
  { path: CLAUDE_PATHS.permissionRequest, handle: permissionRequest },
];
