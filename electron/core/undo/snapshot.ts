// A snapshot of a project's working tree before a command that may change it: every tracked and untracked file
// (not the ignored ones), written through a private index into a commit kept under a private ref
// (`refs/gatehouse/snapshots/<request>`). The person's branches, index, stash, status and HEAD's reflog are not
// touched: only new objects and a ref under refs/gatehouse/ appear. The private index is kept between snapshots
// (seeded from the project's own index the first time), so git re-reads only files whose stat changed: that is what
// makes the second snapshot of a 5,000-file repository take tens of milliseconds (test/bench/undo.ts).
// Outside a git repository the project gets a private git directory in Gatehouse's data, with the project as its
// work tree.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findRepository, SafeGit } from './git.ts';

/** Where a project's snapshots are kept. */
export interface SnapshotPlace {
  /** The project's root: the git root of the cwd, or the cwd itself outside git. */
  root: string;
  gitDir: string;
  /** True for a project outside git, whose snapshots live in a git directory of Gatehouse's own. */
  privateRepo: boolean;
}

export interface TakenSnapshot extends SnapshotPlace {
  commit: string;
  ref: string;
  ms: number;
  /** Files git could not read (permissions): said on the card, the rest is kept. */
  unreadable: boolean;
}

export const SNAPSHOT_REF_PREFIX = 'refs/gatehouse/';

export class SnapshotRefused extends Error {}

export interface SnapshotterOptions {
  /** The git program (`findGit()`). */
  git: string;
  /** Gatehouse's undo directory (`<data>/undo`): private indexes, private repositories, an empty HOME for git. */
  dir: string;
  /** The user's home: a cwd of the home itself (or `/`) outside git is not snapshotted whole. */
  home?: string;
}

export class Snapshotter {
  private readonly places = new Map<string, SnapshotPlace | SnapshotRefused>();
  /** One git write at a time per repository: snapshots share its private index. */
  private readonly queues = new Map<string, Promise<unknown>>();
  readonly emptyHome: string;
  private readonly home: string;

  private readonly o: SnapshotterOptions;

  constructor(o: SnapshotterOptions) {
    this.o = o;
    this.emptyHome = path.join(o.dir, 'git-home');
    this.home = o.home ?? os.homedir();
    fs.mkdirSync(this.emptyHome, { recursive: true, mode: 0o700 });
  }

  /** The project a cwd belongs to, remembered per cwd. Throws SnapshotRefused for a home or a system folder. */
  async place(cwd: string): Promise<SnapshotPlace> {
    // A command run where no folder is (yet) changes nothing a snapshot could keep.
    if (!fs.existsSync(cwd)) throw new SnapshotRefused(`${cwd} does not exist`);
    const known = this.places.get(cwd);
    if (known instanceof SnapshotRefused) throw known;
    if (known) return known;
    try {
      const place = await this.findPlace(cwd);
      this.places.set(cwd, place);
      return place;
    } catch (err) {
      // Asked once per folder: a refused folder is not walked again for every command run in it.
      if (err instanceof SnapshotRefused) this.places.set(cwd, err);
      throw err;
    }
  }

  private async findPlace(cwd: string): Promise<SnapshotPlace> {
    const repo = await findRepository(this.o.git, cwd, this.emptyHome);
    let place: SnapshotPlace;
    if (repo) {
      // A repository at the home folder (a dotfiles one) would take every untracked file of the home.
      if (this.notAProject(repo.root))
        throw new SnapshotRefused(`${repo.root} is not a project folder, so it was not snapshotted whole`);
      place = { root: repo.root, gitDir: repo.gitDir, privateRepo: false };
      this.seeds.set(repo.gitDir, repo.index);
    } else {
      const root = path.resolve(cwd);
      if (this.notAProject(root))
        throw new SnapshotRefused(`${root} is not a project folder, so it was not snapshotted whole`);
      if (!withinFiles(root, MAX_FILES_OUTSIDE_GIT))
        throw new SnapshotRefused(
          `${root} is not in git and holds more than ${MAX_FILES_OUTSIDE_GIT.toLocaleString('en')} files, so it was not snapshotted`,
        );
      const gitDir = path.join(this.o.dir, 'repos', digest(root));
      if (!fs.existsSync(path.join(gitDir, 'HEAD'))) {
        fs.mkdirSync(gitDir, { recursive: true, mode: 0o700 });
        await new SafeGit(this.o.git, { gitDir, workTree: root }, this.emptyHome).initBare();
      }
      place = { root, gitDir, privateRepo: true };
    }
    return place;
  }

