// Git checkouts written by hand, file by file, as git leaves them (rules/checkouts.ts reads only these files).
import fs from 'node:fs';
import path from 'node:path';

export function writeFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** A main checkout at `dir`, with an `origin` remote when given; returns `dir`. */
export function fakeCheckout(dir: string, origin?: string): string {
  writeFile(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFile(
    path.join(dir, '.git', 'config'),
    `[core]\n\trepositoryformatversion = 0\n${origin ? `[remote "origin"]\n\turl = ${origin}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n` : ''}`,
  );
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  return dir;
}

/** A worktree of `main` at `dir`, as `git worktree add` leaves it; returns `dir`. */
export function fakeWorktree(main: string, dir: string, name = path.basename(dir)): string {
  const gitDir = path.join(main, '.git', 'worktrees', name);
  writeFile(path.join(gitDir, 'HEAD'), 'ref: refs/heads/feat\n');
  writeFile(path.join(gitDir, 'commondir'), '../..\n');
  writeFile(path.join(gitDir, 'gitdir'), `${path.join(dir, '.git')}\n`);
  writeFile(path.join(dir, '.git'), `gitdir: ${gitDir}\n`);
  return dir;
}
