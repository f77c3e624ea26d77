// The seam between what produces a session's terminal stream (the pty host, `gatehouse run`) and what
// stores it (the recorder). Producers only see these types; recording/ implements them.
import type { Decision } from '../../../shared/domain.ts';

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
}

export interface RecordingService {
  /** Starts recording a session that already exists in the store. */
  start(sessionId: string, size: { cols: number; rows: number }, startedAtMs?: number): SessionRecorder;
}
