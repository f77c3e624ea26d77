// The audit trail: append-only (SQL triggers refuse UPDATE and DELETE) and hash-chained, so an edit
// made behind Gatehouse's back (a trigger dropped, the file patched) shows up as a broken link.
// Audit retention may remove the oldest entries, but only behind a checkpoint: a row (itself append-only)
// that keeps the last removed entry's seq and hash, written in the same transaction as an `audit.pruned`
// entry in the chain saying the same. Verification starts at the checkpoint and links on from its hash.
import { createHash } from 'node:crypto';
import type { AuditCheckpoint, AuditEntry, AuditKind, AuditVerification } from '../../../shared/audit.ts';
import type { Db } from './database.ts';
import { guardedWrite } from './guard.ts';

/** The link before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: number;
  kind: AuditKind;
  actor: string;
  subject: string;
  data: string;
  prev_hash: string;
  hash: string;
}

interface CheckpointRow {
  through_seq: number;
  through_hash: string;
  at: number;
  before: number;
  entries: number;
}

export interface NewAuditEntry {
  at: number;
  kind: AuditKind;
  actor: string;
  subject: string;
  data: unknown;
}

/** What a link's hash covers: the previous hash and every stored field, in a fixed order. */
export function linkHash(
  prevHash: string,
  row: { seq: number; at: number; kind: string; actor: string; subject: string; data: string },
): string {
  return createHash('sha256')
    .update([prevHash, row.seq, row.at, row.kind, row.actor, row.subject, row.data].join('\n'))
    .digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    kind: row.kind,
    actor: row.actor,
    subject: row.subject,
    data: JSON.parse(row.data) as unknown,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

function toCheckpoint(row: CheckpointRow): AuditCheckpoint {
  return {
    throughSeq: row.through_seq,
    throughHash: row.through_hash,
    at: new Date(row.at).toISOString(),
    before: new Date(row.before).toISOString(),
    entries: row.entries,
  };
}

/** Rows read per step while verifying, so a long trail never sits in memory at once. */
const VERIFY_PAGE = 1000;
/** Entries removed per step of a prune (one transaction each), so a long prune yields to the event loop. */
const PRUNE_STEP = 2000;

export class AuditRepository {
  private readonly db: Db;
  private readonly lastStmt;
  private readonly insertStmt;
  private readonly pageStmt;
  private readonly checkpointStmt;
  private readonly addCheckpointStmt;
  private readonly firstKeptStmt;
  private readonly hashOfStmt;
  private readonly pendingStmt;
  private readonly pruneStepStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.db = db;
    this.lastStmt = db.prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1',
    );
    this.insertStmt = db.prepare(
      'INSERT INTO audit (seq, at, kind, actor, subject, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.pageStmt = db.prepare<[number, number], AuditRow>('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?');
    this.checkpointStmt = db.prepare<[], CheckpointRow>(
      'SELECT * FROM audit_checkpoints ORDER BY through_seq DESC LIMIT 1',
    );
    this.addCheckpointStmt = db.prepare(
      'INSERT INTO audit_checkpoints (through_seq, through_hash, at, before, entries) VALUES (?, ?, ?, ?, ?)',
    );
    // The first entry after `seq` that is recent enough to keep (a clock stepped back may leave older ones after it: kept).
    this.firstKeptStmt = db.prepare<[number, number], { seq: number }>(
      'SELECT seq FROM audit WHERE seq > ? AND at >= ? ORDER BY seq LIMIT 1',
    );
    this.hashOfStmt = db.prepare<[number], { hash: string }>('SELECT hash FROM audit WHERE seq = ?');
    this.pendingStmt = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM audit WHERE seq <= ?');
    this.pruneStepStmt = db.prepare<[number, number]>(
      'DELETE FROM audit WHERE seq IN (SELECT seq FROM audit WHERE seq <= ? ORDER BY seq LIMIT ?)',
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit');
  }

  /** Appends one entry. Call inside the transaction that makes the change, so both land or neither. */
  append(e: NewAuditEntry): void {
    const last = this.lastStmt.get() ?? this.checkpointLink();
    const prevHash = last?.hash ?? GENESIS_HASH;
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: e.at,
      kind: e.kind,
      actor: e.actor,
      subject: e.subject,
      data: JSON.stringify(e.data ?? null),
    };
    this.insertStmt.run(row.seq, row.at, row.kind, row.actor, row.subject, row.data, prevHash, linkHash(prevHash, row));
  }

  /** Appends in a transaction of its own (for changes that have no other write). */
  record(e: NewAuditEntry): void {
    guardedWrite(
      this.db,
      this.db.transaction(() => this.append(e)),
    );
  }

  list(afterSeq: number, limit: number): AuditEntry[] {
    return this.pageStmt.all(afterSeq, limit).map(toEntry);
  }

  /** Entries kept. */
  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  /** The newest checkpoint: where the kept trail starts. */
  checkpoint(): AuditCheckpoint | null {
    const row = this.checkpointStmt.get();
    return row ? toCheckpoint(row) : null;
  }

  /**
   * Starts pruning the entries older than `before` (epoch ms) at the front of the chain: writes the checkpoint
   * and the `audit.pruned` entry (one transaction). The rows themselves go with `pruneStep`. Returns the
   * checkpoint, or null when nothing at the front is that old. The newest entry is never pruned.
   */
  beginPrune(before: number, at: number): AuditCheckpoint | null {
    return this.db.transaction(() => {
      const from = this.checkpointStmt.get()?.through_seq ?? 0;
      const last = this.lastStmt.get();
      if (!last) return null;
      const firstKept = this.firstKeptStmt.get(from, before)?.seq ?? last.seq;
      const through = firstKept - 1;
      if (through <= from) return null;
      const hash = this.hashOfStmt.get(through)?.hash;
      if (!hash) return null;
      const entries = through - from;
      this.append({
        at,
        kind: 'audit.pruned',
        actor: 'system',
        subject: 'audit',
        data: { throughSeq: through, throughHash: hash, entries, before: new Date(before).toISOString() },
      });
      this.addCheckpointStmt.run(through, hash, at, before, entries);
      return this.checkpoint();
    })();
  }

  /** Removes up to PRUNE_STEP entries behind the newest checkpoint; true while some remain. */
  pruneStep(): boolean {
    const through = this.checkpointStmt.get()?.through_seq ?? 0;
    if (through === 0) return false;
    this.db.transaction(() => this.pruneStepStmt.run(through, PRUNE_STEP))();
    return (this.pendingStmt.get(through)?.n ?? 0) > 0;
  }

  /**
   * Walks the chain from the start, or from the newest checkpoint; reports the first entry whose link or
   * content does not hold. A checkpoint must be confirmed by its `audit.pruned` entry further on.
   */
  verify(): AuditVerification {
    const cp = this.checkpointStmt.get();
    let prevHash = cp?.through_hash ?? GENESIS_HASH;
    let expectedSeq = (cp?.through_seq ?? 0) + 1;
    let entries = 0;
    let confirmed = !cp;
    const result = (v: Omit<AuditVerification, 'checkpoint'>): AuditVerification =>
      cp ? { ...v, checkpoint: toCheckpoint(cp) } : v;
    for (;;) {
      const page = this.pageStmt.all(expectedSeq - 1, VERIFY_PAGE);
      if (page.length === 0) break;
      for (const row of page) {
        const broken = (reason: string): AuditVerification =>
          result({ ok: false, entries: entries + 1, firstBroken: { seq: row.seq, reason } });
        if (row.seq !== expectedSeq)
          return result({
            ok: false,
            entries,
            firstBroken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing (the next one is ${row.seq})` },
          });
        if (row.prev_hash !== prevHash) {
          const what =
            cp && row.seq === cp.through_seq + 1
              ? `the checkpoint of the entries pruned up to ${cp.through_seq}`
              : `entry ${row.seq - 1}`;
          return broken(`it does not link to ${what} (an entry before it was changed or removed)`);
        }
        if (linkHash(prevHash, row) !== row.hash)
          return broken('its content does not match its hash (it was edited after it was written)');
        if (cp && !confirmed && row.kind === 'audit.pruned') confirmed = confirmsCheckpoint(row, cp);
        prevHash = row.hash;
        expectedSeq += 1;
        entries += 1;
      }
    }
    if (!confirmed && cp) {
      return result({
        ok: false,
        entries,
        firstBroken: {
          seq: cp.through_seq,
          reason: `the checkpoint of the entries pruned up to ${cp.through_seq} has no audit.pruned entry in the trail (it was not written by Gatehouse)`,
        },
      });
    }
    return result({ ok: true, entries, firstBroken: null });
  }

  /** The link to continue from when every entry behind the newest checkpoint is gone. */
  private checkpointLink(): { seq: number; hash: string } | undefined {
    const cp = this.checkpointStmt.get();
    return cp ? { seq: cp.through_seq, hash: cp.through_hash } : undefined;
  }
}

function confirmsCheckpoint(row: AuditRow, cp: CheckpointRow): boolean {
  try {
    const data = JSON.parse(row.data) as { throughSeq?: unknown; throughHash?: unknown };
    return data.throughSeq === cp.through_seq && data.throughHash === cp.through_hash;
  } catch {
    return false;
  }
}
