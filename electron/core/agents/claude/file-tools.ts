// Claude Code's file tools as the gate sees them: each call names one file (`file_path`, or `notebook_path` for
// NotebookEdit), and what it would write is the text a person reviews on the card.
import { z } from 'zod';
import { cappedSummary, type FileToolCall } from '../../gate/file-tools.ts';
import { HookPayloadError } from '../../gate/protocols.ts';

/** The tools under which Claude Code changes files without a shell. */
export const CLAUDE_FILE_TOOLS: readonly string[] = ['Write', 'Edit', 'MultiEdit', 'NotebookEdit'];

const ClaudeFileInput = z.looseObject({
  file_path: z.string().min(1).optional(),
  notebook_path: z.string().min(1).optional(),
  content: z.string().optional(),
  old_string: z.string().optional(),
  new_string: z.string().optional(),
  new_source: z.string().optional(),
  edits: z.array(z.looseObject({ old_string: z.string().optional(), new_string: z.string().optional() })).optional(),
});

/** A Claude Code file tool's call; null for any other tool; throws (a 422) when a file tool names no file. */
export function claudeFileCall(tool: string, input: unknown): FileToolCall | null {
  if (!CLAUDE_FILE_TOOLS.includes(tool)) return null;
  const parsed = ClaudeFileInput.safeParse(input);
  const p = parsed.success ? parsed.data : null;
  const file = p?.file_path ?? p?.notebook_path;
  if (!p || file === undefined) throw new HookPayloadError(`${tool} call without tool_input.file_path`);
  const body =
    p.content ??
    p.new_source ??
    (p.edits ?? [{ old_string: p.old_string, new_string: p.new_string }])
      .map((e) => `replace:\n${e.old_string ?? ''}\nwith:\n${e.new_string ?? ''}`)
      .join('\n');
  return { tool, paths: [file], summary: cappedSummary(`${tool} ${file}\n${body}`) };
}
