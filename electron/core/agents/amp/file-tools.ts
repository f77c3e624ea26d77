// Amp's file tools as the gate sees them: `edit_file` (named with `--path` in Amp's built-in rules, measured) and
// `create_file`, each with the file in `path`; what they write (`old_str`/`new_str`, `content`) is from Amp's tool
// descriptions and not measured here (Amp needs its servers to run a thread): a call whose text is missing is still
// judged by its path.
import { z } from 'zod';
import { cappedSummary, type FileToolCall } from '../../gate/file-tools.ts';
import { HookPayloadError } from '../../gate/protocols.ts';

/** The tools under which Amp changes files without a shell. */
export const AMP_FILE_TOOLS: readonly string[] = ['edit_file', 'create_file'];

const FileArgs = z.looseObject({
  path: z.string().min(1).optional(),
  content: z.string().optional(),
  old_str: z.string().optional(),
  new_str: z.string().optional(),
});

/** An Amp file tool's call; null for any other tool; throws (a 422: the delegate rejects) when it names no file. */
export function ampFileCall(tool: string, args: unknown): FileToolCall | null {
  if (!AMP_FILE_TOOLS.includes(tool)) return null;
  const parsed = FileArgs.safeParse(args);
  const a = parsed.success ? parsed.data : null;
  if (!a || a.path === undefined) throw new HookPayloadError(`${tool} call without args.path`);
  const body = a.content ?? `replace:\n${a.old_str ?? ''}\nwith:\n${a.new_str ?? ''}`;
  return { tool, paths: [a.path], summary: cappedSummary(`${tool} ${a.path}\n${body}`) };
}
