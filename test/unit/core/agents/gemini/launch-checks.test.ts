// Gemini CLI's launch checks: each settings layer it reads, the extension enablement file and the command line; a
// finding names the file and the key. Files come from a map, never from the disk.
import { describe, expect, it } from 'vitest';
import { checkGemini } from '../../../../../electron/core/agents/gemini/launch-checks.ts';
import type { SettingsReader } from '../../../../../electron/core/agents/launch-checks.ts';

const reader = (files: Record<string, string>): SettingsReader => ({
  read: (f) => files[f] ?? null,
  list: () => null,
});
const site = (env: NodeJS.ProcessEnv = {}) => ({
  cwd: '/work',
  env: { HOME: '/home/u', ...env },
  platform: 'linux' as const,
});

describe('Gemini CLI launch checks', () => {
  it('find nothing in ordinary settings (comments allowed, as Gemini reads them)', () => {
    const files = {
      '/home/u/.gemini/settings.json': '{\n  // mine\n  "hooksConfig": {"enabled": true}, "model": {"name": "x"}\n}',
    };
    expect(checkGemini(site(), [], reader(files))).toEqual([]);
  });

  it('find hooksConfig.enabled false in any layer, naming the file', () => {
    for (const [file, layer] of [
      ['/etc/gemini-cli/system-defaults.json', 'system defaults'],
      ['/home/u/.gemini/settings.json', 'user'],
      ['/work/.gemini/settings.json', 'project'],
      ['/etc/gemini-cli/settings.json', 'system'],
    ] as const) {
      const found = checkGemini(site(), [], reader({ [file]: '{"hooksConfig": {"enabled": false}}' }));
      expect(found, file).toEqual([expect.objectContaining({ file, layer, key: '"hooksConfig": {"enabled": false}' })]);
    }
  });

  it('read the files the environment moves them to (GEMINI_CLI_HOME, the system paths)', () => {
    const env = {
      GEMINI_CLI_HOME: '/alt',
      GEMINI_CLI_SYSTEM_SETTINGS_PATH: '/opt/s.json',
      GEMINI_CLI_SYSTEM_DEFAULTS_PATH: '/opt/d.json',
    };
    const off = '{"hooksConfig": {"enabled": false}}';
    const found = checkGemini(
      site(env),
      [],
      reader({ '/alt/.gemini/settings.json': off, '/opt/s.json': off, '/opt/d.json': off }),
    );
    expect(found.map((f) => f.file).sort()).toEqual(['/alt/.gemini/settings.json', '/opt/d.json', '/opt/s.json']);
  });

  it('find Gatehouse’s hook listed as disabled, and extensions switched off', () => {
    const files = {
      '/home/u/.gemini/settings.json':
        '{"hooksConfig": {"disabled": ["other", "gatehouse"]}, "admin": {"extensions": {"enabled": false}}}',
    };
    expect(checkGemini(site(), [], reader(files)).map((f) => f.key)).toEqual([
      '"hooksConfig": {"disabled": ["gatehouse"]}',
      '"admin": {"extensions": {"enabled": false}}',
    ]);
  });

  it('find -e / --extensions, which would leave Gatehouse’s extension out', () => {
    expect(checkGemini(site(), ['-e', 'mine'], reader({}))).toEqual([expect.objectContaining({ key: '-e' })]);
    expect(checkGemini(site(), ['--extensions=mine'], reader({}))).toEqual([
      expect.objectContaining({ key: '--extensions' }),
    ]);
    expect(checkGemini(site(), ['-p', 'say -e'], reader({}))).toEqual([]);
  });

  it('find an entry for Gatehouse’s extension in the enablement file', () => {
    const files = {
      '/home/u/.gemini/extensions/extension-enablement.json': '{"gatehouse-session": {"overrides": ["!/*"]}}',
    };
    expect(checkGemini(site(), [], reader(files))).toEqual([expect.objectContaining({ key: '"gatehouse-session"' })]);
  });

  it('refuse a file it cannot read or parse: Gemini might read it differently', () => {
    const unreadable: SettingsReader = {
      read: (f) => {
        if (f === '/work/.gemini/settings.json') throw new Error('EACCES');
        return null;
      },
      list: () => null,
    };
    expect(checkGemini(site(), [], unreadable)).toEqual([expect.objectContaining({ key: '(the whole file)' })]);
    expect(checkGemini(site(), [], reader({ '/work/.gemini/settings.json': '{"a": ' }))).toEqual([
      expect.objectContaining({ key: '(the whole file)' }),
    ]);
    expect(checkGemini(site(), [], reader({ '/work/.gemini/settings.json': '[]' }))).toEqual([
      expect.objectContaining({ key: '(the whole file)' }),
    ]);
  });
});
