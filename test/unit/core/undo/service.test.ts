import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateRequest, RiskAssessment, RiskSegment } from '../../../../shared/domain.ts';
import { findGit } from '../../../../electron/core/undo/git.ts';
import { provenReadOnly, UndoService } from '../../../../electron/core/undo/service.ts';
import { hashTree, makeRepo, writeFiles } from '../../../support/git-repo.ts';
import { tempDir } from '../../../support/temp.ts';

const GIT = findGit() ?? '/usr/bin/git';
const MB = 1024 * 1024;

function segment(argv: string[], categories: string[]): RiskSegment {
  return { text: argv.join(' '), argv, synthetic: false, via: [], score: 40, level: 'medium', categories, reasons: [] };
}

function risk(...segments: RiskSegment[]): RiskAssessment {
  return { score: 40, level: 'medium', categories: ['file-deletion'], reasons: [], segments };
}

const rm = (...paths: string[]) => risk(segment(['rm', '-rf', ...paths], ['file-deletion']));

function service(home = tempDir('gh-undo-home-'), more: Partial<ConstructorParameters<typeof UndoService>[0]> = {}) {
  const audits: string[] = [];
  const undo = new UndoService({
    dir: tempDir('gh-undo-data-'),
    git: GIT,
    home,
    ...more,
    limits: () => ({ keepBytes: 10 * MB, totalBytes: 100 * MB, maxAgeMs: 30 * 86_400_000 }),
    audit: (e) => audits.push(`${e.requestId} undone by ${e.undoId}: ${e.summary}`),
    onChanged: (r) => told.push(r.requestId),
    onError: (err) => {
      throw err;
    },
  });
  const told: string[] = [];
  return { undo, audits, told };
}

function ran(id: string): GateRequest {
  return { id, outcome: { state: 'ran' } } as unknown as GateRequest;
}

function project() {
  return makeRepo(
    tempDir('gh-undo-project-'),
    {
      'src/a.ts': 'a\n',
      'src/deep/b.ts': 'b\n',
      'docs/guide.md': 'guide\n',
      'README.md': 'readme\n',
      '.gitignore': 'dist/\n*.log\n',
    },
    { 'src/untracked.ts': 'untracked\n', 'docs/draft.md': 'draft\n', 'dist/app.js': 'built\n' },
  );
}

describe('provenReadOnly', () => {
  it('is true only when every segment was judged read-only and nothing else', () => {
    expect(provenReadOnly(risk(segment(['ls'], ['read-only']), segment(['cat', 'a'], ['read-only'])))).toBe(true);
    expect(provenReadOnly(risk(segment(['ls'], ['read-only']), segment(['rm', 'a'], ['file-deletion'])))).toBe(false);
    expect(provenReadOnly(risk(segment(['jq', '.'], [])))).toBe(false);
    expect(provenReadOnly(risk())).toBe(false);
    expect(provenReadOnly(null)).toBe(false);
  });
});

