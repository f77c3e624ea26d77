// Which folders are checkouts of one repository (decision 0062): named by the origin remote, by the repository a
// local-path origin leads to, or by the shared git folder; a `.git` file nothing vouches for names nothing. The
// layouts are written by hand as git leaves them, and once by the real git.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Checkouts, originUrl, remoteName } from '../../../../electron/core/rules/checkouts.ts';
import { fakeCheckout as checkout, fakeWorktree as worktree, writeFile as write } from '../../../support/checkouts.ts';
import { tempDir } from '../../../support/temp.ts';

describe('remote names', () => {
  it.each([
    ['git@github.com:Owner/Repo.git', 'github.com/owner/repo'],
    ['https://github.com/owner/repo', 'github.com/owner/repo'],
    ['https://github.com/owner/repo.git/', 'github.com/owner/repo'],
    ['https://user:token@GitHub.com/owner/repo.git', 'github.com/owner/repo'],
    ['ssh://git@github.com:22/owner/repo.git', 'github.com/owner/repo'],
    ['ssh://git@gitlab.example.com/~alice/repo', 'gitlab.example.com/~alice/repo'],
    ['git://example.com/a/b', 'example.com/a/b'],
    ['example.com:a/b.git', 'example.com/a/b'],
  ])('%s is %s', (url, name) => expect(remoteName(url)).toBe(name));

  it("keeps apart what names two repositories: a port, case off the big hosts, a path from the server's root", () => {
    expect(remoteName('http://localhost:3000/o/r')).not.toBe(remoteName('http://localhost:4000/o/r'));
    expect(remoteName('ssh://git@example.com:22/o/r')).toBe(remoteName('git@example.com:o/r'));
    expect(remoteName('https://gitea.example/Team/App')).not.toBe(remoteName('https://gitea.example/team/app'));
    expect(remoteName('git@server:repo.git')).not.toBe(remoteName('git@server:/repo.git'));
  });

  it.each(['/home/dev/src/app', './app', '../app', 'file:///home/dev/app', ''])(
    '%j is a local path, followed instead',
    (url) => expect(remoteName(url)).toBeNull(),
  );

  it('reads the first url of [remote "origin"] only', () => {
    const config = [
      '[remote "upstream"]',
      '\turl = https://github.com/other/repo',
      '[remote "origin"]',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '\turl = "git@github.com:me/app.git" ; a comment',
      '\turl = https://mirror.example/app',
      '[branch "main"]',
      '\turl = nope',
    ].join('\n');
    expect(originUrl(config)).toBe('git@github.com:me/app.git');
    expect(originUrl('[remote "origin"]\n  url = https://h/a/b # trailing\n')).toBe('https://h/a/b');
    expect(originUrl('[core]\n\tbare = false\n')).toBeNull();
  });
});

