// Wiring Claude Code: hooks arrive through `--settings <file>`, a layer on top of the user's own settings, which stay
// untouched. PreToolUse for shell and file tools is held at the gate; PostToolUse and PostToolUseFailure say what
// then ran; Notification and Stop are forwarded; PermissionRequest writes Claude's own rules where the person asked.
import fs from 'node:fs';
import path from 'node:path';
import { CANARY_COMMAND, type CanaryHook } from '../canary.ts';
import { blockingHookCommand, eventHookCommand, hookTimeouts, type HookTransport } from '../hook-command.ts';
import { WiringError, type Launch, type WiredLaunch } from '../plugin.ts';
import { CLAUDE_FILE_TOOLS } from './file-tools.ts';
import { CLAUDE_PATHS } from './protocol.ts';
import { resumeHintEnv } from './resume-hint.ts';

export interface ClaudeHookOptions {
  transport: HookTransport;
  holdTimeoutMs: number;
  platform: NodeJS.Platform;
  /** Whether the installed Claude Code honours `onFailure: "block"` on a hook (see `claudeSupportsOnFailure`). */
  onFailureBlock: boolean;
  /**
   * Whether to wire PostToolUse and PostToolUseFailure, so what ran after an allow is recorded (see
   * `claudeReportsOutcomes`); the same versions as `onFailureBlock` unless a test says otherwise.
   */
  reportsOutcomes?: boolean;
}

interface CommandHook {
  type: 'command';
  command: string;
  timeout: number;
  onFailure?: 'block';
}

/** The settings object written to the temporary `--settings` file. */
export function claudeSettings(o: ClaudeHookOptions): {
  hooks: Record<string, Array<{ matcher?: string; hooks: CommandHook[] }>>;
} {
  const { clientMaxTimeS, hookTimeoutS } = hookTimeouts(o.holdTimeoutMs);
  const reports = o.reportsOutcomes ?? o.onFailureBlock;
  const gateHook: CommandHook = {
    type: 'command',
    command: blockingHookCommand(
      o.transport,
      reports ? CLAUDE_PATHS.preToolUse : CLAUDE_PATHS.preToolUseUnreported,
      clientMaxTimeS,
    ),
    timeout: hookTimeoutS,
    ...(o.onFailureBlock ? { onFailure: 'block' as const } : {}),
  };
  const eventHook: CommandHook = {
    type: 'command',
    command: eventHookCommand(o.transport, CLAUDE_PATHS.event),
    timeout: 10,
  };
  // What ran: observation only, like a notification; it never blocks or fails the agent.
  const postHook: CommandHook = {
    type: 'command',
    command: eventHookCommand(o.transport, CLAUDE_PATHS.postToolUse),
    timeout: 10,
  };
  const shellTools = o.platform === 'win32' ? ['Bash', 'PowerShell'] : ['Bash'];
  // Claude's own prompt for a shell command: answered only for a command approved with "also add to Claude Code's own
  // rules" (native-rules.ts), else left to Claude. Same versions as the post-tool hooks (the route says so).
  const permissionHook: CommandHook = {
    type: 'command',
    command: blockingHookCommand(o.transport, CLAUDE_PATHS.permissionRequest, CONFIG_CHANGE_MAX_TIME_S),
    timeout: CONFIG_CHANGE_HOOK_TIMEOUT_S,
    ...(o.onFailureBlock ? { onFailure: 'block' as const } : {}),
  };
  const permissionRequest = shellTools.map((matcher) => ({ matcher, hooks: [permissionHook] }));
  // The file tools go through the same hook: held only when they change a protected place (file-tools.ts).
  const gated = [...shellTools, ...CLAUDE_FILE_TOOLS];
  const post = gated.map((matcher) => ({ matcher, hooks: [postHook] }));
  return {
    hooks: {
      PreToolUse: gated.map((matcher) => ({ matcher, hooks: [gateHook] })),
      ...(reports ? { PostToolUse: post, PostToolUseFailure: post, PermissionRequest: permissionRequest } : {}),
      Notification: [{ hooks: [eventHook] }],
      Stop: [{ hooks: [eventHook] }],
      ConfigChange: claudeConfigChangeHooks(o),
    },
  };
}

