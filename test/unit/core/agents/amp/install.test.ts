// What `gatehouse install amp` would write into the person's Amp settings: Gatehouse's delegate rules in
// "amp.permissions", after a leading run of their reject rules, every other byte kept; the delegate beside it, which
// denies (or asks, where chosen) when Gatehouse is down; uninstall of a changed file takes out only Gatehouse's rules.
import { describe, expect, it } from 'vitest';
import {
  AMP_CORE_DOWN,
  ampDelegateScript,
  ampInstaller,
  ampInstallFiles,
  edit,
  isInstalled,
  removeRules,
} from '../../../../../electron/core/agents/amp/install.ts';
import { AMP_DELEGATE_MARK } from '../../../../../electron/core/agents/amp/delegate-source.ts';
import { installedHooks } from '../../../../../electron/core/agents/install/hook.ts';
import { InstallError } from '../../../../../electron/core/agents/plugin.ts';

const hooks = { delegatePath: '/h/.config/amp/gatehouse-amp-delegate' };
const installed = (whenCoreDown: 'ask' | 'deny' = 'deny') => ({
  ...installedHooks({
    transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
    socket: '/run/gh/gate.sock',
    clientMaxTimeS: 630,
    hookTimeoutS: 660,
    whenCoreDown,
  }),
  file: '/h/.config/amp/settings.json',
});
const rules = (text: string) =>
  (JSON.parse(text) as { 'amp.permissions': Array<{ action: string; tool: string }> })['amp.permissions'].map(
    (r) => `${r.action} ${r.tool}`,
  );
const OURS = [
  'delegate Bash',
  'delegate shell_command',
  'delegate async_shell_command',
  'delegate edit_file',
  'delegate create_file',
];

describe('installing into Amp', () => {
  it('edits the user settings file and writes the delegate beside it', () => {
    expect(ampInstallFiles({ HOME: '/h' })).toEqual({
      settings: '/h/.config/amp/settings.json',
      delegate: '/h/.config/amp/gatehouse-amp-delegate',
    });
    const script = ampDelegateScript(installed());
    expect(script).toContain('/v1/gate/amp/delegate');
    expect(script).toContain(AMP_DELEGATE_MARK);
    expect(script).toContain(`deny: ${AMP_CORE_DOWN}`);
    expect(ampDelegateScript(installed('ask'))).toContain("printf '%s' 'core-down: ask'");
    expect(ampInstaller.companion?.('/h/.config/amp/settings.json', installed())).toEqual({
      path: '/h/.config/amp/gatehouse-amp-delegate',
      text: script,
    });
    expect(ampInstaller.isCompanion?.(script)).toBe(true);
    expect(ampInstaller.isCompanion?.('#!/bin/sh\necho mine')).toBe(false);
  });

  it('creates the file when there is none', () => {
    const { after, changes } = edit(null, hooks);
    expect(rules(after)).toEqual(OURS);
    expect(isInstalled(after)).toBe(true);
    expect(changes).toHaveLength(1);
  });

  it('adds the key first in an object without it, keeping every other byte', () => {
    const before = '{\n  // mine\n  "amp.notifications.enabled": false\n}\n';
    const { after } = edit(before, hooks);
    expect(after.startsWith('{\n  "amp.permissions": [\n')).toBe(true);
    expect(after.endsWith('],\n  // mine\n  "amp.notifications.enabled": false\n}\n')).toBe(true);
    expect(edit('{}', hooks).after).toMatch(/^\{\n {2}"amp.permissions": \[[^]*\]\n\}$/);
  });

  it('goes after a leading run of reject rules and before the rest, their text untouched', () => {
    const before = [
      '{',
      '  "amp.permissions": [',
      '    {"tool": "Bash", "action": "reject", "matches": {"cmd": "rm *"}},',
      '    {"tool": "Bash", "action": "allow"}',
      '  ],',
      '  "other": [1, 2]',
      '}',
    ].join('\n');
    const { after } = edit(before, hooks);
    expect(rules(after)).toEqual(['reject Bash', ...OURS, 'allow Bash']);
    expect(after).toContain('    {"tool": "Bash", "action": "reject", "matches": {"cmd": "rm *"}},\n');
    expect(after).toContain('    {"tool": "Bash", "action": "allow"}\n  ],\n  "other": [1, 2]\n}');
    expect(rules(edit('{"amp.permissions": []}', hooks).after)).toEqual(OURS);
    expect(rules(edit('{"amp.permissions": [{"tool": "Read", "action": "allow"}]}', hooks).after)).toEqual([
      ...OURS,
      'allow Read',
    ]);
  });

  it('changes nothing when installed, and refuses a file it cannot edit', () => {
    const installed = edit(null, hooks).after;
    expect(edit(installed, hooks)).toEqual({ after: installed, changes: [] });
    expect(() => edit('[1]', hooks)).toThrow(/not a JSON object/);
    expect(() => edit('{"amp.permissions": {}}', hooks)).toThrow(/not a list/);
  });

  it('as the install service calls it: names the delegate beside the file, says how it fails, refuses what it cannot edit', () => {
    const { after, changes } = ampInstaller.edit(null, installed());
    expect(after).toContain('/h/.config/amp/gatehouse-amp-delegate');
    expect(changes.at(-2)).toMatch(/refuses the call and says to start Gatehouse/);
    expect(ampInstaller.edit(null, installed('ask')).changes.at(-2)).toMatch(/Amp's own prompt/);
    expect(ampInstaller.edit(after, installed())).toEqual({ after, changes: [] });
    expect(() => ampInstaller.edit('[1]', installed())).toThrow(InstallError);
    expect(ampInstaller.isInstalled(after)).toBe(true);
  });

  it("takes out only Gatehouse's rules from a file the person changed since, their rules and text kept", () => {
    const before = [
      '{',
      '  // mine',
      '  "amp.permissions": [',
      '    {"tool": "Bash", "action": "reject", "matches": {"cmd": "rm *"}},',
      '    {"tool": "Bash", "action": "allow"}',
      '  ]',
      '}',
      '',
    ].join('\n');
    const withOurs = edit(before, hooks).after;
    expect(removeRules(withOurs)).toEqual({ after: before, removed: OURS.length });
    const alone = edit('{\n  "x": 1\n}\n', hooks).after;
    expect(removeRules(alone).after).toBe('{\n  "amp.permissions": [],\n  "x": 1\n}\n');
    expect(ampInstaller.remove(withOurs).changes).toEqual([
      "takes out Gatehouse's 5 delegate rules; your own rules and settings stay",
    ]);
    expect(ampInstaller.remove(before)).toEqual({ after: before, changes: [] });
  });
});
