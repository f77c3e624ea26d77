// The audit trail: every decision and rule change lands in it, and any edit behind Gatehouse's back shows.
// Audit retention: the oldest entries go behind a checkpoint, the rest still verifies from it, and nothing
// but Gatehouse's own pruning can remove an entry without it showing.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditRepository, linkHash } from '../../../../electron/core/store/audit.ts';
import { openDatabase, type Db } from '../../../../electron/core/store/database.ts';
import { RequestRepository } from '../../../../electron/core/store/requests.ts';
import { RuleRepository } from '../../../../electron/core/store/rules.ts';
import { SessionRepository } from '../../../../electron/core/store/sessions.ts';
import { tempDir } from '../../../support/temp.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-01T00:00:00Z');

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function fixture() {
  const db = openDatabase(path.join(tempDir(), 'g.db'));
  open.push(db);
  new SessionRepository(db).insert({
    id: 's1',
    agent: 'claude',
    argv: ['claude'],
    cwd: '/w',
    pid: null,
    tokenHash: 'h',
    startedAt: 0,
  });
  return { db, audit: new AuditRepository(db), requests: new RequestRepository(db), rules: new RuleRepository(db) };
}

function someHistory(f: ReturnType<typeof fixture>) {
  const by = { actor: 'user', at: 1000 };
  const [rule] = f.rules.insert(
    [
      {
        id: 'ru1',
        effect: 'allow',
        kind: 'prefix',
        pattern: 'ls',
        scope: { type: 'global' },
        source: 'cli',
        note: null,
        createdAt: 1000,
        expiresAt: 5000,
      },
    ],
    by,
  );
  f.requests.insertDecided(
    {
      id: 'q1',
      sessionId: 's1',
      agent: 'claude',
      kind: 'pre-tool-use',
      tool: 'Bash',
      command: 'ls -la',
      cwd: '/w',
      payload: {},
      risk: null,
      createdAt: 2000,
      expiresAt: null,
    },
    { decision: 'allow', reason: 'rule', decidedBy: 'rule:ru1', ruleIds: ['ru1'], decidedAt: 2000 },
  );
  f.rules.update('ru1', { enabled: false }, { actor: 'user', at: 3000 });
  f.rules.update('ru1', { pattern: 'ls -la' }, { actor: 'user', at: 3500 });
  f.rules.noteExpired(6000);
  f.rules.noteExpired(7000);
  f.rules.delete('ru1', { actor: 'user', at: 8000 });
  return rule;
}

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

