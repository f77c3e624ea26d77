// The branch on a card, read from the repository's HEAD: a branch, a detached HEAD, a worktree's `.git` file, no
// repository at all, and the cache that spares a burst of commands from reading it again.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGitRoot } from '../../../../electron/core/risk/context.ts';
import { GitBranches, readBranch } from '../../../../electron/core/risk/git-branch.ts';
import { tempDir } from '../../../support/temp.ts';

function repo(head: string): string {
  const root = tempDir('gh-branch-');
  fs.mkdirSync(path.join(root, '.git'));
  fs.writeFileSync(path.join(root, '.git', 'HEAD'), `${head}\n`);
  fs.mkdirSync(path.join(root, 'src', 'deep'), { recursive: true });
  return root;
}

describe('the repository of a directory', () => {
  it('takes a .git folder with a HEAD or a worktree .git file, never an empty .git folder (Codex leaves one in /tmp)', () => {
    const root = repo('ref: refs/heads/main');
    const outer = tempDir('gh-outer-');
    fs.mkdirSync(path.join(outer, '.git'));
    fs.mkdirSync(path.join(outer, 'work', 'sub'), { recursive: true });
    expect(findGitRoot(path.join(outer, 'work', 'sub'))).not.toBe(outer);
    expect(findGitRoot(path.join(root, 'src', 'deep'))).toBe(root);
    fs.writeFileSync(path.join(outer, 'work', '.git'), `gitdir: ${path.join(root, '.git')}\n`);
    expect(findGitRoot(path.join(outer, 'work', 'sub'))).toBe(path.join(outer, 'work'));
  });
});

describe('git branch of a directory', () => {
  it('reads the branch, a detached HEAD, and a worktree that points elsewhere', () => {
    expect(readBranch(repo('ref: refs/heads/feature/login'))).toBe('feature/login');
    expect(readBranch(repo('0123456789abcdef0123456789abcdef01234567'))).toBe('HEAD@0123456');
    expect(readBranch(repo('something git never writes'))).toBeNull();
    const main = repo('ref: refs/heads/main');
    const worktreeGitDir = path.join(main, '.git', 'worktrees', 'wt');
    fs.mkdirSync(worktreeGitDir, { recursive: true });
    fs.writeFileSync(path.join(worktreeGitDir, 'HEAD'), 'ref: refs/heads/ui2\n');
    const worktree = tempDir('gh-worktree-');
    fs.writeFileSync(path.join(worktree, '.git'), `gitdir: ${worktreeGitDir}\n`);
    expect(readBranch(worktree)).toBe('ui2');
  });

  it('finds the repository above the cwd, says null outside one, and caches for a few seconds', () => {
    const root = repo('ref: refs/heads/main');
    let now = 0;
    const branches = new GitBranches({ now: () => now });
    expect(branches.branchOf(path.join(root, 'src', 'deep'))).toBe('main');
    fs.writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/next\n');
    expect(branches.branchOf(path.join(root, 'src', 'deep'))).toBe('main');
    now += 10_000;
    expect(branches.branchOf(path.join(root, 'src', 'deep'))).toBe('next');
    expect(new GitBranches({ findRepository: () => null }).branchOf(root)).toBeNull();
    expect(new GitBranches().branchOf(path.join(tempDir('gh-norepo-'), 'missing'))).toBeNull();
  });
});
