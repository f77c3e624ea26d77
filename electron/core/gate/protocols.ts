// What every hook protocol shares: the request the gate needs from any payload, the answer a hook prints, a payload
// the gate cannot read, and the generic `{command, cwd}` check. Each agent's own protocol (what its hooks send, how a
// verdict is said in its words) lives with its plug-in (`agents/<agent>/protocol.ts`).
import { z } from 'zod';
import type { RequestKind } from '../../../shared/domain.ts';
import { REASONS, type Verdict } from '../broker/broker.ts';

/** What the gate needs from any payload; the agent is the session's. */
export interface Interception extends Partial<OutcomeLink> {
  kind: RequestKind;
  tool: string | null;
  command: string;
  cwd: string;
}

/** How what happens after an allow will be told (see broker/outcomes.ts). */
export interface OutcomeLink {
  /** The agent's id for the tool call, which its post-tool hook names again; null when it gave none. */
  callId: string | null;
  /** Whether the session reports what ran (its post-tool hooks are wired), so an unreported command can be called not run. */
  expectsOutcome: boolean;
}

/** An HTTP answer the hook command prints as is (an empty body means "no output": go on). */
export interface HookAnswer {
  status: number;
  body: string;
}

/** A payload the gate cannot read: answered with a 422, which the hook command turns into a block. */
export class HookPayloadError extends Error {
  override readonly name = 'HookPayloadError';
}

/** The payload as `schema` reads it; a `HookPayloadError` naming the first few problems otherwise. */
export function parseHookPayload<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new HookPayloadError(`invalid hook payload: ${issues.join('; ')}`);
}

/**
 * `typed` and `progress` come only from a hosted shell's line gate: its typed-line key, and a request to be told in
 * `say:` lines that the line waits and how it was decided (gate/server.ts, `GateServer.check`).
 */
export const GenericCheckSchema = z.object({
  command: z.string().min(1),
  cwd: z.string().min(1),
  typed: z.string().max(200).optional(),
  progress: z.boolean().optional(),
});

/** `["bash", "-lc", "npm test"]` is `npm test`; any other argv is shown shell-quoted. */
export function commandText(command: string | string[]): string {
  if (typeof command === 'string') return command;
  const [exe, flag, script, ...rest] = command;
  if (
    exe &&
    /(^|\/)(ba|z|da)?sh$/.test(exe) &&
    (flag === '-c' || flag === '-lc') &&
    script !== undefined &&
    rest.length === 0
  ) {
    return script;
  }
  return command.map(shellQuote).join(' ');
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The sentence the agent reads when it is denied. */
export function agentReason(v: Verdict): string {
  if (v.decidedBy.startsWith('human:') && v.decision === 'deny' && v.reason !== REASONS.humanDeny) {
    return `The user denied this command in Gatehouse: ${v.reason}`;
  }
  return v.reason;
}

export const jsonAnswer = (value: unknown): HookAnswer => ({ status: 200, body: JSON.stringify(value) });
/** No output: the agent goes on as if no hook had run (its own permissions apply). */
export const SILENT: HookAnswer = { status: 200, body: '' };

export function genericAnswer(v: Verdict): HookAnswer {
  return jsonAnswer({
    requestId: v.requestId,
    decision: v.decision,
    reason: v.decision === 'allow' ? v.reason : agentReason(v),
    decidedBy: v.decidedBy,
  });
}
