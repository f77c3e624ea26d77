// Wiring Gemini CLI. It has no per-run settings flag, and its system settings file (the one layer above the person's)
// is read only when root owns it and every folder above it, so a temporary one is skipped. What it does read per run is
// `GEMINI_CLI_HOME`, the folder it takes for the home folder: the launch points it at a folder of its own whose
// `.gemini` links every entry of the person's `.gemini` back to where it is (settings, logins, history, extensions:
// read and written in place), plus one extension of Gatehouse's, whose `hooks/hooks.json` holds the hooks. No file of
// the person's is touched.
// An extension, not a settings file, because Gemini CLI drops every settings hook in a folder it does not trust, and
// runs extensions' hooks there too (0.61.0's hook registry; measured: an extension's BeforeTool hook runs in `-p`).
import fs from 'node:fs';
import path from 'node:path';
import { blockingHookCommand, eventHookCommand, hookTimeouts, type HookTransport } from '../hook-command.ts';
import { homeOf } from '../launch-checks.ts';
import type { Launch, WiredLaunch } from '../plugin.ts';
import { geminiUserDir } from './checks.ts';
import { GEMINI_FILE_TOOLS } from './file-tools.ts';
import { GEMINI_PATHS, GEMINI_SHELL_TOOL } from './protocol.ts';

/** The extension Gatehouse's hooks come in (the launch checks look for it in the person's enablement file). */
export const GEMINI_EXTENSION_NAME = 'gatehouse-session';
/** The name Gatehouse's BeforeTool hook goes by in Gemini's `/hooks` panel (and in `hooksConfig.disabled`). */
export const GEMINI_HOOK_NAME = 'gatehouse';

interface GeminiHook {
  name: string;
  type: 'command';
  command: string;
  /** Milliseconds (Gemini's unit; default 60000). */
  timeout: number;
  description: string;
}

interface GeminiHooks {
  hooks: Record<string, Array<{ matcher?: string; hooks: GeminiHook[] }>>;
}

/** Tool matchers are regular expressions: anchored, so `replace` does not also match `replace_all_things`. */
export const GEMINI_GATED_MATCHER = `^(${[GEMINI_SHELL_TOOL, ...GEMINI_FILE_TOOLS].join('|')})$`;

/** What ran and the turn's end are observations: they never block or fail the agent, and 10 s is ample. */
const OBSERVER_TIMEOUT_MS = 10_000;

/**
 * The hooks, as `hooks/hooks.json` of the extension (the same shape as the `hooks` key of a settings file). The
 * BeforeTool hook's timeout outlasts the hold timeout: Gemini runs the command when a hook times out.
 */
export function geminiHooks(o: { transport: HookTransport; holdTimeoutMs: number }): GeminiHooks {
  const { clientMaxTimeS, hookTimeoutS } = hookTimeouts(o.holdTimeoutMs);
  const observer = (name: string, endpoint: (typeof GEMINI_PATHS)[keyof typeof GEMINI_PATHS]): GeminiHook => ({
    name,
    type: 'command',
    command: eventHookCommand(o.transport, endpoint),
    timeout: OBSERVER_TIMEOUT_MS,
    description: 'Tells Gatehouse what happened',
  });
  return {
    hooks: {
      BeforeTool: [
        {
          matcher: GEMINI_GATED_MATCHER,
          hooks: [
            {
              name: GEMINI_HOOK_NAME,
              type: 'command',
              command: blockingHookCommand(o.transport, GEMINI_PATHS.beforeTool, clientMaxTimeS),
              timeout: hookTimeoutS * 1000,
              description: 'Holds shell commands and protected file changes for a decision in Gatehouse',
            },
          ],
        },
      ],
      AfterTool: [{ matcher: GEMINI_GATED_MATCHER, hooks: [observer('gatehouse-after-tool', GEMINI_PATHS.afterTool)] }],
      AfterAgent: [{ hooks: [observer('gatehouse-after-agent', GEMINI_PATHS.afterAgent)] }],
    },
  };
}

