// Room kept aside on the disk holding the data directory, so that on a full disk Gatehouse can still start (its lock
// file) and delete sessions (SQLite writes the deletion to the write-ahead log before it frees anything): deleting must
// free space, not need it. `space.reserve` is a file of zeros made when there is room, and removed when it is needed.
import fs from 'node:fs';
import path from 'node:path';
import { freeBytes, STORE_MIN_FREE_BYTES } from './failures.ts';

/** Enough for the lock file and for the write-ahead log of deleting a large session (its pages' freelist, not its data). */
export const RESERVE_BYTES = 4 * 1024 * 1024;

export class SpaceReserve {
  readonly file: string;

  constructor(home: string) {
    this.file = path.join(home, 'space.reserve');
  }

  get present(): boolean {
    try {
      return fs.statSync(this.file).size >= RESERVE_BYTES;
    } catch {
      return false;
    }
  }

  /** Makes the reserve when it is missing and the disk has room for it and for the database besides. Never throws. */
  ensure(): boolean {
    if (this.present) return true;
    const free = freeBytes(path.dirname(this.file));
    if (free === null || free < RESERVE_BYTES + STORE_MIN_FREE_BYTES) return false;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, Buffer.alloc(RESERVE_BYTES), { mode: 0o600 });
      fs.renameSync(temp, this.file);
      return true;
    } catch {
      fs.rmSync(temp, { force: true });
      return false;
    }
  }

  /** Gives the reserve's room back to the disk. Returns false when there was none to give. */
  release(): boolean {
    const had = this.present;
    fs.rmSync(this.file, { force: true });
    return had;
  }
}
