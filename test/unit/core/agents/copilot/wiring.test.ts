// Wiring GitHub Copilot CLI for one launch: a plugin of the launch's own with Gatehouse's hooks, passed with
// `--plugin-dir` right after the program; nothing of the person's is written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COPILOT_PATHS } from '../../../../../electron/core/agents/copilot/protocol.ts';
import {
  COPILOT_GATED_MATCHER,
  COPILOT_PLUGIN_NAME,
  copilotHooks,
  wireCopilot,
} from '../../../../../electron/core/agents/copilot/wiring.ts';
import type { Launch } from '../../../../../electron/core/agents/plugin.ts';
import { tempDir } from '../../../../support/temp.ts';

const transport = { kind: 'curl' as const, curlPath: '/usr/bin/curl' };

describe('GitHub Copilot CLI hooks', () => {
  const h = copilotHooks({ transport, holdTimeoutMs: 600_000 });

  it('preToolUse holds the shell and file tools, exactly those, with a timeout past the hold timeout', () => {
    const [pre] = h.hooks.preToolUse!;
    // Copilot anchors the matcher itself: ^(?:…)$.
    const re = new RegExp(`^(?:${COPILOT_GATED_MATCHER})$`);
    expect(['bash', 'powershell', 'create', 'edit'].every((t) => re.test(t))).toBe(true);
    expect(['view', 'read_bash', 'bash2', 'grep'].some((t) => re.test(t))).toBe(false);
    expect(pre).toMatchObject({ type: 'command', matcher: COPILOT_GATED_MATCHER, timeoutSec: 660 });
    expect(pre!.bash).toContain(COPILOT_PATHS.preToolUse);
    // Copilot denies on any non-zero exit: the hook exits 2 on every failure it can see.
    expect(pre!.bash).toContain('exit 2');
    expect(h.version).toBe(1);
  });

  it('the observers post to their own endpoints and never block', () => {
    expect(h.hooks.postToolUse![0]!.bash).toContain(COPILOT_PATHS.postToolUse);
    expect(h.hooks.postToolUseFailure![0]!.bash).toContain(COPILOT_PATHS.postToolUseFailure);
    expect(h.hooks.agentStop![0]!.bash).toContain(COPILOT_PATHS.agentStop);
    for (const event of ['postToolUse', 'postToolUseFailure', 'agentStop'])
      expect(h.hooks[event]![0]!.bash.endsWith('exit 0')).toBe(true);
  });
});

describe('wireCopilot', () => {
  it('writes the plugin into the launch’s folder and passes it right after the program', async () => {
    const tmpDir = tempDir('gh-copilot-wire-');
    const launch = {
      started: { holdTimeoutMs: 60_000 },
      command: ['copilot', '-p', 'hello', '--allow-all-tools'],
      tmpDir,
      transport,
      cwd: tmpDir,
      env: { HOME: path.join(tmpDir, 'home') },
      platform: 'linux',
      version: async () => '1.0.102',
    } as unknown as Launch;
    const wired = await wireCopilot(launch);
    const dir = path.join(tmpDir, 'copilot-plugin');
    expect(wired.argv).toEqual(['copilot', '--plugin-dir', dir, '-p', 'hello', '--allow-all-tools']);
    expect(wired.env).toEqual({});
    expect(wired.hooksFailClosed).toBe(false);
    expect(wired.hookFiles.map((f) => f.path)).toEqual([path.join(dir, 'plugin.json'), path.join(dir, 'hooks.json')]);
    for (const f of wired.hookFiles) expect(fs.readFileSync(f.path, 'utf8')).toBe(f.content);
    expect(JSON.parse(wired.hookFiles[0]!.content)).toMatchObject({ name: COPILOT_PLUGIN_NAME, hooks: 'hooks.json' });
    expect(fs.existsSync(path.join(tmpDir, 'home'))).toBe(false);
  });
});
