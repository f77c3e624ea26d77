// Audit retention: the oldest entries go behind a checkpoint, the rest still verifies from it, and nothing
// but Gatehouse's own pruning can remove an entry without it showing.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../../electron/core/store/audit.ts';
import { openDatabase, type Db } from '../../../electron/core/store/database.ts';
import { tempDir } from '../../support/temp.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-01T00:00:00Z');

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** `n` entries, one a day up to `NOW`. */
function trail(n: number): { db: Db; audit: AuditRepository } {
  const db = openDatabase(path.join(tempDir(), 'g.db'));
  open.push(db);
  const audit = new AuditRepository(db);
  db.transaction(() => {
    for (let i = 0; i < n; i++)
      audit.append({
        at: NOW - (n - 1 - i) * DAY,
        kind: 'decision',
        actor: 'rule:r1',
        subject: `q${i + 1}`,
        data: { command: `ls ${i}` },
      });
  })();
  return { db, audit };
}

function pruneAll(audit: AuditRepository): void {
  while (audit.pruneStep());
}

describe('audit retention', () => {
  it('prunes the entries older than the limit behind a checkpoint, and the rest verifies from it', () => {
    const { audit } = trail(100);
    const cp = audit.beginPrune(NOW - 30 * DAY, NOW);
    expect(cp).toMatchObject({ throughSeq: 69, entries: 69 });
    pruneAll(audit);
    const kept = audit.list(0, 1000);
    expect(kept[0]?.seq).toBe(70);
    expect(kept.at(-1)).toMatchObject({
      seq: 101,
      kind: 'audit.pruned',
      actor: 'system',
      data: { throughSeq: 69, entries: 69 },
    });
    expect(audit.verify()).toMatchObject({ ok: true, entries: 32, firstBroken: null, checkpoint: { throughSeq: 69 } });
    // The chain goes on, and a second prune moves the checkpoint forward.
    audit.record({ at: NOW + DAY, kind: 'decision', actor: 'timeout', subject: 'q999', data: null });
    expect(audit.beginPrune(NOW - 10 * DAY, NOW + DAY)?.throughSeq).toBe(89);
    pruneAll(audit);
    expect(audit.verify()).toMatchObject({ ok: true, checkpoint: { throughSeq: 89 } });
    expect(audit.count()).toBe(audit.list(0, 1000).length);
  });

  it('never prunes the newest entry, and has nothing to do when nothing is old enough', () => {
    const { audit } = trail(5);
    expect(audit.beginPrune(NOW - 100 * DAY, NOW)).toBeNull();
    expect(audit.beginPrune(NOW + DAY, NOW)).toMatchObject({ throughSeq: 4 });
    pruneAll(audit);
    expect(audit.list(0, 10).map((e) => e.seq)).toEqual([5, 6]);
    expect(audit.verify().ok).toBe(true);
  });

  it('verifies while a prune is half done (a core stopped in the middle), and the next step finishes it', () => {
    const { audit } = trail(2500);
    audit.beginPrune(NOW - 10 * DAY, NOW);
    expect(audit.pruneStep()).toBe(true);
    expect(audit.verify()).toMatchObject({ ok: true, entries: 12, checkpoint: { throughSeq: 2489 } });
    pruneAll(audit);
    expect(audit.list(0, 5)[0]?.seq).toBe(2490);
  });

  it('still refuses to delete an entry that no checkpoint covers, and to change a checkpoint', () => {
    const { db, audit } = trail(10);
    audit.beginPrune(NOW - 5 * DAY, NOW);
    expect(() => db.prepare('DELETE FROM audit WHERE seq = 8').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_checkpoints SET through_seq = 9').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_checkpoints').run()).toThrow(/append-only/);
    expect(db.prepare('DELETE FROM audit WHERE seq = 2').run().changes).toBe(1);
  });

  it('shows entries removed behind its back, and a checkpoint that Gatehouse did not write', () => {
    const a = trail(10);
    a.audit.beginPrune(NOW - 5 * DAY, NOW);
    pruneAll(a.audit);
    a.db.exec('DROP TRIGGER audit_no_delete');
    a.db.prepare('DELETE FROM audit WHERE seq = 6').run();
    expect(a.audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: 6, reason: expect.stringMatching(/missing/) },
    });

    // Someone deletes the oldest entries and adds a checkpoint to hide it: there is no audit.pruned entry for it.
    const b = trail(10);
    const hash4 = b.audit.list(0, 10)[3]?.hash;
    b.db
      .prepare('INSERT INTO audit_checkpoints (through_seq, through_hash, at, before, entries) VALUES (4, ?, ?, ?, 4)')
      .run(hash4, NOW, NOW);
    b.db.prepare('DELETE FROM audit WHERE seq <= 4').run();
    expect(b.audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: 4, reason: expect.stringMatching(/no audit.pruned entry/) },
    });

    // A checkpoint with another hash does not link to the first kept entry.
    const c = trail(10);
    c.db
      .prepare('INSERT INTO audit_checkpoints (through_seq, through_hash, at, before, entries) VALUES (4, ?, ?, ?, 4)')
      .run('f'.repeat(64), NOW, NOW);
    expect(c.audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: 5, reason: expect.stringMatching(/checkpoint/) },
    });
  });
});
