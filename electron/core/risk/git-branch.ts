// The git branch a directory is on, for the reviewer's card ("in ~/src/app on feature/login"). Read from the
// repository's HEAD file rather than by running git: a request is held on the core's thread, and a file read costs
// microseconds where a process costs milliseconds. Cached per directory for a few seconds.
import fs from 'node:fs';
import path from 'node:path';
import { findGitRoot } from './context.ts';

/** A branch switch shows up on the next card after this; a burst of commands in one directory reads HEAD once. */
const BRANCH_TTL_MS = 3000;
/** Bounded so a flood of distinct directories cannot grow memory (as in context.ts). */
const MAX_CACHED_DIRS = 500;
/** A HEAD or `.git` file longer than this is not one git wrote. */
const MAX_GIT_FILE_BYTES = 4096;
/** How many characters of a detached HEAD's commit name it, as `git rev-parse --short` does. */
const SHORT_SHA = 7;

export interface GitBranchOptions {
  now?: () => number;
  /** The repository above a directory (default: the nearest `.git`); replaced in tests. */
  findRepository?: (dir: string) => string | null;
}

export class GitBranches {
  private readonly now: () => number;
  private readonly findRepository: (dir: string) => string | null;
  private readonly cache = new Map<string, { at: number; branch: string | null }>();

  constructor(opts: GitBranchOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.findRepository = opts.findRepository ?? findGitRoot;
  }

  /** The branch checked out above `cwd`, `HEAD@<short sha>` when detached, or null outside a repository. Never throws. */
  branchOf(cwd: string): string | null {
    const dir = path.resolve(cwd);
    const now = this.now();
    const hit = this.cache.get(dir);
    if (hit && now - hit.at < BRANCH_TTL_MS) return hit.branch;
    let branch: string | null;
    try {
      const root = this.findRepository(dir);
      branch = root ? readBranch(root) : null;
    } catch {
      branch = null;
    }
    if (this.cache.size >= MAX_CACHED_DIRS) this.cache.clear();
    this.cache.set(dir, { at: now, branch });
    return branch;
  }
}

function readSmall(file: string): string | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size > MAX_GIT_FILE_BYTES) return null;
  return fs.readFileSync(file, 'utf8').trim();
}

/** The git directory of a work tree: `.git` itself, or where a worktree's or submodule's `.git` file points. */
function gitDir(root: string): string | null {
  const dotGit = path.join(root, '.git');
  const stat = fs.statSync(dotGit, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return dotGit;
  const pointer = /^gitdir:\s*(.+)$/.exec(readSmall(dotGit) ?? '')?.[1];
  return pointer ? path.resolve(root, pointer) : null;
}

/** `ref: refs/heads/main` is on main; a bare commit id is a detached HEAD. */
export function readBranch(root: string): string | null {
  const dir = gitDir(root);
  const head = dir ? readSmall(path.join(dir, 'HEAD')) : null;
  if (!head) return null;
  const ref = /^ref:\s*refs\/heads\/(.+)$/.exec(head)?.[1];
  if (ref) return ref;
  return /^[0-9a-f]{40,64}$/.test(head) ? `HEAD@${head.slice(0, SHORT_SHA)}` : null;
}
