// The seam between what produces a session's terminal stream (the pty host, `gatehouse run`) and what
// stores it (the recorder). Producers only see these types; recording/ implements them.
import type { CoreEvent, Decision, GateRequest } from '../../../../shared/domain.ts';
import { outcomePhrase } from '../../../../shared/outcome.ts';

/** A marker's label names the interception; a command longer than this is cut (the request keeps all of it). */
const MAX_LABEL_COMMAND = 200;

export type RecordEvent =
  /** Bytes the program wrote to the terminal, as UTF-8 text (the live view is not redacted; stored text is). */
  | { kind: 'output'; data: string }
  /** What was typed or pasted into the terminal. */
  | { kind: 'input'; data: string }
  | { kind: 'resize'; cols: number; rows: number }
  /** A moment worth finding again: one per interception (with its request id and, once known, its decision). */
  | { kind: 'marker'; label: string; requestId: string | null; decision: Decision | null };

export interface SessionRecorder {
  /** `atMs`: milliseconds since the session started; defaults to now. Never throws: a recorder that fails reports it and keeps the session running. */
  record(event: RecordEvent, atMs?: number): void;
  /** Flushes what is buffered and ends the recording. */
  close(): Promise<void>;
  /**
   * The stream was cut by a restart of the core: `bytes` of output from `fromMs` on were lost, and the stream goes on
   * at `atMs`. Recorded as a gap ("Gatehouse restarted: N bytes not recorded"). Absent: the gap is not marked.
   */
  restarted?(fromMs: number, atMs: number, bytes: number): void;
  /**
   * What the recorder has been given and not stored yet. A producer that can wait (a pty) stops reading while it is
   * large, so that the recorder never has to drop output. Absent: the recorder never falls behind.
   */
  readonly backlog?: RecorderBacklog;
  /**
   * The terminal as recorded so far (every event given to `record` before the call), rebuilt from the recording with
   * up to `scrollback` lines above the screen: escape sequences that draw it in a fresh terminal of `cols`×`rows`.
   * Secrets appear as stored (redacted). Absent: this recorder cannot rebuild screens.
   */
  screen?(scrollback: number): Promise<RecordedScreen>;
}

export interface RecorderBacklog {
  /** Text (UTF-16 code units) recorded and not yet stored. */
  chars(): number;
  /** Calls `listener` each time the backlog shrinks; returns the unsubscribe. */
  onShrink(listener: () => void): () => void;
}

export interface RecordedScreen {
  cols: number;
  rows: number;
  data: string;
}

export interface RecordingService {
  /** Starts recording a session that already exists in the store. */
  start(sessionId: string, size: { cols: number; rows: number }, startedAtMs?: number): SessionRecorder;
  /** Puts a moment on a session's timeline: in its live recording when it has one, else beside it. Never throws. */
  mark(sessionId: string, label: string, requestId: string | null, decision: Decision | null): void;
  /** Where a session's recording on disk ends, or null: where a resumed stream picks up. */
  recordedEnd?(sessionId: string): RecordedEnd | null;
}

/** The time of a recording's last event on disk (ms from its start), and the text stored at that millisecond. */
export interface RecordedEnd {
  atMs: number;
  output: string;
  input: string;
}

/**
 * What a marker says about an interception: its id, state and (shortened) command; once what happened after the
 * allow is known, that instead of the state ("… allowed, ran · exit 1 · 2.3 s: npm test").
 */
export function interceptionLabel(r: GateRequest): string {
  const command = r.command.length > MAX_LABEL_COMMAND ? `${r.command.slice(0, MAX_LABEL_COMMAND)}…` : r.command;
  if (r.status === 'pending') return `${r.id} held: ${command}`;
  if (r.outcome) return `${r.id} ${r.status}, ${outcomePhrase(r.outcome)} — ${command}`;
  return `${r.id} ${r.status}${r.decision ? ` by ${r.decision.decidedBy}` : ''}: ${command}`;
}

/** Marks every interception held and decided, and what then ran, in the session it belongs to. Returns the unsubscribe. */
export function markInterceptions(
  events: { subscribe(listener: (e: CoreEvent) => void): () => void },
  recordings: Pick<RecordingService, 'mark'>,
): () => void {
  return events.subscribe((e) => {
    if (e.type === 'request.held' || e.type === 'request.decided' || e.type === 'request.outcome')
      recordings.mark(
        e.request.sessionId,
        interceptionLabel(e.request),
        e.request.id,
        e.request.decision?.decision ?? null,
      );
  });
}
