// Codex's endpoints at the gate: a PreToolUse payload becomes a held command or (for `apply_patch`) a judged file
// change; a PermissionRequest (Codex's own approval prompt) becomes a held command; each is answered in Codex's words.
// PostToolUse says what then ran, and Stop ends the turn: what was allowed and not reported by then never ran.
import {
  commandText,
  HookPayloadError,
  parseHookPayload,
  SILENT,
  type HookAnswer,
  type Interception,
} from '../../gate/protocols.ts';
import type { FileToolCall } from '../../gate/file-tools.ts';
import type { GateHook, HookCall } from '../plugin.ts';
import { CODEX_FILE_TOOLS, codexPatchCall } from './file-tools.ts';
import {
  CODEX_PATHS,
  codexPermissionAnswer,
  codexPreToolUseAnswer,
  codexReport,
  CodexHookSchema,
  CodexPostToolUseSchema,
  CodexStopSchema,
} from './protocol.ts';

async function preToolUse(call: HookCall): Promise<HookAnswer> {
  const patch = codexPatch(call.body);
  if (patch) {
    const verdict = await call.decideFileChange(patch.call, patch.cwd, outcomeLink(call.body));
    return verdict ? codexPreToolUseAnswer(verdict) : SILENT;
  }
  const verdict = await call.decide(codexInterception(call.body, 'pre-tool-use'));
  return codexPreToolUseAnswer(verdict, parseHookPayload(CodexHookSchema, call.body).tool_input);
}

async function permissionRequest(call: HookCall): Promise<HookAnswer> {
  return codexPermissionAnswer(await call.decide(codexInterception(call.body, 'permission-request')));
}

/** Observation only: always silence. */
async function postToolUse(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(CodexPostToolUseSchema, call.body);
  const raw = p.tool_input?.command ?? p.tool_input?.cmd;
  // The command as the request stored it, for a call without an id: the shell command, or the patch's summary.
  const command =
    raw === undefined
      ? null
      : p.tool_name && CODEX_FILE_TOOLS.includes(p.tool_name)
        ? typeof raw === 'string'
          ? codexPatchCall(raw).summary
          : null
        : commandText(raw);
  call.reportOutcome(codexReport(p, command));
  return SILENT;
}

async function stop(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(CodexStopSchema, call.body);
  call.record(p.hook_event_name);
  call.notify(p.hook_event_name, null);
  call.turnEnded();
  return SILENT;
}

/** Every Codex session has PostToolUse wired (wiring.ts): what it is allowed is awaited. */
function outcomeLink(body: unknown): { callId: string | null; expectsOutcome: true } {
  return { callId: parseHookPayload(CodexHookSchema, body).tool_use_id ?? null, expectsOutcome: true };
}

/** Codex's `apply_patch` (its patch in `tool_input.command`), or null for any other tool. */
function codexPatch(body: unknown): { call: FileToolCall; cwd: string } | null {
  const p = parseHookPayload(CodexHookSchema, body);
  if (!p.tool_name || !CODEX_FILE_TOOLS.includes(p.tool_name)) return null;
  const patch = p.tool_input?.command;
  if (typeof patch !== 'string')
    throw new HookPayloadError(`${p.tool_name} call without the patch in tool_input.command`);
  return { call: codexPatchCall(patch), cwd: p.cwd };
}

/** A shell command, as a string or an argv (`["bash", "-lc", "npm test"]` reads as `npm test`). */
function codexInterception(body: unknown, kind: 'pre-tool-use' | 'permission-request'): Interception {
  const p = parseHookPayload(CodexHookSchema, body);
  const raw = p.tool_input?.command ?? p.tool_input?.cmd;
  if (raw === undefined) throw new HookPayloadError(`${p.tool_name ?? 'tool'} call without tool_input.command`);
  return { kind, tool: p.tool_name ?? null, command: commandText(raw), cwd: p.cwd, ...outcomeLink(body) };
}

export const CODEX_HOOKS: readonly GateHook[] = [
  { path: CODEX_PATHS.preToolUse, handle: preToolUse },
  { path: CODEX_PATHS.permissionRequest, handle: permissionRequest },
  { path: CODEX_PATHS.postToolUse, handle: postToolUse },
  { path: CODEX_PATHS.stop, handle: stop },
];
