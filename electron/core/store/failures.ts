// What went wrong with the store, in words a person can act on: the database locked by another process (and which),
// the disk holding it full (and how much room Gatehouse needs), the file damaged or emptied (and what Gatehouse does).
// Every agent denied because a decision could not be recorded is told one of these, never "internal error".
import fs from 'node:fs';
import path from 'node:path';

export type StoreProblemKind = 'locked' | 'full' | 'corrupt' | 'empty' | 'io';

/** Room Gatehouse wants free beside its database: the write-ahead log grows to ~4 MB between checkpoints. */
export const STORE_MIN_FREE_BYTES = 8 * 1024 * 1024;

/** The store cannot be used right now, and the message says why and what to do. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  readonly kind: StoreProblemKind;
  constructor(kind: StoreProblemKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** better-sqlite3's SqliteError: `code` is SQLite's extended result code name (SQLITE_BUSY, SQLITE_FULL, …). */
function sqliteCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isBusy(err: unknown): boolean {
  const code = sqliteCode(err);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

export function isDiskFull(err: unknown): boolean {
  const code = sqliteCode(err);
  return (
    code === 'SQLITE_FULL' ||
    code === 'ENOSPC' ||
    code === 'EDQUOT' ||
    (code.startsWith('SQLITE_IOERR') && /no space|disk is full/i.test(String(err)))
  );
}

export function isCorrupt(err: unknown): boolean {
  const code = sqliteCode(err);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** Bytes free for this user on the file system holding `file` (or its folder), or null when it cannot be read. */
export function freeBytes(file: string): number | null {
  for (let p = file; ; p = path.dirname(p)) {
    try {
      const s = fs.statfsSync(p);
      return s.bavail * s.bsize;
    } catch {
      if (path.dirname(p) === p) return null;
    }
  }
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export function diskFullMessage(file: string): string {
  const free = freeBytes(file);
  return (
    `Gatehouse cannot record decisions: the disk holding ${file} is full` +
    `${free === null ? '' : ` (${mb(free)} free; Gatehouse needs at least ${mb(STORE_MIN_FREE_BYTES)})`}. ` +
    'Free some space there, for example delete old sessions with `gatehouse sessions rm <id>`; until then every command is blocked.'
  );
}

export function lockedMessage(file: string, holder: number | null): string {
  const who =
    holder === null ? 'another process' : holder === process.pid ? `this process (pid ${holder})` : `pid ${holder}`;
  return (
    `Gatehouse cannot record decisions: the database ${file} is locked by ${who}. ` +
    'Commands are blocked until it lets go (close the sqlite3 shell or backup tool that has it open).'
  );
}

/**
 * The process holding SQLite's WAL write lock on `dbFile`, from /proc/locks (Linux): SQLite takes it as a POSIX
 * lock on byte 120 of the `-shm` file (WALINDEX_LOCK_OFFSET + WAL_WRITE_LOCK). Null where that cannot be told
 * (another system, or a lock not visible there); the message then says "another process".
 */
export function writeLockHolder(dbFile: string): number | null {
  let inode: number;
  try {
    inode = fs.statSync(`${dbFile}-shm`).ino;
    const locks = fs.readFileSync('/proc/locks', 'utf8');
    for (const line of locks.split('\n')) {
      // "1: POSIX  ADVISORY  WRITE 12345 08:01:1234567 120 120"
      const m =
        /^\d+:\s+(?:->\s+)?POSIX\s+ADVISORY\s+WRITE\s+(\d+)\s+[0-9a-f]+:[0-9a-f]+:(\d+)\s+(\d+)\s+(\d+|EOF)/.exec(
          line.trim(),
        );
      if (!m || Number(m[2]) !== inode) continue;
      const start = Number(m[3]);
      const end = m[4] === 'EOF' ? Infinity : Number(m[4]);
      if (start <= 120 && end >= 120) return Number(m[1]);
    }
  } catch {
    // Not Linux, no -shm yet, or /proc unreadable.
  }
  return null;
}

/** The store's failure as a StoreUnavailableError with its message, or null when it is not one of the store's known troubles. */
export function describeStoreError(err: unknown, dbFile: string): StoreUnavailableError | null {
  if (err instanceof StoreUnavailableError) return err;
  if (isBusy(err)) return new StoreUnavailableError('locked', lockedMessage(dbFile, writeLockHolder(dbFile)));
  if (isDiskFull(err)) return new StoreUnavailableError('full', diskFullMessage(dbFile));
  if (isCorrupt(err)) {
    return new StoreUnavailableError(
      'corrupt',
      `Gatehouse cannot record decisions: the database ${dbFile} is damaged (${String((err as Error).message)}). ` +
        'Restart Gatehouse: it checks the file at start and restores rules and the audit trail from its last backup.',
    );
  }
  const code = sqliteCode(err);
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return new StoreUnavailableError(
      'io',
      `Gatehouse cannot record decisions: the database ${dbFile} cannot be written (${code}: ${String((err as Error).message)}).`,
    );
  }
  return null;
}
