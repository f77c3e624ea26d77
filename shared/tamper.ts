// Tamper detection: what the core saw happen to its gate socket or to the hook settings it wrote, and the lock that
// holds every request for a person until somebody acknowledges it.
import { z } from 'zod';
import { DecisionChannelSchema } from './domain.ts';

/**
 * What was tampered with. `gate-socket` / `control-socket`: the socket file at the core's path is not the one it
 * bound (removed, or replaced by another listener). `hook-settings`: a hook settings file Gatehouse wrote for a
 * running session changed.
 */
export type TamperTarget = 'gate-socket' | 'control-socket' | 'hook-settings';

export interface TamperReport {
  /** ISO 8601. */
  at: string;
  what: TamperTarget;
  /** The file concerned. */
  path: string;
  /** What the core found, in words a person can act on. */
  detail: string;
  /** What the core did about it (took its socket back, wrote the file back). */
  response: string;
  /** The sessions running when it happened: all of them are treated as tampered with. */
  sessionIds: string[];
}

export interface TamperStatus {
  /** True from the first report until a person acknowledges: rules, trust mode and auto-allow allow nothing. */
  locked: boolean;
  /** ISO 8601 of the first report since the last acknowledgement. */
  since: string | null;
  /** The reports since the last acknowledgement, oldest first (the most recent `MAX_TAMPER_REPORTS_KEPT`). */
  reports: TamperReport[];
  /** Reports since the last acknowledgement, including those no longer kept in `reports`. */
  count: number;
  /** Every session marked as tampered with since the last acknowledgement. */
  sessionIds: string[];
}

/** An agent that fights for the socket could raise a report a second; the newest ones are what a person reads. */
export const MAX_TAMPER_REPORTS_KEPT = 50;

/** Hook settings files are a few KiB; this bounds what a client may ask the core to keep and write back. */
export const MAX_HOOK_FILE_BYTES = 1024 * 1024;

export const ProtectHookFilesInputSchema = z.object({
  sessionId: z.string().min(1).max(64),
  /** Each file exactly as written for the session; the core compares the file on disk with it from now on. */
  files: z
    .array(z.object({ path: z.string().min(1).max(4096), content: z.string().max(MAX_HOOK_FILE_BYTES) }))
    .min(1)
    .max(16),
});

export const AcknowledgeTamperInputSchema = z
  .object({
    /** Why the person judges it safe to go on; kept in the audit trail. */
    note: z.string().trim().max(2000).optional(),
    /** Where the person acknowledged it (the audit entry's actor is `human:<via>`). */
    via: DecisionChannelSchema.default('cli'),
  })
  .default({ via: 'cli' });
