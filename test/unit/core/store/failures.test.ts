// The store's failures in words: a full disk, a damaged file, and who holds the lock.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/core/store/database.ts';
import { describeStoreError, writeLockHolder } from '../../../../electron/core/store/failures.ts';
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

describe('store failures in words', () => {
  it('says a full disk, with the place, and a damaged file, with what to do', () => {
    const full = describeStoreError(
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
      '/data/gatehouse.db',
    );
    expect(full?.kind).toBe('full');
    expect(full?.message).toMatch(/^Gatehouse cannot record decisions: the disk holding \/data\/gatehouse\.db is full/);
    const corrupt = describeStoreError(
      Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }),
      '/data/gatehouse.db',
    );
    expect(corrupt?.kind).toBe('corrupt');
    expect(corrupt?.message).toContain('restores rules and the audit trail from its last backup');
    expect(describeStoreError(new TypeError('a bug'), '/data/gatehouse.db')).toBeNull();
  });

  it('finds no holder when nothing holds the lock', () => {
    const { file } = pair();
    expect(writeLockHolder(file)).toBeNull();
  });
});
