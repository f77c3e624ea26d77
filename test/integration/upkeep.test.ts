// Upkeep on a real core: retention runs after the sockets are open and in slices, so the gate keeps
// answering during a large purge; free pages go back to the disk; audit retention keeps the chain verifiable.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GATE_PATHS } from '../../electron/core/gate/server.ts';
import { SettingsFile } from '../../electron/core/settings/file.ts';
import { AuditRepository } from '../../electron/core/store/audit.ts';
import { openDatabase } from '../../electron/core/store/database.ts';
import { cli, cliEnv } from '../support/cli.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { post } from '../support/unix-http.ts';

const DAY = 24 * 60 * 60 * 1000;
const CHUNK_BYTES = 32 * 1024;

let t: TestCore | null = null;
afterEach(async () => {
  await t?.stop();
  t = null;
});

/** A session that ended 60 days ago with a large recording and many decided requests, written straight into the file. */
function seedOldSession(file: string, id: string, chunks: number, requests: number): void {
  const db = openDatabase(file);
  const long = Date.now() - 60 * DAY;
  db.prepare(
    'INSERT INTO sessions (id, agent, argv, cwd, token_hash, pid, started_at, ended_at, exit_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, 'claude', '["claude"]', '/w', `h-${id}`, null, long, long + 1000, 0);
  db.prepare(
    'INSERT INTO recordings (session_id, source, cols, rows, started_at, stored_bytes, chunk_count, indexed_chunks, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, 'live', 80, 24, long, chunks * CHUNK_BYTES, chunks, chunks, long + 1000);
  const chunk = db.prepare(
    'INSERT INTO recording_chunks (session_id, seq, first_event, event_count, start_ms, end_ms, payload) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const search = db.prepare('INSERT INTO recording_search (rowid, text) VALUES (?, ?)');
  const request = db.prepare(
    "INSERT INTO requests (id, session_id, agent, kind, tool, command, cwd, payload, status, created_at) VALUES (?, ?, 'claude', 'pre-tool-use', 'Bash', ?, '/w', '{}', 'allowed', ?)",
  );
  const decision = db.prepare(
    "INSERT INTO decisions (request_id, decision, reason, decided_by, decided_at) VALUES (?, 'allow', 'rule', 'policy', ?)",
  );
  const payload = randomBytes(CHUNK_BYTES);
  db.transaction(() => {
    for (let i = 0; i < chunks; i++) {
      const { lastInsertRowid } = chunk.run(id, i, i * 100, 100, i * 1000, i * 1000 + 999, payload);
      search.run(lastInsertRowid, Array.from({ length: 200 }, (_, k) => `word${(i * 31 + k) % 20_000}`).join(' '));
    }
    for (let i = 0; i < requests; i++) {
      request.run(`${id}-r${i}`, id, `npm test -- ${i}`, long + i);
      decision.run(`${id}-r${i}`, long + i);
    }
  })();
  db.close();
}

const count = (file: string, sql: string): number => {
  const db = openDatabase(file);
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('upkeep', () => {
  it('starts after the sockets are open and purges in slices: the gate answers throughout a large purge', async () => {
    const home = tempDir('gh-home-');
    const file = path.join(home, 'gatehouse.db');
    seedOldSession(file, 'old', 1000, 15_000);
    t = await startTestCore({ home, policy: () => ({ decision: 'allow', reason: 'test policy' }) });
    const s = await t.client.api.startSession({ agent: 'generic', argv: ['x'], cwd: '/w', pid: null });
    const ask = () =>
      post(s.gateSocket, GATE_PATHS.check, JSON.stringify({ command: 'ls', cwd: '/w' }), {
        authorization: `Bearer ${s.token}`,
      });
    // The first pass starts by itself once the sockets are open, and the first answer (which loads the risk engine)
    // comes while it runs. Both done, a second old session is written in, and a pass asked for now is measured from
    // its start: the gate is asked all through it.
    expect((await ask()).status).toBe(200);
    await t.core.upkeep.run();
    expect(count(file, "SELECT count(*) AS n FROM sessions WHERE id = 'old'")).toBe(0);
    seedOldSession(file, 'older', 1000, 15_000);
    const pass = t.core.upkeep.run();
    let done = false;
    void pass.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      const res = await ask();
      latencies.push(performance.now() - started);
      expect(res.status).toBe(200);
    }
    const report = await pass;
    const longest = Math.max(...latencies);
    expect(report.sessionsDeleted, 'the pass deletes the old session').toBe(1);
    // Deleted in one transaction, twice this session held the core ~0.5 s on a 2-vCPU VM (a larger purge, 9.4 s, in
    // the report). In slices the gate answers all along, each answer waiting at most for a slice or two
    // (~240 ms at most measured on an idle VM; bounds here are relative, since a loaded machine slows every step).
    // What holds on any machine, however loaded (timings belong to the benchmarks): the purge ran in many slices, and
    // the gate answered between them (a purge done in one go lets at most the one answer already under way through).
    expect(report.slices.slices, `slices of the ${Math.round(report.ms)} ms purge`).toBeGreaterThanOrEqual(5);
    expect(
      latencies.length,
      `gate answers during the ${Math.round(report.ms)} ms purge (slowest ${Math.round(longest)} ms)`,
    ).toBeGreaterThanOrEqual(2);
    expect(count(file, "SELECT count(*) AS n FROM recording_chunks WHERE session_id = 'older'")).toBe(0);
    expect(count(file, "SELECT count(*) AS n FROM requests WHERE session_id = 'older'")).toBe(0);
  });

  it('switches a new database to incremental vacuum and hands the pages a purge freed back to the disk', async () => {
    const home = tempDir('gh-home-');
    t = await startTestCore({ home });
    await t.core.upkeep.run();
    expect((await t.client.api.storageStatus()).autoVacuum).toBe('incremental');
    await t.stop();
    t = null;
    const file = path.join(home, 'gatehouse.db');
    seedOldSession(file, 'old', 600, 1000);
    const grown = fs.statSync(file).size;
    t = await startTestCore({ home });
    // The pass that starts with the core (joined here, or already done and run again).
    await t.core.upkeep.run();
    const status = await t.client.api.storageStatus();
    expect(status.sessions).toBe(0);
    expect(status.freeBytes).toBe(0);
    expect(status.fileBytes, `the file shrank from ${grown}`).toBeLessThan(2 * 1024 * 1024);
    expect(status.lastUpkeep?.longestSliceMs).toBeLessThan(1000);
  });

  it('removes audit entries older than auditRetentionDays, and `gatehouse audit verify` verifies from the checkpoint', async () => {
    const home = tempDir('gh-home-');
    const db = openDatabase(path.join(home, 'gatehouse.db'));
    const audit = new AuditRepository(db);
    for (let i = 0; i < 55; i++)
      audit.record({
        at: Date.now() - (i < 50 ? 30 : 1) * DAY + i,
        kind: 'decision',
        actor: 'rule:r1',
        subject: `q${i}`,
        data: { command: `ls ${i}` },
      });
    db.close();
    new SettingsFile(home).update({ auditRetentionDays: 7 });
    t = await startTestCore({ home });
    await t.core.upkeep.run();
    expect(await t.client.api.verifyAudit()).toMatchObject({
      ok: true,
      entries: 6,
      checkpoint: { throughSeq: 50, entries: 50 },
    });
    const status = await t.client.api.storageStatus();
    expect(status).toMatchObject({ auditEntries: 6, auditCheckpoint: { throughSeq: 50 } });
    const res = await cli(['audit', 'verify'], cliEnv(home));
    expect(res.stdout).toMatch(/whole from the checkpoint at entry 50 .*: 6 entries, every link holds/);
    expect(res.code).toBe(0);
    // Turned off again (null is stored as such): kept forever from now on.
    expect((await t.client.api.updateSettings({ auditRetentionDays: null })).auditRetentionDays).toBeNull();
    expect(new SettingsFile(home).read().auditRetentionDays).toBeNull();
  });

  it('leaves a large database made by an older Gatehouse as it is until compacted on request', async () => {
    const home = tempDir('gh-home-');
    const file = path.join(home, 'gatehouse.db');
    seedOldSession(file, 'kept', 400, 10);
    const db = openDatabase(file);
    db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ?').run(Date.now(), 'kept');
    db.close();
    t = await startTestCore({ home });
    await t.core.upkeep.run();
    expect((await t.client.api.storageStatus()).autoVacuum).toBe('none');
    const after = await t.client.api.compactStorage();
    expect(after).toMatchObject({ autoVacuum: 'incremental', sessions: 1, freeBytes: 0 });
  });
});
