// Wiring Amp: a copy of the person's user settings with Gatehouse's `delegate` rules put in `amp.permissions` right
// after their own `reject` rules (which only ever make it stricter) and before everything else, passed with
// `--settings-file` for this run; their file is not touched. The rules name Gatehouse's delegate script
// (`delegate-source.ts`), written beside it. Amp reads rules in order and the first match decides, so every shell and
// file tool call reaches Gatehouse, and a person's own allow and ask rules come after (Amp's manual, "Permissions").
import fs from 'node:fs';
import path from 'node:path';
import { blockingHookCommand, hookTimeouts, type HookTransport } from '../hook-command.ts';
import { homeOf } from '../launch-checks.ts';
import { WiringError, type Launch, type WiredLaunch } from '../plugin.ts';
import { ampUserSettingsFile, withoutSettingsFile } from './checks.ts';
import { ampDelegateSource } from './delegate-source.ts';
import { AMP_FILE_TOOLS } from './file-tools.ts';
import { AMP_PATHS, AMP_SHELL_TOOLS } from './protocol.ts';

/** The tools Gatehouse's rules delegate: the shell tools and the file tools. */
export const AMP_GATED_TOOLS: readonly string[] = [...Object.keys(AMP_SHELL_TOOLS), ...AMP_FILE_TOOLS];

const DELEGATE_FILE = 'gatehouse-amp-delegate';
const SETTINGS_FILE = 'amp-settings.json';

type Rule = Record<string, unknown>;

/** Gatehouse's rules: one `delegate` per gated tool, to the script at `delegatePath`. */
export function ampRules(delegatePath: string): Rule[] {
  return AMP_GATED_TOOLS.map((tool) => ({ tool, action: 'delegate', to: delegatePath }));
}

/** The person's settings with Gatehouse's rules after their `reject` rules and before the rest. */
export function ampSettingsWithRules(settings: Record<string, unknown>, delegatePath: string): Record<string, unknown> {
  const theirs = Array.isArray(settings['amp.permissions']) ? (settings['amp.permissions'] as unknown[]) : [];
  const isReject = (r: unknown) => !!r && typeof r === 'object' && (r as Rule).action === 'reject';
  return {
    ...settings,
    'amp.permissions': [...theirs.filter(isReject), ...ampRules(delegatePath), ...theirs.filter((r) => !isReject(r))],
  };
}

/** The delegate script for a session: its hook command waits past the hold timeout, as for every agent. */
export function ampDelegate(o: { transport: HookTransport; holdTimeoutMs: number }): string {
  const { clientMaxTimeS } = hookTimeouts(o.holdTimeoutMs);
  return ampDelegateSource(blockingHookCommand(o.transport, AMP_PATHS.delegate, clientMaxTimeS));
}

function readSettings(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new WiringError(`cannot read your Amp settings ${file}: ${(err as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Said below.
  }
  throw new WiringError(`cannot add Gatehouse to your Amp settings ${file}: not a JSON object`);
}

export async function wireAmp(launch: Launch): Promise<WiredLaunch> {
  const [exe, ...args] = launch.command;
  const theirs = path.resolve(launch.cwd, ampUserSettingsFile(args, launch.env, homeOf(launch.env)));
  const delegatePath = path.join(launch.tmpDir, DELEGATE_FILE);
  const delegate = ampDelegate({ transport: launch.transport, holdTimeoutMs: launch.started.holdTimeoutMs });
  fs.writeFileSync(delegatePath, delegate, { mode: 0o700 });
  const settingsPath = path.join(launch.tmpDir, SETTINGS_FILE);
  const settings = JSON.stringify(ampSettingsWithRules(readSettings(theirs), delegatePath), null, 2);
  fs.writeFileSync(settingsPath, settings, { mode: 0o600 });
  return {
    argv: [exe, '--settings-file', settingsPath, ...withoutSettingsFile(args)],
    env: { AMP_SETTINGS_FILE: settingsPath },
    hookFiles: [
      { path: settingsPath, content: settings },
      { path: delegatePath, content: delegate },
    ],
    // A delegate that cannot be started, crashes or exits 2 rejects the call (measured with `amp permissions test`).
    hooksFailClosed: true,
  };
}
