// `gatehouse install claude`: Gatehouse's hooks in Claude Code's user settings (`~/.claude/settings.json`, or
// `$CLAUDE_CONFIG_DIR/settings.json`), beside the person's own. Pure edits of the file's text: every other key keeps
// its value and its place; the hooks are added to the end of each event's list and taken out again by their marker.
// Only hook events every recent Claude Code knows are written (PreToolUse, Notification, Stop): Claude Code drops a
// whole settings file with a value it does not know, and this one is the person's own (`wiring.ts`,
// `CLAUDE_ON_FAILURE_SINCE`). So no `onFailure`, and no PostToolUseFailure: commands are not awaited for a report.
import path from 'node:path';
import { agentConfigDirs } from '../../risk/index.ts';
import { isInstalledCommand, printAnswer } from '../install/hook.ts';
import {
  InstallError,
  type AgentInstaller,
  type InstallEdit,
  type InstalledHooks,
  type InstallEnv,
} from '../plugin.ts';
import { CLAUDE_FILE_TOOLS } from './file-tools.ts';
import { CLAUDE_PATHS } from './protocol.ts';

/** What Claude Code is told when Gatehouse is not running. */
export const CLAUDE_CORE_DOWN = {
  ask: 'Gatehouse is not running, so it cannot check this command; Claude Code asks you instead. Start Gatehouse (`npm run daemon` or the app) to have it guard commands again.',
  deny: 'Gatehouse is not running, so this command was not run. Start Gatehouse (`npm run daemon` or the app) and try again.',
} as const;

function preToolUseAnswer(decision: 'ask' | 'deny'): string {
  return JSON.stringify({
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: decision,
      permissionDecisionReason: CLAUDE_CORE_DOWN[decision],
    },
  });
}

/**
 * With Gatehouse down: Claude Code's own permission prompt (`ask`) where a person is there to answer it, else deny.
 * A headless run (`claude -p`, the SDK) gives its hooks `CLAUDE_CODE_SESSION_ATTENDED=0` and
 * `CLAUDE_CODE_ENTRYPOINT=sdk-cli` (measured on 2.1.330); either one means nobody would see the prompt.
 */
export function claudeCoreDownFallback(whenCoreDown: 'ask' | 'deny'): string {
  const deny = printAnswer(preToolUseAnswer('deny'));
  if (whenCoreDown === 'deny') return deny;
  const ask = printAnswer(preToolUseAnswer('ask'));
  return `case "$CLAUDE_CODE_SESSION_ATTENDED:$CLAUDE_CODE_ENTRYPOINT" in 0:*|*:sdk-*) ${deny};; *) ${ask};; esac`;
}

interface CommandHook {
  type: 'command';
  command: string;
  timeout: number;
}
type MatcherGroup = { matcher?: string; hooks?: unknown[] } & Record<string, unknown>;
type Settings = Record<string, unknown>;

/** Notification and Stop are observations: 10 s is ample, and they never block. */
const EVENT_TIMEOUT_S = 10;
const GATED_TOOLS = ['Bash', ...CLAUDE_FILE_TOOLS];

function ourHooks(hooks: InstalledHooks): Record<string, MatcherGroup[]> {
  const gate: CommandHook = {
    type: 'command',
    command: hooks.command(CLAUDE_PATHS.preToolUseUnreported, {
      blocking: true,
      fallback: claudeCoreDownFallback(hooks.whenCoreDown),
    }),
    timeout: hooks.hookTimeoutS,
  };
  const event: CommandHook = {
    type: 'command',
    command: hooks.command(CLAUDE_PATHS.event, { blocking: false }),
    timeout: EVENT_TIMEOUT_S,
  };
  return {
    PreToolUse: GATED_TOOLS.map((matcher) => ({ matcher, hooks: [gate] })),
    Notification: [{ hooks: [event] }],
    Stop: [{ hooks: [event] }],
  };
}

