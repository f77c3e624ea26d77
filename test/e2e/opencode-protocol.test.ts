/**
 * The OpenCode plug-in facts Gatehouse relies on, pinned against the installed opencode-ai (1.18.33): the REAL binary,
 * driven by the mock Messages API on loopback. It loads a plug-in named in `OPENCODE_CONFIG_CONTENT`, or found in
 * `$XDG_CONFIG_HOME/opencode/plugins/`, and calls its `tool.execute.before` with the call's args before the shell
 * command; a throw there stops the command and its message reaches the model; `tool.execute.after` reports the exit.
 * And where it fails open: a plug-in that fails to load is skipped, and `--pure` loads none.
 * The plug-ins here are trivial test files, not Gatehouse's (test/e2e/opencode.test.ts runs Gatehouse's).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opencodeInvocation, type AgentInvocation } from '../support/agents.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import type { MockModelServer } from '../support/mock-model.ts';
import { tempDir } from '../support/temp.ts';

const RUN_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 90_000;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runAgent(inv: AgentInvocation, cwd: string, extra: { env?: Record<string, string>; args?: string[] } = {}) {
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(inv.command, [...(extra.args ?? []), ...inv.args], {
      cwd,
      env: { ...inv.env, ...extra.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A plug-in that logs what its tool hooks receive (one JSON line each) and, with `deny`, throws `deny` before a tool. */
function writePlugin(file: string, log: string, deny: string | null = null): string {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(
    file,
    [
      `import { appendFileSync } from 'node:fs';`,
      `const log = (v) => appendFileSync(${JSON.stringify(log)}, JSON.stringify(v) + '\\n');`,
      `export const Harness = async (ctx) => ({`,
      `  'tool.execute.before': async (input, output) => {`,
      `    log({ hook: 'before', input, output, directory: ctx.directory });`,
      deny === null ? '' : `    throw new Error(${JSON.stringify(deny)});`,
      `  },`,
      `  'tool.execute.after': async (input, output) => log({ hook: 'after', input, output }),`,
      `});`,
    ].join('\n'),
  );
  return file;
}

function readLog(log: string): Array<Record<string, unknown>> {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const inline = (file: string) => ({ OPENCODE_CONFIG_CONTENT: JSON.stringify({ plugin: [pathToFileURL(file).href] }) });

let root = '';
let work = '';
let home = '';
let log = '';
let marker = '';
let command = '';
let mock: MockModelServer | undefined;

beforeEach(async () => {
  root = tempDir('gatehouse-opencode-');
  work = join(root, 'work');
  home = join(root, 'home');
  log = join(root, 'hooks.jsonl');
  mkdirSync(work, { recursive: true });
  marker = join(work, 'ran');
  command = `touch '${marker}' && echo "ran-$((6*7))"`;
  mock = await startMockAnthropic({ command, shellTool: 'bash' });
});

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const invocation = () => opencodeInvocation({ mockUrl: mock?.url ?? '', home, prompt: 'Run the command.' });

describe('OpenCode 1.18.33 (real binary, mock Messages API)', () => {
  it(
    'calls tool.execute.before with the bash args before the command runs, and tool.execute.after with its exit',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const plugin = writePlugin(join(root, 'plugin', 'harness.js'), log);
      const run = await runAgent(invocation(), work, { env: inline(plugin) });
      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(marker)).toBe(true);
      expect(mock?.toolResults.join('\n')).toContain('ran-42');
      const [before, after] = readLog(log);
      expect(before).toMatchObject({
        hook: 'before',
        input: { tool: 'bash', callID: expect.stringMatching(/^toolu_/) as unknown },
        output: { args: { command, description: expect.any(String) as unknown } },
        directory: work,
      });
      expect(after).toMatchObject({
        hook: 'after',
        input: { tool: 'bash', args: { command } },
        output: { output: 'ran-42\n', metadata: { exit: 0 } },
      });
      expect((after?.input as { callID: string }).callID).toBe((before?.input as { callID: string }).callID);
    },
  );

  it(
    'a throw in tool.execute.before stops the command, and the model reads its message',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const plugin = writePlugin(join(root, 'plugin', 'harness.js'), log, 'HARNESS_DENY: a human said no');
      await runAgent(invocation(), work, { env: inline(plugin) });
      expect(existsSync(marker)).toBe(false);
      expect(mock?.toolResults).toEqual(['HARNESS_DENY: a human said no']);
      expect(readLog(log).map((l) => l.hook)).toEqual(['before']);
    },
  );

  it(
    'loads a plug-in from $XDG_CONFIG_HOME/opencode/plugins/ with no config naming it (the install place)',
    {
      timeout: TEST_TIMEOUT_MS,
    },
    async () => {
      const inv = invocation();
      writePlugin(join(inv.env.XDG_CONFIG_HOME ?? '', 'opencode', 'plugins', 'gatehouse.js'), log, 'HARNESS_DENY');
      await runAgent(inv, work);
      expect(existsSync(marker)).toBe(false);
      expect(mock?.toolResults).toEqual(['HARNESS_DENY']);
    },
  );

  it(
    'FAILS OPEN: a plug-in that cannot be loaded is skipped and the command runs',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const plugin = join(root, 'plugin', 'broken.js');
      mkdirSync(join(root, 'plugin'));
      writeFileSync(plugin, `export const Broken = async () => ({ 'tool.execute.before': async ( => 1 });\n`);
      await runAgent(invocation(), work, { env: inline(plugin) });
      expect(existsSync(marker)).toBe(true);
    },
  );

  it(
    '--pure loads no plug-in, so the command runs unheld (the launch checks refuse it)',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const plugin = writePlugin(join(root, 'plugin', 'harness.js'), log, 'HARNESS_DENY');
      await runAgent(invocation(), work, { env: inline(plugin), args: ['--pure'] });
      expect(existsSync(marker)).toBe(true);
      expect(readLog(log)).toEqual([]);
    },
  );
});
