// The audit trail: every decision and every rule change, append-only and hash-chained.
import { z } from 'zod';

export type AuditKind =
  | 'decision'
  | 'rule.added'
  | 'rule.edited'
  | 'rule.disabled'
  | 'rule.enabled'
  | 'rule.deleted'
  | 'rule.imported'
  | 'rule.expired'
  | 'trust.started'
  | 'trust.ended'
  /** The gate socket or a session's hook settings were tampered with (`TamperReport` as data). */
  | 'gate.tampered'
  /** A person acknowledged the tampering: rules, trust and auto-allow decide again. */
  | 'gate.tamper-acknowledged'
  /** A decision or a loosening call refused because it came from inside an agent session (or from a process that could not be told). */
  | 'decision.refused'
  /** `gatehouse install <agent>` wrote Gatehouse's hooks into the agent's user settings (file, hashes, backup as data). */
  | 'agent.installed'
  /** `gatehouse uninstall <agent>`: the file restored byte for byte, or only Gatehouse's entries taken out. */
  | 'agent.uninstalled'
  /** A request's changes were undone from its snapshot (`data`: the undo's id and what it did). */
  | 'undo'
  /** Audit retention removed the entries up to `data.throughSeq` (a checkpoint keeps the chain verifiable). */
  | 'audit.pruned';

export interface AuditEntry {
  /** Position in the chain, from 1. */
  seq: number;
  /** ISO 8601. */
  at: string;
  kind: AuditKind;
  /** Who did it: `human:cli`, `rule:<id>`, `timeout`, `import`, `system`, … */
  actor: string;
  /** What it is about: a request id or a rule id. */
  subject: string;
  data: unknown;
  /** sha256 hex of the previous entry's hash and this entry's content. */
  hash: string;
  prevHash: string;
}

export const ListAuditInputSchema = z
  .object({
    /** Entries after this sequence number (paging forward). */
    afterSeq: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .default({ afterSeq: 0, limit: 200 });

/** Where the kept trail starts when audit retention has removed older entries. */
export interface AuditCheckpoint {
  /** Entries up to and including this one were removed. */
  throughSeq: number;
  /** The removed entry's hash: the next entry links to it. */
  throughHash: string;
  /** ISO 8601: when they were removed, and the age limit then (entries older than `before`). */
  at: string;
  before: string;
  /** How many entries that pruning removed. */
  entries: number;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked (those kept; the pruned ones are summed up by the checkpoint). */
  entries: number;
  /** The first entry whose link does not hold, and why; null when the chain is whole. */
  firstBroken: { seq: number; reason: string } | null;
  /** The chain was verified from this checkpoint on; null when nothing was ever pruned. */
  checkpoint?: AuditCheckpoint | null;
}
