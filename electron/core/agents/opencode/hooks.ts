// OpenCode's endpoints at the gate: every tool call its plug-in forwards from `tool.execute.before` becomes a held
// shell command (`bash`), a judged file change (`write`, `edit`, `multiedit`, `apply_patch`), or passes; each answer
// is one the plug-in reads. `tool.execute.after` says what then ran.
import path from 'node:path';
import { HookPayloadError, parseHookPayload, SILENT, type HookAnswer } from '../../gate/protocols.ts';
import type { GateHook, HookCall } from '../plugin.ts';
import { opencodeFileCall } from './file-tools.ts';
import {
  OPENCODE_PASS,
  OPENCODE_PATHS,
  OPENCODE_SHELL_TOOLS,
  opencodeAnswer,
  OpencodeBashArgsSchema,
  opencodeReport,
  OpencodeToolAfterSchema,
  OpencodeToolBeforeSchema,
} from './protocol.ts';

/**
 * `expectsOutcome: false`: OpenCode reports only the calls that returned (a tool that throws gets no
 * `tool.execute.after`), so a command it never reports may still have run; it is never called "not run".
 */
async function toolBefore(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(OpencodeToolBeforeSchema, call.body);
  const link = { callId: p.callID ?? null, expectsOutcome: false };
  const file = opencodeFileCall(p.tool, p.args);
  if (file) {
    const verdict = await call.decideFileChange(file, p.directory, link);
    return verdict ? opencodeAnswer(verdict) : OPENCODE_PASS;
  }
  if (!OPENCODE_SHELL_TOOLS.includes(p.tool)) return OPENCODE_PASS;
  const args = OpencodeBashArgsSchema.safeParse(p.args);
  if (!args.success) throw new HookPayloadError(`${p.tool} call without args.command`);
  const cwd = args.data.workdir ? path.resolve(p.directory, args.data.workdir) : p.directory;
  return opencodeAnswer(
    await call.decide({ kind: 'pre-tool-use', tool: p.tool, command: args.data.command, cwd, ...link }),
  );
}

/** Observation only: always silence. */
async function toolAfter(call: HookCall): Promise<HookAnswer> {
  const p = parseHookPayload(OpencodeToolAfterSchema, call.body);
  let command: string | null;
  if (OPENCODE_SHELL_TOOLS.includes(p.tool)) {
    const args = OpencodeBashArgsSchema.safeParse(p.args);
    command = args.success ? args.data.command : null;
  } else {
    try {
      command = opencodeFileCall(p.tool, p.args)?.summary ?? null;
    } catch {
      command = null;
    }
  }
  call.reportOutcome(opencodeReport(p, command));
  return SILENT;
}

export const OPENCODE_HOOKS: readonly GateHook[] = [
  { path: OPENCODE_PATHS.toolBefore, handle: toolBefore },
  { path: OPENCODE_PATHS.toolAfter, handle: toolAfter },
];
