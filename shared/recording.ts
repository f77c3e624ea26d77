// Recorded terminal sessions as the control API shows them: events, screens, markers, search hits, and
// the input schemas of the recording calls. Pure TypeScript: no Node, no DOM.
import { z } from 'zod';
import type { Decision, Session } from './domain.ts';

/** One thing that happened in a recorded terminal, as stored (text is redacted). */
export type RecordedEvent =
  | { kind: 'output'; data: string }
  | { kind: 'input'; data: string }
  | { kind: 'resize'; cols: number; rows: number }
  /** An interception (with its request id and, once known, its decision), or a moment a producer marked. */
  | { kind: 'marker'; label: string; requestId: string | null; decision: Decision | null }
  /** The recorder could not keep up and dropped this much output: the replay skips it. */
  | { kind: 'gap'; label: string; droppedBytes: number };

/** `atMs`: milliseconds since the recording started. */
export interface TimedEvent {
  atMs: number;
  event: RecordedEvent;
}

export interface RecordingMarker {
  atMs: number;
  kind: 'marker' | 'gap';
  label: string;
  requestId: string | null;
  decision: Decision | null;
}

export interface RecordingInfo {
  sessionId: string;
  /** `import`: read from a .cast file; such recordings are read-only. */
  source: 'live' | 'import';
  /** The terminal size when the recording started. */
  cols: number;
  rows: number;
  /** ISO 8601; offset 0 of the recording. */
  startedAt: string;
  durationMs: number;
  eventCount: number;
  /** UTF-8 bytes of output as stored (after redaction). */
  outputBytes: number;
  /** Bytes on disk: compressed events plus keyframes. */
  storedBytes: number;
  /** True while a recorder is writing it. */
  recording: boolean;
  markers: RecordingMarker[];
}

/** A terminal's screen at a moment: write `data` into a fresh terminal of `cols`×`rows` to show it. */
export interface Screen {
  sessionId: string;
  atMs: number;
  cols: number;
  rows: number;
  data: string;
}

export interface EventPage {
  events: TimedEvent[];
  /** Set when the page was cut short: ask again with this as `fromMs` for the rest. */
  nextFromMs: number | null;
}

/** The moments before an interception: the screen at `start.atMs`, then what happened until the interception. */
export interface RecordingClip {
  start: Screen;
  events: TimedEvent[];
}

export interface SearchHit {
  sessionId: string;
  atMs: number;
  /** A line of context around the match (blanks folded), as plain text. */
  snippet: string;
  /** Where the match is in `snippet` (UTF-16 offsets): shown highlighted, never marked inside the text. */
  match: { start: number; length: number };
}

export interface ExportPage {
  /** Lines of the file (each ends with a newline). */
  text: string;
  /** Set when there is more: ask again with this as `fromMs`. */
  nextFromMs: number | null;
}

export interface ImportedRecording {
  session: Session;
  recording: RecordingInfo;
}

export interface DeletedSession {
  sessionId: string;
  /** Recording bytes freed. */
  freedBytes: number;
}

const SessionIdSchema = z.string().min(1).max(64);
/** Offsets are milliseconds since the recording started; -1 means "before anything happened". */
const OffsetSchema = z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER);
/** Thirty seconds: what a reviewer needs to see what the agent was doing before it asked. */
export const DEFAULT_CLIP_MS = 30_000;
/** An hour: a clip is for context, not for replaying a whole session. */
export const MAX_CLIP_MS = 60 * 60 * 1000;
/** A page of events or of an export: big enough to be efficient, small enough to cross a socket in one message. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

export const ScreenAtInputSchema = z.object({ sessionId: SessionIdSchema, atMs: OffsetSchema });

export const EventsBetweenInputSchema = z.object({
  sessionId: SessionIdSchema,
  /** Exclusive: events strictly after this offset. */
  fromMs: OffsetSchema,
  /** Inclusive. */
  toMs: OffsetSchema,
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(MAX_PAGE_BYTES)
    .default(1024 * 1024),
});

export const RecordingClipInputSchema = z.object({
  sessionId: SessionIdSchema,
  atMs: OffsetSchema,
  spanMs: z.number().int().min(1).max(MAX_CLIP_MS).default(DEFAULT_CLIP_MS),
});

export const SearchInputSchema = z.object({
  query: z.string().trim().min(1).max(200),
  sessionId: SessionIdSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export const ExportFormatSchema = z.enum(['asciicast-v2', 'asciicast-v3']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportInputSchema = z.object({
  sessionId: SessionIdSchema,
  format: ExportFormatSchema,
  /** Absent for the first page (which carries the header). */
  fromMs: OffsetSchema.optional(),
});

export const ImportInputSchema = z.object({
  /** An absolute path to a .cast file (asciicast v2 or v3) that the core can read. */
  path: z
    .string()
    .min(1)
    .max(4096)
    .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute path'),
});

export const DeleteSessionInputSchema = z.object({ sessionId: SessionIdSchema });
