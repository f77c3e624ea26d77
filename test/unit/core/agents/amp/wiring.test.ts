// Wiring Amp for one launch: a copy of the person's settings with Gatehouse's delegate rules after their reject rules
// and before everything else, passed with --settings-file; their file untouched.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMP_DELEGATE_MARK } from '../../../../../electron/core/agents/amp/delegate-source.ts';
import { ampSettingsWithRules, wireAmp } from '../../../../../electron/core/agents/amp/wiring.ts';
import { WiringError, type Launch } from '../../../../../electron/core/agents/plugin.ts';
import { tempDir } from '../../../../support/temp.ts';

function launch(command: [string, ...string[]], env: NodeJS.ProcessEnv): Launch {
  return {
    started: { holdTimeoutMs: 600_000 } as Launch['started'],
    command,
    tmpDir: tempDir('gh-amp-wire-'),
    transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
    cwd: '/w',
    env,
    platform: 'linux',
    version: async () => null,
  };
}

describe('wiring Amp', () => {
  it("puts Gatehouse's rules after the person's rejects and before their other rules", () => {
    const theirs = {
      'amp.mcpServers': { x: {} },
      'amp.permissions': [
        { tool: 'Bash', action: 'reject', matches: { cmd: 'rm *' } },
        { tool: 'Bash', action: 'allow' },
      ],
    };
    const out = ampSettingsWithRules(theirs, '/t/d') as {
      'amp.permissions': Array<{ action: string; tool: string }>;
      'amp.mcpServers': unknown;
    };
    expect(out['amp.permissions'].map((r) => `${r.action} ${r.tool}`)).toEqual([
      'reject Bash',
      'delegate Bash',
      'delegate shell_command',
      'delegate async_shell_command',
      'delegate edit_file',
      'delegate create_file',
      'allow Bash',
    ]);
    expect(out['amp.mcpServers']).toEqual({ x: {} });
  });

  it('passes the copy with --settings-file, drops the person’s own, and writes the delegate beside it', async () => {
    const home = tempDir('gh-amp-home-');
    const mine = path.join(home, 'mine.json');
    fs.writeFileSync(mine, '{"amp.notifications.enabled": false}');
    const before = fs.readFileSync(mine, 'utf8');
    const l = launch(['amp', '--settings-file', mine, '-x', 'hi'], { HOME: home });
    const wired = await wireAmp(l);
    const settings = path.join(l.tmpDir, 'amp-settings.json');
    expect(wired.argv).toEqual(['amp', '--settings-file', settings, '-x', 'hi']);
    expect(wired.env).toEqual({ AMP_SETTINGS_FILE: settings });
    const written = JSON.parse(fs.readFileSync(settings, 'utf8')) as Record<string, unknown>;
    expect(written['amp.notifications.enabled']).toBe(false);
    const delegate = path.join(l.tmpDir, 'gatehouse-amp-delegate');
    expect(fs.readFileSync(delegate, 'utf8')).toContain(AMP_DELEGATE_MARK);
    expect(fs.statSync(delegate).mode & 0o777).toBe(0o700);
    expect(wired.hookFiles.map((f) => f.path)).toEqual([settings, delegate]);
    expect(wired.hooksFailClosed).toBe(true);
    expect(fs.readFileSync(mine, 'utf8')).toBe(before);
  });

  it('starts from no settings when the person has none, and refuses settings it cannot read', async () => {
    const home = tempDir('gh-amp-home-');
    await expect(wireAmp(launch(['amp'], { HOME: home }))).resolves.toMatchObject({ hooksFailClosed: true });
    fs.mkdirSync(path.join(home, '.config', 'amp'), { recursive: true });
    fs.writeFileSync(path.join(home, '.config', 'amp', 'settings.json'), '// not json');
    await expect(wireAmp(launch(['amp'], { HOME: home }))).rejects.toThrow(WiringError);
  });
});
