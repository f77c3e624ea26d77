/**
 * The agent protocol facts Gatehouse relies on, pinned against the installed versions.
 * Proves the offline agent harness: the REAL Claude Code and Codex binaries,
 * driven by the mock model servers, run their PreToolUse hook (a trivial
 * shell script here, not Gatehouse) before the shell command, and the
 * hook's verdict decides whether the command runs.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claudeInvocation, codexInvocation, type AgentInvocation } from '../support/agents.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import type { MockModelServer } from '../support/mock-model.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';

const RUN_TIMEOUT_MS = 25_000;
const TEST_TIMEOUT_MS = 30_000;

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runAgent(
  inv: AgentInvocation,
  extraArgs: { before?: string[]; after?: string[] },
  cwd: string,
): Promise<RunResult> {
  const args = [...(extraArgs.before ?? []), ...inv.args, ...(extraArgs.after ?? [])];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(inv.command, args, { cwd, env: inv.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Writes an executable /bin/sh hook that saves its stdin and prints `output`. */
function writeHook(dir: string, name: string, output: string, exitCode = 0): { path: string; stdinFile: string } {
  const path = join(dir, `${name}.sh`);
  const stdinFile = join(dir, `${name}.stdin.json`);
  const quoted = `'${output.replaceAll("'", `'\\''`)}'`;
  writeFileSync(path, `#!/bin/sh\ncat > '${stdinFile}'\nprintf '%s' ${quoted}\nexit ${exitCode}\n`);
  chmodSync(path, 0o755);
  return { path, stdinFile };
}

function readHookInput(stdinFile: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(stdinFile, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('hook stdin is not an object');
  return parsed as Record<string, unknown>;
}

const allowOutput = JSON.stringify({
  hookSpecificOutput: {
    hookEventName: 'PreToolUse',
    permissionDecision: 'allow',
    permissionDecisionReason: 'harness allows',
  },
});
const denyReason = 'HARNESS_DENY: a human said no';
const denyOutput = JSON.stringify({
  hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: denyReason },
});

/** TOML basic string (JSON string syntax is valid TOML for these paths). */
const toml = (s: string): string => JSON.stringify(s);

function codexHookArgs(hookPath: string): string[] {
  return [
    '--dangerously-bypass-hook-trust',
    '-c',
    `hooks.PreToolUse=[{matcher="Bash", hooks=[{type="command",command=${toml(hookPath)},timeout=600}]}]`,
  ];
}

/** PreToolUse, PostToolUse and Stop, each to its own logging hook. */
function codexObserverArgs(pre: string, post: string, stop: string): string[] {
  const hook = (path: string) => `hooks=[{type="command",command=${toml(path)},timeout=600}]`;
  return [
    ...codexHookArgs(pre),
    '-c',
    `hooks.PostToolUse=[{matcher="Bash", ${hook(post)}}]`,
    '-c',
    `hooks.Stop=[{${hook(stop)}}]`,
  ];
}

let root = '';
let home = '';
let work = '';
let hooks = '';
let mock: MockModelServer | undefined;

beforeEach(() => {
  root = tempDir('gatehouse-agents-');
  home = join(root, 'home');
  work = mkdtempSync(join(root, 'work-'));
  hooks = mkdtempSync(join(root, 'hooks-'));
});

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('Claude Code (real binary, mock Messages API)', () => {
  it(
    'hook allows: the Bash command runs and its output returns as tool_result',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const marker = join(work, 'claude-ran');
      const command = `touch '${marker}' && echo CLAUDE_HARNESS_RAN`;
      mock = await startMockAnthropic({ command });
      const hook = writeHook(hooks, 'allow', allowOutput);
      const settings = join(hooks, 'settings.json');
      writeFileSync(
        settings,
        JSON.stringify({
          hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: hook.path }] }] },
        }),
      );

      const inv = claudeInvocation({ mockUrl: mock.url, home, prompt: 'Run the command.' });
      const run = await runAgent(inv, { after: ['--settings', settings] }, work);

      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(marker)).toBe(true);
      expect(mock.toolResults).toHaveLength(1);
      expect(mock.toolResults[0]).toContain('CLAUDE_HARNESS_RAN');
      const input = readHookInput(hook.stdinFile);
      expect(input['hook_event_name']).toBe('PreToolUse');
      expect(input['tool_name']).toBe('Bash');
      expect(input['tool_input']).toMatchObject({ command });
      expect(input['cwd']).toBe(work);
      const result = JSON.parse(run.stdout) as { is_error: boolean; permission_denials: unknown[] };
      expect(result.is_error).toBe(false);
      expect(result.permission_denials).toEqual([]);
    },
  );

  it(
    'hook denies with a reason: the command does not run and the reason reaches the model',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const marker = join(work, 'claude-ran');
      mock = await startMockAnthropic({ command: `touch '${marker}' && echo CLAUDE_HARNESS_RAN` });
      const hook = writeHook(hooks, 'deny', denyOutput);
      const settings = {
        hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: hook.path }] }] },
      };

      const inv = claudeInvocation({ mockUrl: mock.url, home, prompt: 'Run the command.' });
      // --settings also accepts inline JSON.
      const run = await runAgent(inv, { after: ['--settings', JSON.stringify(settings)] }, work);

      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(hook.stdinFile)).toBe(true);
      expect(existsSync(marker)).toBe(false);
      expect(mock.toolResults).toHaveLength(1);
      expect(mock.toolResults[0]).toContain(denyReason);
      expect(mock.toolResults[0]).not.toContain('CLAUDE_HARNESS_RAN');
    },
  );
});

