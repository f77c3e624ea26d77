// Opens the one SQLite file (WAL) and brings its schema up to date. The only importer of better-sqlite3.
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  migrations?: readonly Migration[];
  /**
   * FULL (the default): every commit is synced, so a decision is on disk, not just in the OS's cache, before the
   * agent is answered. NORMAL: commits survive the process crashing; an OS crash or power loss may undo the last
   * ones (synced at each checkpoint). For a connection that only writes recordings.
   */
  durability?: 'full' | 'normal';
  /** How long a statement waits for another connection's lock while opening (and after, unless the core's guard shortens it). */
  busyTimeoutMs?: number;
}

/** Opening waits this long for a lock: nothing is served yet, and a backup or sqlite3 shell may be finishing. */
export const OPEN_BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const migrations = opts.migrations ?? MIGRATIONS;
  const busyTimeoutMs = opts.busyTimeoutMs ?? OPEN_BUSY_TIMEOUT_MS;
  // The busy timeout is set before anything else: switching to WAL and migrating may wait for another process's lock.
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${opts.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `the database was written by a newer Gatehouse (schema ${current}, this one knows ${latest}); upgrade Gatehouse`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
