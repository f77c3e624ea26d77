// Claude Code's endpoints at the gate: a PreToolUse payload becomes a held command or a judged file change, answered
// in Claude's words; Notification and Stop are recorded and shown; a settings file changed mid-session is re-read
// and refused when it would switch Gatehouse off.
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
  ClaudeConfigChangeSchema,
  ClaudeEventSchema,
  ClaudePreToolUseSchema,
} from './protocol.ts';

/** One hook, one route for shell and file tools alike: the tool's name tells them apart. */
async function preToolUse(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(ClaudePreToolUseSchema, call.body);
  const file = claudeFileCall(p.tool_name, p.tool_input);
  if (file) {
    const verdict = await call.decideFileChange(file, p.cwd);
    return verdict ? claudeAnswer(verdict) : SILENT;
  }
  if (!CLAUDE_SHELL_TOOLS.includes(p.tool_name)) return SILENT;
  const command = p.tool_input.command;
  if (!command) throw new HookPayloadError(`${p.tool_name} call without tool_input.command`);
  return claudeAnswer(await call.decide({ kind: 'pre-tool-use', tool: p.tool_name, command, cwd: p.cwd }));
}

async function event(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(ClaudeEventSchema, call.body);
  call.record(p.hook_event_name);
  call.notify(p.hook_event_name, p.message ?? null);
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
  { path: CLAUDE_PATHS.preToolUse, handle: preToolUse },
  { path: CLAUDE_PATHS.event, handle: event },
  { path: CLAUDE_PATHS.configChange, handle: configChange },
];