function parse(text: string | null, file = 'settings.json'): Settings {
  if (text === null || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InstallError(`${file} is not valid JSON (${(err as Error).message}); fix it first, then install again`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new InstallError(`${file} does not hold a JSON object; fix it first, then install again`);
  const hooks = (parsed as Settings).hooks;
  if (hooks !== undefined && (!hooks || typeof hooks !== 'object' || Array.isArray(hooks)))
    throw new InstallError(`"hooks" in ${file} is not an object; fix it first, then install again`);
  return parsed as Settings;
}

/** Writes the object back the way the file was written: its indentation, and a final newline if it had one. */
function serialize(value: Settings, before: string | null): string {
  const indent = /^[{[]\r?\n([ \t]+)\S/.exec(before ?? '')?.[1] ?? 2;
  const newline = before === null || before.endsWith('\n') || before.trim() === '' ? '\n' : '';
  return JSON.stringify(value, null, indent) + newline;
}

function isOurs(hook: unknown): boolean {
  return !!hook && typeof hook === 'object' && isInstalledCommand((hook as { command?: unknown }).command);
}

/** The settings without Gatehouse's hooks: groups, events and `hooks` it emptied go too; the person's stay as they were. */
function without(settings: Settings): { settings: Settings; removed: number } {
  const hooks = settings.hooks as Record<string, unknown> | undefined;
  if (!hooks) return { settings, removed: 0 };
  let removed = 0;
  const kept: Record<string, unknown> = {};
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) {
      kept[event] = groups;
      continue;
    }
    const left: unknown[] = [];
    for (const group of groups) {
      const list = (group as MatcherGroup | null)?.hooks;
      if (!Array.isArray(list) || !list.some(isOurs)) {
        left.push(group);
        continue;
      }
      const theirs = list.filter((h) => !isOurs(h));
      removed += list.length - theirs.length;
      if (theirs.length > 0) left.push({ ...(group as MatcherGroup), hooks: theirs });
    }
    if (left.length > 0 || groups.length === 0) kept[event] = left;
  }
  const next = { ...settings };
  if (Object.keys(kept).length > 0 || Object.keys(hooks).length === 0) next.hooks = kept;
  else delete next.hooks;
  return { settings: next, removed };
}

export const claudeInstaller: AgentInstaller = {
  file: (env: InstallEnv) => {
    const home = env.HOME || env.USERPROFILE;
    if (!home) throw new InstallError('no HOME in the environment, so the Claude Code settings file cannot be found');
    return path.join(agentConfigDirs(env, home, home).claude, 'settings.json');
  },

  edit(before, hooks): InstallEdit {
    const { settings: clean, removed } = without(parse(before));
    const ours = ourHooks(hooks);
    const existing = (clean.hooks ?? {}) as Record<string, unknown[]>;
    const merged: Record<string, unknown[]> = { ...existing };
    for (const [event, groups] of Object.entries(ours)) merged[event] = [...(existing[event] ?? []), ...groups];
    const after = serialize({ ...clean, hooks: merged }, before);
    if (before !== null && after === before) return { after, changes: [] };
    const changes = [
      before === null ? 'creates the file (there is none yet)' : null,
      removed > 0 ? `replaces the ${removed} Gatehouse hooks already there with the ones below` : null,
      `adds a PreToolUse hook for ${GATED_TOOLS.join(', ')}: Claude Code asks Gatehouse before each such tool call, in every session`,
      'adds Notification and Stop hooks that tell Gatehouse what Claude Code reports (they never block)',
      hooks.whenCoreDown === 'ask'
        ? "when Gatehouse is not running, the hook hands the decision to Claude Code's own permission prompt; in a headless run (`claude -p`) it denies the command and says to start Gatehouse"
        : 'when Gatehouse is not running, the hook denies the command and says to start Gatehouse',
      'keeps every other setting, and any hooks of your own, as they are',
    ];
    return { after, changes: changes.filter((c): c is string => c !== null) };
  },

  remove(text): InstallEdit {
    const { settings, removed } = without(parse(text));
    if (removed === 0) return { after: text, changes: [] };
    return {
      after: serialize(settings, text),
      changes: [`takes out Gatehouse's ${removed} hooks; every other setting and hook stays`],
    };
  },

  isInstalled(text) {
    try {
      return without(parse(text)).removed > 0;
    } catch {
      return false;
    }
  },
};
