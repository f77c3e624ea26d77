// The gate's proof at a session's start: before the agent runs anything, the launcher runs the exact hook command
// written into the agent's hook settings, with a canary payload in the agent's own protocol, over the session's
// socket and token. The gate answers it at once, deny-shaped, without a card and without storing a request; the
// launcher records "gate live" (and how long it took) or "gate not live" with why. Why a canary can never be a way to
// an allow: docs/decisions/0047-gate-canary-at-start.md.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { SessionProtection } from '../../../shared/domain.ts';
import type { HookAnswer } from '../gate/protocols.ts';

/** The payload's field that carries the launcher's nonce; the agents' own payloads never have it. */
export const CANARY_FIELD = 'gatehouse_canary';
/** The command a canary payload names: harmless whatever happens to it, were it ever read as a command. */
export const CANARY_COMMAND = 'true';
/** The one form of nonce the gate recognises: 32 lowercase hex digits, fresh for each launch. */
const NONCE = /^[0-9a-f]{32}$/;
/** How long the hook may take to answer the canary: curl takes ~10 ms, the Node client ~130 ms, a loaded machine more. */
export const CANARY_TIMEOUT_MS = 15_000;
/** What the gate says in the canary's answer, so a person reading a captured one knows what it is. */
const CANARY_REASON = 'Gatehouse canary: the gate is live. This is not an answer to any command.';

/** The hook the launcher tries: the command as written into the agent's hook settings, and a payload it would send. */
export interface CanaryHook {
  command: string;
  /** A harmless call in the agent's protocol (its PreToolUse for `true`); the nonce is added to it. */
  payload: Record<string, unknown>;
}

export type CanaryResult = { live: true; ms: number } | { live: false; ms: number; why: string };

function newNonce(): string {
  return randomBytes(16).toString('hex');
}

export function canaryPayload(hook: CanaryHook, nonce: string): Record<string, unknown> {
  return { ...hook.payload, [CANARY_FIELD]: nonce };
}

/** The nonce of a body in the launcher's form, or null: any other body is an ordinary call. */
export function readCanary(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const nonce = (body as Record<string, unknown>)[CANARY_FIELD];
  return typeof nonce === 'string' && NONCE.test(nonce) ? nonce : null;
}

/**
 * The gate's answer to a canary: deny in every shape the agents read (Claude Code's and Codex's PreToolUse, the
 * generic check's `decision`), with the nonce echoed so the launcher knows this gate answered it.
 */
export function canaryAnswer(nonce: string): HookAnswer {
  return {
    status: 200,
    body: JSON.stringify({
      [CANARY_FIELD]: nonce,
      decision: 'deny',
      reason: CANARY_REASON,
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: CANARY_REASON,
      },
    }),
  };
}

/** Whether what the hook printed is the gate's canary answer for `nonce` (and nothing that could read as an allow). */
export function isCanaryAnswer(stdout: string, nonce: string): boolean {
  try {
    const parsed = JSON.parse(stdout.trim()) as Record<string, unknown>;
    return parsed[CANARY_FIELD] === nonce && parsed.decision === 'deny';
  } catch {
    return false;
  }
}

/**
 * Runs the hook command under `/bin/sh -c` (as the agents run their hooks) with the canary payload on stdin and the
 * session's environment, and says whether the gate answered it.
 */
export function runCanary(
  hook: CanaryHook,
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs = CANARY_TIMEOUT_MS,
): Promise<CanaryResult> {
  const nonce = newNonce();
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', hook.command], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const done = (r: CanaryResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const notLive = (why: string) => done({ live: false, ms: ms(), why });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      notLive(`the hook command did not answer within ${timeoutMs / 1000} s`);
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => notLive(`the hook command could not start (${err.message})`));
    child.on('close', (code) => {
      // The hook's own words (curl's or the Node client's "Gatehouse blocked this command: …"), last line, shortened.
      if (code !== 0)
        return notLive(`the hook command failed (exit ${code}): ${lastLine(stderr, 300) || 'it said nothing'}`);
      if (!isCanaryAnswer(stdout, nonce))
        return notLive(`the hook answered, but not as the gate does (${lastLine(stdout, 200) || 'an empty answer'})`);
      done({ live: true, ms: ms() });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(JSON.stringify(canaryPayload(hook, nonce)));
  });
}

function lastLine(text: string, max: number): string {
  return (text.trim().split('\n').at(-1) ?? '').replace(/\.+$/, '').slice(0, max);
}

/**
 * The hook a launcher tries: the one the agent's wiring wrote; for an agent gated by its shells, the shells' own gate
 * command (the generic check is then its real hook path); null when the wiring gave none.
 */
export function launchCanary(
  wired: { canary?: CanaryHook },
  gatedBy: 'hooks' | 'shells',
  shellHook: string,
  cwd: string,
): CanaryHook | null {
  if (wired.canary) return wired.canary;
  if (gatedBy === 'shells') return { command: shellHook, payload: { command: CANARY_COMMAND, cwd } };
  return null;
}

/** The canary's result as the session's `gate` layer: first in `gatehouse run`'s lines, in the UI and in doctor. */
export function gateProtection(r: CanaryResult | null): SessionProtection {
  if (r === null)
    return {
      layer: 'gate',
      state: 'partial',
      detail:
        "not proven at start: this agent's wiring gave no hook command to try; it counts as live once its hooks reach the gate",
    };
  if (r.live)
    return {
      layer: 'gate',
      state: 'on',
      detail: `live: a test request through the agent's own hook command was answered by the gate in ${r.ms} ms`,
    };
  return {
    layer: 'gate',
    state: 'off',
    detail: `NOT LIVE: ${r.why}. The agent's hooks will block every command they cannot send; see the README, "Gate not live"`,
  };
}
