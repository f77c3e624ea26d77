// Codex: hooks arrive as `-c` config overrides, a layer Gatehouse controls for this run only; no file of the
// user's is touched. `--dangerously-bypass-hook-trust` trusts exactly these hooks for the runs Gatehouse launches.
import { GATE_PATHS } from '../gate/server.ts';
import { blockingHookCommand, hookTimeouts, type HookTransport } from './hook-command.ts';

export interface CodexHookOptions {
  transport: HookTransport;
  holdTimeoutMs: number;
}

/** TOML basic strings accept JSON's escapes, so a JSON string literal is a valid TOML one. */
const toml = (s: string): string => JSON.stringify(s);

function hookTable(matcher: string, command: string, timeoutS: number): string {
  return `[{matcher=${toml(matcher)}, hooks=[{type="command", command=${toml(command)}, timeout=${timeoutS}}]}]`;
}

export function codexArgs(o: CodexHookOptions): string[] {
  const { clientMaxTimeS, hookTimeoutS } = hookTimeouts(o.holdTimeoutMs);
  const pre = blockingHookCommand(o.transport, GATE_PATHS.codexPreToolUse, clientMaxTimeS);
  const permission = blockingHookCommand(o.transport, GATE_PATHS.codexPermissionRequest, clientMaxTimeS);
  return [
    '--dangerously-bypass-hook-trust',
    '-c',
    `hooks.PreToolUse=${hookTable('Bash', pre, hookTimeoutS)}`,
    '-c',
    `hooks.PermissionRequest=${hookTable('Bash', permission, hookTimeoutS)}`,
  ];
}
