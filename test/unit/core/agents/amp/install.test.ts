// What `gatehouse install amp` would write into the person's Amp settings: Gatehouse's delegate rules in
// "amp.permissions", after a leading run of their reject rules, every other byte kept.
import { describe, expect, it } from 'vitest';
import {
  ampDelegateScript,
  ampInstallFiles,
  edit,
  isInstalled,
} from '../../../../../electron/core/agents/amp/install.ts';

const hooks = {
  preToolCommand: 'gate',
  eventCommand: 'true',
  timeoutS: 660,
  delegatePath: '/h/.config/amp/gatehouse-amp-delegate',
};
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
    expect(ampDelegateScript(hooks)).toContain('gate');
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
});
