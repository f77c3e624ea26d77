// `gatehouse install claude`, then the real Claude Code started plainly (no `gatehouse run`) against the mock Messages
// API: its command is held in a session of its own; with the core stopped, the installed hook answers at once with the
// headless fallback (denied, "start Gatehouse"); `gatehouse uninstall claude` leaves settings.json exactly as before.
// Everything lives in temporary directories: the agent's HOME and CLAUDE_CONFIG_DIR, and Gatehouse's data directory.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAUDE_CORE_DOWN } from '../../electron/core/agents/claude/install.ts';
import { CODEX_CORE_DOWN } from '../../electron/core/agents/codex/install.ts';
import { COPILOT_CORE_DOWN } from '../../electron/core/agents/copilot/install.ts';
import { GEMINI_CORE_DOWN } from '../../electron/core/agents/gemini/install.ts';
import { claudeInvocation, codexInvocation, copilotInvocation, geminiInvocation } from '../support/agents.ts';
import { cli, startDaemon } from '../support/cli.ts';
import { runAgent, watch } from '../support/installed-agents.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { startMockGemini } from '../support/mock-gemini.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('gatehouse install claude', () => {
  it('guards a plain `claude -p`, falls back at once when Gatehouse is down, and uninstalls byte for byte', async () => {
    const root = tempDir('gh-install-');
    const ghHome = path.join(root, 'gatehouse');
    const agentHome = path.join(root, 'agent-home');
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    const marker = path.join(work, 'ran.txt');
    const mock = await startMockAnthropic({ command: `touch ${marker}` });
    cleanups.push(() => mock.close());
    const inv = claudeInvocation({ mockUrl: mock.url, home: agentHome, prompt: 'run the command' });
    // The person's own settings, with an odd indentation and no final newline: uninstall must give back these bytes.
    const settingsFile = path.join(agentHome, '.claude', 'settings.json');
    const original = '{\n    "env": {"FOO": "bar"},\n    "permissions": {"allow": ["Bash(ls:*)"]}\n}';
    fs.writeFileSync(settingsFile, original);

    // The core gets the agent's HOME too: nothing may reach the real one.
    const env = { ...process.env, GATEHOUSE_HOME: ghHome, ...inv.env };
    let daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
    cleanups.push(() => daemon.stop());

    const install = await cli(['install', 'claude', '--yes'], env);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toContain(settingsFile);
    expect(install.stdout).toContain('PreToolUse');
    const written = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ env: { FOO: 'bar' }, permissions: { allow: ['Bash(ls:*)'] } });
    const again = await cli(['install', 'claude', '--yes'], env);
    expect(again.stdout).toContain('already installed');
    const doctor = JSON.parse((await cli(['doctor', '--json'], env)).stdout) as {
      checks: Array<{ name: string; detail: string }>;
    };
    expect(doctor.checks.find((c) => c.name === 'install claude')?.detail).toMatch(
      /^installed in .*settings\.json: the file is as Gatehouse wrote it; with Gatehouse down Claude Code asks you itself/,
    );

    // Plain claude, no gatehouse run: held in a session of its own, guarded by the installed hook.
    const w = await watch(ghHome);
    cleanups.push(async () => w.client.close());
    const done = runAgent(inv, work);
    const { request } = await w.event('request.held');
    expect(request).toMatchObject({ agent: 'claude', command: `touch ${marker}`, tool: 'Bash', status: 'pending' });
    const sessions = await w.client.api.listSessions();
    const session = sessions.find((s) => s.id === request.sessionId);
    expect(session?.protections?.[0]?.detail).toContain('installed hook');
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not now' });
    await done;
    expect(fs.existsSync(marker)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain('not now');

    // Gatehouse stopped: the hook cannot connect and answers at once with the headless fallback.
    w.client.close();
    await daemon.stop();
    mock.toolResults.length = 0;
    const down = await runAgent(inv, work);
    expect(fs.existsSync(marker)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain(CLAUDE_CORE_DOWN.deny);
    console.log(`claude -p with Gatehouse down: ${down.ms} ms in all`);

    daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
    const uninstall = await cli(['uninstall', 'claude'], env);
    expect(uninstall.code, uninstall.stderr).toBe(0);
    expect(uninstall.stdout).toContain('byte for byte');
    expect(fs.readFileSync(settingsFile, 'utf8')).toBe(original);
  });
});