describe('Claude Code: what ran, as its post-tool hooks say (broker/outcomes.ts)', () => {
  /** Settings with a logging hook for each event, the PreToolUse one answering `preOutput`. */
  function loggingSettings(preOutput: string, extra: Record<string, unknown> = {}) {
    const pre = writeHook(hooks, 'pre', preOutput);
    const post = writeHook(hooks, 'post', '');
    const failure = writeHook(hooks, 'failure', '');
    const stop = writeHook(hooks, 'stop', '');
    const on = (path: string) => [{ matcher: 'Bash', hooks: [{ type: 'command', command: path }] }];
    const settings = {
      ...extra,
      hooks: {
        PreToolUse: on(pre.path),
        PostToolUse: on(post.path),
        PostToolUseFailure: on(failure.path),
        Stop: [{ hooks: [{ type: 'command', command: stop.path }] }],
      },
    };
    return { settings, pre, post, failure, stop };
  }

  it(
    'a failing command: PostToolUseFailure with the same tool_use_id, "Exit code N" then the output, and duration_ms',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const command = 'echo hello-out; ls /nonexistent-gh; exit 3';
      mock = await startMockAnthropic({ command, then: ['echo fine-out'] });
      const h = loggingSettings(allowOutput);
      const inv = claudeInvocation({ mockUrl: mock.url, home, prompt: 'Run the command.' });
      const run = await runAgent(inv, { after: ['--settings', JSON.stringify(h.settings)] }, work);
      expect(run.code, run.stderr).toBe(0);
      const failure = readHookInput(h.failure.stdinFile);
      expect(failure).toMatchObject({ hook_event_name: 'PostToolUseFailure', tool_name: 'Bash', is_interrupt: false });
      expect(failure['error']).toMatch(/^Exit code 3\nhello-out\nls: cannot access '\/nonexistent-gh'/);
      expect(typeof failure['duration_ms']).toBe('number');
      // The second command succeeded: PostToolUse, with stdout and the duration; its id is the one PreToolUse had.
      const post = readHookInput(h.post.stdinFile);
      const pre = readHookInput(h.pre.stdinFile);
      expect(post).toMatchObject({ hook_event_name: 'PostToolUse', tool_response: { stdout: 'fine-out', stderr: '' } });
      expect(post['tool_use_id']).toBe(pre['tool_use_id']);
      expect(post['tool_use_id']).toMatch(/^toolu_/);
      expect(typeof post['duration_ms']).toBe('number');
    },
  );

  it(
    'a command its own deny rule refuses after the hook allowed it: no post-tool hook at all, then Stop',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      mock = await startMockAnthropic({ command: 'echo denied-by-rule' });
      const h = loggingSettings(allowOutput, { permissions: { deny: ['Bash(echo:*)'] } });
      const inv = claudeInvocation({ mockUrl: mock.url, home, prompt: 'Run the command.' });
      await runAgent(inv, { after: ['--settings', JSON.stringify(h.settings)] }, work);
      expect(existsSync(h.pre.stdinFile)).toBe(true);
      expect(mock.toolResults[0]).toContain('has been denied');
      expect([existsSync(h.post.stdinFile), existsSync(h.failure.stdinFile)]).toEqual([false, false]);
      expect(readHookInput(h.stop.stdinFile)['hook_event_name']).toBe('Stop');
    },
  );
});

describe('Claude Code hook failures', () => {
  // A hook that crashes fails open unless it says onFailure "block"; Gatehouse sets it where supported.
  it.each([
    [{ onFailure: 'block' }, false],
    [{}, true],
  ])('a crashing hook with %j lets the command run: %s', { timeout: TEST_TIMEOUT_MS }, async (extra, runs) => {
    const marker = join(work, 'claude-ran');
    mock = await startMockAnthropic({ command: `touch '${marker}'` });
    const hook = writeHook(hooks, 'crash', 'not json', 1);
    const settings = {
      permissions: { allow: ['Bash'] },
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: hook.path, ...extra }] }] },
    };
    const inv = claudeInvocation({ mockUrl: mock.url, home, prompt: 'Run the command.' });
    await runAgent(inv, { after: ['--settings', JSON.stringify(settings)] }, work);
    expect(existsSync(hook.stdinFile)).toBe(true);
    expect(existsSync(marker)).toBe(runs);
  });
});

