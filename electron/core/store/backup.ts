// A rolling backup of what cannot be rebuilt: the rules and the audit trail, copied into a small database of their own
// (`backups/rules-audit-<time>.db` in the data directory, the newest BACKUP_GENERATIONS kept), so a damaged or emptied
// gatehouse.db can be restored with them. Sessions, requests and recordings are not in it: they are history, large,
// and the audit trail already holds every decision.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from './database.ts';

export const BACKUP_GENERATIONS = 3;
/** The backup is refreshed at start and this often while the core runs (and only when the audit trail has grown). */
export const BACKUP_INTERVAL_MS = 6 * 60 * 60 * 1000;
const PREFIX = 'rules-audit-';
const TABLES = ['rules', 'audit'] as const;

export interface BackupInfo {
  file: string;
  /** The audit trail's last entry in it (0 for none). */
  auditSeq: number;
  takenAt: Date;
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => /^rules-audit-(\d+)-a(\d+)\.db$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: path.join(dir, m[0]), takenAt: new Date(Number(m[1])), auditSeq: Number(m[2]) }))
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

function auditSeq(db: Db, schema = 'main'): number {
  return (db.prepare(`SELECT COALESCE(max(seq), 0) AS n FROM ${schema}.audit`).get() as { n: number }).n;
}

function columns(db: Db, schema: string, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as Array<{ name: string }>).map(
    (c) => c.name,
  );
}

/** Copies `table` from schema `from` to schema `to` (the columns both have). */
function copyTable(db: Db, from: string, to: string, table: string): number {
  const theirs = new Set(columns(db, from, table));
  const shared = columns(db, to, table)
    .filter((c) => theirs.has(c))
    .map((c) => `"${c}"`)
    .join(', ');
  return db.prepare(`INSERT INTO ${to}.${table} (${shared}) SELECT ${shared} FROM ${from}.${table}`).run().changes;
}

/**
 * Writes a new backup of `db`'s rules and audit trail into `dir` unless the newest one already holds the whole trail,
 * then keeps the newest BACKUP_GENERATIONS. Returns the file written, or null when nothing had changed.
 */
export function writeBackup(db: Db, dir: string, now = Date.now()): string | null {
  const seq = auditSeq(db);
  const newest = listBackups(dir)[0];
  if (newest && newest.auditSeq === seq && seq > 0) return null;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.partial-${process.pid}.db`);
  fs.rmSync(temp, { force: true });
  try {
    // The full schema, so a restore is a copy between two databases Gatehouse made; one file, no WAL beside it.
    const target = openDatabase(temp);
    target.pragma('journal_mode = DELETE');
    target.close();
    db.prepare('ATTACH DATABASE ? AS backup').run(temp);
    try {
      db.transaction(() => {
        for (const table of TABLES) copyTable(db, 'main', 'backup', table);
      })();
    } finally {
      db.exec('DETACH DATABASE backup');
    }
    const file = path.join(dir, `${PREFIX}${now}-a${seq}.db`);
    fs.renameSync(temp, file);
    for (const old of listBackups(dir).slice(BACKUP_GENERATIONS)) fs.rmSync(old.file, { force: true });
    return file;
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/** Fills a new, empty `db` with the backup's rules and audit trail. Returns how many of each. */
export function restoreBackup(db: Db, backupFile: string): { rules: number; audit: number } {
  db.prepare('ATTACH DATABASE ? AS restored').run(backupFile);
  try {
    return db.transaction(() => ({
      rules: copyTable(db, 'restored', 'main', 'rules'),
      audit: copyTable(db, 'restored', 'main', 'audit'),
    }))();
  } finally {
    db.exec('DETACH DATABASE restored');
  }
}
