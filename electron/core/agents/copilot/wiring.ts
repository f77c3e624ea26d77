// Wiring GitHub Copilot CLI. Its `--plugin-dir <folder>` loads a plugin for one run, and a plugin's `hooks.json` runs
// beside the person's own hooks (user, repository and installed plugins' alike), in trusted and untrusted folders and in
// `-p` (measured on 1.0.102). So each launch gets a plugin of its own in the launch's folder, holding Gatehouse's hooks,
// and no file of the person's is touched. The flag goes right after the program, before the person's arguments.
import fs from 'node:fs';
import path from 'node:path';
import {
  blockingHookCommand,
  eventHookCommand,
  hookTimeouts,
  type GateEndpoint,
  type HookTransport,
} from '../hook-command.ts';
import type { Launch, WiredLaunch } from '../plugin.ts';
import { COPILOT_FILE_TOOLS } from './file-tools.ts';
import { COPILOT_PATHS, COPILOT_SHELL_TOOLS } from './protocol.ts';

/** The plugin Gatehouse's per-run hooks come in. */
export const COPILOT_PLUGIN_NAME = 'gatehouse-session';

/** The tools preToolUse is called for: a regular expression Copilot anchors itself (`^(?:…)$`). */
export const COPILOT_GATED_MATCHER = [...COPILOT_SHELL_TOOLS, ...COPILOT_FILE_TOOLS].join('|');

/** What ran and the turn's end are observations: they never block, and 10 s is ample. */
const OBSERVER_TIMEOUT_S = 10;

interface CopilotCommandHook {
  type: 'command';
  matcher?: string;
  bash: string;
  timeoutSec: number;
}

/** A hooks file as Copilot CLI reads it (`version: 1`, events by their camelCase names). */
export interface CopilotHooksFile {
  version: 1;
  hooks: Record<string, CopilotCommandHook[]>;
}

/** The hooks, from the commands they run: the same for a launch's plugin and for `gatehouse install copilot`. */
export function copilotHooksFile(o: {
  preTool: string;
  /** The observer command for one endpoint (it never blocks). */
  event: (endpoint: GateEndpoint) => string;
  timeoutS: number;
}): CopilotHooksFile {
  const observer = (endpoint: GateEndpoint, matcher?: string): CopilotCommandHook => ({
    type: 'command',
    ...(matcher ? { matcher } : {}),
    bash: o.event(endpoint),
    timeoutSec: OBSERVER_TIMEOUT_S,
  });
  return {
    version: 1,
    hooks: {
      // The timeout outlasts the hold timeout: Copilot runs the call when a preToolUse hook times out.
      preToolUse: [{ type: 'command', matcher: COPILOT_GATED_MATCHER, bash: o.preTool, timeoutSec: o.timeoutS }],
      postToolUse: [observer(COPILOT_PATHS.postToolUse, COPILOT_GATED_MATCHER)],
      postToolUseFailure: [observer(COPILOT_PATHS.postToolUseFailure, COPILOT_GATED_MATCHER)],
      agentStop: [observer(COPILOT_PATHS.agentStop)],
    },
  };
}

/** The per-run hooks, reaching the gate with the session's token. */
export function copilotHooks(o: { transport: HookTransport; holdTimeoutMs: number }): CopilotHooksFile {
  const { clientMaxTimeS, hookTimeoutS } = hookTimeouts(o.holdTimeoutMs);
  return copilotHooksFile({
    preTool: blockingHookCommand(o.transport, COPILOT_PATHS.preToolUse, clientMaxTimeS),
    event: (endpoint) => eventHookCommand(o.transport, endpoint),
    timeoutS: hookTimeoutS,
  });
}

/** Writes the launch's plugin into `dir`: its manifest and its hooks. Returns the files as written. */
export function writeCopilotPlugin(dir: string, hooks: CopilotHooksFile): Array<{ path: string; content: string }> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const manifest = {
    name: COPILOT_PLUGIN_NAME,
    version: '1.0.0',
    description: "Gatehouse: this session's hooks",
    hooks: 'hooks.json',
  };
  const files = [
    { path: path.join(dir, 'plugin.json'), content: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: path.join(dir, 'hooks.json'), content: `${JSON.stringify(hooks, null, 2)}\n` },
  ];
  for (const f of files) fs.writeFileSync(f.path, f.content, { mode: 0o600 });
  return files;
}

export async function wireCopilot(launch: Launch): Promise<WiredLaunch> {
  const dir = path.join(launch.tmpDir, 'copilot-plugin');
  const hooks = copilotHooks({ transport: launch.transport, holdTimeoutMs: launch.started.holdTimeoutMs });
  const hookFiles = writeCopilotPlugin(dir, hooks);
  const [program, ...rest] = launch.command;
  return {
    argv: [program, '--plugin-dir', dir, ...rest],
    env: {},
    hookFiles,
    // A crash or any non-zero exit denies the call, but Copilot runs it when the hook times out or prints what is
    // not JSON (measured on 1.0.102), so the hooks are not fail-closed as a whole.
    hooksFailClosed: false,
  };
}
