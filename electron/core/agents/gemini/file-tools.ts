// Gemini CLI's file tools as the gate sees them (its tools reference, 0.61.0): `write_file` ({file_path, content})
// and `replace` ({file_path, old_string, new_string, allow_multiple}); each names one file, relative to the workspace
// root (the payload's `cwd`) or absolute.
import { z } from 'zod';
import { cappedSummary, type FileToolCall } from '../../gate/file-tools.ts';
import { HookPayloadError } from '../../gate/protocols.ts';

/** The tools under which Gemini CLI changes files without a shell. */
export const GEMINI_FILE_TOOLS: readonly string[] = ['write_file', 'replace'];

const GeminiFileInput = z.looseObject({
  file_path: z.string().min(1),
  content: z.string().optional(),
  old_string: z.string().optional(),
  new_string: z.string().optional(),
});

/** A Gemini CLI file tool's call; null for any other tool; throws (a 422) when a file tool names no file. */
export function geminiFileCall(tool: string, input: unknown): FileToolCall | null {
  if (!GEMINI_FILE_TOOLS.includes(tool)) return null;
  const parsed = GeminiFileInput.safeParse(input);
  if (!parsed.success) throw new HookPayloadError(`${tool} call without tool_input.file_path`);
  const p = parsed.data;
  const body = p.content ?? `replace:\n${p.old_string ?? ''}\nwith:\n${p.new_string ?? ''}`;
  return { tool, paths: [p.file_path], summary: cappedSummary(`${tool} ${p.file_path}\n${body}`) };
}
