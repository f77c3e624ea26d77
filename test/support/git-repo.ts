// Real git repositories in temporary directories, for the undo tests and benchmark: git runs with a temporary HOME
// and no system or global config, so nothing of the real user's is read or written.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Runs git in `dir` with a private environment; returns stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('/usr/bin/git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: '/usr/bin:/bin',
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@localhost',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@localhost',
    },
  });
}

/** Writes each file (creating its folders). */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
}

/** A repository at `dir` with `committed` committed and `untracked` left untracked. */
export function makeRepo(
  dir: string,
  committed: Record<string, string>,
  untracked: Record<string, string> = {},
): string {
  git(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, committed);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'first');
  writeFiles(dir, untracked);
  return dir;
}

/** Every file under `dir` (but `.git`) with the sha256 of its bytes and its mode: two trees compared byte for byte. */
export function hashTree(dir: string, skip: readonly string[] = ['.git']): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (skip.includes(r)) continue;
      const p = path.join(dir, r);
      if (e.isDirectory()) walk(r);
      else if (e.isSymbolicLink()) out[r] = `link:${fs.readlinkSync(p)}`;
      else {
        const mode = (fs.statSync(p).mode & 0o111) !== 0 ? 'x' : '-';
        out[r] = `${mode}:${createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`;
      }
    }
  };
  walk('');
  return out;
}
