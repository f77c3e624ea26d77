// Wiring OpenCode: Gatehouse's plug-in (`plugin-source.ts`) is written into the launch's folder and named in
// `OPENCODE_CONFIG_CONTENT`, the inline config layer OpenCode reads from its environment (merged over the person's
// config files, its `plugin` list added to theirs); no file of the person's is touched. A person's own
// `OPENCODE_CONFIG_CONTENT` is kept, with our plug-in added to its `plugin` list.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { blockingHookCommand, eventHookCommand, hookTimeouts, type HookTransport } from '../hook-command.ts';
import { WiringError, type Launch, type WiredLaunch } from '../plugin.ts';
import { userConfigContent } from './checks.ts';
import { opencodePluginSource } from './plugin-source.ts';
import { OPENCODE_PATHS } from './protocol.ts';

/** The plug-in's file name in the launch's folder (`.js`: OpenCode, on Bun, loads it as an ES module). */
const PLUGIN_FILE = 'gatehouse-opencode.js';

/** The plug-in's text for a session: the hook command waits past the hold timeout, as for every agent. */
export function opencodePlugin(o: { transport: HookTransport; holdTimeoutMs: number }): string {
  const { clientMaxTimeS } = hookTimeouts(o.holdTimeoutMs);
  return opencodePluginSource({
    before: blockingHookCommand(o.transport, OPENCODE_PATHS.toolBefore, clientMaxTimeS),
    after: eventHookCommand(o.transport, OPENCODE_PATHS.toolAfter),
  });
}

/** `OPENCODE_CONFIG_CONTENT` naming the plug-in, the person's own value (if any) kept with ours added to its list. */
export function opencodeConfigContent(pluginFile: string, userContent: string | undefined): string {
  const base = userContent?.trim() ? userConfigContent(userContent) : {};
  if (base === null) throw new WiringError('cannot add Gatehouse to your OPENCODE_CONFIG_CONTENT: not a JSON object');
  const theirs = Array.isArray(base.plugin) ? (base.plugin as unknown[]) : [];
  return JSON.stringify({ ...base, plugin: [...theirs, pathToFileURL(pluginFile).href] });
}

export async function wireOpencode(launch: Launch): Promise<WiredLaunch> {
  const file = path.join(launch.tmpDir, PLUGIN_FILE);
  const content = opencodePlugin({ transport: launch.transport, holdTimeoutMs: launch.started.holdTimeoutMs });
  fs.writeFileSync(file, content, { mode: 0o600 });
  return {
    argv: [...launch.command],
    env: { OPENCODE_CONFIG_CONTENT: opencodeConfigContent(file, launch.env.OPENCODE_CONFIG_CONTENT) },
    hookFiles: [{ path: file, content }],
    // OpenCode skips a plug-in that fails to load, and then runs tools unheld (1.18.33).
    hooksFailClosed: false,
  };
}