/** Links `dir`'s entries (all but `except`) into `into`; nothing when `dir` is not there. */
function linkEntries(dir: string, into: string, except: readonly string[]): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (!except.includes(name)) fs.symlinkSync(path.join(dir, name), path.join(into, name));
}

/**
 * Builds the folder Gemini CLI takes for home (`shadow`): `.gemini` with the person's entries linked in, and the
 * person's `~/.env` (Gemini's last place for one). `.gemini` must be writable (Gemini saves its project registry with a
 * temporary file beside it, and stops when it cannot), so it is not in the launch's folder, which the sandbox makes
 * read-only; its `extensions` is a link into that folder (`extensionsDir`): the person's extensions linked in beside
 * Gatehouse's. Returns the extension's files as written, by their path through the link, so the tamper watch also
 * notices the link replaced.
 */
export function buildGeminiHome(o: {
  shadow: string;
  extensionsDir: string;
  realGeminiDir: string;
  realHome: string;
  hooks: GeminiHooks;
}): Array<{ path: string; content: string }> {
  const dotGemini = path.join(o.shadow, '.gemini');
  const ours = path.join(o.extensionsDir, GEMINI_EXTENSION_NAME);
  fs.mkdirSync(dotGemini, { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.join(ours, 'hooks'), { recursive: true, mode: 0o700 });
  linkEntries(o.realGeminiDir, dotGemini, ['extensions']);
  linkEntries(path.join(o.realGeminiDir, 'extensions'), o.extensionsDir, [GEMINI_EXTENSION_NAME]);
  fs.symlinkSync(o.extensionsDir, path.join(dotGemini, 'extensions'));
  const env = path.join(o.realHome, '.env');
  if (fs.existsSync(env)) fs.symlinkSync(env, path.join(o.shadow, '.env'));
  const manifest = { name: GEMINI_EXTENSION_NAME, version: '1.0.0', description: "Gatehouse: this session's hooks" };
  const files = [
    { name: 'gemini-extension.json', content: `${JSON.stringify(manifest, null, 2)}\n` },
    { name: path.join('hooks', 'hooks.json'), content: `${JSON.stringify(o.hooks, null, 2)}\n` },
  ];
  for (const f of files) fs.writeFileSync(path.join(ours, f.name), f.content, { mode: 0o600 });
  const seen = path.join(dotGemini, 'extensions', GEMINI_EXTENSION_NAME);
  return files.map((f) => ({ path: path.join(seen, f.name), content: f.content }));
}

/** The environment variable Gemini CLI reads the home folder from. */
export const GEMINI_HOME_VAR = 'GEMINI_CLI_HOME';

/** The writable home folder beside a launch's folder: `<tmpDir>-gemini-home`. */
const SHADOW_SUFFIX = '-gemini-home';

/**
 * The home folders of launches whose own folder is gone (their session ended): removed. Nothing else removes them,
 * since the launcher removes only its own folder; links are removed, never followed.
 */
export function pruneGeminiHomes(parent: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!/^gatehouse-(?:run|pty)-[\w-]+-gemini-home$/.test(name)) continue;
    if (fs.existsSync(path.join(parent, name.slice(0, -SHADOW_SUFFIX.length)))) continue;
    fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

export async function wireGemini(launch: Launch): Promise<WiredLaunch> {
  const realHome = launch.env[GEMINI_HOME_VAR] || homeOf(launch.env);
  pruneGeminiHomes(path.dirname(launch.tmpDir));
  const shadow = `${launch.tmpDir}${SHADOW_SUFFIX}`;
  const hookFiles = buildGeminiHome({
    shadow,
    extensionsDir: path.join(launch.tmpDir, 'gemini-extensions'),
    realGeminiDir: geminiUserDir(launch.env, homeOf(launch.env)),
    realHome,
    hooks: geminiHooks({ transport: launch.transport, holdTimeoutMs: launch.started.holdTimeoutMs }),
  });
  return {
    argv: [...launch.command],
    env: { [GEMINI_HOME_VAR]: shadow },
    hookFiles,
    // Gemini runs the command when a hook crashes without a word, exits 1, times out or prints what is not JSON.
    hooksFailClosed: false,
  };
}
