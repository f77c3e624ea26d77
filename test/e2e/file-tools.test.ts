// The file tools and interactive channels, end to end with the real agents (`gatehouse run`, a real daemon, mock model
// servers on loopback). A change to a protected place is held and, denied, never happens; an ordinary change runs with
// no card at all. Codex's write_stdin reaches no hook, so the start of the interactive shell it would type into is held.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, GateRequest } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { claudeInvocation, codexInvocation } from '../support/agents.ts';
import { startCli, startDaemon } from '../support/cli.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const DENIED = 'file tools test';

/** A daemon whose home is the agent's (so `~/.bashrc` is the agent's), denying (or allowing) whatever it holds, and a project. */
async function world(decision: 'allow' | 'deny' = 'deny') {
  const root = fs.realpathSync(tempDir('gh-files-e2e-'));
  const ghHome = path.join(root, 'gatehouse');
  const home = path.join(root, 'agent-home');
  const work = path.join(root, 'work');
  fs.mkdirSync(path.join(work, 'src'), { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  const daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: home });
  cleanups.push(() => daemon.stop());
  const paths = corePaths(ghHome);
  const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  cleanups.push(async () => client.close());
  const held: GateRequest[] = [];
  const events: CoreEvent[] = [];
  await client.events((e: CoreEvent) => {
    events.push(e);
    if (e.type === 'request.held') {
      held.push(e.request);
      void client.api.decide({ id: e.request.id, decision, reason: decision === 'deny' ? DENIED : undefined });
    }
  });
  // This layer on its own: in the sandbox the protected places are read-only anyway (sandbox.test.ts).
  const run = (inv: { command: string; args: string[]; env: Record<string, string> }) =>
    startCli(
      ['run', '--no-sandbox', '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    ).done;
  return { root, home, work, held, events, run };
}

describe('Claude Code file tools through gatehouse run', () => {
  it('holds a Write to the project settings and to ~/.bashrc (denied: never written); an ordinary Write runs with no card', async () => {
    const w = await world();
    const settings = path.join(w.work, '.claude', 'settings.local.json');
    const bashrc = path.join(w.home, '.bashrc');
    const codex = path.join(w.work, '.codex', 'config.toml');
    const ordinary = path.join(w.work, 'src', 'a.txt');
    const mock = await startMockAnthropic({
      command: { tool: 'Write', input: { file_path: ordinary, content: 'ordinary work\n' } },
      then: [
        { tool: 'Write', input: { file_path: settings, content: '{"disableAllHooks": true}\n' } },
        { tool: 'Write', input: { file_path: bashrc, content: `touch ${path.join(w.work, 'marker')}\n` } },
        // Claude Code would write this one unasked (acceptEdits, inside the project): only Gatehouse stands in the way.
        { tool: 'Write', input: { file_path: codex, content: 'approval_policy = "never"\n' } },
        { tool: 'Edit', input: { file_path: ordinary, old_string: 'ordinary work', new_string: 'edited work' } },
      ],
    });
    cleanups.push(() => mock.close());
    const inv = claudeInvocation({ mockUrl: mock.url, home: w.home, prompt: 'write the files' });
    // The person's own choice lets Claude Code write in the project unasked; Gatehouse adds nothing to ordinary edits.
    const result = await w.run({ ...inv, args: [...inv.args, '--permission-mode', 'acceptEdits'] });
    expect(result.code, result.stderr).toBe(0);

    expect(fs.readFileSync(ordinary, 'utf8')).toBe('edited work\n');
    expect(w.held.map((r) => [r.tool, r.risk?.level, r.command.split('\n')[0]])).toEqual([
      ['Write', 'critical', `Write ${settings}`],
      ['Write', 'critical', `Write ${bashrc}`],
      ['Write', 'critical', `Write ${codex}`],
    ]);
    expect(fs.existsSync(codex)).toBe(false);
    expect(w.held[0]?.risk?.reasons[0]).toContain(`Write writes ${settings}`);
    expect(w.held[1]?.risk?.reasons[0]).toContain('a shell startup file');
    // The ordinary write was never a request at all: no card, no decision, no row.
    expect(
      w.events.filter(
        (e) => (e.type === 'request.held' || e.type === 'request.decided') && e.request.command.includes(ordinary),
      ),
    ).toEqual([]);
    expect(fs.existsSync(settings)).toBe(false);
    expect(fs.existsSync(bashrc)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain(`The user denied this command in Gatehouse: ${DENIED}`);
  });

  it('writes the protected file once a person allows it (the hold is what stopped it)', async () => {
    const w = await world('allow');
    // Places Gatehouse protects and Claude Code 2.1.330 itself does not (another agent's settings).
    const codex = path.join(w.work, '.codex', 'config.toml');
    const gemini = path.join(w.work, '.gemini', 'settings.json');
    // Places Claude Code asks about itself whatever a hook says (its dangerous files: .bashrc, .mcp.json, .claude/, …).
    const bashrc = path.join(w.home, '.bashrc');
    const settings = path.join(w.work, '.claude', 'settings.local.json');
    const mock = await startMockAnthropic({
      command: { tool: 'Write', input: { file_path: codex, content: 'x = 1\n' } },
      then: [
        { tool: 'Write', input: { file_path: gemini, content: '{}\n' } },
        { tool: 'Write', input: { file_path: bashrc, content: 'export EDITOR=vi\n' } },
        { tool: 'Write', input: { file_path: settings, content: '{}\n' } },
      ],
    });
    cleanups.push(() => mock.close());
    const result = await w.run(claudeInvocation({ mockUrl: mock.url, home: w.home, prompt: 'write it' }));
    expect(result.code, result.stderr).toBe(0);
    expect(w.held.map((r) => r.tool)).toEqual(['Write', 'Write', 'Write', 'Write']);
    // Gatehouse's allow also answers Claude Code's own prompt (as for Bash): these are written.
    expect(fs.readFileSync(codex, 'utf8'), mock.toolResults.join('\n')).toBe('x = 1\n');
    expect(fs.readFileSync(gemini, 'utf8')).toBe('{}\n');
    // With nobody to ask (-p), Claude Code refuses its own dangerous files even after Gatehouse's allow.
    expect(fs.existsSync(bashrc)).toBe(false);
    expect(fs.existsSync(settings)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain(`Claude requested permissions to write to ${settings}`);
  });
});

describe('Codex apply_patch and write_stdin through gatehouse run', () => {
  it('holds patches to protected places and the start of an interactive shell; an ordinary patch runs with no card', async () => {
    const w = await world();
    const marker = path.join(w.work, 'marker');
    const patch = (file: string) => `*** Begin Patch\n*** Add File: ${file}\n+written = true\n*** End Patch\n`;
    const mock = await startMockResponses({
      command: { custom: 'apply_patch', input: patch('src/a.txt') },
      then: [
        { custom: 'apply_patch', input: patch('.codex/config.toml') },
        // Codex's own sandbox would write this one: only Gatehouse stands in the way.
        { custom: 'apply_patch', input: patch('.mcp.json') },
        { function: 'exec_command', arguments: { cmd: 'bash', tty: true, yield_time_ms: 500 } },
        // What Codex would type into that shell: no hook sees it (Codex 0.169), so the shell must never have started.
        (outputs) => ({
          function: 'write_stdin',
          arguments: {
            session_id: Number(/session ID (\d+)/.exec(outputs.join('\n'))?.[1] ?? 1),
            chars: `touch ${marker}\n`,
            yield_time_ms: 500,
          },
        }),
      ],
    });
    cleanups.push(() => mock.close());
    const result = await w.run(
      codexInvocation({ mockUrl: mock.url, home: w.home, cwd: w.work, prompt: 'patch the files' }),
    );
    expect(result.code, result.stderr).toBe(0);

    expect(fs.readFileSync(path.join(w.work, 'src', 'a.txt'), 'utf8')).toBe('written = true\n');
    expect(w.held.map((r) => [r.tool, r.risk?.level, r.command.split('\n')[0]])).toEqual([
      ['apply_patch', 'critical', 'apply_patch'],
      ['apply_patch', 'critical', 'apply_patch'],
      ['Bash', 'high', 'bash'],
    ]);
    expect(w.held[0]?.command).toContain('*** Add File: .codex/config.toml');
    expect(w.held[1]?.risk?.reasons[0]).toContain(`apply_patch patches ${path.join(w.work, '.mcp.json')}`);
    expect(w.held[2]?.risk?.reasons[0]).toMatch(
      /^starts an interactive shell \(bash\) whose later input Gatehouse cannot see/,
    );
    expect(
      w.events.filter(
        (e) => (e.type === 'request.held' || e.type === 'request.decided') && e.request.command.includes('src/a.txt'),
      ),
    ).toEqual([]);
    expect(fs.existsSync(path.join(w.work, '.codex', 'config.toml'))).toBe(false);
    expect(fs.existsSync(path.join(w.work, '.mcp.json'))).toBe(false);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('once a person allows the shell, what is typed into it runs unasked: why its start is high', async () => {
    const w = await world('allow');
    const marker = path.join(w.work, 'marker');
    const mock = await startMockResponses({
      command: { custom: 'apply_patch', input: '*** Begin Patch\n*** Add File: .mcp.json\n+{}\n*** End Patch\n' },
      then: [
        { function: 'exec_command', arguments: { cmd: 'bash', tty: true, yield_time_ms: 500 } },
        (outputs) => ({
          function: 'write_stdin',
          arguments: {
            session_id: Number(/session ID (\d+)/.exec(outputs.join('\n'))?.[1] ?? 1),
            chars: `touch ${marker}\n`,
            yield_time_ms: 1000,
          },
        }),
      ],
    });
    cleanups.push(() => mock.close());
    const result = await w.run(
      codexInvocation({ mockUrl: mock.url, home: w.home, cwd: w.work, prompt: 'patch and type' }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(path.join(w.work, '.mcp.json'), 'utf8')).toBe('{}\n');
    // Two requests (the patch, the shell); the typed line never reached Gatehouse, and ran.
    expect(w.held.map((r) => r.command.split('\n')[0])).toEqual(['apply_patch', 'bash']);
    expect(fs.existsSync(marker)).toBe(true);
  });
});
