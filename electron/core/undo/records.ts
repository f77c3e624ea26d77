// The snapshot records, one JSON file per request under `<data>/undo/records/`. Kept beside the snapshots rather
// than in the database: they are written off the decision's path (the allow is already committed), they go when
// their snapshot goes, and a record lost costs only that command's undo.
import fs from 'node:fs';
import path from 'node:path';
import type { SnapshotRecord } from '../../../shared/undo.ts';

export class SnapshotRecords {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  private file(id: string): string {
    if (!/^[\w-]+$/.test(id)) throw new Error(`not a request id: ${id}`);
    return path.join(this.dir, `${id}.json`);
  }

  get(id: string): SnapshotRecord | null {
    try {
      return JSON.parse(fs.readFileSync(this.file(id), 'utf8')) as SnapshotRecord;
    } catch {
      return null;
    }
  }

  put(record: SnapshotRecord): void {
    const file = this.file(record.requestId);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(record), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
  }

  /** Applies `fn` to the stored record, if there is one, and stores the result. */
  update(id: string, fn: (r: SnapshotRecord) => SnapshotRecord): SnapshotRecord | null {
    const r = this.get(id);
    if (!r) return null;
    const next = fn(r);
    this.put(next);
    return next;
  }

  remove(id: string): void {
    fs.rmSync(this.file(id), { force: true });
  }

  /** Every record, oldest first. */
  list(): SnapshotRecord[] {
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const r = this.get(f.slice(0, -'.json'.length));
        return r ? [r] : [];
      })
      .sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  }
}
