// An in-memory RecordingService: keeps every event each session's recorder was given, for assertions.
import type { Decision } from '../../shared/domain.ts';
import type { RecordEvent, RecordingService, SessionRecorder } from '../../electron/core/recording/common/types.ts';

export interface RecordedSession {
  size: { cols: number; rows: number };
  startedAtMs: number | undefined;
  events: Array<{ atMs: number | undefined; event: RecordEvent }>;
  /** All output text so far. */
  output: string;
  closed: boolean;
}

export class MemoryRecordings implements RecordingService {
  readonly sessions = new Map<string, RecordedSession>();
  private readonly closeWaiters = new Map<string, () => void>();
  private readonly listeners = new Set<(sessionId: string, event: RecordEvent) => void>();

  /** Calls `listener` after each event any recorder receives. */
  onRecord(listener: (sessionId: string, event: RecordEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(sessionId: string, size: { cols: number; rows: number }, startedAtMs?: number): SessionRecorder {
    const rec: RecordedSession = { size, startedAtMs, events: [], output: '', closed: false };
    this.sessions.set(sessionId, rec);
    return {
      record: (event, atMs) => {
        if (rec.closed) throw new Error(`recording ${sessionId} is closed`);
        rec.events.push({ atMs, event });
        if (event.kind === 'output') rec.output += event.data;
        this.listeners.forEach((l) => l(sessionId, event));
      },
      close: async () => {
        rec.closed = true;
        this.closeWaiters.get(sessionId)?.();
      },
    };
  }

  /** Markers go into the session's recording when it has an open one (as the real service does); others are kept aside. */
  readonly timeline: Array<{ sessionId: string; label: string; requestId: string | null; decision: Decision | null }> =
    [];

  mark(sessionId: string, label: string, requestId: string | null, decision: Decision | null): void {
    const rec = this.sessions.get(sessionId);
    if (!rec || rec.closed) {
      this.timeline.push({ sessionId, label, requestId, decision });
      return;
    }
    const event: RecordEvent = { kind: 'marker', label, requestId, decision };
    rec.events.push({ atMs: undefined, event });
    this.listeners.forEach((l) => l(sessionId, event));
  }

  /** Resolves once the session's recording has been closed. */
  closed(sessionId: string): Promise<RecordedSession> {
    const rec = this.sessions.get(sessionId);
    if (rec?.closed) return Promise.resolve(rec);
    return new Promise((resolve) =>
      this.closeWaiters.set(sessionId, () => resolve(this.sessions.get(sessionId) as RecordedSession)),
    );
  }

  /** All output text of a session, in order. */
  output(sessionId: string): string {
    return this.sessions.get(sessionId)?.output ?? '';
  }
}
