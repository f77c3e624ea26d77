// Opening the core's database at start, and saying what is wrong with it when something is: a file emptied or damaged
// (restored from the rolling backup of rules and audit when there is one, refused with what to do when there is not,
// never silently started empty), another process holding its write lock (which one), a full disk (how much room).
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_INTERVAL_MS, listBackups, restoreBackup, writeBackup } from './backup.ts';
import { openDatabase, type Db } from './database.ts';
import { describeStoreError, isCorrupt, StoreUnavailableError, lockedMessage, writeLockHolder } from './failures.ts';
import { guardStore, type StoreGuard } from './guard.ts';
import type { SpaceReserve } from './space.ts';

/**
 * Up to this size the whole file gets `PRAGMA quick_check` (measured: 150-400 ms for 269 MB of recording-like blobs on
 * a loaded 2-vCPU VM, warm cache; the start waits for it before the sockets open);
 * a larger one is checked table by table, skipping the recordings' chunks, keyframes and search rows (the bulk
 * of any large file, and nothing a decision depends on).
 */
export const FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024;
const BULK_TABLES = new Set(['recording_chunks', 'recording_keyframes']);

export interface OpenedStore {
  db: Db;
  /** Set when the file was restored from a backup at this start: what happened, for the log. */
  restored: string | null;
}

export interface StoreStartOptions {
  /** The data directory's folder of backups. */
  backupDir: string;
  /** Whether Gatehouse has run on this data directory before (an empty database is then a lost one, not a new one). */
  usedBefore: boolean;
  /** How long to wait at start for another process's write lock before refusing to start. */
  lockWaitMs?: number;
  now?: () => number;
}

/** Opens and checks the database. Throws StoreUnavailableError, with its message for a person, when it cannot be used. */
export function openCoreStore(file: string, opts: StoreStartOptions): OpenedStore {
  const now = opts.now ?? Date.now;
  const size = fileSize(file);
  if (size === 0 && (opts.usedBefore || listBackups(opts.backupDir).length > 0)) {
    return recover(
      file,
      opts,
      now,
      `${file} is empty (0 bytes), though Gatehouse has used it before: its rules and audit trail were lost`,
    );
  }
  let db: Db;
  try {
    db = openDatabase(file, { busyTimeoutMs: opts.lockWaitMs });
  } catch (err) {
    if (isCorrupt(err)) return recover(file, opts, now, `${file} is damaged (${(err as Error).message})`);
    throw describeStoreError(err, file) ?? err;
  }
  try {
    const damage = integrityProblems(db, size ?? 0);
    if (damage.length > 0) {
      db.close();
      return recover(
        file,
        opts,
        now,
        `${file} is damaged (quick_check: ${damage.slice(0, 3).join('; ')}${damage.length > 3 ? `; ${damage.length - 3} more` : ''})`,
      );
    }
    probeWriteLock(db, file);
    return { db, restored: null };
  } catch (err) {
    if (db.open) db.close();
    if (isCorrupt(err)) return recover(file, opts, now, `${file} is damaged (${(err as Error).message})`);
    throw describeStoreError(err, file) ?? err;
  }
}

export interface CoreStore {
  db: Db;
  guard: StoreGuard;
  close(): void;
}

/**
 * The core's database: opened and checked (see openCoreStore), backed up now and every BACKUP_INTERVAL_MS, its writes
 * under a StoreGuard, and the disk's reserve made when there is room (the caller made `reserve` before taking the lock).
 */
export function openStoreForCore(
  file: string,
  reserve: SpaceReserve,
  opts: StoreStartOptions & { log: (message: string) => void },
): CoreStore {
  const { db, restored } = openCoreStore(file, opts);
  if (restored) opts.log(`gatehouse: ${restored}`);
  refreshBackup(db, opts.backupDir, opts.log);
  const timer = setInterval(() => refreshBackup(db, opts.backupDir, opts.log), BACKUP_INTERVAL_MS);
  timer.unref();
  reserve.ensure();
  const guard = guardStore(db);
  guard.reserve = reserve;
  return {
    db,
    guard,
    close() {
      clearInterval(timer);
      guard.dispose();
      // The rules and audit as the core leaves them, for the next start to restore should the file be damaged meanwhile.
      refreshBackup(db, opts.backupDir, opts.log);
      db.close();
    },
  };
}

/** Refreshes the rolling backup; a failure (a full disk) is reported, never fatal. */
export function refreshBackup(db: Db, backupDir: string, report: (message: string) => void): void {
  try {
    writeBackup(db, backupDir);
  } catch (err) {
    const problem = describeStoreError(err, path.join(backupDir, 'rules-audit.db'));
    const why = problem?.kind === 'full' ? 'the disk is full' : (problem?.message ?? String(err));
    report(
      `gatehouse: could not refresh the backup of rules and the audit trail in ${backupDir} (${why}); the earlier backups are kept.`,
    );
  }
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/** `quick_check`'s complaints (empty when the file is sound), over the whole file or, for a large one, the tables that matter. */
function integrityProblems(db: Db, size: number): string[] {
  const check = (sql: string) =>
    (db.prepare(sql).all() as Array<Record<string, string>>)
      .map((r) => Object.values(r)[0] ?? '')
      .filter((m) => m !== 'ok');
  if (size <= FULL_CHECK_MAX_BYTES) return check('PRAGMA quick_check');
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'recording_search%'",
      )
      .all() as Array<{ name: string }>
  )
    .map((t) => t.name)
    .filter((t) => !BULK_TABLES.has(t));
  return tables.flatMap((t) => check(`PRAGMA quick_check("${t}")`));
}

/** Takes the write lock and gives it back: a lock held by another process refuses the start, saying who holds it. */
function probeWriteLock(db: Db, file: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
  } catch (err) {
    const problem = describeStoreError(err, file);
    if (problem?.kind === 'locked') {
      throw new StoreUnavailableError(
        'locked',
        `${lockedMessage(file, writeLockHolder(file)).replace('Commands are blocked until it lets go', 'Gatehouse cannot start until it lets go')}`,
      );
    }
    throw err;
  }
}

/**
 * The file cannot be used as it is. With a backup: the file is moved aside (never deleted), a new one is made and the
 * backup's rules and audit trail are put in it. Without one: Gatehouse refuses to start, and says how to go on.
 */
function recover(file: string, opts: StoreStartOptions, now: () => number, what: string): OpenedStore {
  const backup = listBackups(opts.backupDir)[0];
  const aside = `${file}.damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  if (!backup) {
    throw new StoreUnavailableError(
      size0(file) ? 'empty' : 'corrupt',
      `${what}, and there is no backup in ${opts.backupDir}. Gatehouse will not start over it with no rules and no audit trail. ` +
        `Keep the file and start afresh with \`mv ${file} ${aside}\` (then \`gatehouse daemon\`), or try to salvage it with \`sqlite3 ${file} .recover\`.`,
    );
  }
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  const db = openDatabase(file, { busyTimeoutMs: opts.lockWaitMs });
  try {
    const counts = restoreBackup(db, backup.file);
    return {
      db,
      restored:
        `${what}. Gatehouse moved it to ${aside} and restored ${counts.rules} rules and ${counts.audit} audit entries from the backup of ` +
        `${backup.takenAt.toISOString()} (${backup.file}). Sessions, recordings and requests are not in the backup; anything after it is only in the moved file.`,
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

function size0(file: string): boolean {
  return fileSize(file) === 0;
}
