// Starting and ending agent sessions, for `gatehouse run` (through the control API) and for the pty host alike,
// and the live recording of each session's terminal: one recorder per session, fed by whoever produces the
// stream. (Interception markers are put in by the recording service itself: `Recordings.attach`.)
import type {
  ResumedSession,
  ResumeSessionInput,
  StartedSession,
  StartSessionInput,
  TerminalSize,
} from '../../../shared/api.ts';
import { ApiError } from '../../../shared/api.ts';
import type { Session, SessionProtection } from '../../../shared/domain.ts';
import type { Publisher } from '../events/bus.ts';
import { hashToken } from '../gate/server.ts';
import { newId, newToken } from '../ids.ts';
import { isAlive } from '../lock.ts';
import type { RecordEvent, RecordingService, SessionRecorder } from '../recording/common/types.ts';
import type { SessionRepository } from '../store/sessions.ts';
import type { SessionRoots } from './session-roots.ts';

export interface SessionServiceDeps {
  sessions: SessionRepository;
  /** Where sessions starting, ending and saying what guards them are announced. */
  events: Publisher;
  /** The hold timeout in force, told to a session's launcher (its hooks wait a little longer than the gate holds). */
  holdTimeoutMs: () => number;
  gateSocket: () => string;
  /** Where terminal streams are stored; none until the recording service is built in (then streams are dropped). */
  recordings?: RecordingService | null;
  log: (message: string) => void;
  onError: (err: unknown) => void;
  /** The processes running sessions live under (none kept without one). */
  roots?: SessionRoots;
}

export type NewSessionInput = Omit<StartSessionInput, 'size'> & { pid: number | null };

/** `session_events` kinds: the core ended a session whose client was gone at its start; its client came back. */
const ENDED_WHILE_DOWN = 'gatehouse.ended-while-down';
const RESUMED = 'gatehouse.resumed';
export const ENDED_WHILE_DOWN_LABEL = 'ended while Gatehouse was down (exit code unknown)';

export class SessionService {
  private readonly deps: SessionServiceDeps;
  private readonly recorders = new Map<string, SessionRecorder>();
  /** The last batch taken per streamed session (`recordEvents` seq), so a resent batch is not recorded twice. */
  private readonly lastSeq = new Map<string, number>();
  /** Sessions this core started or resumed: a client reconnecting to one of them finds its state here. */
  private readonly seen = new Set<string>();
  private saidNoRecorder = false;

  constructor(deps: SessionServiceDeps) {
    this.deps = deps;
  }

  /** Creates the session and its token; starts its recording when the caller will stream its terminal (`size`). */
  start(input: NewSessionInput, size?: TerminalSize): StartedSession {
    const { sessions, events } = this.deps;
    const token = newToken();
    const session = sessions.insert({
      id: newId(),
      agent: input.agent,
      argv: input.argv,
      cwd: input.cwd,
      pid: input.pid,
      tokenHash: hashToken(token),
      startedAt: Date.now(),
    });
    if (size) this.startRecording(session, size);
    // The pid `gatehouse run` says is its own; the control socket replaces it with the one it sees (control/agent-guard.ts).
    if (input.pid !== null) this.setRootProcesses(session.id, [input.pid]);
    this.seen.add(session.id);
    events.publish({ type: 'session.started', session });
    return { session, token, gateSocket: this.deps.gateSocket(), holdTimeoutMs: this.deps.holdTimeoutMs() };
  }

  /** Ends the session; resolves once its recording is on disk, so whoever ended it can rely on the recording. */
  async end(sessionId: string, exitCode: number | null): Promise<Session> {
    const session = this.deps.sessions.end(sessionId, exitCode, Date.now());
    if (!session) throw new ApiError('not_found', `no session with id ${sessionId}`);
    this.deps.roots?.delete(sessionId);
    this.seen.delete(sessionId);
    this.lastSeq.delete(sessionId);
    await this.closeRecording(sessionId);
    this.deps.events.publish({ type: 'session.ended', session });
    return session;
  }

  /** The processes the session's agent runs under (`gatehouse run`, a hosted terminal's program): decisions from below them are refused. */
  setRootProcesses(sessionId: string, pids: readonly number[]): void {
    if (this.deps.sessions.get(sessionId)?.endedAt) return;
    this.deps.roots?.set(sessionId, pids);
  }

  /** Stores what guards a running session, as its launcher found it, and tells the control clients. */
  reportProtections(sessionId: string, protections: readonly SessionProtection[]): Session {
    const { sessions, events } = this.deps;
    if (!sessions.get(sessionId)) throw new ApiError('not_found', `no session with id ${sessionId}`);
    // Said once, by the launcher, before the agent starts: nothing the agent runs later can rewrite it.
    if (!sessions.setProtections(sessionId, protections))
      throw new ApiError('conflict', `session ${sessionId} has ended or has already said what guards it`);
    const session = sessions.get(sessionId) as Session;
    events.publish({ type: 'session.protections', session });
    return session;
  }

  /** The live recorder of a session, or null when it is not recorded. */
  recorder(sessionId: string): SessionRecorder | null {
    return this.recorders.get(sessionId) ?? null;
  }

