// Starting and ending agent sessions, for `gatehouse run` (through the control API) and for the pty host alike,
// and the live recording of each session's terminal: one recorder per session, fed by whoever produces the
// stream. (Interception markers are put in by the recording service itself: `Recordings.attach`.)
import type { StartedSession, StartSessionInput, TerminalSize } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/api.ts';
import type { Session, SessionProtection } from '../../../shared/domain.ts';
import type { Broker } from '../broker/broker.ts';
import { hashToken } from '../gate/server.ts';
import { newId, newToken } from '../ids.ts';
import type { RecordEvent, RecordingService, SessionRecorder } from '../recording/types.ts';
import type { SessionRepository } from '../store/sessions.ts';
import type { SessionRoots } from './session-roots.ts';

export interface SessionServiceDeps {
  sessions: SessionRepository;
  broker: Broker;
  gateSocket: () => string;
  /** Where terminal streams are stored; none until the recording service is built in (then streams are dropped). */
  recordings?: RecordingService | null;
  log: (message: string) => void;
  onError: (err: unknown) => void;
  /** The processes running sessions live under (none kept without one). */
  roots?: SessionRoots;
}

export type NewSessionInput = Omit<StartSessionInput, 'size'> & { pid: number | null };

export class SessionService {
  private readonly deps: SessionServiceDeps;
  private readonly recorders = new Map<string, SessionRecorder>();
  private saidNoRecorder = false;

  constructor(deps: SessionServiceDeps) {
    this.deps = deps;
  }

  /** Creates the session and its token; starts its recording when the caller will stream its terminal (`size`). */
  start(input: NewSessionInput, size?: TerminalSize): StartedSession {
    const { sessions, broker } = this.deps;
    const token = newToken();
    const session = sessions.insert({ id: newId(), agent: input.agent, argv: input.argv, cwd: input.cwd, pid: input.pid, tokenHash: hashToken(token), startedAt: Date.now() });
    if (size) this.startRecording(session, size);
    // The pid `gatehouse run` says is its own; the control socket replaces it with the one it sees (control/agent-guard.ts).
    if (input.pid !== null) this.setRootProcesses(session.id, [input.pid]);
    broker.emit({ type: 'session.started', session });
    return { session, token, gateSocket: this.deps.gateSocket(), holdTimeoutMs: broker.timeoutMs };
  }

  /** Ends the session; resolves once its recording is on disk, so whoever ended it can rely on the recording. */
  async end(sessionId: string, exitCode: number | null): Promise<Session> {
    const session = this.deps.sessions.end(sessionId, exitCode, Date.now());
    if (!session) throw new ApiError('not_found', `no session with id ${sessionId}`);
    this.deps.roots?.delete(sessionId);
    await this.closeRecording(sessionId);
    this.deps.broker.emit({ type: 'session.ended', session });
    return session;
  }

  /** The processes the session's agent runs under (`gatehouse run`, a hosted terminal's program): decisions from below them are refused. */
  setRootProcesses(sessionId: string, pids: readonly number[]): void {
    if (this.deps.sessions.get(sessionId)?.endedAt) return;
    this.deps.roots?.set(sessionId, pids);
  }

  /** Stores what guards a running session, as its launcher found it, and tells the control clients. */
  reportProtections(sessionId: string, protections: readonly SessionProtection[]): Session {
    const { sessions, broker } = this.deps;
    if (!sessions.get(sessionId)) throw new ApiError('not_found', `no session with id ${sessionId}`);
    if (!sessions.setProtections(sessionId, protections)) throw new ApiError('invalid_input', `session ${sessionId} has ended`);
    const session = sessions.get(sessionId) as Session;
    broker.emit({ type: 'session.protections', session });
    return session;
  }

  /** The live recorder of a session, or null when it is not recorded. */
  recorder(sessionId: string): SessionRecorder | null {
    return this.recorders.get(sessionId) ?? null;
  }

  /** Events streamed by a client (`gatehouse run`); `atMs` counts from the session's start. */
  record(sessionId: string, events: ReadonlyArray<{ atMs: number; event: RecordEvent }>): void {
    const recorder = this.recorders.get(sessionId);
    if (!recorder) {
      if (!this.deps.sessions.get(sessionId)) throw new ApiError('not_found', `no session with id ${sessionId}`);
      if (!this.deps.recordings) this.sayNoRecorderOnce();
      return;
    }
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
