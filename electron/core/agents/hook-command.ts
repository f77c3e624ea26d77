// The command an agent's hook runs to reach the gate. It reads the hook payload on stdin, posts it to the
// gate socket with the session token, and prints the answer. If the gate cannot be reached or refuses,
// it blocks: exit 2 with the reason on stderr, which both Claude Code and Codex treat as "do not run".

/** An endpoint a hook posts to: the generic check, or one of an agent's (`/v1/gate/<agent id>/…`). */
export type GateEndpoint = `/v1/gate/${string}`;

/**
 * curl over the Unix socket (≈10 ms), or the bundled Node client where no trusted curl is found (≈130 ms) and on
 * Windows. Every program is named by its absolute path: the hook never looks anything up on PATH, where the agent
 * could have put its own `curl` first (`agents/trusted-path.ts` says which curl is trusted).
 */
export type HookTransport = { kind: 'curl'; curlPath: string } | { kind: 'node'; nodePath: string; clientPath: string };

/** Environment variables `gatehouse run` gives the agent; the hook command reads them. */
export const ENV = { socket: 'GATEHOUSE_SOCKET', token: 'GATEHOUSE_TOKEN', session: 'GATEHOUSE_SESSION_ID' } as const;

/** The host part of the URL is ignored over a Unix socket; it only has to be a valid name. */
const URL_BASE = 'http://gatehouse';
/** Notifications are fire-and-forget: a slow gate must not stall the agent's UI. */
const EVENT_MAX_TIME_S = 5;

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * curl by its absolute path. `-q` skips ~/.curlrc (a user's config must not change where the hook goes); an empty
 * `Expect:` stops curl from waiting up to a second for `100 Continue` before sending a payload over 1 KiB.
 */
function curl(curlPath: string, endpoint: GateEndpoint, maxTimeS: number, stream = false): string {
  // `-N`: each piece of the answer is written as it arrives, not when curl's buffer fills or it exits.
  return (
    `${shellQuote(curlPath)} -q -sS${stream ? ' -N' : ''} --fail-with-body --max-time ${maxTimeS} --unix-socket "$${ENV.socket}" ` +
    `-H "Authorization: Bearer $${ENV.token}" -H 'Content-Type: application/json' -H 'Expect:' --data-binary @- ${URL_BASE}${endpoint}`
  );
}

/**
 * For PreToolUse and PermissionRequest: prints the gate's answer, or blocks (exit 2) with a reason. Besides the
 * client (by absolute path) it uses only the shell itself: `printf` and `exit` are builtins of every sh, and `$(…)`,
 * `&&` and `>&2` are syntax, so nothing else is looked up on PATH.
 */
export function blockingHookCommand(t: HookTransport, endpoint: GateEndpoint, maxTimeS: number): string {
  if (t.kind === 'node')
    return `${shellQuote(t.nodePath)} ${shellQuote(t.clientPath)} --blocking --max-time ${maxTimeS} ${endpoint}`;
  return (
    `r=$(${curl(t.curlPath, endpoint, maxTimeS)} 2>&1) && printf '%s' "$r" && exit 0; ` +
    `printf 'Gatehouse blocked this command: %s\\n' "\${r:-the Gatehouse gate did not answer (is Gatehouse running?)}" >&2; exit 2`
  );
}

/**
 * For a hosted shell's line gate: as `blockingHookCommand`, but the answer is printed as it arrives, so the `say:`
 * lines the gate sends while a line waits for a person reach the terminal at once. A failure is said last, on stderr,
 * with exit 2. Its errors are kept apart from the answer with a third descriptor: `{ e=$(… 2>&1 >&3); } 3>&1`.
 */
export function streamingHookCommand(t: HookTransport, endpoint: GateEndpoint, maxTimeS: number): string {
  if (t.kind === 'node')
    return `${shellQuote(t.nodePath)} ${shellQuote(t.clientPath)} --blocking --stream --max-time ${maxTimeS} ${endpoint}`;
  return (
    `{ e=$(${curl(t.curlPath, endpoint, maxTimeS, true)} 2>&1 >&3); } 3>&1 && exit 0; ` +
    `printf 'Gatehouse blocked this command: %s\\n' "\${e:-the Gatehouse gate did not answer (is Gatehouse running?)}" >&2; exit 2`
  );
}

/** For notifications: forwards the payload and never blocks or fails the agent. */
export function eventHookCommand(t: HookTransport, endpoint: GateEndpoint): string {
  if (t.kind === 'node')
    return `${shellQuote(t.nodePath)} ${shellQuote(t.clientPath)} --max-time ${EVENT_MAX_TIME_S} ${endpoint}`;
  return `${curl(t.curlPath, endpoint, EVENT_MAX_TIME_S)} >/dev/null 2>&1; exit 0`;
}

/** The hook's own timeout must outlast the gate's answer, which comes at the hold timeout at the latest. */
export function hookTimeouts(holdTimeoutMs: number): { clientMaxTimeS: number; hookTimeoutS: number } {
  const holdS = Math.ceil(holdTimeoutMs / 1000);
  // 30 s for the gate to answer after its own timeout fires; 30 s more for the hook to print and exit.
  return { clientMaxTimeS: holdS + 30, hookTimeoutS: holdS + 60 };
}
