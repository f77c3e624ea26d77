// Wiring Codex: hooks arrive as `-c` config overrides, a layer Gatehouse controls for this run only; no file of the
// user's is touched. `--dangerously-bypass-hook-trust` trusts exactly these hooks for the runs Gatehouse launches.
import { CANARY_COMMAND } from '../canary.ts';
import { blockingHookCommand, eventHookCommand, hookTimeouts, type HookTransport } from '../hook-command.ts';
import type { Launch, WiredLaunch } from '../plugin.ts';
import { CODEX_FILE_TOOLS } from './file-tools.ts';
import { CODEX_PATHS } from './protocol.ts';

interface CodexHookOptions {
  transport: HookTransport;
  holdTimeoutMs: number;
}

/** TOML basic strings accept JSON's escapes, so a JSON string literal is a valid TOML one. */
const toml = (s: string): string => JSON.stringify(s);

function hookTable(matchers: readonly string[], command: string, timeoutS: number): string {
  const entries = matchers.map(
    (m) => `{matcher=${toml(m)}, hooks=[{type="command", command=${toml(command)}, timeout=${timeoutS}}]}`,
  );
  return `[${entries.join(', ')}]`;
}

/** What ran and the turn's end are observations: they never block or fail the agent, and 10 s is ample. */
const OBSERVER_TIMEOUT_S = 10;

/** The PreToolUse hook's command, as `codexArgs` writes it (and the launcher's canary runs it). */
function preToolUseCommand(o: CodexHookOptions): string {
  return blockingHookCommand(o.transport, CODEX_PATHS.preToolUse, hookTimeouts(o.holdTimeoutMs).clientMaxTimeS);
}

export function codexArgs(o: CodexHookOptions): string[] {
  const { clientMaxTimeS, hookTimeoutS } = hookTimeouts(o.holdTimeoutMs);
  const pre = preToolUseCommand(o);
  const permission = blockingHookCommand(o.transport, CODEX_PATHS.permissionRequest, clientMaxTimeS);
  const post = eventHookCommand(o.transport, CODEX_PATHS.postToolUse);
  const stop = eventHookCommand(o.transport, CODEX_PATHS.stop);
  const gated = ['Bash', ...CODEX_FILE_TOOLS];
  return [
    '--dangerously-bypass-hook-trust',
    '-c',
    // `apply_patch` reaches PreToolUse under its own name (0.169; its patch in tool_input.command). `write_stdin`
    // reaches no hook at all, so the risk engine rates starting an interactive shell or REPL high instead.
    `hooks.PreToolUse=${hookTable(gated, pre, hookTimeoutS)}`,
    '-c',
    `hooks.PermissionRequest=${hookTable(['Bash'], permission, hookTimeoutS)}`,
    '-c',
    // Fires in `codex exec` too (0.169), for a command that ran whatever its exit; a call Codex refused gets none.
    `hooks.PostToolUse=${hookTable(gated, post, OBSERVER_TIMEOUT_S)}`,
    '-c',
    // Stop has no matcher: the turn ended, so what was allowed and not reported never ran.
    `hooks.Stop=[{hooks=[{type="command", command=${toml(stop)}, timeout=${OBSERVER_TIMEOUT_S}}]}]`,
  ];
}

/** Gatehouse's overrides go before the user's arguments; nothing is written, so there is no file to watch. */
export async function wireCodex(launch: Launch): Promise<WiredLaunch> {
  const [exe, ...args] = launch.command;
  const o = { transport: launch.transport, holdTimeoutMs: launch.started.holdTimeoutMs };
  return {
    argv: [exe, ...codexArgs(o), ...args],
    env: {},
    hookFiles: [],
    hooksFailClosed: false,
    // A PreToolUse call as Codex 0.169 sends one for a shell command.
    canary: {
      command: preToolUseCommand(o),
      payload: {
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command: CANARY_COMMAND },
        cwd: launch.cwd,
        session_id: 'gatehouse-canary',
        tool_use_id: 'gatehouse-canary',
      },
    },
  };
}
