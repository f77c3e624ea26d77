// The command an INSTALLED hook runs (`gatehouse install <agent>`): it lives in the agent's own user-level settings and
// runs with no `gatehouse run` around it, so it has no session token and no GATEHOUSE_SOCKET. It reaches the gate at
// the socket path written into it at install time, says it is an installed hook, and names its agent's process
// (`$PPID`: the shell the agent runs the hook in is the agent's child; measured with Claude Code 2.1.330, whose hook
// shell's `$PPID` equals its `CLAUDE_PID`). The gate checks that process against the connection's peer
// (`sessions/installed-sessions.ts`). When nothing listens at the socket (Gatehouse is not running: curl exits 7, the
// Node client 3, both at once, with no timeout) it prints the agent's safest answer (`fallback`); any other failure
// blocks the command (exit 2), as the per-run hooks do.
import { shellQuote, type GateEndpoint, type HookTransport } from '../hook-command.ts';
import type { InstalledHooks } from '../plugin.ts';

/** The headers that mark a request as an installed hook's, and name the agent's process. */
export const INSTALLED_HEADERS = { hook: 'x-gatehouse-hook', agentPid: 'x-gatehouse-agent-pid' } as const;
export const INSTALLED_HOOK = 'installed';

/** curl's exit status when it could not connect (no socket file, or nothing listening). */
const CURL_COULD_NOT_CONNECT = 7;
/** The Node client's exit status for the same (`hook-client.ts`). */
export const CLIENT_COULD_NOT_CONNECT = 3;
/** Observers are fire-and-forget: a slow gate must not stall the agent. */
const EVENT_MAX_TIME_S = 5;
const URL_BASE = 'http://gatehouse';

function curlCall(curlPath: string, socket: string, endpoint: GateEndpoint, maxTimeS: number): string {
  return (
    `${shellQuote(curlPath)} -q -sS --fail-with-body --max-time ${maxTimeS} --unix-socket ${shellQuote(socket)} ` +
    `-H '${INSTALLED_HEADERS.hook}: ${INSTALLED_HOOK}' -H "${INSTALLED_HEADERS.agentPid}: $PPID" ` +
    `-H 'Content-Type: application/json' -H 'Expect:' --data-binary @- ${URL_BASE}${endpoint}`
  );
}

function nodeCall(
  t: Extract<HookTransport, { kind: 'node' }>,
  socket: string,
  endpoint: GateEndpoint,
  maxTimeS: number,
) {
  return (
    `${shellQuote(t.nodePath)} ${shellQuote(t.clientPath)} --installed --socket ${shellQuote(socket)} ` +
    `--agent-pid "$PPID" --max-time ${maxTimeS} ${endpoint}`
  );
}

/**
 * A blocking installed hook: the gate's answer, or `fallback` when Gatehouse is not running, or a block. Besides the
 * client (by absolute path) it uses only the shell: `printf`, `exit` and `[` are builtins of every sh.
 */
export function installedBlockingCommand(
  t: HookTransport,
  socket: string,
  endpoint: GateEndpoint,
  maxTimeS: number,
  fallback: string,
): string {
  if (t.kind === 'node') {
    return (
      `${nodeCall(t, socket, endpoint, maxTimeS)} --blocking; s=$?; ` +
      `[ $s -eq ${CLIENT_COULD_NOT_CONNECT} ] && { ${fallback}; }; exit $s`
    );
  }
  return (
    `r=$(${curlCall(t.curlPath, socket, endpoint, maxTimeS)} 2>&1); s=$?; ` +
    `[ $s -eq 0 ] && printf '%s' "$r" && exit 0; ` +
    `[ $s -eq ${CURL_COULD_NOT_CONNECT} ] && { ${fallback}; }; ` +
    `printf 'Gatehouse blocked this command: %s\\n' "\${r:-the Gatehouse gate did not answer}" >&2; exit 2`
  );
}

/** An installed observer (what ran, the turn's end): forwards the payload, never blocks or fails the agent. */
export function installedEventCommand(t: HookTransport, socket: string, endpoint: GateEndpoint): string {
  if (t.kind === 'node') return `${nodeCall(t, socket, endpoint, EVENT_MAX_TIME_S)} >/dev/null 2>&1; exit 0`;
  return `${curlCall(t.curlPath, socket, endpoint, EVENT_MAX_TIME_S)} >/dev/null 2>&1; exit 0`;
}

/** Whether a hook command in an agent's settings is one Gatehouse installed (what uninstall takes out again). */
export function isInstalledCommand(command: unknown): boolean {
  return (
    typeof command === 'string' &&
    (command.includes(`'${INSTALLED_HEADERS.hook}: ${INSTALLED_HOOK}'`) || command.includes(' --installed --socket '))
  );
}

/** A fallback that prints `text` as the hook's answer and exits 0. */
export function printAnswer(text: string): string {
  return `printf '%s' ${shellQuote(text)}; exit 0`;
}

/** The hooks an installer writes, for a core whose gate listens at `socket`. */
export function installedHooks(o: {
  transport: HookTransport;
  socket: string;
  clientMaxTimeS: number;
  hookTimeoutS: number;
  whenCoreDown: 'ask' | 'deny';
}): InstalledHooks {
  return {
    hookTimeoutS: o.hookTimeoutS,
    whenCoreDown: o.whenCoreDown,
    command: (endpoint, c) =>
      c.blocking
        ? installedBlockingCommand(o.transport, o.socket, endpoint, o.clientMaxTimeS, c.fallback)
        : installedEventCommand(o.transport, o.socket, endpoint),
  };
}
