// `gatehouse install opencode`: OpenCode loads every `.js` file in its global plug-in folder at start
// (`$XDG_CONFIG_HOME/opencode/plugins/`, verified on opencode-ai 1.18.33 in test/e2e/opencode-protocol.test.ts), so
// installing is one file of Gatehouse's own there (`gatehouse.js`), and no file of the person's is edited. A file of
// that name that is not Gatehouse's is never replaced. Uninstall removes the file (and a folder the install made).
import path from 'node:path';
import { printAnswer } from '../install/hook.ts';
import { homeOf } from '../launch-checks.ts';
import { InstallError, type AgentInstaller, type InstalledHooks, type InstallEnv } from '../plugin.ts';
import { OPENCODE_PLUGIN_MARK, opencodePluginSource } from './plugin-source.ts';
import { OPENCODE_PATHS } from './protocol.ts';

/** What OpenCode is told when Gatehouse is not running: it has no prompt a plug-in can hand a call to, so deny. */
export const OPENCODE_CORE_DOWN =
  'Gatehouse is not running, so this tool call was not run. Start Gatehouse (`npm run daemon` or the app) and try again.';

/** The file an install writes: Gatehouse's plug-in in OpenCode's global plug-in folder. */
export function opencodeInstallFile(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME || path.join(homeOf(env), '.config');
  return path.join(config, 'opencode', 'plugins', 'gatehouse.js');
}

export function isInstalled(text: string | null): boolean {
  return text !== null && text.startsWith(OPENCODE_PLUGIN_MARK);
}

/**
 * The plug-in with the installed hooks: a tool call waits for the gate; with Gatehouse down the plug-in reads a deny
 * (the fallback prints the generic check's answer, which the plug-in reads), whatever `whenCoreDown` says.
 */
function pluginText(hooks: InstalledHooks): string {
  const fallback = printAnswer(JSON.stringify({ decision: 'deny', reason: OPENCODE_CORE_DOWN }));
  return opencodePluginSource({
    before: hooks.command(OPENCODE_PATHS.toolBefore, { blocking: true, fallback }),
    after: hooks.command(OPENCODE_PATHS.toolAfter, { blocking: false }),
  });
}

export const opencodeInstaller: AgentInstaller = {
  file: (env: InstallEnv) => opencodeInstallFile(env as NodeJS.ProcessEnv),

  edit(before, hooks) {
    if (before !== null && before.trim() !== '' && !isInstalled(before))
      throw new InstallError(
        "a plug-in file named gatehouse.js is already there and is not Gatehouse's: it was left as it is; rename it, then install again",
      );
    const after = pluginText(hooks);
    if (before === after) return { after, changes: [] };
    return {
      after,
      changes: [
        before === null || before.trim() === ''
          ? "adds Gatehouse's plug-in (gatehouse.js) to OpenCode's plug-in folder: OpenCode loads it at every start, and it hands each tool call to Gatehouse before it runs"
          : "updates Gatehouse's plug-in (gatehouse.js) in OpenCode's plug-in folder to this version's hook commands",
        hooks.whenCoreDown === 'ask'
          ? 'when Gatehouse is not running, the tool call is refused and OpenCode is told to start Gatehouse (OpenCode has no prompt a plug-in can hand it to)'
          : 'when Gatehouse is not running, the tool call is refused and OpenCode is told to start Gatehouse',
        'edits no file of yours',
      ],
    };
  },

  // The whole file is Gatehouse's: nothing of the person's is left once its entries are out.
  remove: (text) =>
    isInstalled(text) ? { after: '', changes: ["takes out Gatehouse's plug-in file"] } : { after: text, changes: [] },

  isInstalled: (text) => isInstalled(text),

  coreDownSaid: () =>
    'with Gatehouse down its tool calls are denied (OpenCode has no prompt a plug-in can hand them to)',
};
