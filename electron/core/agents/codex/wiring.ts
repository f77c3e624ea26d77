// Codex: hooks arrive as `-c` config overrides, a layer Gatehouse controls for this run only; no file of the
// user's is touched. `--dangerously-bypass-hook-trust` trusts exactly these hooks for the runs Gatehouse launches.
import { FILE_TOOLS } from '../gate/file-tools.ts';
import { GATE_PATHS } from '../gate/server.ts';
import { blockingHookCommand, hookTimeouts, type HookTransport } from './hook-command.ts';

export interface CodexHookOptions {
  transport: HookTransport;
  holdTimeoutMs: number;
}

/** TOML basic strings accept JSON's escapes, so a JSON string literal is a valid TOML one. */
const toml = (s: string): string => JSON.stringify(s);

function hookTable(matchers: readonly string[], command: string, timeoutS: number): string {
  const entries = matchers.map((m) => `{matcher=${toml(m)}, hooks=[{type="command", command=${toml(command)}, timeout=${timeoutS}}]}`);
  return `[${entries.join(', ')}]`;
}

export function codexArgs(o: CodexHookOptions): string[] {
  const { clientMaxTimeS, hookTimeoutS } = hookTimeouts(o.holdTimeoutMs);
  const pre = blockingHookCommand(o.transport, GATE_PATHS.codexPreToolUse, clientMaxTimeS);
  const permission = blockingHookCommand(o.transport, GATE_PATHS.codexPermissionRequest, clientMaxTimeS);
  return [
    '--dangerously-bypass-hook-trust',
    '-c',
    // `apply_patch` reaches PreToolUse under its own name (0.169; its patch in tool_input.command). `write_stdin`
    // reaches no hook at all, so the risk engine rates starting an interactive shell or REPL high instead.
    `hooks.PreToolUse=${hookTable(['Bash', ...FILE_TOOLS.codex], pre, hookTimeoutS)}`,
    '-c',
    `hooks.PermissionRequest=${hookTable(['Bash'], permission, hookTimeoutS)}`,
  ];
}
