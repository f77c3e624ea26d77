// The agents' file tools as the gate sees them: which files a call changes, and the text a person reviews on the
// card. Claude Code names one file per call (`file_path`, `notebook_path`); Codex's `apply_patch` sends its whole
// patch in `tool_input.command` (seen with 0.169), whose `*** Add/Update/Delete File:` and `*** Move to:` lines name
// the files, relative to the payload's `cwd` or absolute.
import { z } from 'zod';

/** The tools under which each agent changes files without a shell. */
export const FILE_TOOLS: Readonly<Record<'claude' | 'codex', readonly string[]>> = {
  claude: ['Write', 'Edit', 'MultiEdit', 'NotebookEdit'],
  codex: ['apply_patch'],
};

export interface FileToolCall {
  tool: string;
  /** The files it changes, as written in the call. */
  paths: string[];
  /** What the card shows: the tool, the file, and what it would write (capped). */
  summary: string;
}

/** Enough of a change for a person to see what it does; the rest is counted, not shown. */
export const MAX_SHOWN_CHARS = 8000;

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
  if (!FILE_TOOLS.claude.includes(tool)) return null;
  const parsed = ClaudeFileInput.safeParse(input);
  const p = parsed.success ? parsed.data : null;
  const file = p?.file_path ?? p?.notebook_path;
  if (!p || file === undefined) throw new Error(`${tool} call without tool_input.file_path`);
  const body =
    p.content ??
    p.new_source ??
    (p.edits ?? [{ old_string: p.old_string, new_string: p.new_string }]).map((e) => `replace:\n${e.old_string ?? ''}\nwith:\n${e.new_string ?? ''}`).join('\n');
  return { tool, paths: [file], summary: capped(`${tool} ${file}\n${body}`) };
}

const PATCH_FILE = /^\*\*\* (?:(?:Add|Update|Delete) File|Move to): (.+?)\s*$/;

/** The files a Codex patch names (`*** Add File:`, `*** Update File:`, `*** Delete File:`, `*** Move to:`), each once. */
export function codexPatchPaths(patch: string): string[] {
  const out = new Set<string>();
  for (const line of patch.split('\n')) {
    const m = PATCH_FILE.exec(line.replace(/\r$/, ''));
    if (m?.[1]) out.add(m[1]);
  }
  return [...out];
}

/** Codex's `apply_patch` call, from the patch text it sends as `tool_input.command`. */
export function codexPatchCall(patch: string): FileToolCall {
  return { tool: 'apply_patch', paths: codexPatchPaths(patch), summary: capped(`apply_patch\n${patch}`) };
}

function capped(text: string): string {
  if (text.length <= MAX_SHOWN_CHARS) return text;
  return `${text.slice(0, MAX_SHOWN_CHARS)}\n… (${text.length - MAX_SHOWN_CHARS} more characters not shown)`;
}
