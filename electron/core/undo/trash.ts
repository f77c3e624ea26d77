// Gatehouse's trash: where an undo moves the files created after a snapshot, instead of deleting them (a restore
// that deletes untracked files loses work the agent never touched). One folder per undo, holding the files at their
// paths in the project and a `trash.json` naming the project; listed and put back by `gatehouse snapshots`.
import fs from 'node:fs';
import path from 'node:path';
import type { TrashEntry } from '../../../shared/undo.ts';

const MANIFEST = 'trash.json';

export class Trash {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Moves each file (relative to `root`) into this undo's folder; returns the folder, or null when none was given. */
  move(id: string, root: string, files: readonly string[]): string | null {
    if (files.length === 0) return null;
    const dest = path.join(this.dir, id);
    fs.mkdirSync(dest, { recursive: true, mode: 0o700 });
    const moved: string[] = [];
    for (const rel of files) {
      const from = path.join(root, rel);
      const to = path.join(dest, 'files', rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      moveFile(from, to);
      moved.push(rel);
      removeEmptiedFolders(root, path.dirname(from));
    }
    const entry: Omit<TrashEntry, 'dir'> = { id, root, at: new Date().toISOString(), files: moved };
    fs.writeFileSync(path.join(dest, MANIFEST), JSON.stringify(entry));
    return dest;
  }

  list(): TrashEntry[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .flatMap((id) => {
        try {
          const entry = JSON.parse(fs.readFileSync(path.join(this.dir, id, MANIFEST), 'utf8')) as TrashEntry;
          return [{ ...entry, dir: path.join(this.dir, id) }];
        } catch {
          return [];
        }
      })
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Puts one undo's files back where they were; a file that exists there now is left alone and named. */
  putBack(id: string): { restored: string[]; skipped: string[] } {
    const entry = this.list().find((e) => e.id === id);
    if (!entry) throw new Error(`nothing in Gatehouse's trash has the id ${id}`);
    const restored: string[] = [];
    const skipped: string[] = [];
    for (const rel of entry.files) {
      const from = path.join(entry.dir, 'files', rel);
      const to = path.join(entry.root, rel);
      if (!fs.existsSync(from)) continue;
      if (fs.existsSync(to)) {
        skipped.push(rel);
        continue;
      }
      fs.mkdirSync(path.dirname(to), { recursive: true });
      moveFile(from, to);
      restored.push(rel);
    }
    if (skipped.length === 0) fs.rmSync(entry.dir, { recursive: true, force: true });
    return { restored, skipped };
  }

  /** Empties the trash of undos older than `before` (ms since the epoch). */
  prune(before: number): number {
    let n = 0;
    for (const e of this.list()) {
      if (Date.parse(e.at) >= before) continue;
      fs.rmSync(e.dir, { recursive: true, force: true });
      n += 1;
    }
    return n;
  }
}

/** The folders a move left empty, up to the project's root (rmdir refuses any that still hold something). */
function removeEmptiedFolders(root: string, dir: string): void {
  let cur = dir;
  while (cur !== root && cur.startsWith(`${root}/`)) {
    try {
      fs.rmdirSync(cur);
    } catch {
      return;
    }
    cur = path.dirname(cur);
  }
}

/** rename, or copy and remove across file systems. */
function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.cpSync(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}
