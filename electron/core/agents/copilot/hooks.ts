// GitHub Copilot CLI's endpoints at the gate: a preToolUse payload becomes a held command (`bash`, `powershell`) or a
// judged file change (`create`, `edit`), answered in Copilot's words; postToolUse and postToolUseFailure say what then
// ran; agentStop ends the turn (what was allowed and not reported by then never ran).
import { parseHookPayload, SILENT, type HookAnswer } from '../../gate/protocols.ts';
import type { GateHook, HookCall } from '../plugin.ts';
import { copilotFileCall } from './file-tools.ts';
import {
  COPILOT_PATHS,
  CopilotAgentStopSchema,
  CopilotPostToolUseSchema,
  copilotPreToolUseAnswer,
  CopilotPreToolUseSchema,
  copilotReport,
  copilotShellCall,
} from './protocol.ts';

/** Copilot sends no call id: what is allowed is matched to its postToolUse report by the command's text. */
const LINK = { callId: null, expectsOutcome: true } as const;

async function preToolUse(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(CopilotPreToolUseSchema, call.body);
  const file = copilotFileCall(p.toolName, p.toolArgs);
  if (file) {
    const verdict = await call.decideFileChange(file, p.cwd, LINK);
    return verdict ? copilotPreToolUseAnswer(verdict) : SILENT;
  }
  const shell = copilotShellCall(p);
  // Other tools (reading, searching, MCP) are not wired to this hook; one that arrives anyway goes on.
  if (!shell) return SILENT;
  return copilotPreToolUseAnswer(
    await call.decide({ kind: 'pre-tool-use', tool: p.toolName, command: shell.command, cwd: p.cwd, ...LINK }),
  );
}

/** What a postToolUse payload names: the shell command, or the file tool's summary. */
function calledFor(toolName: string, toolArgs: unknown): string | null {
  try {
    return copilotShellCall({ toolName, toolArgs })?.command ?? copilotFileCall(toolName, toolArgs)?.summary ?? null;
  } catch {
    return null;
  }
}

/** Observation only: always silence (an answer here could replace the tool's result). */
function postToolUse(failed: boolean) {
  return async (call: HookCall): Promise<HookAnswer> => {
    const p = parseHookPayload(CopilotPostToolUseSchema, call.body);
    call.reportOutcome(copilotReport(p, failed, calledFor(p.toolName, p.toolArgs)));
    return SILENT;
  };
}

/** Always silence: a `decision: "block"` here would force another turn. */
async function agentStop(call: HookCall): Promise<HookAnswer> {
  parseHookPayload(CopilotAgentStopSchema, call.body);
  call.record('agentStop');
  call.notify('agentStop', null);
  call.turnEnded();
  return SILENT;
}

export const COPILOT_HOOKS: readonly GateHook[] = [
  { path: COPILOT_PATHS.preToolUse, handle: preToolUse },
  { path: COPILOT_PATHS.postToolUse, handle: postToolUse(false) },
  { path: COPILOT_PATHS.postToolUseFailure, handle: postToolUse(true) },
  { path: COPILOT_PATHS.agentStop, handle: agentStop },
];
