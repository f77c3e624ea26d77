// "Run it safer" end to end: the real Claude Code and Codex through `gatehouse run` (sandboxed, as a person runs it) and a real
// daemon, against the mock Anthropic server on loopback. The mock asks it to delete folders of a repository inside
// this test's temporary directory (and nowhere else); the held card offers the safer form, a control client chooses
// it, and the agent runs the rewritten command it was handed (`updatedInput`): the folders end up in Gatehouse's trash, not deleted,
// and `gatehouse snapshots untrash` puts them back byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, GateRequest } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { claudeInvocation, codexInvocation, type AgentInvocation } from '../support/agents.ts';
import { cli, cliEnv, startCli, startDaemon } from '../support/cli.ts';
import { hashTree, makeRepo } from '../support/git-repo.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import type { MockModelServer } from '../support/mock-model.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface AgentCase {
  name: 'claude' | 'codex';
  mock(o: { command: string }): Promise<MockModelServer>;
  invocation(o: { mockUrl: string; home: string; cwd: string }): AgentInvocation;
}

const AGENTS: AgentCase[] = [
  {
    name: 'claude',
    mock: startMockAnthropic,
    invocation: ({ mockUrl, home }) => claudeInvocation({ mockUrl, home, prompt: 'run it' }),
  },
  {
    name: 'codex',
    mock: startMockResponses,
    invocation: ({ mockUrl, home, cwd }) => codexInvocation({ mockUrl, home, cwd, prompt: 'run it' }),
  },
];

describe.each(AGENTS)('Run it safer with the real ', (agent) => {
  it('rm -rf src docs, approved safer, moves them into the trash instead; untrash brings them back', async () => {
    const root = tempDir('gh-safer-e2e-');
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    makeRepo(
      work,
      { 'src/index.ts': 'export const a = 1;\n', 'src/lib/util.ts': 'export const b = 2;\n', 'docs/guide.md': '# G\n' },
      { 'src/draft.ts': 'untracked\n', 'README.md': 'readme\n' },
    );
    const before = hashTree(work);
    const ghHome = path.join(root, 'gatehouse');
    const daemon = await startDaemon(ghHome, ['--hold-timeout', '60s']);
    cleanups.push(() => daemon.stop());
    const paths = corePaths(ghHome);
    const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
    cleanups.push(async () => client.close());
    let held: GateRequest | null = null;
    let decided: Promise<GateRequest> | null = null;
    let changed: (e: Extract<CoreEvent, { type: 'request.changes' }>) => void = () => {};
    const changes = new Promise<Extract<CoreEvent, { type: 'request.changes' }>>((r) => (changed = r));
    await client.events((e) => {
      if (e.type === 'request.held') {
        held = e.request;
        decided = client.api.decide({ id: e.request.id, decision: 'allow', safer: true });
      }
      if (e.type === 'request.changes') changed(e);
    });
    const mock = await agent.mock({ command: 'rm -rf src docs' });
    cleanups.push(() => mock.close());
    const inv = agent.invocation({ mockUrl: mock.url, home: path.join(root, 'agent-home'), cwd: work });
    const run = startCli(
      ['run', '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    );
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    const { snapshot } = await changes;

    // The card offered exactly the command that then ran.
    const request = held as GateRequest | null;
    const id = request?.id ?? '';
    const safer = `mkdir -p -- .gatehouse-trash/${id} && mv -- src docs .gatehouse-trash/${id}/`;
    expect(request?.safer).toMatchObject({ kind: 'trash', command: safer });
    const answer = await (decided as Promise<GateRequest> | null);
    expect(answer?.decision?.updatedCommand).toBe(safer);
    const stored = await client.api.getRequest(id);
    expect(stored.decision?.updatedCommand).toBe(safer);
    expect(stored.outcome?.state).toBe('ran');

    // Gone from the project, with nothing left of the staging folder; in Gatehouse's trash, not deleted.
    expect(fs.existsSync(path.join(work, 'src'))).toBe(false);
    expect(fs.existsSync(path.join(work, 'docs'))).toBe(false);
    expect(fs.existsSync(path.join(work, '.gatehouse-trash'))).toBe(false);
    expect(snapshot.changes?.summary).toContain('deleted 4 files');
    const trash = await cli(['snapshots', 'trash', '--json'], cliEnv(ghHome));
    const entries = JSON.parse(trash.stdout) as Array<{ id: string; dir: string; files: string[] }>;
    const entry = entries.find((e) => e.id === id);
    expect(entry?.files).toEqual(['src', 'docs']);
    expect(fs.readFileSync(path.join(entry?.dir ?? '', 'files', 'src', 'draft.ts'), 'utf8')).toBe('untracked\n');

    const back = await cli(['snapshots', 'untrash', id], cliEnv(ghHome));
    expect(back.code, back.stderr).toBe(0);
    expect(hashTree(work)).toEqual(before);
  });
});
