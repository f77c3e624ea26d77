// GitHub Copilot CLI's launch checks: `disableAllHooks` in any settings file Copilot reads refuses the launch, naming
// the file; files without it, or with it false, do not.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCopilot, copilotSettingsSources } from '../../../../../electron/core/agents/copilot/launch-checks.ts';
import type { SettingsReader } from '../../../../../electron/core/agents/launch-checks.ts';

const site = { cwd: '/nonexistent/work', env: { HOME: '/nonexistent/home' }, platform: 'linux' as const };

function reader(files: Record<string, string>): SettingsReader {
  return {
    read: (f) => files[f] ?? null,
    list: () => null,
  };
}

describe('GitHub Copilot CLI launch checks', () => {
  it('reads the user settings and the repository’s Copilot and Claude settings', () => {
    expect(copilotSettingsSources(site).map((s) => s.file)).toEqual([
      '/nonexistent/home/.copilot/settings.json',
      '/nonexistent/work/.github/copilot/settings.json',
      '/nonexistent/work/.github/copilot/settings.local.json',
      '/nonexistent/work/.claude/settings.json',
      '/nonexistent/work/.claude/settings.local.json',
    ]);
    expect(copilotSettingsSources({ ...site, env: { COPILOT_HOME: '/c' } })[0]!.file).toBe('/c/settings.json');
  });

  it('refuses a launch where a file sets disableAllHooks, naming the file and the key', () => {
    const file = path.join(site.cwd, '.github', 'copilot', 'settings.local.json');
    const findings = checkCopilot(site, reader({ [file]: '{ "disableAllHooks": true }' }));
    expect(findings).toEqual([
      expect.objectContaining({ agent: 'copilot', file, key: '"disableAllHooks": true', layer: 'repository (local)' }),
    ]);
    const claude = path.join(site.cwd, '.claude', 'settings.json');
    expect(checkCopilot(site, reader({ [claude]: '{"disableAllHooks": "yes"}' }))).toHaveLength(1);
  });

  it('lets a launch go when no file switches hooks off', () => {
    const user = '/nonexistent/home/.copilot/settings.json';
    expect(checkCopilot(site, reader({ [user]: '{"disableAllHooks": false, "model": "x"}' }))).toEqual([]);
    expect(checkCopilot(site, reader({}))).toEqual([]);
  });

  it('refuses a file it cannot read or parse: it cannot tell what it says', () => {
    const user = '/nonexistent/home/.copilot/settings.json';
    expect(checkCopilot(site, reader({ [user]: '{ not json' }))[0]).toMatchObject({ key: '(the whole file)' });
    const broken: SettingsReader = {
      read: () => {
        throw new Error('EACCES');
      },
      list: () => null,
    };
    expect(checkCopilot(site, broken)[0]!.effect).toContain('EACCES');
  });
});
