// `gatehouse install opencode` and `gatehouse install amp`, then the real agents started plainly (no `gatehouse run`):
// OpenCode against the mock Messages API, its shell command held in a session of its own and denied at once with
// "start Gatehouse" when the core is stopped; Amp through `amp permissions test` (a whole thread needs ampcode.com),
// whose rules run Gatehouse's installed delegate for real. Uninstall leaves OpenCode's folder and Amp's settings file
// exactly as they were. Everything lives in temporary directories.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AMP_CORE_DOWN } from '../../electron/core/agents/amp/install.ts';
import { OPENCODE_CORE_DOWN } from '../../electron/core/agents/opencode/install.ts';
import { ampInvocation, opencodeInvocation } from '../support/agents.ts';
import { cli, startDaemon } from '../support/cli.ts';
import { runAgent, watch } from '../support/installed-agents.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { tempDir } from '../support/temp.ts';

const TEST_TIMEOUT_MS = 180_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Every file under `dir` with its bytes: a folder left "exactly as before" compares equal. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    out[name] = fs.statSync(file).isDirectory() ? '<dir>' : fs.readFileSync(file, 'base64');
  }
  return out;
}

describe('gatehouse install opencode', () => {
  it(
    'guards a plain `opencode run`, denies at once when Gatehouse is down, and uninstall leaves the folder as it was',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const root = tempDir('gh-install-');
      const ghHome = path.join(root, 'gatehouse');
      const agentHome = path.join(root, 'agent-home');
      const work = path.join(root, 'work');
      fs.mkdirSync(work);
      const marker = path.join(work, 'ran.txt');
      const mock = await startMockAnthropic({ command: `touch ${marker}`, shellTool: 'bash' });
      cleanups.push(() => mock.close());
      const inv = opencodeInvocation({ mockUrl: mock.url, home: agentHome, prompt: 'run the command' });
      const configDir = path.join(agentHome, '.config', 'opencode');
      const before = snapshot(configDir);

      const env = { ...process.env, GATEHOUSE_HOME: ghHome, ...inv.env };
      let daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
      cleanups.push(() => daemon.stop());
      const install = await cli(['install', 'opencode', '--yes'], env);
      expect(install.code, install.stderr).toBe(0);
      const plugin = path.join(configDir, 'plugins', 'gatehouse.js');
      expect(install.stdout).toContain(plugin);
      expect(fs.existsSync(plugin)).toBe(true);
      expect((await cli(['install', 'opencode', '--yes'], env)).stdout).toContain('already installed');
      const doctor = JSON.parse((await cli(['doctor', '--json'], env)).stdout) as {
        checks: Array<{ name: string; detail: string }>;
      };
      expect(doctor.checks.find((c) => c.name === 'install opencode')?.detail).toMatch(
        /^installed in .*gatehouse\.js: the file is as Gatehouse wrote it; with Gatehouse down its tool calls are denied/,
      );

      // Plain opencode, no gatehouse run: held in a session of its own, guarded by the installed plug-in.
      const w = await watch(ghHome);
      cleanups.push(async () => w.client.close());
      const done = runAgent(inv, work);
      const { request } = await w.event('request.held');
      expect(request).toMatchObject({ agent: 'opencode', command: `touch ${marker}`, tool: 'bash', status: 'pending' });
      await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not now' });
      await done;
      expect(fs.existsSync(marker)).toBe(false);
      expect(mock.toolResults.join('\n')).toContain('not now');

      // Gatehouse stopped: the plug-in's hook cannot connect and answers at once with a deny that says why.
      w.client.close();
      await daemon.stop();
      mock.toolResults.length = 0;
      const down = await runAgent(inv, work);
      expect(fs.existsSync(marker)).toBe(false);
      expect(mock.toolResults.join('\n')).toContain(OPENCODE_CORE_DOWN);
      console.log(`opencode run with Gatehouse down: ${down.ms} ms in all`);

      daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
      const uninstall = await cli(['uninstall', 'opencode'], env);
      expect(uninstall.code, uninstall.stderr).toBe(0);
      // Gatehouse's plug-in and the folder the install made are gone; what was there is as it was (OpenCode's own
      // writes beside it, its package.json and node_modules, are OpenCode's).
      expect(fs.existsSync(path.join(configDir, 'plugins'))).toBe(false);
      const after = snapshot(configDir);
      expect(Object.fromEntries(Object.keys(before).map((k) => [k, after[k]]))).toEqual(before);
    },
  );
});

describe('gatehouse install amp', () => {
  it(
    "runs Gatehouse's delegate from a plain `amp`, rejects at once when Gatehouse is down, and uninstalls byte for byte",
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const root = tempDir('gh-install-');
      const ghHome = path.join(root, 'gatehouse');
      const agentHome = path.join(root, 'agent-home');
      const work = path.join(root, 'work');
      fs.mkdirSync(work);
      const inv = ampInvocation({ home: agentHome, tool: 'Bash', args: { cmd: 'touch ran.txt', cwd: work } });
      // The person's own settings, with a comment, a rule of theirs and no final newline: uninstall gives these back.
      const ampDir = path.join(agentHome, '.config', 'amp');
      fs.mkdirSync(ampDir, { recursive: true });
      const settingsFile = path.join(ampDir, 'settings.json');
      const original =
        '{\n  // mine\n  "amp.permissions": [{"tool": "Read", "action": "allow"}],\n  "amp.notifications.enabled": false\n}';
      fs.writeFileSync(settingsFile, original);

      const env = { ...process.env, GATEHOUSE_HOME: ghHome, ...inv.env };
      let daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
      cleanups.push(() => daemon.stop());
      const w = await watch(ghHome);
      cleanups.push(async () => w.client.close());
      // Denied with the reason when Gatehouse is down (with `ask`, the default, the real Amp answers `action: ask`).
      await w.client.api.updateSettings({ whenCoreDown: 'deny' });
      const install = await cli(['install', 'amp', '--yes'], env);
      expect(install.code, install.stderr).toBe(0);
      expect(install.stdout).toContain(settingsFile);
      const delegate = path.join(ampDir, 'gatehouse-amp-delegate');
      expect(fs.statSync(delegate).mode & 0o111).not.toBe(0);
      expect(fs.readFileSync(settingsFile, 'utf8')).toContain(delegate);

      // Plain amp, no gatehouse run: its rules hand the call to the installed delegate, held for a person.
      const done = runAgent(inv, work);
      const { request } = await w.event('request.held');
      expect(request).toMatchObject({ agent: 'amp', tool: 'Bash', command: 'touch ran.txt', status: 'pending' });
      await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not on a Friday' });
      const denied = await done;
      expect(denied.stdout).toMatch(/action: reject/);
      expect(denied.stdout).toContain('not on a Friday');

      // Gatehouse stopped: the delegate's hook cannot connect and rejects at once, saying why.
      w.client.close();
      await daemon.stop();
      const down = await runAgent(inv, work);
      expect(down.stdout).toMatch(/action: reject/);
      expect(down.stdout).toContain(AMP_CORE_DOWN);
      console.log(`amp with Gatehouse down: ${down.ms} ms in all`);

      daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
      const uninstall = await cli(['uninstall', 'amp'], env);
      expect(uninstall.code, uninstall.stderr).toBe(0);
      expect(uninstall.stdout).toContain('byte for byte');
      expect(fs.readFileSync(settingsFile, 'utf8')).toBe(original);
      expect(fs.readdirSync(ampDir)).toEqual(['settings.json']);
    },
  );
});