  /** `/`, the home, a temporary-files root or a system folder: never a project. */
  private notAProject(root: string): boolean {
    const temp = ['/tmp', '/var/tmp', os.tmpdir()];
    return root === '/' || root === this.home || !root.startsWith('/') || temp.includes(root) || isSystemDir(root);
  }

  private readonly seeds = new Map<string, string>();

  /** git, run safely in the project of `place`. */
  gitFor(place: SnapshotPlace): SafeGit {
    return new SafeGit(this.o.git, { gitDir: place.gitDir, workTree: place.root }, this.emptyHome);
  }

  /** The private index of a project, kept between snapshots. */
  indexFor(place: SnapshotPlace): string {
    return path.join(this.o.dir, 'index', digest(`${place.gitDir}\0${place.root}`));
  }

  /** Snapshots the project of `cwd` under `refs/gatehouse/<name>`. */
  async take(cwd: string, name: string): Promise<TakenSnapshot> {
    const started = performance.now();
    const place = await this.place(cwd);
    return this.serial(place.gitDir, async () => {
      const git = this.gitFor(place);
      const { tree, unreadable } = await this.writeTree(place, git);
      const commit = (await git.run(['commit-tree', '--no-gpg-sign', '-m', `gatehouse snapshot ${name}`, tree])).trim();
      const ref = `${SNAPSHOT_REF_PREFIX}${name}`;
      await git.run(['update-ref', '--no-deref', ref, commit]);
      return { ...place, commit, ref, ms: Math.round(performance.now() - started), unreadable };
    });
  }

  /** The working tree's current tree object (no ref): what a command changed is read against it. */
  async tree(place: SnapshotPlace): Promise<string> {
    return this.serial(place.gitDir, async () => (await this.writeTree(place, this.gitFor(place))).tree);
  }

  private async writeTree(place: SnapshotPlace, git: SafeGit): Promise<{ tree: string; unreadable: boolean }> {
    const index = this.indexFor(place);
    if (!fs.existsSync(index)) {
      fs.mkdirSync(path.dirname(index), { recursive: true, mode: 0o700 });
      const seed = this.seeds.get(place.gitDir);
      // The project's own index already knows most files' stat and hash: git re-reads only what differs from it.
      if (seed && fs.existsSync(seed)) fs.copyFileSync(seed, index);
    }
    let unreadable = false;
    try {
      await git.run(['add', '-A', '--ignore-errors', '--', '.'], { index });
    } catch {
      // --ignore-errors still exits non-zero when a file could not be read; every other file was added.
      unreadable = true;
    }
    const tree = (await git.run(['write-tree'], { index })).trim();
    return { tree, unreadable };
  }

  private serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => {});
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }
}

/**
 * A folder outside git is walked once before its first snapshot: past this many files it is not a project someone
 * works in (a downloads folder, a whole disk's worth) and its first snapshot would hold the gate for seconds.
 */
const MAX_FILES_OUTSIDE_GIT = 20_000;

/** Whether `root` holds at most `max` entries (symbolic links not followed); stops counting at the cap. */
function withinFiles(root: string, max: number): boolean {
  let n = 0;
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    n += entries.length;
    if (n > max) return false;
    for (const e of entries) if (e.isDirectory()) stack.push(path.join(dir, e.name));
  }
  return true;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const SYSTEM_DIRS = ['/bin', '/boot', '/dev', '/etc', '/lib', '/proc', '/sbin', '/sys', '/usr', '/System', '/Library'];

function isSystemDir(dir: string): boolean {
  return SYSTEM_DIRS.some((d) => dir === d || dir.startsWith(`${d}/`));
}