/** The ConfigChange check is a file read at the gate: 30 s is ample, and a gate that does not answer blocks. */
const CONFIG_CHANGE_MAX_TIME_S = 30;
const CONFIG_CHANGE_HOOK_TIMEOUT_S = 60;

/**
 * ConfigChange: Claude Code asks before it applies a settings file that changed during the session (user, project,
 * local; managed changes cannot be blocked). The gate re-reads the file and refuses a change that would switch
 * Gatehouse off; an unreachable gate blocks the change too (exit 2).
 */
export function claudeConfigChangeHooks(o: ClaudeHookOptions): Array<{ hooks: CommandHook[] }> {
  const hook: CommandHook = {
    type: 'command',
    command: blockingHookCommand(o.transport, CLAUDE_PATHS.configChange, CONFIG_CHANGE_MAX_TIME_S),
    timeout: CONFIG_CHANGE_HOOK_TIMEOUT_S,
    ...(o.onFailureBlock ? { onFailure: 'block' as const } : {}),
  };
  return [{ hooks: [hook] }];
}

/** Arguments to put before the user's own: Claude Code takes `--settings` anywhere on its command line. */
export function claudeArgs(settingsFile: string): string[] {
  return ['--settings', settingsFile];
}

/**
 * The first Claude Code version verified to honour `onFailure: "block"` (2.1.330: a hook that crashes or
 * times out then blocks instead of letting the command run). Never guess for older ones: Claude Code drops a
 * whole settings layer with a value it does not know, and that would drop our hooks with it.
 */
export const CLAUDE_ON_FAILURE_SINCE: readonly [number, number, number] = [2, 1, 330];

/**
 * The first Claude Code version verified to send PostToolUseFailure, and `tool_use_id` in PreToolUse, PostToolUse and
 * PostToolUseFailure alike (2.1.330, test/e2e/agent-protocols.test.ts). Older ones get no post-tool hooks: a hook
 * event a version does not know could make it drop the whole settings layer, PreToolUse with it.
 */
export const CLAUDE_OUTCOMES_SINCE: readonly [number, number, number] = [2, 1, 330];

/** Reads `claude --version` output ("2.1.330 (Claude Code)"). */
export function claudeSupportsOnFailure(versionOutput: string | null): boolean {
  return atLeast(versionOutput, CLAUDE_ON_FAILURE_SINCE);
}

/** Whether the installed Claude Code can report what ran after an allow (`CLAUDE_OUTCOMES_SINCE`). */
export function claudeReportsOutcomes(versionOutput: string | null): boolean {
  return atLeast(versionOutput, CLAUDE_OUTCOMES_SINCE);
}

function atLeast(versionOutput: string | null, since: readonly [number, number, number]): boolean {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(versionOutput ?? '');
  if (!m) return false;
  const v = [Number(m[1]), Number(m[2]), Number(m[3])];
  for (let i = 0; i < 3; i++) {
    const [a, b] = [v[i] as number, since[i] as number];
    if (a !== b) return a > b;
  }
  return true;
}

type Settings = Record<string, unknown> & { hooks?: Record<string, unknown[]> };

/**
 * Claude Code honours only the last `--settings`, so a user's own `--settings` (a file or inline JSON) is
 * taken out of their arguments and merged with ours: their hooks run, and ours run beside them.
 */
export function splitUserSettings(args: readonly string[]): { settings: string[]; rest: string[] } {
  const settings: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--settings' && i + 1 < args.length) settings.push(args[++i] as string);
    else if (a.startsWith('--settings=')) settings.push(a.slice('--settings='.length));
    else rest.push(a);
  }
  return { settings, rest };
}