describe('gatehouse install codex', () => {
  it('guards a plain `codex exec` with no hook-trust bypass, denies at once when Gatehouse is down, uninstalls byte for byte', async () => {
    const root = tempDir('gh-install-');
    const ghHome = path.join(root, 'gatehouse');
    const agentHome = path.join(root, 'agent-home');
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    const marker = path.join(work, 'ran.txt');
    const mock = await startMockResponses({ command: `touch ${marker}` });
    cleanups.push(() => mock.close());
    const inv = codexInvocation({ mockUrl: mock.url, home: agentHome, cwd: work, prompt: 'run the command' });
    expect(inv.args).not.toContain('--dangerously-bypass-hook-trust');
    const configFile = path.join(agentHome, '.codex', 'config.toml');
    const original = '# my own settings, kept as they are\nmodel = "gpt-5.5"   # with a comment\n';
    fs.writeFileSync(configFile, original);

    const env = { ...process.env, GATEHOUSE_HOME: ghHome, ...inv.env };
    let daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
    cleanups.push(() => daemon.stop());
    const install = await cli(['install', 'codex', '--yes'], env);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toContain('Codex trusts the 6 hooks');
    const written = fs.readFileSync(configFile, 'utf8');
    expect(written.startsWith(`${original}\n# >>> Gatehouse`)).toBe(true);
    expect(written).toContain('trusted_hash = "sha256:');
    expect((await cli(['install', 'codex', '--yes'], env)).stdout).toContain('already installed');

    const w = await watch(ghHome);
    cleanups.push(async () => w.client.close());
    const done = runAgent(inv, work);
    const { request } = await w.event('request.held');
    expect(request).toMatchObject({ agent: 'codex', command: `touch ${marker}`, status: 'pending' });
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not now' });
    await done;
    expect(fs.existsSync(marker)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain('not now');

    w.client.close();
    await daemon.stop();
    mock.toolResults.length = 0;
    const down = await runAgent(inv, work);
    expect(fs.existsSync(marker)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain(CODEX_CORE_DOWN);
    console.log(`codex exec with Gatehouse down: ${down.ms} ms in all`);

    daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
    const uninstall = await cli(['uninstall', 'codex'], env);
    expect(uninstall.code, uninstall.stderr).toBe(0);
    expect(fs.readFileSync(configFile, 'utf8')).toBe(original);
  });
});

describe('gatehouse install gemini', () => {
  it('guards a plain `gemini -p`, denies at once when Gatehouse is down, uninstalls byte for byte', async () => {
    const root = tempDir('gh-install-');
    const ghHome = path.join(root, 'gatehouse');
    const agentHome = path.join(root, 'agent-home');
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    const marker = path.join(work, 'ran.txt');
    const mock = await startMockGemini({ command: `touch ${marker}` });
    cleanups.push(() => mock.close());
    const inv = geminiInvocation({ mockUrl: mock.url, home: agentHome, prompt: 'run the command' });
    // The person's settings with a comment and no final newline: uninstall must give back these bytes.
    const settingsFile = path.join(agentHome, '.gemini', 'settings.json');
    const original = '{\n  // API key auth, for -p\n  "security": {"auth": {"selectedType": "gemini-api-key"}}\n}';
    fs.writeFileSync(settingsFile, original);

    const env = { ...process.env, GATEHOUSE_HOME: ghHome, ...inv.env };
    let daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
    cleanups.push(() => daemon.stop());
    const install = await cli(['install', 'gemini', '--yes'], env);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toContain(settingsFile);
    expect(fs.readFileSync(settingsFile, 'utf8').startsWith(original.slice(0, -2))).toBe(true);
    expect((await cli(['install', 'gemini', '--yes'], env)).stdout).toContain('already installed');

    const w = await watch(ghHome);
    cleanups.push(async () => w.client.close());
    const done = runAgent(inv, work);
    const { request } = await w.event('request.held');
    expect(request).toMatchObject({ agent: 'gemini', command: `touch ${marker}`, status: 'pending' });
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not now' });
    await done;
    expect(fs.existsSync(marker)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain('not now');

    w.client.close();
    await daemon.stop();
    mock.toolResults.length = 0;
    const down = await runAgent(inv, work);
    expect(fs.existsSync(marker)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain(GEMINI_CORE_DOWN);
    console.log(`gemini -p with Gatehouse down: ${down.ms} ms in all`);

    daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
    const uninstall = await cli(['uninstall', 'gemini'], env);
    expect(uninstall.code, uninstall.stderr).toBe(0);
    expect(fs.readFileSync(settingsFile, 'utf8')).toBe(original);
  });
});

describe('gatehouse install copilot', () => {
  it('guards a plain `copilot -p` through a hooks file of its own, denies when Gatehouse is down, uninstalls it', async () => {
    const root = tempDir('gh-install-');
    const ghHome = path.join(root, 'gatehouse');
    const agentHome = path.join(root, 'agent-home');
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    const marker = path.join(work, 'ran.txt');
    const mock = await startMockAnthropic({ command: `touch ${marker}`, shellTool: 'bash' });
    cleanups.push(() => mock.close());
    const inv = copilotInvocation({ mockUrl: mock.url, home: agentHome, prompt: 'run the command' });
    const hooksFile = path.join(agentHome, '.copilot', 'hooks', 'gatehouse.json');

    const env = { ...process.env, GATEHOUSE_HOME: ghHome, ...inv.env };
    let daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
    cleanups.push(() => daemon.stop());
    const install = await cli(['install', 'copilot', '--yes'], env);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toContain(hooksFile);
    expect(fs.existsSync(hooksFile)).toBe(true);

    const w = await watch(ghHome);
    cleanups.push(async () => w.client.close());
    const done = runAgent(inv, work);
    const { request } = await w.event('request.held');
    expect(request).toMatchObject({ agent: 'copilot', command: `touch ${marker}`, tool: 'bash', status: 'pending' });
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not now' });
    await done;
    expect(fs.existsSync(marker)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain('not now');

    // Gatehouse stopped: the hook hands the call to Copilot's own prompt, which `-p` cannot show, so Copilot denies it.
    w.client.close();
    await daemon.stop();
    mock.toolResults.length = 0;
    const down = await runAgent(inv, work);
    expect(fs.existsSync(marker)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain(COPILOT_CORE_DOWN.ask);
    console.log(`copilot -p with Gatehouse down: ${down.ms} ms in all`);

    daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
    const uninstall = await cli(['uninstall', 'copilot'], env);
    expect(uninstall.code, uninstall.stderr).toBe(0);
    expect(fs.existsSync(hooksFile)).toBe(false);
  });
});
