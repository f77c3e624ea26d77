// GitHub Copilot CLI's file tools as the gate sees them (their schemas as 1.0.102 sends them to the model): `create`
// ({path, file_text}) and `edit` ({path, old_str, new_str}); each names one file by its absolute path.
import { z } from 'zod';
import { cappedSummary, type FileToolCall } from '../../gate/file-tools.ts';
import { HookPayloadError } from '../../gate/protocols.ts';

/** The tools under which Copilot CLI changes files without a shell. */
export const COPILOT_FILE_TOOLS: readonly string[] = ['create', 'edit'];

const CopilotFileArgs = z.looseObject({
  path: z.string().min(1),
  file_text: z.string().optional(),
  old_str: z.string().optional(),
  new_str: z.string().optional(),
});

/** A Copilot CLI file tool's call; null for any other tool; throws (a 422) when a file tool names no file. */
export function copilotFileCall(tool: string, args: unknown): FileToolCall | null {
  if (!COPILOT_FILE_TOOLS.includes(tool)) return null;
  const parsed = CopilotFileArgs.safeParse(args);
  if (!parsed.success) throw new HookPayloadError(`${tool} call without toolArgs.path`);
  const p = parsed.data;
  const body = p.file_text ?? `replace:\n${p.old_str ?? ''}\nwith:\n${p.new_str ?? ''}`;
  return { tool, paths: [p.path], summary: cappedSummary(`${tool} ${p.path}\n${body}`) };
}
