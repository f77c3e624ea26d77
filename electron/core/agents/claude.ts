// Claude Code: hooks arrive through `--settings <file>`, a layer on top of the user's own settings,
// which stay untouched. PreToolUse for shell tools is held at the gate; Notification and Stop are forwarded.
import { GATE_PATHS } from '../gate/server.ts';
import { blockingHookCommand, eventHookCommand, hookTimeouts, type HookTransport } from './hook-command.ts';

export interface ClaudeHookOptions {
  transport: HookTransport;
  holdTimeoutMs: number;
  platform: NodeJS.Platform;
  /** Whether the installed Claude Code honours `onFailure: "block"` on a hook (see `claudeSupportsOnFailure`). */
  onFailureBlock: boolean;
}

interface CommandHook {
  type: 'command';
  command: string;
  timeout: number;
  onFailure?: 'block';
}

/** The settings object written to the temporary `--settings` file. */
export function claudeSettings(o: ClaudeHookOptions): { hooks: Record<string, Array<{ matcher?: string; hooks: CommandHook[] }>> } {
  const { clientMaxTimeS, hookTimeoutS } = hookTimeouts(o.holdTimeoutMs);
  const gateHook: CommandHook = {
    type: 'command',
    command: blockingHookCommand(o.transport, GATE_PATHS.claudePreToolUse, clientMaxTimeS),
    timeout: hookTimeoutS,
    ...(o.onFailureBlock ? { onFailure: 'block' as const } : {}),
  };
  const eventHook: CommandHook = { type: 'command', command: eventHookCommand(o.transport, GATE_PATHS.claudeEvent), timeout: 10 };
  const shellTools = o.platform === 'win32' ? ['Bash', 'PowerShell'] : ['Bash'];
  return {
    hooks: {
      PreToolUse: shellTools.map((matcher) => ({ matcher, hooks: [gateHook] })),
      Notification: [{ hooks: [eventHook] }],
      Stop: [{ hooks: [eventHook] }],
    },
  };
}

/** Arguments to put before the user's own: Claude Code takes `--settings` anywhere on its command line. */
export function claudeArgs(settingsFile: string): string[] {
  return ['--settings', settingsFile];
}
