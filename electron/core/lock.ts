// One core per data directory: an exclusive lock file holding the owner's pid.
import fs from 'node:fs';
import { diskFullMessage, isDiskFull, StoreUnavailableError } from './store/failures.ts';

export class CoreAlreadyRunningError extends Error {
  override readonly name = 'CoreAlreadyRunningError';
  readonly pid: number;
  constructor(pid: number, home: string) {
    super(
      `another Gatehouse core (pid ${pid}) is already running for ${home}. ` +
        'Use that one, stop it first, or set GATEHOUSE_HOME to another data directory.',
    );
    this.pid = pid;
  }
}

export interface LockInfo {
  pid: number;
  startedAt: string;
  /** Where the running core listens. Clients read these rather than re-deriving them, since TMPDIR differs between shells. */
  gateSocket?: string;
  controlSocket?: string;
}

/** Whether a process exists (signal 0 checks without signalling; EPERM: it exists but is not ours to signal). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid !== 'number') return null;
    const sockets =
      typeof info.gateSocket === 'string' && typeof info.controlSocket === 'string'
        ? { gateSocket: info.gateSocket, controlSocket: info.controlSocket }
        : {};
    return { pid: info.pid, startedAt: String(info.startedAt ?? ''), ...sockets };
  } catch {
    return null;
  }
}

/** Lock files this process holds: a pid check cannot tell two cores in one process apart. */
const heldHere = new Set<string>();

export interface Lock {
  /** Records where the core listens, for clients to find it. */
  publish(sockets: { gateSocket: string; controlSocket: string }): void;
  release(): void;
}

/**
 * Writes `text` to a file created here (`wx`) or aside (then renamed). A write that fails (a full disk) leaves no
 * empty or partial file behind, and a full disk is said as such: the file is removed and the error names the place.
 * `makeRoom` may free some space (the data directory's reserve) and says whether it did; then it is tried once more.
 */
function writeWhole(file: string, text: string, flag: 'wx' | 'w', makeRoom?: () => boolean): void {
  try {
    fs.writeFileSync(file, text, { flag, mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw err;
    fs.rmSync(file, { force: true });
    if (isDiskFull(err) && makeRoom?.()) return writeWhole(file, text, flag);
    if (isDiskFull(err))
      throw new StoreUnavailableError(
        'full',
        `Gatehouse cannot start: ${diskFullMessage(file).replace(/^Gatehouse cannot record decisions: /, '')}`,
      );
    throw err;
  }
}

/**
 * Takes the lock or throws CoreAlreadyRunningError. A lock left by a dead process is taken over.
 * On a full disk, `makeRoom` is asked to free some space (see writeWhole).
 */
export function acquireLock(file: string, home: string, makeRoom?: () => boolean): Lock {
  if (heldHere.has(file)) throw new CoreAlreadyRunningError(process.pid, home);
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeWhole(file, JSON.stringify(info), 'wx', makeRoom);
      heldHere.add(file);
      return {
        publish(sockets) {
          // Written aside and renamed, so a reader never sees half a file.
          writeWhole(`${file}.${process.pid}.tmp`, JSON.stringify({ ...info, ...sockets }), 'w', makeRoom);
          fs.renameSync(`${file}.${process.pid}.tmp`, file);
        },
        release() {
          heldHere.delete(file);
          if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid))
        throw new CoreAlreadyRunningError(holder.pid, home);
      // Stale (its process is gone) or unreadable (a crash mid-write): remove it and try once more.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}; another core may be starting at the same moment`);
}
