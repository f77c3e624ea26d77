// `gatehouse install gemini`'s edit, pure: which user-level file it changes, and the change itself. Gatehouse's hooks
// go into the `hooks` of the person's own `settings.json` (JSON with comments), added after theirs; every other byte
// (key order, comments, blank lines) stays as it was, so uninstalling can restore the file exactly.
// Unlike `gatehouse run`'s extension, hooks in settings.json do not run in a folder Gemini CLI does not trust: there it
// asks before each tool itself (its approval mode falls back to "default"), which is what doctor says.
// `geminiInstaller` wires the edit into the install service; `removeInstalled` takes Gatehouse's entries out of a file
// the person changed since, keeping every other byte.
import path from 'node:path';
import { printAnswer } from '../install/hook.ts';
import { homeOf } from '../launch-checks.ts';
import {
  InstallError,
  type AgentInstaller,
  type InstallEdit,
  type InstalledHooks,
  type InstallEnv,
} from '../plugin.ts';
import { geminiUserDir } from './checks.ts';
import {
  appendToContainer,
  blankComments,
  containerEntries,
  indentUnit,
  memberSpan,
  parseJsonc,
  removeEntry,
  rootObject,
  spanAt,
} from './jsonc.ts';
import { GEMINI_PATHS } from './protocol.ts';
import { GEMINI_GATED_MATCHER, GEMINI_HOOK_NAME } from './wiring.ts';

/** The commands an installed hook runs, and how long the blocking one may take. */
export interface InstallHooks {
  /** Run before a shell command or a file write: prints Gemini's answer, or exits 2 (a block). */
  preTool: string;
  /** Run after a tool and at the end of a turn: tells Gatehouse, never blocks. */
  event: string;
  /** Run at the end of a turn, when it differs from `event` (the installed hooks post each event to its endpoint). */
  afterAgent?: string;
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
    AfterAgent: [{ hooks: [hook(NAMES.afterAgent, h.afterAgent ?? h.event, OBSERVER_TIMEOUT_MS)] }],
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

/** Whether a matcher definition (`{matcher, hooks: [...]}`) holds Gatehouse's hooks only. */
function oursOnly(definition: unknown): boolean {
  const list = (definition as { hooks?: unknown } | null)?.hooks;
  if (!Array.isArray(list) || list.length === 0) return false;
  const names: readonly string[] = Object.values(NAMES);
  return list.every((h) => names.includes((h as { name?: unknown } | null)?.name as string));
}

/** The next piece of Gatehouse's to take out of `text`, as the text without it; null when none is left. */
function removeOne(text: string): string | null {
  const clean = blankComments(text);
  const root = rootObject(clean);
  if (!root) return null;
  const rootEntries = containerEntries(clean, root);
  const hooksIndex = rootEntries.findIndex((e) => e.key === 'hooks');
  const hooksEntry = rootEntries[hooksIndex];
  if (!hooksEntry || clean[hooksEntry.value] !== '{') return null;
  const hooks = spanAt(clean, hooksEntry.value);
  const events = containerEntries(clean, hooks);
  for (const [i, event] of events.entries()) {
    if (clean[event.value] !== '[') continue;
    const list = spanAt(clean, event.value);
    const definitions = containerEntries(clean, list);
    const ours = definitions.map((d) => oursOnly(JSON.parse(clean.slice(d.value, d.end)) as unknown));
    const first = ours.indexOf(true);
    if (first < 0) continue;
    if (ours.every(Boolean)) {
      // The event holds nothing else: it goes, and "hooks" with it when nothing else is left in it.
      if (events.length === 1) return removeEntry(text, root, rootEntries, hooksIndex);
      return removeEntry(text, hooks, events, i);
    }
    return removeEntry(text, list, definitions, first);
  }
  return null;
}

/**
 * The settings text with Gatehouse's hook definitions taken out, and nothing else: the person's hooks, keys, comments
 * and blank lines stay where they are. An event list, or `hooks`, left empty by it goes too, as the install added it.
 */
export function removeInstalled(text: string): { after: string; removed: number } {
  let after = text;
  let removed = 0;
  for (let next = removeOne(after); next !== null; next = removeOne(after)) {
    after = next;
    removed++;
  }
  return { after, removed };
}

/** What Gemini CLI's model reads when Gatehouse is not running: Gemini has no "ask", so the command is denied. */
export const GEMINI_CORE_DOWN =
  'Gatehouse is not running, so this command was not run. Start Gatehouse (`npm run daemon` or the app) and try again.';

/** The fallback for a core that is down: a deny with the reason (stdout JSON, exit 0; Gemini blocks the call). */
export function geminiCoreDownFallback(): string {
  return printAnswer(JSON.stringify({ decision: 'deny', reason: GEMINI_CORE_DOWN }));
}

function installHooks(h: InstalledHooks): InstallHooks {
  return {
    preTool: h.command(GEMINI_PATHS.beforeTool, { blocking: true, fallback: geminiCoreDownFallback() }),
    event: h.command(GEMINI_PATHS.afterTool, { blocking: false }),
    afterAgent: h.command(GEMINI_PATHS.afterAgent, { blocking: false }),
    timeoutS: h.hookTimeoutS,
  };
}

/** An edit that throws a plain error for a file it cannot read throws it as an `InstallError` (the file is kept). */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof InstallError) throw err;
    throw new InstallError(`settings.json: ${(err as Error).message}; fix it first, then install again`);
  }
}

export const geminiInstaller: AgentInstaller = {
  file: (env: InstallEnv) => {
    const e = env as NodeJS.ProcessEnv;
    if (!e.GEMINI_CLI_HOME && !e.HOME && !e.USERPROFILE)
      throw new InstallError('no HOME in the environment, so the Gemini CLI settings file cannot be found');
    return geminiInstallFiles(e)[0] as string;
  },

  edit(before, hooks): InstallEdit {
    return guarded(() => {
      const ours = installHooks(hooks);
      const had = before !== null && isInstalled(before);
      const base = had ? removeInstalled(before).after : before;
      const { after } = edit(base, ours);
      if (before !== null && after === before) return { after, changes: [] };
      return {
        after,
        changes: [
          before === null ? 'creates the file (there is none yet)' : null,
          had ? 'replaces the Gatehouse hooks already there with the ones below' : null,
          'adds a BeforeTool hook for run_shell_command, write_file and replace: Gemini CLI asks Gatehouse before each such tool call, in every session in a folder it trusts',
          'adds AfterTool and AfterAgent hooks that tell Gatehouse what ran (they never block)',
          hooks.whenCoreDown === 'ask'
            ? 'when Gatehouse is not running, the hook denies the command and says to start Gatehouse (Gemini CLI has no way for a hook to hand the decision to you)'
            : 'when Gatehouse is not running, the hook denies the command and says to start Gatehouse',
          'keeps every other setting, comment and hook of yours as it is',
        ].filter((c): c is string => c !== null),
      };
    });
  },

  remove(text): InstallEdit {
    return guarded(() => {
      parseJsonc(text);
      const { after, removed } = removeInstalled(text);
      if (removed === 0) return { after: text, changes: [] };
      return { after, changes: ["takes out Gatehouse's hooks; every other setting, comment and hook stays"] };
    });
  },

  isInstalled: (text) => isInstalled(text),
};