describe('checkouts of one repository', () => {
  it('names two clones of one origin alike, written either way, from any folder inside them', () => {
    const root = tempDir();
    const a = checkout(path.join(root, 'Documents', 'app'), 'git@github.com:me/app.git');
    const b = checkout(path.join(root, 'Drive', 'app'), 'https://github.com/me/app');
    const other = checkout(path.join(root, 'other'), 'https://github.com/me/other');
    const c = new Checkouts({ home: root });
    expect(c.repositoryOf(a)).toBe('github.com/me/app');
    expect(c.repositoryOf(path.join(b, 'src'))).toBe('github.com/me/app');
    expect(c.repositoryOf(other)).toBe('github.com/me/other');
  });

  it('names a worktree after its main checkout, with or without an origin', () => {
    const root = tempDir();
    const main = checkout(path.join(root, 'app'));
    const wt = worktree(main, path.join(root, 'app-feature'));
    const c = new Checkouts({ home: root });
    expect(c.repositoryOf(wt)).toBe(c.repositoryOf(main));
    expect(c.repositoryOf(main)).toBe(`git:${fs.realpathSync(path.join(main, '.git'))}`);
    // Two repositories without an origin are two repositories.
    expect(c.repositoryOf(checkout(path.join(root, 'lone')))).not.toBe(c.repositoryOf(main));
  });

  it('follows a clone of a folder on this machine to that folder’s repository', () => {
    const root = tempDir();
    const main = checkout(path.join(root, 'Projects', 'app'), 'https://github.com/me/app.git');
    const session = checkout(path.join(root, '.local', 'state', 'tool', 'task-1'), main);
    const nested = checkout(path.join(root, 'clone-of-clone'), `file://${session}`);
    const c = new Checkouts({ home: root });
    expect(c.repositoryOf(session)).toBe('github.com/me/app');
    expect(c.repositoryOf(nested)).toBe('github.com/me/app');
  });

  it('follows a local origin to a bare repository as itself, never to a checkout that holds it', () => {
    const root = tempDir();
    const outer = checkout(path.join(root, 'outer'), 'https://github.com/me/outer');
    for (const name of ['a.git', 'b.git']) {
      const bare = path.join(outer, 'mirrors', name);
      write(path.join(bare, 'HEAD'), 'ref: refs/heads/main\n');
      fs.mkdirSync(path.join(bare, 'objects'), { recursive: true });
      fs.mkdirSync(path.join(bare, 'refs'), { recursive: true });
      write(path.join(bare, 'config'), '[core]\n\tbare = true\n');
    }
    const a = checkout(path.join(root, 'cloneA'), path.join(outer, 'mirrors', 'a.git'));
    const b = checkout(path.join(root, 'cloneB'), path.join(outer, 'mirrors', 'b.git'));
    const c = new Checkouts({ home: root });
    expect(c.repositoryOf(a)).not.toBe(c.repositoryOf(b));
    expect(c.repositoryOf(a)).not.toBe(c.repositoryOf(outer));
    expect(c.repositoryOf(a)).toBe(`git:${fs.realpathSync(path.join(outer, 'mirrors', 'a.git'))}`);
  });

  it('trusts a .git file only when git’s record points back at it', () => {
    const root = tempDir();
    const main = checkout(path.join(root, 'app'));
    worktree(main, path.join(root, 'real-wt'), 'w');
    // An agent writes a .git file elsewhere pointing into the same worktree record: nothing vouches for it.
    const forged = path.join(root, 'forged');
    write(path.join(forged, '.git'), `gitdir: ${path.join(main, '.git', 'worktrees', 'w')}\n`);
    write(path.join(root, 'bare-link', '.git'), `gitdir: ${path.join(main, '.git')}\n`);
    write(path.join(root, 'junk', '.git'), 'not a gitdir line\n');
    const c = new Checkouts({ home: root });
    expect(c.repositoryOf(forged)).toBeNull();
    expect(c.repositoryOf(path.join(root, 'bare-link'))).toBeNull();
    expect(c.repositoryOf(path.join(root, 'junk'))).toBeNull();
  });

  it('vouches for a submodule by its config’s worktree', () => {
    const root = tempDir();
    const sup = checkout(path.join(root, 'super'), 'https://github.com/me/super');
    const modDir = path.join(sup, '.git', 'modules', 'lib');
    write(path.join(modDir, 'HEAD'), 'ref: refs/heads/main\n');
    write(
      path.join(modDir, 'config'),
      '[core]\n\tworktree = ../../../lib\n[remote "origin"]\n\turl = https://github.com/me/lib\n',
    );
    write(path.join(sup, 'lib', '.git'), 'gitdir: ../.git/modules/lib\n');
    expect(new Checkouts({ home: root }).repositoryOf(path.join(sup, 'lib'))).toBe('github.com/me/lib');
  });

  it('never names the home directory or the root a repository, nor a folder under a home that is one', () => {
    const home = tempDir();
    checkout(home, 'https://github.com/me/dotfiles');
    fs.mkdirSync(path.join(home, 'notes'));
    const c = new Checkouts({ home });
    expect(c.repositoryOf(home)).toBeNull();
    expect(c.repositoryOf(path.join(home, 'notes'))).toBeNull();
    expect(c.repositoryOf('/')).toBeNull();
    expect(c.repositoryOf(tempDir())).toBeNull();
  });

  it('remembers a folder for a few seconds, then reads it again', () => {
    const root = tempDir();
    const app = checkout(path.join(root, 'app'), 'https://github.com/me/app');
    let now = 1_000_000;
    const c = new Checkouts({ home: root, now: () => now });
    expect(c.repositoryOf(app)).toBe('github.com/me/app');
    write(path.join(app, '.git', 'config'), '[remote "origin"]\n\turl = https://github.com/me/renamed\n');
    now += 1_000;
    expect(c.repositoryOf(app)).toBe('github.com/me/app');
    now += 5_000;
    expect(c.repositoryOf(app)).toBe('github.com/me/renamed');
  });

  it('agrees with what the real git leaves for a worktree and a clone', () => {
    const root = tempDir();
    const env = { ...process.env, HOME: root, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd,
        env,
        stdio: 'pipe',
      });
    const main = path.join(root, 'app');
    fs.mkdirSync(main);
    git(main, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(main, 'a.txt'), 'a\n');
    git(main, 'add', 'a.txt');
    git(main, 'commit', '-q', '-m', 'a');
    git(main, 'worktree', 'add', '-q', path.join(root, 'app-wt'));
    git(root, 'clone', '-q', main, path.join(root, 'app-clone'));
    const c = new Checkouts({ home: path.join(root, 'elsewhere') });
    const name = c.repositoryOf(main);
    expect(name).toMatch(/^git:/);
    expect(c.repositoryOf(path.join(root, 'app-wt'))).toBe(name);
    expect(c.repositoryOf(path.join(root, 'app-clone'))).toBe(name);
  });
});
