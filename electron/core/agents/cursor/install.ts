// What `gatehouse install cursor` would change, as pure functions for the install service: Gatehouse's
// beforeShellExecution hook (blocking, `failClosed: true`, a long timeout) and afterShellExecution hook (what ran) added
// first in `~/.cursor/hooks.json`, every other byte of the file kept. Cursor reads hooks only from its hooks.json files
// (enterprise, project, user; its documentation), so this is also what `gatehouse run -- cursor-agent` relies on.
// The file's format is from Cursor's documentation, not verified against the real program.
import path from 'node:path';
import { addFirstElements, addFirstMember, jsonTokens, memberValue, tokenText } from '../json-text.ts';
import { isInstalledCommand, printAnswer } from '../install/hook.ts';
import { homeOf } from '../launch-checks.ts';
import { InstallError, type AgentInstaller, type InstallEdit } from '../plugin.ts';
import { CURSOR_PATHS } from './protocol.ts';

export interface CursorInstallHooks {
  /** Posts to `CURSOR_PATHS.beforeShellExecution`, prints the gate's answer or exits 2 (`blockingHookCommand`). */
  preToolCommand: string;
  /** Posts to `CURSOR_PATHS.afterShellExecution` and never blocks (`eventHookCommand`). */
  eventCommand: string;
  /** Seconds: past the hold timeout, so a person can take their time (Cursor documents no maximum). */
  timeoutS: number;
}

/** What ran is an observation: 10 s is ample. */
const OBSERVER_TIMEOUT_S = 10;

/** The user-level hooks file an install edits. */
export function cursorInstallFiles(env: NodeJS.ProcessEnv): string[] {
  return [path.join(homeOf(env), '.cursor', 'hooks.json')];
}

/** A hooks.json with a hook posting to Gatehouse's beforeShellExecution endpoint has Gatehouse installed. */
export function isInstalled(text: string | null): boolean {
  return text !== null && text.includes(CURSOR_PATHS.beforeShellExecution);
}

/** Gatehouse's entries, one per event, as Cursor's documentation writes them. */
export function cursorHookEntries(hooks: CursorInstallHooks): Record<string, Record<string, unknown>> {
  return {
    beforeShellExecution: { command: hooks.preToolCommand, timeout: hooks.timeoutS, failClosed: true },
    afterShellExecution: { command: hooks.eventCommand, timeout: OBSERVER_TIMEOUT_S },
  };
}

/** The hooks file's new text with Gatehouse's hooks first in each event's list; unchanged when already installed. */
export function edit(before: string | null, hooks: CursorInstallHooks): { after: string; changes: string[] } {
  const entries = cursorHookEntries(hooks);
  const changes = [
    'Adds a beforeShellExecution hook that holds each shell command for Gatehouse (and blocks it when Gatehouse does not answer), first in the list.',
    'Adds an afterShellExecution hook that tells Gatehouse what ran.',
  ];
  if (before !== null && isInstalled(before)) return { after: before, changes: [] };
  if (before === null || before.trim() === '') {
    const hooksObject = Object.fromEntries(Object.entries(entries).map(([event, entry]) => [event, [entry]]));
    return { after: `${JSON.stringify({ version: 1, hooks: hooksObject }, null, 2)}\n`, changes };
  }
  let text = before;
  const first = jsonTokens(text);
  if (tokenText(text, first[0]) !== '{') throw new Error('the hooks file is not a JSON object: it was left as it is');
  if (memberValue(text, first, 0, 'hooks') === -1) text = addFirstMember(text, first, 0, `"hooks": {}`);
  for (const [event, entry] of Object.entries(entries)) {
    const toks = jsonTokens(text);
    const hooksAt = memberValue(text, toks, 0, 'hooks');
    if (tokenText(text, toks[hooksAt]) !== '{')
      throw new Error('"hooks" in the hooks file is not an object: it was left as it is');
    const listAt = memberValue(text, toks, hooksAt, event);
    if (listAt === -1)
      text = addFirstMember(text, toks, hooksAt, `${JSON.stringify(event)}: [${JSON.stringify(entry)}]`);
    else if (tokenText(text, toks[listAt]) === '[')
      text = addFirstElements(text, toks, listAt, [JSON.stringify(entry)]);
    else throw new Error(`"hooks.${event}" in the hooks file is not a list: it was left as it is`);
  }
  return { after: text, changes };
}

/** What Cursor is told when Gatehouse is not running: its own prompt (`ask`), or a deny, as `whenCoreDown` says. */
export function cursorCoreDownFallback(whenCoreDown: 'ask' | 'deny'): string {
  const message =
    whenCoreDown === 'ask'
      ? 'Gatehouse is not running, so it cannot check this command; Cursor asks you instead. Start Gatehouse (`npm run daemon` or the app) to have it guard commands again.'
      : 'Gatehouse is not running, so this command was not run. Start Gatehouse (`npm run daemon` or the app) and try again.';
  return printAnswer(JSON.stringify({ permission: whenCoreDown, user_message: message, agent_message: message }));
}

/** The hooks file without Gatehouse's entries, the person's kept (for a file they changed since the install). */
function removeOurs(text: string): InstallEdit {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InstallError(`the hooks file is not valid JSON (${(err as Error).message}); fix it first`);
  }
  const hooks = (parsed as { hooks?: unknown } | null)?.hooks;
  if (!hooks || typeof hooks !== 'object' || Array.isArray(hooks)) return { after: text, changes: [] };
  let removed = 0;
  const kept: Record<string, unknown> = {};
  for (const [event, list] of Object.entries(hooks)) {
    if (!Array.isArray(list)) {
      kept[event] = list;
      continue;
    }
    const theirs = list.filter((h) => !isInstalledCommand((h as { command?: unknown } | null)?.command));
    removed += list.length - theirs.length;
    if (theirs.length > 0 || list.length === 0) kept[event] = theirs;
  }
  if (removed === 0) return { after: text, changes: [] };
  const after = `${JSON.stringify({ ...(parsed as object), hooks: kept }, null, 2)}\n`;
  return { after, changes: [`takes out Gatehouse's ${removed} hooks, keeping yours`] };
}

/** `gatehouse install cursor`: the pure edits above, for the install service (from Cursor's documentation). */
export const cursorInstaller: AgentInstaller = {
  file: (env) => cursorInstallFiles(env as NodeJS.ProcessEnv)[0] as string,
  edit(before, hooks) {
    const changed = edit(before, {
      preToolCommand: hooks.command(CURSOR_PATHS.beforeShellExecution, {
        blocking: true,
        fallback: cursorCoreDownFallback(hooks.whenCoreDown),
      }),
      eventCommand: hooks.command(CURSOR_PATHS.afterShellExecution, { blocking: false }),
      timeoutS: hooks.hookTimeoutS,
    });
    return changed;
  },
  remove: removeOurs,
  isInstalled: (text) => isInstalled(text),
};
