// What `gatehouse install opencode` would change, as pure functions for the install service: OpenCode loads every
// `.js` file in its global plug-in folder at start (`$XDG_CONFIG_HOME/opencode/plugins/`, verified on opencode-ai
// 1.18.33 in test/e2e/opencode-protocol.test.ts), so installing is one file of Gatehouse's own there, and no file of
// the person's is edited. A file of that name that is not Gatehouse's is never replaced.
import path from 'node:path';
import { homeOf } from '../launch-checks.ts';
import { OPENCODE_PLUGIN_MARK, opencodePluginSource } from './plugin-source.ts';

/** The hooks an install wires: the blocking command for each tool call, and the fire-and-forget one for what ran. */
export interface InstallHooks {
  /** Prints the gate's answer, or exits 2 (`blockingHookCommand`, or the installed client's equivalent). */
  preToolCommand: string;
  /** Never blocks (`eventHookCommand`). */
  eventCommand: string;
  /** OpenCode puts no time limit on a plug-in's hook; the command's own `--max-time` bounds the wait. Unused here. */
  timeoutS: number;
}

export interface InstallEdit {
  after: string;
  /** One sentence per change, for the person to read before it is made. */
  changes: string[];
}

/** The file an install writes: Gatehouse's plug-in in OpenCode's global plug-in folder. */
export function opencodeInstallFiles(env: NodeJS.ProcessEnv): string[] {
  const config = env.XDG_CONFIG_HOME || path.join(homeOf(env), '.config');
  return [path.join(config, 'opencode', 'plugins', 'gatehouse.js')];
}

export function isInstalled(text: string | null): boolean {
  return text !== null && text.startsWith(OPENCODE_PLUGIN_MARK);
}

/** The plug-in file's new text; throws when a file of the person's already has its name. */
export function edit(before: string | null, hooks: InstallHooks): InstallEdit {
  if (before !== null && !isInstalled(before))
    throw new Error("a plug-in file named gatehouse.js is already there and is not Gatehouse's: it was left as it is");
  const after = opencodePluginSource({ before: hooks.preToolCommand, after: hooks.eventCommand });
  const changes =
    before === null
      ? [
          "Adds Gatehouse's plug-in (gatehouse.js) to OpenCode's plug-in folder: OpenCode loads it at every start, and it hands each tool call to Gatehouse before it runs.",
        ]
      : before === after
        ? []
        : ["Updates Gatehouse's plug-in (gatehouse.js) in OpenCode's plug-in folder to this version's hook commands."];
  return { after, changes };
}
