// Keeps a locked database from stalling the core's thread. better-sqlite3 is synchronous: a write that finds another
// process holding the write lock sleeps in SQLite's busy handler, and everything on the thread (the gate, the control
// API, hosted terminals) sleeps with it. On the core's connection a write waits at most CORE_BUSY_TIMEOUT_MS; once one
// has found the lock taken, the store is "locked" and writes fail at once, without touching SQLite, until a probe
// (every PROBE_MS, waiting for nothing) finds the lock free. Callers that can wait (the gate) wait for that off the
// thread (`whenWritable`); the rest get the reason at once. Reads are never blocked by a writer in WAL mode.
import type { Db } from './database.ts';
import { describeStoreError, type StoreUnavailableError } from './failures.ts';
import type { SpaceReserve } from './space.ts';

/**
 * How long one write on the core's thread may wait for a lock. The recording thread's own transactions (a chunk, an
 * index step) take a few ms; a writer holding on for longer is another process, and is waited for off the thread.
 */
export const CORE_BUSY_TIMEOUT_MS = 50;
/** How often a locked store is tried again. Each try waits for nothing (busy_timeout 0). */
const PROBE_MS = 50;

export class StoreGuard {
  private readonly db: Db;
  private readonly busyTimeoutMs: number;
  private locked: StoreUnavailableError | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private readonly waiters = new Set<() => void>();
  /** Room kept on the disk for deleting sessions when it is full (the core sets it). */
  reserve: SpaceReserve | null = null;

  constructor(db: Db, busyTimeoutMs: number) {
    this.db = db;
    this.busyTimeoutMs = busyTimeoutMs;
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }

  /** The reason writes fail right now (locked), or null. */
  get problem(): StoreUnavailableError | null {
    return this.locked;
  }

  /** Runs a write. A failure the store knows (locked, full, damaged) is thrown as a StoreUnavailableError with its reason. */
  write<T>(fn: () => T): T {
    if (this.locked) throw this.locked;
    try {
      return fn();
    } catch (err) {
      const problem = describeStoreError(err, this.db.name);
      if (!problem) throw err;
      if (problem.kind === 'locked') this.enterLocked(problem);
      throw problem;
    }
  }

  /** Resolves true as soon as the store is not known to be locked, false if it still is after `ms`. */
  whenWritable(ms: number): Promise<boolean> {
    if (!this.locked) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(ok);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.waiters.add(wake);
    });
  }

  dispose(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
    for (const w of [...this.waiters]) w();
  }

  private enterLocked(problem: StoreUnavailableError): void {
    this.locked = problem;
    if (this.probeTimer) return;
    this.probeTimer = setInterval(() => this.probe(), PROBE_MS);
    this.probeTimer.unref();
  }

  /** Takes the write lock and gives it back at once, waiting for nothing. */
  private probe(): void {
    if (!this.db.open) return this.dispose();
    if (this.db.inTransaction) return;
    try {
      this.db.pragma('busy_timeout = 0');
      this.db.exec('BEGIN IMMEDIATE');
      this.db.exec('ROLLBACK');
    } catch (err) {
      const problem = describeStoreError(err, this.db.name);
      if (problem?.kind === 'locked') {
        this.locked = problem;
        return;
      }
    } finally {
      if (this.db.open) this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    }
    this.locked = null;
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
    for (const w of [...this.waiters]) w();
  }
}

const guards = new WeakMap<Db, StoreGuard>();

/** Puts the core's connection under a guard: its writes wait at most `busyTimeoutMs` for a lock. */
export function guardStore(db: Db, busyTimeoutMs = CORE_BUSY_TIMEOUT_MS): StoreGuard {
  const guard = new StoreGuard(db, busyTimeoutMs);
  guards.set(db, guard);
  return guard;
}

export function guardOf(db: Db): StoreGuard | null {
  return guards.get(db) ?? null;
}

/** A write through the connection's guard when it has one (the core's); as is otherwise (tests, the recording thread). */
export function guardedWrite<T>(db: Db, fn: () => T): T {
  const guard = guards.get(db);
  return guard ? guard.write(fn) : fn();
}
