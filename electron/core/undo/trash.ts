// Gatehouse's trash: where an undo moves the files created after a snapshot, instead of deleting them (a restore
// that deletes untracked files loses work the agent never touched). One folder per undo, holding the files at their
// paths in the project and a `trash.json` naming the project; listed and put back by `gatehouse snapshots`. An entry can
// also be filled by the agent's own command ("Run it safer", safer/): prepared when the person chooses it, its files
// moved by that command into a staging folder inside the project (a sandboxed agent cannot reach Gatehouse's data),
// then collected from there into the entry once the command has run.
import fs from 'node:fs';
import path from 'node:path';
import type { TrashEntry } from '../../../shared/undo.ts';

const MANIFEST = 'trash.json';

/** An entry's manifest as written: a prepared one also names the staging folder its files arrive in. */
type Manifest = Omit<TrashEntry, 'dir'> & { staged?: string };

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

  /**
   * An entry the agent's command fills: `files` (relative to `root`) are to arrive in `staged`, at their paths below it.
   * Listed at once; `collect` takes them in.
   */
  prepare(id: string, root: string, files: readonly string[], staged: string): void {
    const dest = path.join(this.dir, id);
    fs.mkdirSync(dest, { recursive: true, mode: 0o700 });
    const entry: Manifest = { id, root, at: new Date().toISOString(), files: [...files], staged };
    fs.writeFileSync(path.join(dest, MANIFEST), JSON.stringify(entry));
  }

  /**
   * Moves what a prepared entry's command put in its staging folder into the entry, and removes the folder (and the
   * staging root, once empty). An entry none of whose files arrived (the command did not run) goes. The staging folder
   * is the agent's to write: one reached through a symbolic link is not read. Returns how many paths were taken in.
   */
  collect(id: string): number {
    const dest = path.join(this.dir, id);
    let entry: Manifest;
    try {
      entry = JSON.parse(fs.readFileSync(path.join(dest, MANIFEST), 'utf8')) as Manifest;
    } catch {
      return 0;
    }
    const staged = entry.staged;
    if (!staged) return 0;
    let taken = 0;
    if (fs.existsSync(staged) && realOrNull(staged) === staged) {
      for (const rel of entry.files) {
        const from = path.join(staged, rel);
        const to = path.join(dest, 'files', rel);
        // Only what stands at its own path there: no folder on the way may lead elsewhere.
        if ((!fs.existsSync(from) && !isLink(from)) || realOrNull(path.dirname(from)) !== path.dirname(from)) continue;
        fs.mkdirSync(path.dirname(to), { recursive: true });
        moveFile(from, to);
        taken += 1;
      }
      fs.rmSync(staged, { recursive: true, force: true });
      try {
        fs.rmdirSync(path.dirname(staged));
      } catch {
        // Another entry's staging folder is still there.
      }
    }
    const arrived = entry.files.filter((rel) => fs.existsSync(path.join(dest, 'files', rel)));
    if (arrived.length === 0) fs.rmSync(dest, { recursive: true, force: true });
    else {
      const done: Manifest = { id: entry.id, root: entry.root, at: entry.at, files: arrived };
      fs.writeFileSync(path.join(dest, MANIFEST), JSON.stringify(done));
    }
    return taken;
  }

  list(): TrashEntry[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .flatMap((id) => {
        try {
          const m = JSON.parse(fs.readFileSync(path.join(this.dir, id, MANIFEST), 'utf8')) as Manifest;
          const entry: TrashEntry = { id: m.id, root: m.root, at: m.at, files: m.files, dir: path.join(this.dir, id) };
          return [entry];
        } catch {
          return [];
        }
      })
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Puts one undo's files back where they were; a file that exists there now is left alone and named. */
  putBack(id: string): { restored: string[]; skipped: string[] } {
    // A safer delete whose outcome never came (the core restarted): its files are still in the staging folder.
    this.collect(id);
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

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
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
