// `gatehouse install copilot`: Gatehouse's hooks in a file of their own in GitHub Copilot CLI's user-level hooks folder
// (`~/.copilot/hooks/gatehouse.json`, or under `$COPILOT_HOME`), which Copilot reads beside every other `*.json` there
// (its hooks reference). No file of the person's is edited: the file is Gatehouse's, and uninstall removes it. A file
// of that name that is not Gatehouse's is never overwritten.
import path from 'node:path';
import { isInstalledCommand, printAnswer } from '../install/hook.ts';
import { homeOf } from '../launch-checks.ts';
import {
  InstallError,
  type AgentInstaller,
  type InstallEdit,
  type InstalledHooks,
  type InstallEnv,
} from '../plugin.ts';
import { COPILOT_PATHS } from './protocol.ts';
import { copilotHooksFile, type CopilotHooksFile } from './wiring.ts';

/** What Copilot CLI is told when Gatehouse is not running. */
export const COPILOT_CORE_DOWN = {
  ask: 'Gatehouse is not running, so it cannot check this command; GitHub Copilot CLI asks you instead. Start Gatehouse (`npm run daemon` or the app) to have it guard commands again.',
  deny: 'Gatehouse is not running, so this command was not run. Start Gatehouse (`npm run daemon` or the app) and try again.',
} as const;

/**
 * With Gatehouse down: `ask` hands the call to Copilot's own prompt; where nobody can answer it (`copilot -p`) Copilot
 * denies it itself ("unable to ask user for confirmation", measured on 1.0.102). `deny` denies with the reason.
 */
export function copilotCoreDownFallback(whenCoreDown: 'ask' | 'deny'): string {
  return printAnswer(
    JSON.stringify({ permissionDecision: whenCoreDown, permissionDecisionReason: COPILOT_CORE_DOWN[whenCoreDown] }),
  );
}

function ourFile(hooks: InstalledHooks): CopilotHooksFile {
  return copilotHooksFile({
    preTool: hooks.command(COPILOT_PATHS.preToolUse, {
      blocking: true,
      fallback: copilotCoreDownFallback(hooks.whenCoreDown),
    }),
    event: (endpoint) => hooks.command(endpoint, { blocking: false }),
    timeoutS: hooks.hookTimeoutS,
  });
}

function parse(text: string): { version?: unknown; hooks?: Record<string, unknown> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InstallError(`it is not valid JSON (${(err as Error).message}); remove it or fix it, then install again`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new InstallError('it does not hold a JSON object; remove it, then install again');
  return parsed as { hooks?: Record<string, unknown> };
}

function isOurs(hook: unknown): boolean {
  return !!hook && typeof hook === 'object' && isInstalledCommand((hook as { bash?: unknown }).bash);
}

/** The file's hooks without Gatehouse's, and how many came out. */
function without(text: string): { file: Record<string, unknown>; removed: number } {
  const parsed = parse(text);
  const hooks = parsed.hooks && typeof parsed.hooks === 'object' ? parsed.hooks : {};
  let removed = 0;
  const kept: Record<string, unknown> = {};
  for (const [event, list] of Object.entries(hooks)) {
    if (!Array.isArray(list)) {
      kept[event] = list;
      continue;
    }
    const theirs = list.filter((h) => !isOurs(h));
    removed += list.length - theirs.length;
    if (theirs.length > 0) kept[event] = theirs;
  }
  return { file: { ...parsed, hooks: kept }, removed };
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export const copilotInstaller: AgentInstaller = {
  file: (env: InstallEnv) => {
    const e = env as NodeJS.ProcessEnv;
    if (!e.COPILOT_HOME && !e.HOME && !e.USERPROFILE)
      throw new InstallError('no HOME in the environment, so the GitHub Copilot CLI hooks folder cannot be found');
    return path.join(e.COPILOT_HOME || path.join(homeOf(e), '.copilot'), 'hooks', 'gatehouse.json');
  },

  edit(before, hooks): InstallEdit {
    if (before !== null && before.trim() !== '' && without(before).removed === 0)
      throw new InstallError(
        "a hooks file of this name is already there and is not Gatehouse's; rename it (Copilot reads every *.json in that folder), then install again",
      );
    const after = json(ourFile(hooks));
    if (after === before) return { after, changes: [] };
    return {
      after,
      changes: [
        before === null ? "creates the file: a hooks file of Gatehouse's own, beside any of yours" : null,
        before !== null ? 'replaces the Gatehouse hooks already there with the ones below' : null,
        'adds a preToolUse hook for bash, powershell, create and edit: GitHub Copilot CLI asks Gatehouse before each such tool call, in every session',
        'adds postToolUse, postToolUseFailure and agentStop hooks that tell Gatehouse what ran (they never block)',
        hooks.whenCoreDown === 'ask'
          ? "when Gatehouse is not running, the hook hands the decision to Copilot's own prompt; where nobody can answer it (`copilot -p`) Copilot denies the command"
          : 'when Gatehouse is not running, the hook denies the command and says to start Gatehouse',
        'edits no file of yours',
      ].filter((c): c is string => c !== null),
    };
  },

  remove(text): InstallEdit {
    const { file, removed } = without(text);
    if (removed === 0) return { after: text, changes: [] };
    return { after: json(file), changes: [`takes out Gatehouse's ${removed} hooks; any hook you added stays`] };
  },

  isInstalled(text) {
    try {
      return without(text).removed > 0;
    } catch {
      return false;
    }
  },
};
