// The control API contract: one place for every call and its input schema.
// Carriers (a Unix socket for the CLI now; a MessagePort and a WebSocket later) only move these calls.
import { z } from 'zod';
import {
  AgentSchema,
  DecisionChannelSchema,
  DecisionSchema,
  type CoreEvent,
  type GateRequest,
  type Session,
} from './domain.ts';
import type {
  DeleteSessionInput,
  DeletedSession,
  EventPage,
  EventsBetweenInput,
  ExportInput,
  ExportPage,
  ImportedRecording,
  ImportInput,
  RecordingClip,
  RecordingClipInput,
  RecordingInfo,
  Screen,
  ScreenAtInput,
  SearchHit,
  SearchInput,
} from './recording.ts';

/** A decision's reason is read by the agent; a page of text is plenty and keeps the store small. */
export const MAX_REASON_LENGTH = 2000;

export const DecideInputSchema = z.object({
  id: z.string().min(1).max(64),
  decision: DecisionSchema,
  reason: z.string().trim().max(MAX_REASON_LENGTH).optional(),
  via: DecisionChannelSchema.default('cli'),
});
export type DecideInput = z.input<typeof DecideInputSchema>;

export const StartSessionInputSchema = z.object({
  agent: AgentSchema,
  argv: z.array(z.string()).min(1).max(1000),
  cwd: z.string().min(1).max(4096),
  pid: z.number().int().positive().nullable(),
});
export type StartSessionInput = z.input<typeof StartSessionInputSchema>;

export const EndSessionInputSchema = z.object({
  sessionId: z.string().min(1).max(64),
  exitCode: z.number().int().nullable(),
});
export type EndSessionInput = z.input<typeof EndSessionInputSchema>;

export interface StartedSession {
  session: Session;
  /** The per-session secret the agent's hooks present to the gate. */
  token: string;
  gateSocket: string;
  holdTimeoutMs: number;
}

export interface CoreStatus {
  version: string;
  pid: number;
  home: string;
  gateSocket: string;
  controlSocket: string;
  startedAt: string;
  pending: number;
  holdTimeoutMs: number;
}

/** What the core answers. Inputs are `unknown` on purpose: every handler validates with the schemas above. */
export interface ControlApi {
  status(): CoreStatus;
  listPending(): GateRequest[];
  getRequest(id: string): GateRequest;
  decide(input: DecideInput): GateRequest;
  listSessions(): Session[];
  startSession(input: StartSessionInput): StartedSession;
  endSession(input: EndSessionInput): Session;
  /** Deletes an ended session and all of it: recording, markers, requests and decisions. */
  deleteSession(input: DeleteSessionInput): DeletedSession;
  // Recordings (schemas in shared/recording.ts).
  getRecording(sessionId: string): RecordingInfo;
  /** The screen at a moment: nearest keyframe plus a short replay. */
  screenAt(input: ScreenAtInput): Promise<Screen>;
  /** Events in (fromMs, toMs], markers in place, a page at a time. */
  recordingEvents(input: EventsBetweenInput): EventPage;
  /** The moments before an interception: a screen, then the events up to it. */
  recordingClip(input: RecordingClipInput): Promise<RecordingClip>;
  searchRecordings(input: SearchInput): SearchHit[];
  /** asciicast v2/v3, a page at a time (the first page starts with the header). */
  exportRecording(input: ExportInput): ExportPage;
  /** Imports a .cast file the core can read as a read-only session. */
  importRecording(input: ImportInput): Promise<ImportedRecording>;
  subscribe(): boolean;
}

/** What a control client answers (the core calls it to push events). */
export interface ControlClientApi {
  onEvent(event: CoreEvent): void;
}

/** Errors cross the carrier as values with a stable code, never as stack traces. */
export const ApiErrorCodeSchema = z.enum([
  'not_found',
  'already_decided',
  'invalid_input',
  /** The thing exists but is busy (a running session cannot be deleted). */
  'conflict',
  'unauthorized',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** The one error type that crosses a carrier: a stable code plus a sentence for a person. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}
