// OpenCode's file tools as the gate sees them (opencode-ai 1.18.33's tool schemas): `write` `{ filePath, content }`,
// `edit` `{ filePath, oldString, newString }`, `multiedit` `{ filePath, edits }`, and `apply_patch` `{ patchText }`
// (the patch format Codex uses, given to OpenAI models), each path absolute or relative to where OpenCode started.
import { z } from 'zod';
import { cappedSummary, type FileToolCall } from '../../gate/file-tools.ts';
import { HookPayloadError } from '../../gate/protocols.ts';
import { codexPatchPaths } from '../codex/file-tools.ts';

/** The tools under which OpenCode changes files without a shell. */
export const OPENCODE_FILE_TOOLS: readonly string[] = ['write', 'edit', 'multiedit', 'apply_patch'];

const FileArgs = z.looseObject({
  filePath: z.string().min(1).optional(),
  content: z.string().optional(),
  oldString: z.string().optional(),
  newString: z.string().optional(),
  edits: z.array(z.looseObject({ oldString: z.string().optional(), newString: z.string().optional() })).optional(),
  patchText: z.string().optional(),
});

/** An OpenCode file tool's call; null for any other tool; throws (a 422: the plug-in blocks) when it names no file. */
export function opencodeFileCall(tool: string, args: unknown): FileToolCall | null {
  if (!OPENCODE_FILE_TOOLS.includes(tool)) return null;
  const parsed = FileArgs.safeParse(args);
  const a = parsed.success ? parsed.data : null;
  if (tool === 'apply_patch') {
    if (a?.patchText === undefined) throw new HookPayloadError('apply_patch call without args.patchText');
    return { tool, paths: codexPatchPaths(a.patchText), summary: cappedSummary(`apply_patch\n${a.patchText}`) };
  }
  if (!a || a.filePath === undefined) throw new HookPayloadError(`${tool} call without args.filePath`);
  const body =
    a.content ??
    (a.edits ?? [{ oldString: a.oldString, newString: a.newString }])
      .map((e) => `replace:\n${e.oldString ?? ''}\nwith:\n${e.newString ?? ''}`)
      .join('\n');
  return { tool, paths: [a.filePath], summary: cappedSummary(`${tool} ${a.filePath}\n${body}`) };
}
