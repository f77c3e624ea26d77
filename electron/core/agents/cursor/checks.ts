// Cursor's launch checks. Cursor reads hooks only from its hooks.json files (enterprise, project, user: its
// documentation; no flag or variable names another), so `gatehouse run -- cursor-agent` cannot add a hook for one run:
// it relies on Gatehouse's hook being installed in one of them (`install.ts`), and refuses a launch where none has it.
// Not verified against the real program (its CLI is not on npm). Pure: files arrive as text.
import path from 'node:path';
import type { LaunchFinding } from '../launch-checks.ts';
import { CURSOR_PATHS } from './protocol.ts';

export interface CursorSource {
  layer: string;
  file: string;
}

/** Every hooks.json Cursor documents, highest priority first. */
export function cursorHookSources(o: {
  platform: NodeJS.Platform;
  home: string;
  cwd: string;
  gitRoot: string | null;
}): CursorSource[] {
  const enterprise =
    o.platform === 'darwin'
      ? '/Library/Application Support/Cursor/hooks.json'
      : o.platform === 'win32'
        ? 'C:\\ProgramData\\Cursor\\hooks.json'
        : '/etc/cursor/hooks.json';
  const projects = [...new Set([path.resolve(o.cwd), ...(o.gitRoot ? [path.resolve(o.gitRoot)] : [])])];
  return [
    { layer: 'enterprise', file: enterprise },
    ...projects.map((d) => ({ layer: 'project', file: path.join(d, '.cursor', 'hooks.json') })),
    { layer: 'user', file: path.join(o.home, '.cursor', 'hooks.json') },
  ];
}

/** Gatehouse's beforeShellExecution entry in one hooks.json's text: found, and whether it fails closed. */
export function gatehouseEntry(text: string): { found: boolean; failClosed: boolean } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { error: `it is not valid JSON (${(err as Error).message})` };
  }
  const list = (parsed as { hooks?: { beforeShellExecution?: unknown } } | null)?.hooks?.beforeShellExecution;
  const entry = Array.isArray(list)
    ? (list as Array<{ command?: unknown; failClosed?: unknown }>).find(
        (e) => typeof e?.command === 'string' && e.command.includes(CURSOR_PATHS.beforeShellExecution),
      )
    : undefined;
  return { found: entry !== undefined, failClosed: entry?.failClosed === true };
}

/** The finding when no hooks.json has Gatehouse's hook. */
export function notInstalledFinding(userFile: string): LaunchFinding {
  return {
    agent: 'cursor',
    layer: 'user',
    file: userFile,
    key: 'hooks.beforeShellExecution',
    effect:
      "Gatehouse's hook is in none of Cursor's hooks.json files, and Cursor takes hooks from nowhere else, so commands would run without being held",
    fix: 'Run `gatehouse install cursor`, which adds it to this file',
  };
}
