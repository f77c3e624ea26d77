// The audit trail: append-only (SQL triggers refuse UPDATE and DELETE) and hash-chained, so an edit
// made behind Gatehouse's back (a trigger dropped, the file patched) shows up as a broken link.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditKind, AuditVerification } from '../../../shared/audit.ts';
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

export interface NewAuditEntry {
  at: number;
  kind: AuditKind;
  actor: string;
  subject: string;
  data: unknown;
}

/** What a link's hash covers: the previous hash and every stored field, in a fixed order. */
export function linkHash(prevHash: string, row: { seq: number; at: number; kind: string; actor: string; subject: string; data: string }): string {
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

/** Rows read per step while verifying, so a long trail never sits in memory at once. */
const VERIFY_PAGE = 1000;

export class AuditRepository {
  private readonly db: Db;
  private readonly lastStmt;
  private readonly insertStmt;
  private readonly pageStmt;

  constructor(db: Db) {
    this.db = db;
    this.lastStmt = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    this.insertStmt = db.prepare('INSERT INTO audit (seq, at, kind, actor, subject, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.pageStmt = db.prepare<[number, number], AuditRow>('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?');
  }

  /** Appends one entry. Call inside the transaction that makes the change, so both land or neither. */
  append(e: NewAuditEntry): void {
    const last = this.lastStmt.get();
    const prevHash = last?.hash ?? GENESIS_HASH;
    const row = { seq: (last?.seq ?? 0) + 1, at: e.at, kind: e.kind, actor: e.actor, subject: e.subject, data: JSON.stringify(e.data ?? null) };
    this.insertStmt.run(row.seq, row.at, row.kind, row.actor, row.subject, row.data, prevHash, linkHash(prevHash, row));
  }

  /** Appends in a transaction of its own (for changes that have no other write). */
  record(e: NewAuditEntry): void {
    guardedWrite(this.db, this.db.transaction(() => this.append(e)));
  }

  list(afterSeq: number, limit: number): AuditEntry[] {
    return this.pageStmt.all(afterSeq, limit).map(toEntry);
  }

  /** Walks the whole chain; reports the first entry whose link or content does not hold. */
  verify(): AuditVerification {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let entries = 0;
    for (;;) {
      const page = this.pageStmt.all(expectedSeq - 1, VERIFY_PAGE);
      if (page.length === 0) break;
      for (const row of page) {
        const broken = (reason: string): AuditVerification => ({ ok: false, entries: entries + 1, firstBroken: { seq: row.seq, reason } });
        if (row.seq !== expectedSeq) return { ok: false, entries, firstBroken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing (the next one is ${row.seq})` } };
        if (row.prev_hash !== prevHash) return broken(`it does not link to entry ${row.seq - 1} (an entry before it was changed or removed)`);
        if (linkHash(prevHash, row) !== row.hash) return broken('its content does not match its hash (it was edited after it was written)');
        prevHash = row.hash;
        expectedSeq += 1;
        entries += 1;
      }
    }
    return { ok: true, entries, firstBroken: null };
  }
}
