// Launch checks through the real gate socket (Claude Code's ConfigChange) and the real CLI (`gatehouse doctor --cwd`).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { cli, cliEnv } from '../support/cli.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { terminalWorld } from '../support/terminal.ts';
import { post } from '../support/unix-http.ts';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

function project(settings: Record<string, string>): string {
  const dir = tempDir('gh-project-');
  fs.mkdirSync(path.join(dir, '.claude'));
  for (const [name, text] of Object.entries(settings)) fs.writeFileSync(path.join(dir, '.claude', name), text);
  return dir;
}

describe('ConfigChange at the gate', () => {
  const change = (source: string, file: string) =>
    JSON.stringify({ session_id: 'x', hook_event_name: 'ConfigChange', source, file_path: file, cwd: '/w' });

  it('blocks a change that switches hooks off, with the file and key, and tells the person', async () => {
    t = await startTestCore();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/w', pid: null });
    const dir = project({ 'settings.local.json': '{"disableAllHooks": true}' });
    const file = path.join(dir, '.claude', 'settings.local.json');
    const notified = t.next('agent.notification');
    const res = await post(s.gateSocket, GATE_PATHS.claudeConfigChange, change('local_settings', file), {
      authorization: `Bearer ${s.token}`,
    });
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body) as { decision: string; reason: string };
    expect(answer.decision).toBe('block');
    expect(answer.reason).toContain(
      `Gatehouse refused this settings change: ${file} (local) sets "disableAllHooks": true`,
    );
    expect((await notified).message).toBe(answer.reason);
  });

  it('lets an ordinary change through with no output, and blocks one it cannot parse', async () => {
    t = await startTestCore();
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: '/w', pid: null });
    const dir = project({ 'settings.json': '{"model": "opus"}', 'settings.local.json': '{"disableAllHooks": tr' });
    const auth = { authorization: `Bearer ${s.token}` };
    expect(
      await post(
        s.gateSocket,
        GATE_PATHS.claudeConfigChange,
        change('project_settings', path.join(dir, '.claude', 'settings.json')),
        auth,
      ),
    ).toEqual({ status: 200, body: '' });
    const bad = await post(
      s.gateSocket,
      GATE_PATHS.claudeConfigChange,
      change('local_settings', path.join(dir, '.claude', 'settings.local.json')),
      auth,
    );
    expect(JSON.parse(bad.body)).toMatchObject({
      decision: 'block',
      reason: expect.stringContaining('is not valid JSON'),
    });
  });

  it('is for Claude Code sessions only', async () => {
    t = await startTestCore();
    const s = await t.client.api.startSession({ agent: 'codex', argv: ['codex'], cwd: '/w', pid: null });
    const res = await post(s.gateSocket, GATE_PATHS.claudeConfigChange, change('user_settings', '/nonexistent.json'), {
      authorization: `Bearer ${s.token}`,
    });
    expect(res.status).toBe(403);
  });
});

describe('the pty host', () => {
  it('refuses to host Claude Code in a project whose settings switch hooks off, and starts nothing', async () => {
    const w = await terminalWorld();
    try {
      const fake = path.join(w.work, 'claude');
      fs.writeFileSync(fake, '#!/bin/sh\necho "2.1.330 (Claude Code)"\n', { mode: 0o755 });
      fs.mkdirSync(path.join(w.work, '.claude'));
      fs.writeFileSync(path.join(w.work, '.claude', 'settings.json'), '{"disableAllHooks": true}');
      await expect(w.start({ agent: 'claude', argv: [fake, '-p', 'hi'] })).rejects.toThrow(
        /settings\.json \(project\) sets "disableAllHooks": true/,
      );
      expect(await w.core.client.api.listTerminals()).toEqual([]);
    } finally {
      await w.stop();
    }
  });
});

describe('gatehouse doctor --cwd', () => {
  it('reports the settings that would switch Gatehouse off for a directory, with the file and key', async () => {
    const home = tempDir('gh-home-');
    const dir = project({ 'settings.local.json': '{"disableAllHooks": true}' });
    fs.mkdirSync(path.join(dir, '.codex'));
    fs.writeFileSync(path.join(dir, '.codex', 'config.toml'), '[features]\ncodex_hooks = false\n');
    // doctor runs the agents' `--version`, which write into their homes: keep them out of the real home.
    const env = cliEnv(home, { HOME: home, CODEX_HOME: `${home}/.codex`, CLAUDE_CONFIG_DIR: `${home}/.claude` });
    const json = await cli(['doctor', '--json', '--cwd', dir], env);
    const report = JSON.parse(json.stdout) as {
      ok: boolean;
      cwd: string;
      agents: Array<{ agent: string; settings: Array<{ file: string; key: string }> }>;
    };
    expect(report.ok).toBe(false);
    expect(report.cwd).toBe(dir);
    expect(report.agents.find((a) => a.agent === 'claude')?.settings).toMatchObject([
      { file: path.join(dir, '.claude', 'settings.local.json'), key: '"disableAllHooks": true' },
    ]);
    expect(report.agents.find((a) => a.agent === 'codex')?.settings).toMatchObject([
      { file: path.join(dir, '.codex', 'config.toml'), key: '[features] codex_hooks = false' },
    ]);
    const text = await cli(['doctor', '--cwd', dir], env);
    expect(text.stdout).toContain(
      `FAIL  claude settings ${path.join(dir, '.claude', 'settings.local.json')} (local) sets "disableAllHooks": true`,
    );
    expect(text.stdout).toContain(`(\`gatehouse run\` refuses to start claude in ${dir})`);

    const clean = JSON.parse((await cli(['doctor', '--json', '--cwd', tempDir('gh-clean-')], env)).stdout) as {
      agents: Array<{ settings: unknown[] }>;
    };
    // One entry per agent with a program of its own (claude, codex, gemini, …), none with a finding.
    expect(clean.agents.length).toBeGreaterThanOrEqual(3);
    expect(clean.agents.map((a) => a.settings)).toEqual(clean.agents.map(() => []));
    expect((await cli(['doctor', '--cwd', path.join(dir, 'missing')], env)).code).toBe(2);
  });
});
