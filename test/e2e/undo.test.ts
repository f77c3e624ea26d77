// Undo end to end: the real Claude Code through `gatehouse run` and a real daemon, against the mock Anthropic server
// on loopback. The mock asks it to delete folders of a project inside this test's temporary directory (and nowhere
// else); a control client approves; `gatehouse undo <request> --yes` then brings everything back, compared file by
// file with sha256: an approved `rm -rf src docs` in a repository with untracked and modified files, an ignored
// `dist/`, a folder outside git. Files the snapshot never covered (ignored, created later) are never deleted.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { claudeInvocation } from '../support/agents.ts';
import { cli, cliEnv, startCli, startDaemon } from '../support/cli.ts';
import { hashTree, makeRepo, writeFiles } from '../support/git-repo.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * A daemon whose control client approves every held command, and Claude Code started by `gatehouse run` in `work`,
 * asked by the mock model to run `command`. Resolves once the command's changes are recorded, with its request id.
 */
async function approveAndRun(root: string, work: string, command: string) {
  const ghHome = path.join(root, 'gatehouse');
  const daemon = await startDaemon(ghHome, ['--hold-timeout', '60s']);
  cleanups.push(() => daemon.stop());
  const paths = corePaths(ghHome);
  const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  cleanups.push(async () => client.close());
  let changed: (e: Extract<CoreEvent, { type: 'request.changes' }>) => void = () => {};
  const changes = new Promise<Extract<CoreEvent, { type: 'request.changes' }>>((r) => (changed = r));
  await client.events((e) => {
    if (e.type === 'request.held') void client.api.decide({ id: e.request.id, decision: 'allow' });
    if (e.type === 'request.changes') changed(e);
  });
  const mock = await startMockAnthropic({ command });
  cleanups.push(() => mock.close());
  const inv = claudeInvocation({ mockUrl: mock.url, home: path.join(root, 'agent-home'), prompt: 'run it' });
  const run = startCli(
    ['run', '--', inv.command, ...inv.args],
    { ...inv.env, GATEHOUSE_HOME: ghHome },
    { cwd: work, input: null },
  );
  const result = await run.done;
  expect(result.code, result.stderr).toBe(0);
  const { snapshot } = await changes;
  return { ghHome, snapshot };
}

const undo = (ghHome: string, id: string) => cli(['undo', id, '--yes'], cliEnv(ghHome));

describe('undo with the real Claude Code', () => {
  it('an approved rm -rf src docs is undone byte for byte; ignored and later files are left alone', async () => {
    const root = tempDir('gh-undo-e2e-');
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    makeRepo(
      work,
      {
        'src/index.ts': 'export const a = 1;\n',
        'src/lib/util.ts': 'export const b = 2;\n',
        'docs/guide.md': '# Guide\n',
        'README.md': 'readme\n',
        '.gitignore': '*.log\n',
      },
      { 'src/draft.ts': 'untracked\n', 'docs/notes.md': 'untracked notes\n' },
    );
    writeFiles(work, { 'src/index.ts': 'export const a = 42; // modified, not committed\n' });
    const before = hashTree(work);
    const { ghHome, snapshot } = await approveAndRun(
      root,
      work,
      `rm -rf ${path.join(work, 'src')} ${path.join(work, 'docs')}`,
    );
    expect(fs.existsSync(path.join(work, 'src'))).toBe(false);
    expect(snapshot.changes?.summary).toBe('deleted 5 files');
    // After the command: an ignored log and a new file, neither in the snapshot.
    writeFiles(work, { 'build.log': 'ignored\n', 'new.txt': 'created later\n' });

    const preview = await cli(['undo', snapshot.requestId], cliEnv(ghHome));
    expect(preview.stdout).toContain('comes back (5)');
    expect(preview.stdout).toContain("created since: moved to Gatehouse's trash, not deleted (1)");
    const done = await undo(ghHome, snapshot.requestId);
    expect(done.code, done.stderr).toBe(0);
    // Byte for byte as before, and the ignored log (never in a snapshot) untouched beside it.
    expect(hashTree(work)).toEqual({ ...before, 'build.log': hashTree(work)['build.log'] });
    expect(fs.readFileSync(path.join(work, 'build.log'), 'utf8')).toBe('ignored\n');
    const trash = await cli(['snapshots', 'trash', '--json'], cliEnv(ghHome));
    const [entry] = JSON.parse(trash.stdout) as Array<{ dir: string; files: string[] }>;
    expect(entry?.files).toEqual(['new.txt']);
    expect(fs.readFileSync(path.join(entry?.dir ?? '', 'files', 'new.txt'), 'utf8')).toBe('created later\n');
  });

  it('an ignored dist/ removed by rm -rf dist comes back', async () => {
    const root = tempDir('gh-undo-e2e-');
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    makeRepo(
      work,
      { 'README.md': 'r\n', '.gitignore': 'dist/\n' },
      { 'dist/app.js': 'built\n', 'dist/app.js.map': '{}\n' },
    );
    const before = hashTree(work);
    const { ghHome, snapshot } = await approveAndRun(root, work, `rm -rf ${path.join(work, 'dist')}`);
    expect(fs.existsSync(path.join(work, 'dist'))).toBe(false);
    expect(snapshot.kept.map((k) => k.path)).toEqual([path.join(fs.realpathSync(work), 'dist')]);
    const done = await undo(ghHome, snapshot.requestId);
    expect(done.code, done.stderr).toBe(0);
    expect(hashTree(work)).toEqual(before);
  });

  it('works outside git: a plain folder comes back, and gets no .git', async () => {
    const root = tempDir('gh-undo-e2e-');
    const work = path.join(root, 'work');
    writeFiles(work, { 'notes/a.txt': 'a\n', 'notes/deep/b.txt': 'b\n', 'keep.txt': 'k\n' });
    const before = hashTree(work);
    const { ghHome, snapshot } = await approveAndRun(root, work, `rm -rf ${path.join(work, 'notes')}`);
    expect(snapshot.privateRepo).toBe(true);
    expect(fs.existsSync(path.join(work, 'notes'))).toBe(false);
    const done = await undo(ghHome, snapshot.requestId);
    expect(done.code, done.stderr).toBe(0);
    expect(hashTree(work)).toEqual(before);
    expect(fs.existsSync(path.join(work, '.git'))).toBe(false);
  });
});
