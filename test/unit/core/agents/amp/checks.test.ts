// What refuses an Amp launch: settings or options that skip its permission rules or run the thread elsewhere, and a
// workspace's rules that Amp might read before Gatehouse's.
import { describe, expect, it } from 'vitest';
import {
  ampArgFindings,
  ampSettingsFindings,
  ampUserSettingsFile,
  ampWorkspaceSources,
  withoutSettingsFile,
} from '../../../../../electron/core/agents/amp/checks.ts';

const keys = (f: Array<{ key: string }>) => f.map((x) => x.key);
const user = { layer: 'user', file: '/h/.config/amp/settings.json' };
const workspace = { layer: 'workspace', file: '/p/.amp/settings.json' };

describe('Amp settings sources', () => {
  it('reads the last --settings-file, else AMP_SETTINGS_FILE, else the XDG place', () => {
    expect(ampUserSettingsFile(['--settings-file', 'a', '--settings-file=b'], {}, '/h')).toBe('b');
    expect(ampUserSettingsFile([], { AMP_SETTINGS_FILE: '/s.json' }, '/h')).toBe('/s.json');
    expect(ampUserSettingsFile([], { XDG_CONFIG_HOME: '/x' }, '/h')).toBe('/x/amp/settings.json');
    expect(ampUserSettingsFile([], {}, '/h')).toBe('/h/.config/amp/settings.json');
    expect(withoutSettingsFile(['--settings-file', 'a', '-x', 'hi', '--', '--settings-file'])).toEqual([
      '-x',
      'hi',
      '--',
      '--settings-file',
    ]);
  });

  it("reads each workspace's .amp/settings.json up to the git root", () => {
    expect(ampWorkspaceSources('/r/a/b', '/r').map((s) => s.file)).toEqual([
      '/r/a/b/.amp/settings.json',
      '/r/a/.amp/settings.json',
      '/r/.amp/settings.json',
    ]);
    expect(ampWorkspaceSources('/r/a', null).map((s) => s.file)).toEqual(['/r/a/.amp/settings.json']);
  });
});

describe('Amp launch checks', () => {
  it('refuses amp.dangerouslyAllowAll anywhere', () => {
    expect(keys(ampSettingsFindings('{"amp.dangerouslyAllowAll": true}', user))).toEqual([
      '"amp.dangerouslyAllowAll": true',
    ]);
  });

  it("refuses a workspace's rules that allow, ask or delegate; its reject rules and the user's rules are fine", () => {
    const rules = (r: unknown[]) => JSON.stringify({ 'amp.permissions': r });
    expect(keys(ampSettingsFindings(rules([{ tool: 'Bash', action: 'allow' }]), workspace))).toEqual([
      '"amp.permissions" (1 rule that allow, ask or delegate)',
    ]);
    expect(ampSettingsFindings(rules([{ tool: 'Bash', action: 'reject' }]), workspace)).toEqual([]);
    expect(ampSettingsFindings(rules([{ tool: 'Bash', action: 'allow' }]), user)).toEqual([]);
  });

  it('refuses a file it cannot read as a JSON object', () => {
    expect(keys(ampSettingsFindings('{ // c\n}', user))).toEqual(['(the whole file)']);
    expect(keys(ampSettingsFindings('[]', user))).toEqual(['(the whole file)']);
  });

  it('refuses options that skip the rules or run the thread elsewhere', () => {
    expect(keys(ampArgFindings(['--dangerously-allow-all', '-x', 'hi']))).toEqual(['--dangerously-allow-all']);
    expect(keys(ampArgFindings(['-ox', 'hi']))).toEqual(['--orb-execute']);
    expect(keys(ampArgFindings(['--executor', 'orb']))).toEqual(['--executor orb']);
    expect(keys(ampArgFindings(['--executor=runner:1']))).toEqual(['--executor runner:1']);
    expect(ampArgFindings(['--executor', 'local', '-x', 'fix it'])).toEqual([]);
    expect(ampArgFindings(['-x', '--', '--dangerously-allow-all'])).toEqual([]);
  });
});