describe('UndoService', () => {
  it('undoes rm -rf src docs byte for byte, modified and untracked files included, and names what changed', async () => {
    const dir = project();
    writeFiles(dir, { 'src/a.ts': 'modified, not committed\n' });
    fs.chmodSync(path.join(dir, 'src/deep/b.ts'), 0o755);
    const before = hashTree(dir);
    const { undo, audits } = service();
    await undo.before({ id: 'r1', sessionId: 's1', command: 'rm -rf src docs', cwd: dir, risk: rm('src', 'docs') });
    fs.rmSync(path.join(dir, 'src'), { recursive: true });
    fs.rmSync(path.join(dir, 'docs'), { recursive: true });
    const after = await undo.afterRun(ran('r1'));
    expect(after?.changes?.summary).toBe('deleted 5 files');
    expect(after?.changes?.files.map((f) => f.path)).toContain('src/deep/b.ts');

    const preview = await undo.preview('r1');
    expect(preview.restore.sort()).toEqual([
      'docs/draft.md',
      'docs/guide.md',
      'src/a.ts',
      'src/deep/b.ts',
      'src/untracked.ts',
    ]);
    expect(preview.overwrite).toEqual([]);
    expect(preview.trash).toEqual([]);

    const result = await undo.undo('r1', 'human:cli');
    expect(hashTree(dir)).toEqual(before);
    expect(result.trashed).toBe(0);
    expect(audits).toEqual([`r1 undone by ${result.undoId}: ${result.summary}`]);
    await expect(undo.undo('r1', 'human:cli')).rejects.toThrow(/already undone/);
  });

  it('moves files created after the snapshot to the trash, names later changes, and never touches an ignored file', async () => {
    const dir = project();
    const { undo } = service();
    await undo.before({ id: 'r1', sessionId: 's1', command: 'rm -rf src', cwd: dir, risk: rm('src') });
    fs.rmSync(path.join(dir, 'src'), { recursive: true });
    await undo.afterRun(ran('r1'));
    // A later command writes README.md and creates a file; a log (ignored) appears too.
    await undo.before({
      id: 'r2',
      sessionId: 's1',
      command: 'tee README.md',
      cwd: dir,
      risk: risk(segment(['tee', 'README.md'], ['file-overwrite'])),
    });
    writeFiles(dir, { 'README.md': 'rewritten\n', 'new.txt': 'new\n', 'run.log': 'log\n' });
    await undo.afterRun(ran('r2'));

    const preview = await undo.preview('r1');
    expect(preview.overwrite).toEqual(['README.md']);
    expect(preview.trash).toEqual(['new.txt']);
    expect(preview.changedLater).toEqual([
      { path: 'README.md', by: ['r2'] },
      { path: 'new.txt', by: ['r2'] },
    ]);
    const result = await undo.undo('r1', 'human:window');
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('readme\n');
    expect(fs.existsSync(path.join(dir, 'new.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'run.log'), 'utf8')).toBe('log\n');
    expect(fs.readFileSync(path.join(result.trashDir ?? '', 'files', 'new.txt'), 'utf8')).toBe('new\n');
    expect(undo.trash.list().map((t) => t.files)).toEqual([['new.txt']]);

    // The undo is undone: the state it replaced comes back (the created file from its own snapshot).
    await undo.undo(result.undoId, 'human:cli');
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('rewritten\n');
    expect(fs.existsSync(path.join(dir, 'src'))).toBe(false);
  });

  it('keeps an ignored dist/ the command removes (hard links) and puts it back', async () => {
    const dir = project();
    const { undo } = service();
    const rec = await undo.before({ id: 'r1', sessionId: 's1', command: 'rm -rf dist', cwd: dir, risk: rm('dist') });
    expect(rec?.kept.map((k) => [path.relative(dir, k.path), k.how])).toEqual([['dist', 'link']]);
    fs.rmSync(path.join(dir, 'dist'), { recursive: true });
    expect((await undo.preview('r1')).keptBack).toEqual([path.join(fs.realpathSync(dir), 'dist')]);
    await undo.undo('r1', 'human:cli');
    expect(fs.readFileSync(path.join(dir, 'dist/app.js'), 'utf8')).toBe('built\n');
  });

  it('keeps a path outside the project within the size limit, and says when one is too large', async () => {
    const dir = project();
    const home = tempDir('gh-undo-home-');
    writeFiles(home, { 'data/small.txt': 'small\n', 'big/blob.bin': 'x'.repeat(11 * MB) });
    const { undo, told } = service(home);
    const rec = await undo.before({
      id: 'r1',
      sessionId: 's1',
      command: 'rm -rf ~/data ~/big',
      cwd: dir,
      risk: rm('~/data', '~/big'),
    });
    expect(rec?.kept.map((k) => k.path)).toEqual([path.join(home, 'data')]);
    expect(rec?.notKept.map((k) => [k.path, k.why])).toEqual([
      [path.join(home, 'big'), expect.stringMatching(/larger than the 10 MB/)],
    ]);
    // Told at once, so the held card says it before anyone decides.
    expect(told).toEqual(['r1']);
    fs.rmSync(path.join(home, 'data'), { recursive: true });
    await undo.undo('r1', 'human:cli');
    expect(fs.readFileSync(path.join(home, 'data/small.txt'), 'utf8')).toBe('small\n');
  });

  it('undoes outside git, through its private repository', async () => {
    const dir = tempDir('gh-undo-plain-');
    writeFiles(dir, { 'a.txt': 'a\n', 'sub/b.txt': 'b\n' });
    const before = hashTree(dir);
    const { undo } = service();
    await undo.before({ id: 'r1', sessionId: 's1', command: 'rm -rf sub', cwd: dir, risk: rm('sub') });
    fs.rmSync(path.join(dir, 'sub'), { recursive: true });
    writeFiles(dir, { 'a.txt': 'changed\n' });
    await undo.undo('r1', 'human:cli');
    expect(hashTree(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, '.git'))).toBe(false);
  });

  it('takes no snapshot for a read-only command, and drops the one of a request that was denied', async () => {
    const dir = project();
    const { undo } = service();
    expect(
      await undo.before({
        id: 'r1',
        sessionId: 's1',
        command: 'ls',
        cwd: dir,
        risk: risk(segment(['ls'], ['read-only'])),
      }),
    ).toBeNull();
    await undo.before({ id: 'r2', sessionId: 's1', command: 'rm -rf src', cwd: dir, risk: rm('src') });
    undo.discard('r2');
    await new Promise((r) => setTimeout(r, 200));
    expect(undo.list()).toEqual([]);
  });

  it('prunes snapshots past the age limit: their refs and records go', async () => {
    const dir = project();
    const { undo } = service();
    await undo.before({ id: 'r1', sessionId: 's1', command: 'rm -rf src', cwd: dir, risk: rm('src') });
    expect(undo.list()).toHaveLength(1);
    expect(await undo.prune(Date.now() + 1000)).toBe(1);
    expect(undo.list()).toEqual([]);
    await expect(undo.preview('r1')).rejects.toThrow(/no snapshot/);
  });

  it('keeps a snapshot as long as its session is recorded, whatever its age, and drops it with the recording', async () => {
    const dir = project();
    const kept = new Set(['s1', 's2']);
    let now = Date.now();
    const { undo } = service(undefined, { sessionKept: (id) => kept.has(id), now: () => now });
    await undo.before({ id: 'r1', sessionId: 's1', command: 'rm -rf src', cwd: dir, risk: rm('src') });
    await undo.before({ id: 'r2', sessionId: 's2', command: 'rm -rf docs', cwd: dir, risk: rm('docs') });
    // Forty days on, both sessions still recorded (a long one, or one the person keeps): nothing goes.
    now += 40 * 86_400_000;
    expect(await undo.prune()).toBe(0);
    // Retention deletes s1's recording: its snapshot goes with it, ref and record.
    kept.delete('s1');
    expect(await undo.prune()).toBe(1);
    expect(undo.list().map((r) => r.requestId)).toEqual(['r2']);
    await expect(undo.preview('r1')).rejects.toThrow(/no snapshot/);
    // `gatehouse snapshots prune --before` still goes by the time each was taken.
    expect(await undo.prune(now)).toBe(1);
  });
});
