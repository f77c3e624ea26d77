// `gatehouse install gemini`'s edit, pure: which user-level file it changes, and the change itself. Gatehouse's hooks
// go into the `hooks` of the person's own `settings.json` (JSON with comments), added after theirs; every other byte
// (key order, comments, blank lines) stays as it was, so uninstalling can restore the file exactly.
// Unlike `gatehouse run`'s extension, hooks in settings.json do not run in a folder Gemini CLI does not trust: there it
// asks before each tool itself (its approval mode falls back to "default"), which is what doctor says.
import path from 'node:path';
import { homeOf } from '../launch-checks.ts';
import { geminiUserDir } from './checks.ts';
import { appendToContainer, blankComments, indentUnit, memberSpan, parseJsonc, rootObject } from './jsonc.ts';
import { GEMINI_GATED_MATCHER, GEMINI_HOOK_NAME } from './wiring.ts';

/** The commands an installed hook runs, and how long the blocking one may take. */
export interface InstallHooks {
  /** Run before a shell command or a file write: prints Gemini's answer, or exits 2 (a block). */
  preTool: string;
  /** Run after a tool and at the end of a turn: tells Gatehouse, never blocks. */
  event: string;
  /** The blocking hook's timeout, in seconds (written in Gemini's milliseconds). */
  timeoutS: number;
}

/** The file `gatehouse install gemini` edits: the user's `settings.json` (under `$GEMINI_CLI_HOME` when set). */
export function geminiInstallFiles(env: NodeJS.ProcessEnv): string[] {
  return [path.join(geminiUserDir(env, homeOf(env)), 'settings.json')];
}

/** The names the installed hooks go by, which is how `isInstalled` and uninstall find them. */
const NAMES = { preTool: GEMINI_HOOK_NAME, afterTool: 'gatehouse-after-tool', afterAgent: 'gatehouse-after-agent' };

const OBSERVER_TIMEOUT_MS = 10_000;

/** The entries Gatehouse adds, event by event. */
function entries(h: InstallHooks): Record<string, unknown[]> {
  const hook = (name: string, command: string, timeout: number) => ({ name, type: 'command', command, timeout });
  return {
    BeforeTool: [{ matcher: GEMINI_GATED_MATCHER, hooks: [hook(NAMES.preTool, h.preTool, h.timeoutS * 1000)] }],
    AfterTool: [{ matcher: GEMINI_GATED_MATCHER, hooks: [hook(NAMES.afterTool, h.event, OBSERVER_TIMEOUT_MS)] }],
    AfterAgent: [{ hooks: [hook(NAMES.afterAgent, h.event, OBSERVER_TIMEOUT_MS)] }],
  };
}

/** Whether the settings text already holds Gatehouse's BeforeTool hook. */
export function isInstalled(text: string | null): boolean {
  if (text === null || text.trim() === '') return false;
  let parsed: unknown;
  try {
    parsed = parseJsonc(text);
  } catch {
    return false;
  }
  const before = (parsed as { hooks?: { BeforeTool?: unknown } } | null)?.hooks?.BeforeTool;
  if (!Array.isArray(before)) return false;
  return before.some(
    (d) =>
      Array.isArray((d as { hooks?: unknown } | null)?.hooks) &&
      (d as { hooks: unknown[] }).hooks.some((h) => (h as { name?: unknown } | null)?.name === NAMES.preTool),
  );
}

/**
 * The settings text with Gatehouse's hooks added (a new file when `before` is null or blank), and one sentence per
 * change for the person to read first. Throws when the file is not a JSON object (or its `hooks` not an object, an
 * event's list not a list): Gatehouse does not guess how to edit what it cannot read. Already installed: unchanged.
 */
export function edit(before: string | null, hooks: InstallHooks): { after: string; changes: string[] } {
  const ours = entries(hooks);
  const events = Object.keys(ours);
  if (before === null || before.trim() === '') {
    return {
      after: `${JSON.stringify({ hooks: ours }, null, 2)}\n`,
      changes: [`create it with Gatehouse's hooks for ${events.join(', ')}`],
    };
  }
  const parsed = parseJsonc(before);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('it is not a JSON object, so Gatehouse will not edit it');
  if (isInstalled(before)) return { after: before, changes: [] };
  const indent = indentUnit(before);
  const json = (v: unknown) => JSON.stringify(v, null, indent);
  let text = before;
  const changes: string[] = [];
  const root = () => rootObject(blankComments(text)) as NonNullable<ReturnType<typeof rootObject>>;
  const hooksSpan = () => memberSpan(blankComments(text), root(), 'hooks');
  if (!hooksSpan()) {
    if ((parsed as { hooks?: unknown }).hooks !== undefined) throw new Error('its "hooks" is not an object');
    text = appendToContainer(text, root(), [`"hooks": ${json(ours)}`], indent);
    changes.push(`add "hooks" with Gatehouse's hooks for ${events.join(', ')}`);
    return { after: text, changes };
  }
  for (const event of events) {
    const h = hooksSpan() as NonNullable<ReturnType<typeof hooksSpan>>;
    if (blankComments(text)[h.open] !== '{') throw new Error('its "hooks" is not an object');
    const list = memberSpan(blankComments(text), h, event);
    const add = ours[event] as unknown[];
    if (!list) {
      const existing = (parsed as { hooks: Record<string, unknown> }).hooks[event];
      if (existing !== undefined) throw new Error(`its "hooks"."${event}" is not a list`);
      text = appendToContainer(text, h, [`"${event}": ${json(add)}`], indent);
      changes.push(`add "hooks"."${event}" with Gatehouse's hook`);
    } else {
      if (blankComments(text)[list.open] !== '[') throw new Error(`its "hooks"."${event}" is not a list`);
      text = appendToContainer(
        text,
        list,
        add.map((e) => json(e)),
        indent,
      );
      changes.push(`add Gatehouse's hook after the ${event} hooks already there`);
    }
  }
  return { after: text, changes };
}
