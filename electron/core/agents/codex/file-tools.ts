// Codex's file tool as the gate sees it: `apply_patch` sends its whole patch in `tool_input.command` (seen with
// 0.169), whose `*** Add/Update/Delete File:` and `*** Move to:` lines name the files, relative to the payload's
// `cwd` or absolute.
import { cappedSummary, type FileToolCall } from '../../gate/file-tools.ts';

/** The tools under which Codex changes files without a shell. */
export const CODEX_FILE_TOOLS: readonly string[] = ['apply_patch'];

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
  return { tool: 'apply_patch', paths: codexPatchPaths(patch), summary: cappedSummary(`apply_patch\n${patch}`) };
}
