// The safer form as the core serves and carries it out, on a real folder: offered only for a held request whose agent
// can take it and never riskier than the command, worked out again at the choice, the trash's entry prepared then and
// filled from the staging folder once the command has run. The commands are only read and scored; the test makes
// the move the agent would make itself, with fs.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GateRequest } from '../../../../shared/domain.ts';
import {
  createRiskEngine,
  loadShellParser,
  type ParsedCommand,
  type RiskEngine,
} from '../../../../electron/core/risk/index.ts';
import { SaferService } from '../../../../electron/core/safer/service.ts';
import { Trash } from '../../../../electron/core/undo/trash.ts';
import { tempDir } from '../../../support/temp.ts';

let engine: RiskEngine;
let read: (command: string) => ParsedCommand;

beforeAll(async () => {
  engine = await createRiskEngine();
  read = await loadShellParser();
});

function world(o: { takes?: boolean; snapshot?: boolean; undo?: boolean } = {}) {
  const root = fs.realpathSync(tempDir('gh-safer-'));
  const work = path.join(root, 'work');
  fs.mkdirSync(path.join(work, '.git'), { recursive: true });
  fs.mkdirSync(path.join(work, 'src', 'lib'), { recursive: true });
  fs.writeFileSync(path.join(work, 'src', 'lib', 'a.ts'), 'a\n');
  const trash = new Trash(path.join(root, 'trash'));
  const service = new SaferService({
    read,
    assess: (command, cwd) => engine.assess(command, cwd),
    takesRewrite: () => o.takes ?? true,
    undo: o.undo === false ? null : { before: async () => (o.snapshot === false ? null : ({} as never)), trash },
    home: path.join(root, 'home'),
  });
  const request = (command: string, over: Partial<GateRequest> = {}): GateRequest => ({
    id: 'req1',
    sessionId: 's1',
    agent: 'claude',
    kind: 'pre-tool-use',
    tool: 'Bash',
    command,
    cwd: work,
    risk: engine.assess(command, work),
    status: 'pending',
    createdAt: new Date(0).toISOString(),
    expiresAt: null,
    decision: null,
    ...over,
  });
  return { root, work, trash, service, request };
}

describe('the offer', () => {
  it('a held rm of project files is offered as the move into the staging folder', () => {
    const w = world();
    expect(w.service.offer(w.request('rm -rf src'))).toEqual({
      kind: 'trash',
      command: 'mkdir -p -- .gatehouse-trash/req1 && mv -- src .gatehouse-trash/req1/',
      explanation: expect.stringContaining('gatehouse snapshots untrash req1') as unknown,
    });
  });

  it('none for an agent that cannot take a rewrite, a decided request, a redacted command, or no undo', () => {
    const w = world({ takes: false });
    expect(w.service.offer(w.request('rm -rf src'))).toBeNull();
    // The same command run as written needs no rewrite: offered to any agent.
    expect(w.service.offer(w.request('git reset --hard'))?.kind).toBe('snapshot');
    const v = world();
    expect(v.service.offer(v.request('rm -rf src', { status: 'allowed' }))).toBeNull();
    expect(v.service.offer(v.request(`sqlite3 app.db "DELETE FROM t WHERE k = '[REDACTED:token]'"`))).toBeNull();
    const u = world({ undo: false });
    expect(u.service.offer(u.request('rm -rf src'))).toBeNull();
    expect(u.service.offer(u.request('git reset --hard'))).toBeNull();
    expect(u.service.offer(u.request('git push --force origin main'))?.kind).toBe('force-with-lease');
  });

  it('none when the engine rates the rewrite riskier than the command', () => {
    const w = world();
    const service = new SaferService({
      read,
      assess: () => ({ score: 100, level: 'critical', categories: [], reasons: [] }),
      takesRewrite: () => true,
      undo: { before: async () => null, trash: w.trash },
    });
    expect(service.offer(w.request('rm -rf src'))).toBeNull();
  });
});

describe('the choice', () => {
  it('prepares the trash entry; what the command moves is collected into it, and put back from it', async () => {
    const w = world();
    const choice = await w.service.choose(w.request('rm -rf src'));
    expect(choice.updatedCommand).toBe('mkdir -p -- .gatehouse-trash/req1 && mv -- src .gatehouse-trash/req1/');
    expect(choice.reason).toContain(choice.updatedCommand);
    expect(w.trash.list().map((e) => [e.id, e.root, e.files])).toEqual([['req1', w.work, ['src']]]);
    // What the agent's shell does with the command.
    fs.mkdirSync(path.join(w.work, '.gatehouse-trash', 'req1'), { recursive: true });
    fs.renameSync(path.join(w.work, 'src'), path.join(w.work, '.gatehouse-trash', 'req1', 'src'));
    expect(w.trash.collect('req1')).toBe(1);
    expect(fs.existsSync(path.join(w.work, '.gatehouse-trash'))).toBe(false);
    const [entry] = w.trash.list();
    expect(fs.readFileSync(path.join(entry?.dir ?? '', 'files', 'src', 'lib', 'a.ts'), 'utf8')).toBe('a\n');
    expect(w.trash.putBack('req1')).toEqual({ restored: ['src'], skipped: [] });
    expect(fs.readFileSync(path.join(w.work, 'src', 'lib', 'a.ts'), 'utf8')).toBe('a\n');
  });

  it('a command that never ran leaves no entry behind', async () => {
    const w = world();
    await w.service.choose(w.request('rm -rf src'));
    expect(w.trash.collect('req1')).toBe(0);
    expect(w.trash.list()).toEqual([]);
  });

  it('never follows a link the agent put in the staging folder', async () => {
    const w = world();
    await w.service.choose(w.request('rm -rf src/lib'));
    const outside = path.join(w.root, 'outside', 'lib');
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(outside, 'keep.txt'), 'not yours\n');
    fs.mkdirSync(path.join(w.work, '.gatehouse-trash', 'req1'), { recursive: true });
    fs.symlinkSync(path.join(w.root, 'outside'), path.join(w.work, '.gatehouse-trash', 'req1', 'src'));
    expect(w.trash.collect('req1')).toBe(0);
    expect(fs.readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('not yours\n');
  });

  it('a reset --hard is allowed as written once its snapshot exists, and refused when none could be taken', async () => {
    const w = world();
    const choice = await w.service.choose(w.request('git reset --hard'));
    expect(choice.updatedCommand).toBeNull();
    expect(choice.reason).toContain('gatehouse undo req1');
    const none = world({ snapshot: false });
    await expect(none.service.choose(none.request('git reset --hard'))).rejects.toThrow(/could not take a snapshot/);
  });

  it('refused, saying why, when there is no safer form or the agent cannot take it', async () => {
    const w = world();
    await expect(w.service.choose(w.request('npm test'))).rejects.toThrow(/has no safer form/);
    const codexPermission = world({ takes: false });
    await expect(codexPermission.service.choose(codexPermission.request('rm -rf src'))).rejects.toThrow(
      /cannot take a rewritten command/,
    );
    await expect(w.service.choose(w.request('rm -rf src', { status: 'denied' }))).rejects.toThrow(/already denied/);
  });
});
