// Gemini CLI's endpoints at the gate: a BeforeTool payload becomes a held command (`run_shell_command`) or a judged
// file change (`write_file`, `replace`), answered in Gemini's words; AfterTool says what then ran; AfterAgent ends the
// turn (what was allowed and not reported by then never ran).
import { parseHookPayload, SILENT, type HookAnswer } from '../../gate/protocols.ts';
import type { GateHook, HookCall } from '../plugin.ts';
import { geminiFileCall } from './file-tools.ts';
import {
  GEMINI_PATHS,
  GEMINI_SHELL_TOOL,
  geminiBeforeToolAnswer,
  GeminiAfterAgentSchema,
  GeminiAfterToolSchema,
  GeminiBeforeToolSchema,
  geminiReport,
  geminiShellCall,
} from './protocol.ts';

/** Gemini sends no call id: what is allowed is matched to its AfterTool report by the command's text. */
const LINK = { callId: null, expectsOutcome: true } as const;

async function beforeTool(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(GeminiBeforeToolSchema, call.body);
  const file = geminiFileCall(p.tool_name, p.tool_input);
  if (file) {
    const verdict = await call.decideFileChange(file, p.cwd, LINK);
    return verdict ? geminiBeforeToolAnswer(verdict) : SILENT;
  }
  const shell = geminiShellCall(p);
  // Other tools (reading, searching, MCP) are not wired to this hook; one that arrives anyway goes on.
  if (!shell) return SILENT;
  return geminiBeforeToolAnswer(
    await call.decide({
      kind: 'pre-tool-use',
      tool: GEMINI_SHELL_TOOL,
      command: shell.command,
      cwd: shell.cwd,
      ...LINK,
    }),
  );
}

/** Observation only: always silence (a `decision` here would hide the tool's output from the model). */
async function afterTool(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(GeminiAfterToolSchema, call.body);
  let command: string | null;
  try {
    command =
      p.tool_name === GEMINI_SHELL_TOOL
        ? typeof p.tool_input?.command === 'string'
          ? p.tool_input.command
          : null
        : (geminiFileCall(p.tool_name, p.tool_input)?.summary ?? null);
  } catch {
    command = null;
  }
  call.reportOutcome(geminiReport(p, command));
  return SILENT;
}

/** Always silence: a `decision` here would make Gemini retry the turn. */
async function afterAgent(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(GeminiAfterAgentSchema, call.body);
  call.record(p.hook_event_name);
  call.notify(p.hook_event_name, null);
  call.turnEnded();
  return SILENT;
}

export const GEMINI_HOOKS: readonly GateHook[] = [
  { path: GEMINI_PATHS.beforeTool, handle: beforeTool },
  { path: GEMINI_PATHS.afterTool, handle: afterTool },
  { path: GEMINI_PATHS.afterAgent, handle: afterAgent },
];
