// Which folders are checkouts of one repository, so that a project rule the person approved in one holds in the
// others: a clone moved to another folder, a git worktree, a tool's session clone (decision 0062). Read from git's own
// files, never by running git, and remembered for a few seconds: rules are matched on every request.
//
// A repository is named by its `origin` remote (`git@github.com:o/r.git` and `https://github.com/o/r` are one), by the
// repository a local-path origin leads to, or else by its shared git folder (a worktree's is its main checkout's). A
// `.git` file is trusted only when git's own record points back at it, as `git worktree add` leaves it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findGitRoot } from '../risk/index.ts';

/** How long what was read of a folder is kept. */
const REMEMBER_MS = 5_000;
/** Folders remembered at most (then forgotten all at once). */
const MAX_REMEMBERED = 512;
/** How many local-path origins are followed (a clone of a clone of a clone). */
const MAX_HOPS = 3;

/**
 * `git@github.com:o/r.git`, `ssh://git@github.com:22/o/r`, `https://user@GitHub.com/o/r.git/` → `github.com/o/r`;
 * null for a local path or `file://` URL (those are followed to the repository they name).
 */
export function remoteName(url: string): string | null {
  const u = url.trim();
  if (/^file:/i.test(u)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)(:\d+)?\/([^?#]+)/i.exec(u);
  // scp-like `[user@]host:path`: no slash before the colon, and not `host://`. Its path is relative to the server's
  // home unless it starts with `/`, so `host:repo` and `host:/repo` are two repositories.
  const scpLike = withScheme ? null : /^(?:[^@/:]+@)?([^/:]+):(?!\/\/)([^?#]+)$/.exec(u);
  let host: string;
  let repo: string;
  if (withScheme) {
    const port = withScheme[2] ?? '';
    // ssh's port 22 and the web's default ports name the same server as none.
    host = (withScheme[1] as string).toLowerCase() + (/^:(22|80|443)$/.test(port) ? '' : port);
    repo = (withScheme[3] as string).replace(/^~[^/]*\/?$/, '');
  } else if (scpLike) {
    host = (scpLike[1] as string).toLowerCase();
    repo = scpLike[2] as string;
  } else return null;
  repo = repo.replace(/\/+$/, '').replace(/\.git$/i, '');
  if (!repo.replace(/^\/+/, '')) return null;
  // Hosts that ignore case in owner and repository names; elsewhere (Gitea, a server's own paths) case counts.
  const foldCase = /(^|\.)(github\.com|gitlab\.com|bitbucket\.org)$/.test(host);
  return `${host}/${foldCase ? repo.toLowerCase() : repo}`;
}

/** The first `url` of `[remote "origin"]` in a git config file's text, or null. */
export function originUrl(config: string): string | null {
  let inOrigin = false;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inOrigin = /^\[\s*remote\s+"origin"\s*\]/i.test(line);
      continue;
    }
    if (!inOrigin) continue;
    const m = /^url\s*=\s*(.*)$/i.exec(line);
    if (!m) continue;
    let value = (m[1] as string).trim();
    if (value.startsWith('"')) value = value.slice(1, value.indexOf('"', 1) > 0 ? value.indexOf('"', 1) : undefined);
    else value = value.replace(/\s[;#].*$/, '').trim();
    return value || null;
  }
  return null;
}

function readText(p: string): string | null {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** The folder git keeps the repository in for the checkout at `root` (shared by its worktrees), or null. */
function sharedGitDir(root: string): string | null {
  const dotGit = path.join(root, '.git');
  let isDir: boolean;
  try {
    isDir = fs.statSync(dotGit).isDirectory();
  } catch {
    return null;
  }
  if (isDir) return dotGit;
  const m = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? '');
  if (!m) return null;
  const gitDir = path.resolve(root, m[1] as string);
  // Anyone can write a `.git` file. A worktree's is vouched for by git's record of it (`<gitdir>/gitdir`), a
  // submodule's by its config's `worktree`; a link nothing vouches for names no repository.
  const back = readText(path.join(gitDir, 'gitdir'));
  const vouched =
    back !== null
      ? real(path.resolve(gitDir, back.trim())) === real(dotGit)
      : (() => {
          const w = /^\s*worktree\s*=\s*(.+?)\s*$/m.exec(readText(path.join(gitDir, 'config')) ?? '');
          return w !== null && real(path.resolve(gitDir, w[1] as string)) === real(root);
        })();
  if (!vouched) return null;
  const common = readText(path.join(gitDir, 'commondir'));
  return common ? path.resolve(gitDir, common.trim()) : gitDir;
}

/** A bare repository at `dir` (HEAD, objects and refs in the folder itself): its origin's name, else the folder's. */
function bareName(dir: string): string | null {
  const isBare = ['HEAD', 'objects', 'refs'].every((f) => fs.existsSync(path.join(dir, f)));
  if (!isBare) return null;
  const url = originUrl(readText(path.join(dir, 'config')) ?? '');
  return (url !== null ? remoteName(url) : null) ?? `git:${real(dir)}`;
}

export interface CheckoutsOptions {
  /** The home directory: it, and the root, are never a project (default: the user's). */
  home?: string;
  /** Epoch ms (default: Date.now). */
  now?: () => number;
}

/** Names the repository a folder is a checkout of, so rules can tell two checkouts of one repository apart from two projects. */
export class Checkouts {
  private readonly home: string;
  private readonly now: () => number;
  private readonly seen = new Map<string, { name: string | null; at: number }>();

  constructor(opts: CheckoutsOptions = {}) {
    this.home = path.resolve(opts.home ?? os.homedir());
    this.now = opts.now ?? Date.now;
  }

  /** The repository `dir` is in, or null outside any (or when its top level is the home directory or the root). */
  repositoryOf = (dir: string): string | null => {
    const key = path.resolve(dir);
    const t = this.now();
    const hit = this.seen.get(key);
    if (hit && t - hit.at < REMEMBER_MS) return hit.name;
    if (this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    const name = this.name(key, 0);
    this.seen.set(key, { name, at: t });
    return name;
  };

  private name(dir: string, hops: number): string | null {
    const root = findGitRoot(dir);
    if (root === null || root === this.home || root === path.parse(root).root) return null;
    const shared = sharedGitDir(root);
    if (shared === null) return null;
    const url = originUrl(readText(path.join(shared, 'config')) ?? '');
    if (url !== null) {
      const remote = remoteName(url);
      if (remote !== null) return remote;
      // A clone of a folder on this machine is that folder's repository: the folder itself, a checkout or a bare
      // repository, never one that merely holds it.
      const local = path.resolve(root, url.replace(/^file:\/\//i, ''));
      if (hops < MAX_HOPS && local !== root) {
        const via = findGitRoot(local) === local ? this.name(local, hops + 1) : bareName(local);
        if (via !== null) return via;
      }
    }
    return `git:${real(shared)}`;
  }
}