  /**
   * Picks up a session whose client lost this core, or an earlier one: authenticated by the session's own token. A
   * session ended by a restart (its client looked gone) runs again; its recording continues where the disk has it.
   */
  resume(input: ResumeSessionInput): ResumedSession {
    const { sessions, events } = this.deps;
    const found = sessions.findByTokenHash(hashToken(input.token));
    if (!found || found.id !== input.sessionId)
      throw new ApiError('unauthorized', `the token is not session ${input.sessionId}'s`);
    let session = found;
    if (session.endedAt !== null) {
      if (sessions.lastOf(session.id, ENDED_WHILE_DOWN, RESUMED) !== ENDED_WHILE_DOWN)
        throw new ApiError('conflict', `session ${session.id} has ended`);
      session = sessions.reopen(session.id) ?? session;
      events.publish({ type: 'session.started', session });
    }
    const live = this.seen.has(session.id);
    this.seen.add(session.id);
    if (!live) sessions.recordEvent(session.id, RESUMED, {}, Date.now());
    // What the disk has, read before the recording goes on.
    const end = live ? null : (this.deps.recordings?.recordedEnd?.(session.id) ?? null);
    if (input.size && !this.recorders.has(session.id)) this.startRecording(session, input.size);
    return {
      session,
      resumed: live ? 'live' : 'restarted',
      lastSeq: live ? (this.lastSeq.get(session.id) ?? null) : null,
      recordedThroughMs: end?.atMs ?? null,
      recordedTail: end ? { output: end.output, input: end.input } : null,
    };
  }

  /**
   * At start: sessions an earlier core left running whose `gatehouse run` (or hosting core) is gone ended while
   * Gatehouse was down, with no exit code known. Those whose process lives are left for their client to resume.
   */
  endOrphans(): Session[] {
    const { sessions, events } = this.deps;
    const ended: Session[] = [];
    for (const s of sessions.running()) {
      if (s.pid === null || isAlive(s.pid)) continue;
      const now = Date.now();
      const session = sessions.end(s.id, null, now);
      if (!session) continue;
      sessions.recordEvent(s.id, ENDED_WHILE_DOWN, { pid: s.pid }, now);
      this.deps.recordings?.mark(s.id, ENDED_WHILE_DOWN_LABEL, null, null);
      events.publish({ type: 'session.ended', session });
      ended.push(session);
    }
    if (ended.length > 0)
      this.deps.log(
        `gatehouse: ${ended.length} session(s) ${ENDED_WHILE_DOWN_LABEL}: ${ended.map((s) => s.id).join(', ')}`,
      );
    return ended;
  }

  /**
   * Events streamed by a client (`gatehouse run`); `atMs` counts from the session's start. A batch whose `seq` this
   * core has taken already (resent after a reconnect) is ignored; `gap` marks output lost while a core was down.
   */
  record(
    sessionId: string,
    events: ReadonlyArray<{ atMs: number; event: RecordEvent }>,
    batch: { seq?: number; gap?: { fromMs: number; bytes: number } } = {},
  ): void {
    if (batch.seq !== undefined) {
      if (batch.seq <= (this.lastSeq.get(sessionId) ?? 0)) return;
      if (!this.deps.sessions.get(sessionId)) throw new ApiError('not_found', `no session with id ${sessionId}`);
      this.lastSeq.set(sessionId, batch.seq);
    }
    const recorder = this.recorders.get(sessionId);
    if (!recorder) {
      if (!this.deps.sessions.get(sessionId)) throw new ApiError('not_found', `no session with id ${sessionId}`);
      if (!this.deps.recordings) this.sayNoRecorderOnce();
      return;
    }
    if (batch.gap) recorder.restarted?.(batch.gap.fromMs, events[0]?.atMs ?? batch.gap.fromMs, batch.gap.bytes);
    for (const { atMs, event } of events) recorder.record(event, atMs);
  }

  /** Flushes and closes every recording (the core is stopping). */
  async close(): Promise<void> {
    const closing = [...this.recorders.keys()].map((id) => this.closeRecording(id));
    await Promise.all(closing);
  }

  private startRecording(session: Session, size: TerminalSize): void {
    if (!this.deps.recordings) {
      this.sayNoRecorderOnce();
      return;
    }
    try {
      this.recorders.set(session.id, this.deps.recordings.start(session.id, size, Date.parse(session.startedAt)));
    } catch (err) {
      // A recording that cannot start must not stop the session: the gate still guards it.
      this.deps.onError(err);
    }
  }

  private closeRecording(sessionId: string): Promise<void> {
    const recorder = this.recorders.get(sessionId);
    if (!recorder) return Promise.resolve();
    this.recorders.delete(sessionId);
    return recorder.close().catch((err: unknown) => this.deps.onError(err));
  }

  private sayNoRecorderOnce(): void {
    if (this.saidNoRecorder) return;
    this.saidNoRecorder = true;
    this.deps.log('gatehouse: this core has no recording service; terminal streams are accepted and not stored.');
  }
}