describe('audit trail', () => {
  it('records every decision and rule change, in order, and counts the rule hit', () => {
    const f = fixture();
    someHistory(f);
    const entries = f.audit.list(0, 100);
    expect(entries.map((e) => [e.kind, e.actor, e.subject])).toEqual([
      ['rule.added', 'user', 'ru1'],
      ['decision', 'rule:ru1', 'q1'],
      ['rule.disabled', 'user', 'ru1'],
      ['rule.edited', 'user', 'ru1'],
      ['rule.expired', 'system', 'ru1'],
      ['rule.deleted', 'user', 'ru1'],
    ]);
    expect(entries[1]?.data).toMatchObject({ decision: 'allow', ruleIds: ['ru1'], command: 'ls -la' });
    expect(entries[3]?.data).toMatchObject({ before: { pattern: 'ls' }, after: { pattern: 'ls -la' } });
    expect(f.requests.get('q1')?.decision).toMatchObject({ decidedBy: 'rule:ru1', ruleIds: ['ru1'] });
    expect(f.rules.get('ru1')).toBeNull();
    expect(f.audit.verify()).toEqual({ ok: true, entries: 6, firstBroken: null });
  });

  it('keeps hit counts and the last hit on the rule', () => {
    const f = fixture();
    f.rules.insert(
      [
        {
          id: 'ru2',
          effect: 'allow',
          kind: 'prefix',
          pattern: 'ls',
          scope: { type: 'global' },
          source: 'cli',
          note: null,
          createdAt: 1,
          expiresAt: null,
        },
      ],
      { actor: 'user', at: 1 },
    );
    for (const [id, at] of [
      ['a', 10],
      ['b', 20],
    ] as const) {
      f.requests.insertDecided(
        {
          id,
          sessionId: 's1',
          agent: 'claude',
          kind: 'pre-tool-use',
          tool: 'Bash',
          command: 'ls',
          cwd: '/w',
          payload: {},
          risk: null,
          createdAt: at,
          expiresAt: null,
        },
        { decision: 'allow', reason: 'rule', decidedBy: 'rule:ru2', ruleIds: ['ru2'], decidedAt: at },
      );
    }
    expect(f.rules.get('ru2')).toMatchObject({ hits: 2, lastHitAt: new Date(20).toISOString() });
  });

  it('refuses updates and deletes at the SQL level', () => {
    const f = fixture();
    someHistory(f);
    expect(() => f.db.prepare("UPDATE audit SET actor = 'nobody' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => f.db.prepare('DELETE FROM audit WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('finds the first entry edited behind its back', () => {
    const f = fixture();
    someHistory(f);
    f.db.exec('DROP TRIGGER audit_no_update');
    f.db.prepare(`UPDATE audit SET data = json_set(data, '$.decision', 'deny') WHERE seq = 2`).run();
    expect(f.audit.verify()).toEqual({
      ok: false,
      entries: 2,
      firstBroken: { seq: 2, reason: expect.stringMatching(/edited after it was written/) },
    });
  });

  it('finds an entry removed from the middle, and one whose hash was rewritten to match', () => {
    const f = fixture();
    someHistory(f);
    f.db.exec('DROP TRIGGER audit_no_delete');
    f.db.prepare('DELETE FROM audit WHERE seq = 3').run();
    expect(f.audit.verify().firstBroken).toEqual({ seq: 3, reason: 'entry 3 is missing (the next one is 4)' });

    const g = fixture();
    someHistory(g);
    g.db.exec('DROP TRIGGER audit_no_update');
    // A forger who edits entry 2 and recomputes its hash still breaks the link from entry 3.
    const row = g.db.prepare('SELECT * FROM audit WHERE seq = 2').get() as {
      seq: number;
      at: number;
      kind: string;
      actor: string;
      subject: string;
      data: string;
      prev_hash: string;
    };
    const data = row.data.replace('"allow"', '"deny"');
    g.db
      .prepare('UPDATE audit SET data = ?, hash = ? WHERE seq = 2')
      .run(data, linkHash(row.prev_hash, { ...row, data }));
    expect(g.audit.verify().firstBroken).toEqual({ seq: 3, reason: expect.stringMatching(/does not link to entry 2/) });
  });
});

describe('rule expiry in the audit trail', () => {
  it('is noted once, and again only for a new expiry', () => {
    const f = fixture();
    f.rules.insert(
      [
        {
          id: 'e1',
          effect: 'allow',
          kind: 'prefix',
          pattern: 'ls',
          scope: { type: 'global' },
          source: 'cli',
          note: null,
          createdAt: 1,
          expiresAt: 100,
        },
      ],
      { actor: 'user', at: 1 },
    );
    expect(f.rules.noteExpired(200).map((r) => r.id)).toEqual(['e1']);
    f.rules.update('e1', { enabled: false }, { actor: 'user', at: 300 });
    expect(f.rules.noteExpired(400)).toEqual([]);
    f.rules.update('e1', { expiresAt: 500 }, { actor: 'user', at: 450 });
    expect(f.rules.noteExpired(600).map((r) => r.id)).toEqual(['e1']);
    expect(f.audit.list(0, 10).map((e) => e.kind)).toEqual([
      'rule.added',
      'rule.expired',
      'rule.disabled',
      'rule.edited',
      'rule.expired',
    ]);
  });
});

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
