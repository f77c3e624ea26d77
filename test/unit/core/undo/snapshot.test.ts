import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGit } from '../../../../electron/core/undo/git.ts';
import { SnapshotRefused, Snapshotter } from '../../../../electron/core/undo/snapshot.ts';
import { git, makeRepo, writeFiles } from '../../../support/git-repo.ts';
import { tempDir } from '../../../support/temp.ts';

const GIT = findGit() ?? '/usr/bin/git';

function setup() {
  const project = makeRepo(
    tempDir('gh-undo-project-'),
    { 'src/a.ts': 'a\n', 'README.md': 'readme\n', '.gitignore': 'dist/\n' },
    { 'notes.txt': 'untracked\n', 'dist/out.js': 'ignored\n' },
  );
  const dir = tempDir('gh-undo-data-');
  return { project, snapshots: new Snapshotter({ git: GIT, dir, home: tempDir('gh-undo-home-') }) };
}

describe('Snapshotter', () => {
  it('keeps tracked and untracked files, not ignored ones, under a private ref', async () => {
    const { project, snapshots } = setup();
    writeFiles(project, { 'src/a.ts': 'changed\n' });
    const snap = await snapshots.take(path.join(project, 'src'), 'snapshots/r1');
    expect(snap.root).toBe(fs.realpathSync(project));
    expect(snap.ref).toBe('refs/gatehouse/snapshots/r1');
    const files = git(project, 'ls-tree', '-r', '--name-only', snap.ref).trim().split('\n');
    expect(files.sort()).toEqual(['.gitignore', 'README.md', 'notes.txt', 'src/a.ts']);
    expect(git(project, 'show', `${snap.ref}:src/a.ts`)).toBe('changed\n');
  });

  it('changes nothing the person sees: branches, index, status, stash, HEAD and its reflog', async () => {
    const { project, snapshots } = setup();
    writeFiles(project, { 'src/a.ts': 'changed\n' });
    git(project, 'add', 'src/a.ts');
    writeFiles(project, { 'src/a.ts': 'changed again\n' });
    const before = {
      status: git(project, 'status', '--porcelain=v1', '-uall'),
      index: fs.readFileSync(path.join(project, '.git', 'index')),
      branches: git(project, 'for-each-ref', 'refs/heads', 'refs/stash'),
      head: git(project, 'rev-parse', 'HEAD'),
      reflog: git(project, 'reflog', 'show', '--all'),
    };
    await snapshots.take(project, 'snapshots/r1');
    await snapshots.take(project, 'snapshots/r2');
    expect(git(project, 'status', '--porcelain=v1', '-uall')).toBe(before.status);
    expect(fs.readFileSync(path.join(project, '.git', 'index')).equals(before.index)).toBe(true);
    expect(git(project, 'for-each-ref', 'refs/heads', 'refs/stash')).toBe(before.branches);
    expect(git(project, 'rev-parse', 'HEAD')).toBe(before.head);
    expect(git(project, 'reflog', 'show', '--all')).toBe(before.reflog);
  });

  it('runs none of the programs a planted config or attributes name: hooks, filters, fsmonitor, signing', async () => {
    const { project, snapshots } = setup();
    const marker = path.join(project, 'ran');
    const evil = path.join(project, 'evil.sh');
    fs.writeFileSync(evil, `#!/bin/sh\ntouch ${marker}\ncat\n`, { mode: 0o755 });
    git(project, 'config', 'filter.x.clean', evil);
    git(project, 'config', 'filter.x.required', 'true');
    git(project, 'config', 'core.fsmonitor', evil);
    git(project, 'config', 'commit.gpgSign', 'true');
    git(project, 'config', 'gpg.program', evil);
    writeFiles(project, { '.gitattributes': '* filter=x\n', 'src/b.ts': 'b\n' });
    fs.mkdirSync(path.join(project, '.git', 'hooks'), { recursive: true });
    fs.copyFileSync(evil, path.join(project, '.git', 'hooks', 'reference-transaction'));
    fs.chmodSync(path.join(project, '.git', 'hooks', 'reference-transaction'), 0o755);
    const snap = await snapshots.take(project, 'snapshots/r1');
    expect(fs.existsSync(marker)).toBe(false);
    expect(git(project, 'show', `${snap.ref}:src/b.ts`)).toBe('b\n');
  });

  it('snapshots a folder outside git in a private repository of its own, leaving the folder without .git', async () => {
    const { snapshots } = setup();
    const plain = tempDir('gh-undo-plain-');
    writeFiles(plain, { 'a.txt': 'a\n', 'sub/b.txt': 'b\n' });
    const snap = await snapshots.take(plain, 'snapshots/r1');
    expect(snap.privateRepo).toBe(true);
    expect(fs.existsSync(path.join(plain, '.git'))).toBe(false);
    expect(git(plain, `--git-dir=${snap.gitDir}`, 'ls-tree', '-r', '--name-only', snap.ref).trim().split('\n')).toEqual(
      ['a.txt', 'sub/b.txt'],
    );
  });

  it('refuses a home folder or / outside git: a whole home is not a project', async () => {
    const dir = tempDir('gh-undo-data-');
    const home = tempDir('gh-undo-home-');
    const snapshots = new Snapshotter({ git: GIT, dir, home });
    await expect(snapshots.take(home, 'snapshots/r1')).rejects.toBeInstanceOf(SnapshotRefused);
    await expect(snapshots.take('/', 'snapshots/r1')).rejects.toBeInstanceOf(SnapshotRefused);
    await expect(snapshots.take(os.tmpdir(), 'snapshots/r1')).rejects.toBeInstanceOf(SnapshotRefused);
    // A dotfiles repository at the home would take every untracked file of the home.
    makeRepo(home, { '.bashrc': 'x\n' });
    const sub = path.join(home, 'notes');
    fs.mkdirSync(sub);
    await expect(snapshots.take(sub, 'snapshots/r1')).rejects.toThrow(/is not a project folder/);
  });

  it('refuses a folder outside git with more than 20,000 files, saying why', async () => {
    const dir = tempDir('gh-undo-data-');
    const big = tempDir('gh-undo-big-');
    for (let i = 0; i < 21; i++) {
      const sub = path.join(big, `d${i}`);
      fs.mkdirSync(sub);
      for (let j = 0; j < 1000; j++) fs.writeFileSync(path.join(sub, `f${j}`), '');
    }
    const snapshots = new Snapshotter({ git: GIT, dir, home: tempDir('gh-undo-home-') });
    await expect(snapshots.take(big, 'snapshots/r1')).rejects.toThrow(/more than 20,000 files/);
  });

  it('the snapshots survive git gc --prune=now in the project', async () => {
    const { project, snapshots } = setup();
    writeFiles(project, { 'scratch.txt': 'only in the snapshot\n' });
    const snap = await snapshots.take(project, 'snapshots/r1');
    fs.rmSync(path.join(project, 'scratch.txt'));
    git(project, 'gc', '-q', '--prune=now');
    expect(git(project, 'show', `${snap.ref}:scratch.txt`)).toBe('only in the snapshot\n');
  });
});