describe('Codex (real binary, mock Responses API)', () => {
  it(
    'hook silent: the command runs and its output returns as function_call_output',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const marker = join(work, 'codex-ran');
      const command = `touch '${marker}' && echo CODEX_HARNESS_RAN`;
      mock = await startMockResponses({ command });
      const hook = writeHook(hooks, 'silent', '');

      const inv = codexInvocation({ mockUrl: mock.url, home, cwd: work, prompt: 'Run the command.' });
      const run = await runAgent(inv, { before: codexHookArgs(hook.path) }, work);

      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(marker)).toBe(true);
      expect(mock.toolResults).toHaveLength(1);
      expect(mock.toolResults[0]).toContain('CODEX_HARNESS_RAN');
      const input = readHookInput(hook.stdinFile);
      expect(input['hook_event_name']).toBe('PreToolUse');
      expect(input['tool_name']).toBe('Bash');
      expect(input['tool_input']).toEqual({ command });
      expect(input['cwd']).toBe(work);
    },
  );

  it(
    'hook denies: the command does not run and the reason reaches the model',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const marker = join(work, 'codex-ran');
      mock = await startMockResponses({ command: `touch '${marker}' && echo CODEX_HARNESS_RAN` });
      const hook = writeHook(hooks, 'deny', denyOutput);

      const inv = codexInvocation({ mockUrl: mock.url, home, cwd: work, prompt: 'Run the command.' });
      const run = await runAgent(inv, { before: codexHookArgs(hook.path) }, work);

      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(hook.stdinFile)).toBe(true);
      expect(existsSync(marker)).toBe(false);
      expect(mock.toolResults).toHaveLength(1);
      expect(mock.toolResults[0]).toContain(`Command blocked by PreToolUse hook: ${denyReason}`);
    },
  );

  it(
    'PostToolUse fires in exec for a command that exits non-zero: the same tool_use_id, its output, no exit status',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      mock = await startMockResponses({ command: 'echo codex-out; exit 4' });
      const pre = writeHook(hooks, 'pre', '');
      const post = writeHook(hooks, 'post', '');
      const stop = writeHook(hooks, 'stop', '');
      const inv = codexInvocation({ mockUrl: mock.url, home, cwd: work, prompt: 'Run the command.' });
      const run = await runAgent(inv, { before: codexObserverArgs(pre.path, post.path, stop.path) }, work);
      expect(run.code, run.stderr).toBe(0);
      // The model is told the exit code; the hook is not.
      expect(mock.toolResults[0]).toContain('Process exited with code 4');
      const input = readHookInput(post.stdinFile);
      expect(input).toMatchObject({ hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_response: 'codex-out\n' });
      expect(Object.keys(input)).not.toContain('exit_code');
      expect(JSON.stringify(input)).not.toContain('"4"');
      expect(input['tool_use_id']).toBe(readHookInput(pre.stdinFile)['tool_use_id']);
      expect(input['tool_use_id']).toMatch(/^call_/);
      expect(readHookInput(stop.stdinFile)['hook_event_name']).toBe('Stop');
    },
  );

  it(
    'a command Codex rejects itself after PreToolUse (escalation under its approval policy): no PostToolUse, then Stop',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const marker = join(work, 'codex-ran');
      mock = await startMockResponses({
        command: `touch '${marker}'`,
        toolArguments: { sandbox_permissions: 'require_escalated', justification: 'needs more' },
      });
      const pre = writeHook(hooks, 'pre', '');
      const post = writeHook(hooks, 'post', '');
      const stop = writeHook(hooks, 'stop', '');
      const inv = codexInvocation({ mockUrl: mock.url, home, cwd: work, prompt: 'Run the command.' });
      await runAgent(inv, { before: codexObserverArgs(pre.path, post.path, stop.path) }, work);
      expect(existsSync(pre.stdinFile)).toBe(true);
      expect(existsSync(marker)).toBe(false);
      expect(mock.toolResults[0]).toContain('reject command');
      expect(existsSync(post.stdinFile)).toBe(false);
      expect(readHookInput(stop.stdinFile)['hook_event_name']).toBe('Stop');
    },
  );

  it(
    "hook denies in code mode (Codex's default model): the command does not run",
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const marker = join(work, 'codex-ran');
      mock = await startMockResponses({ command: `touch '${marker}' && echo CODEX_HARNESS_RAN` });
      const hook = writeHook(hooks, 'deny-exit2', '', 2);
      writeFileSync(hook.path, `#!/bin/sh\ncat > '${hook.stdinFile}'\necho '${denyReason}' >&2\nexit 2\n`);

      const inv = codexInvocation({ mockUrl: mock.url, home, cwd: work, prompt: 'Run the command.', model: null });
      // Hook flags after the prompt work too.
      const run = await runAgent(inv, { after: codexHookArgs(hook.path) }, work);

      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(hook.stdinFile)).toBe(true);
      expect(existsSync(marker)).toBe(false);
      expect(mock.toolResults).toHaveLength(1);
      expect(mock.toolResults[0]).toContain(denyReason);
    },
  );
});
