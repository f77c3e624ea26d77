// What happened after an allow. An allow says the command may run, not that it did: the agent may refuse it itself
// (Codex's own approval policy, Claude Code's own deny rules), fail, or never get to it. The agents' post-tool hooks
// and a hosted shell's OSC 133 marks report each run; this service finds the request a report belongs to, records the
// outcome (ran or failed, exit status, duration, the end of the output, redacted by the store) and announces it as
// `request.outcome`. A command the agent never reported running is recorded as not run once that is known: its turn
// ended, its session ended, or OUTCOME_WAIT_MS passed.
import type { GateRequest, OutcomeSource, ShellCommandRecord } from '../../../shared/domain.ts';
import { OUTCOME_SUMMARY_CHARS, OUTCOME_WAIT_MS } from '../../../shared/outcome.ts';
import type { Publisher } from '../events/bus.ts';
import type { OutcomeInput, RequestRepository } from '../store/requests.ts';

/** A run as an agent's post-tool hook reported it, in the words every plug-in reads its payload into. */
export interface AgentReport {
  /**
   * The agent's id for the tool call (`tool_use_id` in Claude Code 2.1 and Codex 0.169, the same in its PreToolUse):
   * how the report finds its request. Null when the agent gave none; then the command's text is used.
   */
  callId: string | null;
  /** The command (or the file tool's summary) as the hook names it, for an agent that gives no call id. */
  command: string | null;
  state: 'ran' | 'failed';
  exitCode: number | null;
  /** As the agent measured it; null when it gave none (then from the allow to the report). */
  durationMs: number | null;
  /** What it printed, or the agent's error; shortened and redacted before it is stored. */
  output: string | null;
}

export interface OutcomeServiceOptions {
  requests: Pick<
    RequestRepository,
    'recordOutcome' | 'awaitingOutcome' | 'allowedForCall' | 'awaitingForCommand' | 'get'
  >;
  events: Publisher;
  /** Whether a session is still running: at start, and in each sweep, the awaited commands of ended ones never ran. */
  sessionRunning: (sessionId: string) => boolean;
  now?: () => number;
  /** OUTCOME_WAIT_MS unless a test says otherwise. */
  waitMs?: number;
  /** How often awaited commands are looked at; a minute unless a test says otherwise. */
  sweepEveryMs?: number;
  onError?: (err: unknown) => void;
}

/** The slowest a command waits past OUTCOME_WAIT_MS to be called not run: a sweep a minute is plenty for 15. */
const SWEEP_EVERY_MS = 60_000;

export class OutcomeService {
  private readonly o: OutcomeServiceOptions;
  private readonly now: () => number;
  private readonly waitMs: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(o: OutcomeServiceOptions) {
    this.o = o;
    this.now = o.now ?? Date.now;
    this.waitMs = o.waitMs ?? OUTCOME_WAIT_MS;
  }

  /** Sweeps now (what an earlier core left awaiting) and then every minute, until `stop`. */
  start(): void {
    this.sweep();
    this.timer ??= setInterval(() => this.sweep(), this.o.sweepEveryMs ?? SWEEP_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * A post-tool hook's report. It belongs to every allowed request of the session with its call id (a PreToolUse and
   * a PermissionRequest of Codex may both be held for one call), and to the earliest awaited one of the same command
   * that has no call id (an agent or a hook that gave none). Returns the requests it was recorded for.
   */
  report(sessionId: string, r: AgentReport): GateRequest[] {
    const matches = new Map<string, GateRequest>();
    if (r.callId !== null) for (const q of this.o.requests.allowedForCall(sessionId, r.callId)) matches.set(q.id, q);
    if (r.command !== null) {
      const [byText] = this.o.requests.awaitingForCommand(sessionId, r.command).filter((q) => !matches.has(q.id));
      if (byText) matches.set(byText.id, byText);
    }
    const at = this.now();
    return [...matches.values()].flatMap((q) =>
      this.record(q.id, {
        state: r.state,
        exitCode: r.exitCode,
        durationMs: r.durationMs ?? sinceAllowed(q, at),
        summary: r.output === null ? null : plainText(r.output),
        source: 'agent',
        at,
      }),
    );
  }

  /** A hosted shell's command ended (its OSC 133 D mark): recorded for the gated line that started it, if any. */
  shellCommand(c: ShellCommandRecord, output: string | null): GateRequest[] {
    if (c.requestId === null) return [];
    const failed = c.exitCode !== null && c.exitCode !== 0;
    return this.record(c.requestId, {
      state: failed ? 'failed' : 'ran',
      exitCode: c.exitCode,
      durationMs: Math.max(0, c.endedAtMs - c.startedAtMs),
      summary: output === null ? null : plainText(output),
      source: 'shell',
      at: this.now(),
    });
  }

  /**
   * The agent's turn ended (its Stop hook, sent once every tool call of the turn is done and reported): what was
   * allowed in the session and not reported by now was never run.
   */
  turnEnded(sessionId: string): GateRequest[] {
    return this.notRun(this.o.requests.awaitingOutcome(sessionId), 'turn-ended');
  }

  /** The session ended: nothing it was allowed and did not report will run now. */
  sessionEnded(sessionId: string): GateRequest[] {
    return this.notRun(this.o.requests.awaitingOutcome(sessionId), 'session-ended');
  }

  /** Awaited commands of sessions that ended (under an earlier core, say), and those past the wait. */
  sweep(): GateRequest[] {
    const at = this.now();
    const awaited = this.safely(() => this.o.requests.awaitingOutcome(), []);
    const ended = awaited.filter((q) => !this.o.sessionRunning(q.sessionId));
    const late = awaited.filter((q) => this.o.sessionRunning(q.sessionId) && sinceAllowed(q, at) >= this.waitMs);
    return [...this.notRun(ended, 'session-ended'), ...this.notRun(late, 'no-report')];
  }

  private notRun(requests: GateRequest[], source: Exclude<OutcomeSource, 'agent' | 'shell'>): GateRequest[] {
    const at = this.now();
    return requests.flatMap((q) =>
      this.record(q.id, { state: 'not-run', exitCode: null, durationMs: null, summary: null, source, at }),
    );
  }

  /** Records and announces; a store that cannot write loses this outcome, said once to onError, never to the agent. */
  private record(id: string, outcome: OutcomeInput): GateRequest[] {
    const recorded = this.safely(() => this.o.requests.recordOutcome(id, outcome), null);
    if (!recorded) return [];
    this.o.events.publish({ type: 'request.outcome', request: recorded });
    return [recorded];
  }

  private safely<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (err) {
      this.o.onError?.(err);
      return fallback;
    }
  }
}

/** Milliseconds from the allow to `at`: the duration of a run whose agent does not measure it (Codex). */
function sinceAllowed(q: GateRequest, at: number): number {
  const allowedAt = q.decision ? Date.parse(q.decision.decidedAt) : Date.parse(q.createdAt);
  return Math.max(0, at - allowedAt);
}

// Escape sequences (CSI with its parameters, OSC up to BEL or ST, two-character ESC sequences), then any other
// control character but the newline and the tab.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/**
 * Output as a person reads it in a summary: escape sequences and control characters out, and of a line redrawn with
 * carriage returns (a progress bar) only what it last showed.
 */
export function plainText(output: string): string {
  // Only the end is kept (OUTCOME_SUMMARY_CHARS): a megabyte of output is not cleaned for it.
  return output
    .slice(-OUTCOME_SUMMARY_CHARS * 16)
    .replace(ESCAPES, '')
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n')
    .replace(CONTROLS, '');
}