/** Layers `next` over `base` as Claude Code would, except that hooks add up instead of replacing each other. */
export function mergeClaudeSettings(base: Settings, next: Settings): Settings {
  const { hooks: nextHooks, ...nextRest } = next;
  const hooks: Record<string, unknown[]> = { ...(base.hooks ?? {}) };
  for (const [event, matchers] of Object.entries(nextHooks ?? {}))
    hooks[event] = [...(hooks[event] ?? []), ...matchers];
  return { ...base, ...nextRest, hooks };
}

/** The name of Claude's settings layer in the launch's folder. */
const CLAUDE_SETTINGS_FILE = 'settings.json';

/**
 * Writes Claude's settings layer (the user's own `--settings` merged in, in order: Claude Code would honour only the
 * last) into the launch's folder, and passes it with `--settings`.
 */
export async function wireClaude(launch: Launch): Promise<WiredLaunch> {
  const [exe, ...args] = launch.command;
  const { settings: userSettings, rest } = splitUserSettings(args);
  const version = await launch.version();
  const ours = claudeSettings({
    transport: launch.transport,
    holdTimeoutMs: launch.started.holdTimeoutMs,
    platform: launch.platform,
    onFailureBlock: claudeSupportsOnFailure(version),
    reportsOutcomes: claudeReportsOutcomes(version),
  });
  const merged = [...userSettings.map((s) => readUserSettings(s, launch.cwd)), ours].reduce<Settings>(
    (acc, next) => mergeClaudeSettings(acc, next),
    {},
  );
  const file = path.join(launch.tmpDir, CLAUDE_SETTINGS_FILE);
  fs.writeFileSync(file, JSON.stringify(merged, null, 2), { mode: 0o600 });
  return {
    argv: [exe, ...claudeArgs(file), ...rest],
    // Its resume hint names the person's flags, not the settings file above, which is gone once the session ends.
    env: resumeHintEnv(rest),
    hookFiles: claudeHookFiles(launch.tmpDir),
    hooksFailClosed: claudeLayerFailsClosed(launch.tmpDir),
    canary: claudeCanary(ours, launch.cwd),
  };
}

/** The Bash PreToolUse hook exactly as written into the layer, and a PreToolUse call as Claude Code 2.1.330 sends one. */
function claudeCanary(ours: ReturnType<typeof claudeSettings>, cwd: string): CanaryHook | undefined {
  const command = ours.hooks.PreToolUse?.find((m) => m.matcher === 'Bash')?.hooks[0]?.command;
  if (!command) return undefined;
  return {
    command,
    payload: {
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: CANARY_COMMAND },
      cwd,
      session_id: 'gatehouse-canary',
      tool_use_id: 'gatehouse-canary',
    },
  };
}

/** The settings layer `wireClaude` wrote into `tmpDir`, as written (none when nothing was written). */
function claudeHookFiles(tmpDir: string): Array<{ path: string; content: string }> {
  const file = path.join(tmpDir, CLAUDE_SETTINGS_FILE);
  return fs.existsSync(file) ? [{ path: file, content: fs.readFileSync(file, 'utf8') }] : [];
}

/** Whether the settings layer written into `tmpDir` makes Gatehouse's PreToolUse hook block when it crashes or times out (the user's own hooks merged in are theirs). */
export function claudeLayerFailsClosed(tmpDir: string): boolean {
  const [file] = claudeHookFiles(tmpDir);
  if (!file) return false;
  try {
    const settings = JSON.parse(file.content) as {
      hooks?: { PreToolUse?: Array<{ hooks?: Array<{ onFailure?: unknown }> }> };
    };
    const hooks = (settings.hooks?.PreToolUse ?? []).flatMap((m) => m.hooks ?? []);
    return hooks.some((h) => h.onFailure === 'block');
  } catch {
    return false;
  }
}

function readUserSettings(value: string, cwd: string): Settings {
  try {
    const text = value.trim().startsWith('{') ? value : fs.readFileSync(path.resolve(cwd, value), 'utf8');
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Settings;
    throw new Error('not a JSON object');
  } catch (err) {
    throw new WiringError(`cannot use your --settings ${value}: ${(err as Error).message}`);
  }
}
