// The core's connection under a StoreGuard: a lock held elsewhere costs one short wait, then writes fail at once with
// the reason until the lock goes.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/core/store/database.ts';
import { CORE_BUSY_TIMEOUT_MS, guardStore } from '../../../../electron/core/store/guard.ts';
import { tempDir } from '../../../support/temp.ts';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function pair(): { core: Db; other: Db; file: string } {
  const file = path.join(tempDir(), 'g.db');
  const core = openDatabase(file);
  const other = openDatabase(file);
  open.push(core, other);
  core.exec('CREATE TABLE t (x)');
  return { core, other, file };
}

function timed<T>(fn: () => T): { ms: number; error: unknown } {
  const started = performance.now();
  try {
    fn();
    return { ms: performance.now() - started, error: null };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe('StoreGuard', () => {
  it('waits once for a lock held elsewhere, then fails at once with the reason, and is writable again when it goes', async () => {
    const { core, other, file } = pair();
    const guard = guardStore(core);
    const insert = () => guard.write(() => core.prepare('INSERT INTO t VALUES (1)').run());
    other.exec('BEGIN IMMEDIATE');

    const first = timed(insert);
    expect(first.error).toMatchObject({ name: 'StoreUnavailableError', kind: 'locked' });
    expect((first.error as Error).message).toBe(
      // Held by a connection of this very process: /proc/locks shows this pid.
      `Gatehouse cannot record decisions: the database ${file} is locked by ${process.platform === 'linux' ? `this process (pid ${process.pid})` : 'another process'}. ` +
        'Commands are blocked until it lets go (close the sqlite3 shell or backup tool that has it open).',
    );
    expect(first.ms).toBeGreaterThanOrEqual(CORE_BUSY_TIMEOUT_MS - 5);
    const second = timed(insert);
    expect(second.error).toBe(first.error);
    // At once: not another wait for the lock (the first waited CORE_BUSY_TIMEOUT_MS).
    expect(second.ms).toBeLessThan(CORE_BUSY_TIMEOUT_MS / 2);
    expect(await guard.whenWritable(120)).toBe(false);

    const writable = guard.whenWritable(5000);
    other.exec('ROLLBACK');
    expect(await writable).toBe(true);
    expect(timed(insert).error).toBeNull();
    guard.dispose();
  });

  it('lets reads through while another connection holds the write lock', () => {
    const { core, other } = pair();
    guardStore(core);
    other.exec('BEGIN IMMEDIATE');
    const read = timed(() => core.prepare('SELECT count(*) FROM t').get());
    expect(read.error).toBeNull();
    expect(read.ms).toBeLessThan(CORE_BUSY_TIMEOUT_MS);
    other.exec('ROLLBACK');
  });
});
