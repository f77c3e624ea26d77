// What `gatehouse install opencode` would write: Gatehouse's own plug-in file in OpenCode's global plug-in folder,
// never a file of the person's.
import { describe, expect, it } from 'vitest';
import { edit, isInstalled, opencodeInstallFiles } from '../../../../../electron/core/agents/opencode/install.ts';

const hooks = {
  preToolCommand: "'/usr/bin/curl' … /v1/gate/opencode/tool-before",
  eventCommand: 'true',
  timeoutS: 660,
};

describe('installing into OpenCode', () => {
  it('places the plug-in in the global plug-in folder, under XDG_CONFIG_HOME when set', () => {
    expect(opencodeInstallFiles({ HOME: '/home/p' })).toEqual(['/home/p/.config/opencode/plugins/gatehouse.js']);
    expect(opencodeInstallFiles({ HOME: '/home/p', XDG_CONFIG_HOME: '/x' })).toEqual([
      '/x/opencode/plugins/gatehouse.js',
    ]);
  });

  it('adds the plug-in where there was none, with the hook commands in it, and says so', () => {
    const { after, changes } = edit(null, hooks);
    expect(isInstalled(after)).toBe(true);
    expect(after).toContain(JSON.stringify(hooks.preToolCommand));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/Adds Gatehouse's plug-in/);
  });

  it('updates its own earlier plug-in, and changes nothing when it is current', () => {
    const old = edit(null, { ...hooks, preToolCommand: 'old' }).after;
    expect(edit(old, hooks).changes[0]).toMatch(/Updates/);
    const current = edit(null, hooks).after;
    expect(edit(current, hooks)).toEqual({ after: current, changes: [] });
  });

  it("never replaces a file of the person's with the same name", () => {
    expect(isInstalled('export const Mine = async () => ({})')).toBe(false);
    expect(isInstalled(null)).toBe(false);
    expect(() => edit('export const Mine = async () => ({})', hooks)).toThrow(/not Gatehouse's/);
  });
});
