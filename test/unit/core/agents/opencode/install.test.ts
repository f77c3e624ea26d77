// `gatehouse install opencode`: Gatehouse's own plug-in file in OpenCode's global plug-in folder, never a file of the
// person's; with Gatehouse down the plug-in reads a deny; uninstall leaves nothing of it.
import { describe, expect, it } from 'vitest';
import { installedHooks } from '../../../../../electron/core/agents/install/hook.ts';
import {
  isInstalled,
  OPENCODE_CORE_DOWN,
  opencodeInstaller,
} from '../../../../../electron/core/agents/opencode/install.ts';
import { OPENCODE_PATHS } from '../../../../../electron/core/agents/opencode/protocol.ts';
import { InstallError } from '../../../../../electron/core/agents/plugin.ts';

const hooks = (whenCoreDown: 'ask' | 'deny' = 'deny', socket = '/run/gh/gate.sock') =>
  installedHooks({
    transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
    socket,
    clientMaxTimeS: 630,
    hookTimeoutS: 660,
    whenCoreDown,
  });

describe('installing into OpenCode', () => {
  it('places the plug-in in the global plug-in folder, under XDG_CONFIG_HOME when set', () => {
    expect(opencodeInstaller.file({ HOME: '/home/p' })).toBe('/home/p/.config/opencode/plugins/gatehouse.js');
    expect(opencodeInstaller.file({ HOME: '/home/p', XDG_CONFIG_HOME: '/x' })).toBe('/x/opencode/plugins/gatehouse.js');
  });

  it('adds the plug-in where there was none, with the installed hook commands and a deny when Gatehouse is down', () => {
    const { after, changes } = opencodeInstaller.edit(null, hooks());
    expect(isInstalled(after)).toBe(true);
    expect(opencodeInstaller.isInstalled(after)).toBe(true);
    expect(after).toContain(OPENCODE_PATHS.toolBefore);
    expect(after).toContain(OPENCODE_PATHS.toolAfter);
    expect(after).toContain('x-gatehouse-hook: installed');
    // The fallback is the generic answer the plug-in reads: a deny with the reason, in both settings.
    expect(after).toContain(OPENCODE_CORE_DOWN);
    expect(after).toContain('decision');
    expect(changes[0]).toMatch(/^adds Gatehouse's plug-in/);
    expect(opencodeInstaller.edit(null, hooks('ask')).changes[1]).toMatch(/OpenCode has no prompt/);
  });

  it('updates its own earlier plug-in, and changes nothing when it is current', () => {
    const old = opencodeInstaller.edit(null, hooks('deny', '/old/gate.sock')).after;
    expect(opencodeInstaller.edit(old, hooks()).changes[0]).toMatch(/^updates/);
    const current = opencodeInstaller.edit(null, hooks()).after;
    expect(opencodeInstaller.edit(current, hooks())).toEqual({ after: current, changes: [] });
  });

  it("never replaces a file of the person's with the same name", () => {
    expect(isInstalled('export const Mine = async () => ({})')).toBe(false);
    expect(isInstalled(null)).toBe(false);
    expect(() => opencodeInstaller.edit('export const Mine = async () => ({})', hooks())).toThrow(InstallError);
  });

  it('takes out the whole file on uninstall (nothing of the person is in it), and nothing of a file not its own', () => {
    const ours = opencodeInstaller.edit(null, hooks()).after;
    expect(opencodeInstaller.remove(`${ours}\n// an edit`).after).toBe('');
    expect(opencodeInstaller.remove('export const Mine = 1;')).toEqual({
      after: 'export const Mine = 1;',
      changes: [],
    });
  });
});
