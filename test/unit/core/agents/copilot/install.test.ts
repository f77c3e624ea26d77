// `gatehouse install copilot`'s edit: a hooks file of Gatehouse's own in Copilot's user hooks folder; never a file of
// the person's overwritten; uninstall of a changed file keeps the person's hooks.
import { describe, expect, it } from 'vitest';
import { copilotInstaller, COPILOT_CORE_DOWN } from '../../../../../electron/core/agents/copilot/install.ts';
import { installedHooks } from '../../../../../electron/core/agents/install/hook.ts';
import { InstallError } from '../../../../../electron/core/agents/plugin.ts';

const hooks = (whenCoreDown: 'ask' | 'deny') =>
  installedHooks({
    transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
    socket: '/run/gatehouse/gate.sock',
    clientMaxTimeS: 630,
    hookTimeoutS: 660,
    whenCoreDown,
  });

describe('copilotInstaller', () => {
  it('names a file of its own in the user hooks folder, under COPILOT_HOME when set', () => {
    expect(copilotInstaller.file({ HOME: '/h' })).toBe('/h/.copilot/hooks/gatehouse.json');
    expect(copilotInstaller.file({ HOME: '/h', COPILOT_HOME: '/c' })).toBe('/c/hooks/gatehouse.json');
    expect(() => copilotInstaller.file({})).toThrow(InstallError);
  });

  it('creates the file with a preToolUse hook past the hold timeout and the fallback for a core that is down', () => {
    const { after, changes } = copilotInstaller.edit(null, hooks('ask'));
    const file = JSON.parse(after) as {
      version: number;
      hooks: Record<string, Array<{ bash: string; timeoutSec: number }>>;
    };
    expect(file.version).toBe(1);
    expect(Object.keys(file.hooks)).toEqual(['preToolUse', 'postToolUse', 'postToolUseFailure', 'agentStop']);
    const pre = file.hooks.preToolUse![0]!;
    expect(pre.timeoutSec).toBe(660);
    expect(pre.bash).toContain('x-gatehouse-hook: installed');
    expect(pre.bash).toContain('"permissionDecision":"ask"');
    expect(pre.bash).toContain(COPILOT_CORE_DOWN.ask);
    expect(changes[0]).toContain('creates the file');
    const denying = JSON.parse(copilotInstaller.edit(null, hooks('deny')).after) as typeof file;
    expect(denying.hooks.preToolUse![0]!.bash).toContain('"permissionDecision":"deny"');
    expect(copilotInstaller.isInstalled(after)).toBe(true);
  });

  it('installs again without a change, and replaces an older install of its own', () => {
    const first = copilotInstaller.edit(null, hooks('ask')).after;
    expect(copilotInstaller.edit(first, hooks('ask'))).toEqual({ after: first, changes: [] });
    const next = copilotInstaller.edit(first, hooks('deny'));
    expect(next.after).not.toBe(first);
    expect(next.changes[0]).toContain('replaces');
  });

  it('never overwrites a file of that name that is not Gatehouse’s', () => {
    const theirs = JSON.stringify({ version: 1, hooks: { preToolUse: [{ type: 'command', bash: './mine.sh' }] } });
    expect(() => copilotInstaller.edit(theirs, hooks('ask'))).toThrow(/not Gatehouse's/);
    expect(() => copilotInstaller.edit('{ nope', hooks('ask'))).toThrow(InstallError);
    expect(copilotInstaller.isInstalled(theirs)).toBe(false);
  });

  it('takes out only Gatehouse’s hooks from a file the person added to', () => {
    const ours = JSON.parse(copilotInstaller.edit(null, hooks('ask')).after) as {
      hooks: Record<string, unknown[]>;
    };
    ours.hooks.preToolUse!.push({ type: 'command', bash: './mine.sh' });
    const { after, changes } = copilotInstaller.remove(JSON.stringify(ours));
    expect(JSON.parse(after)).toEqual({ version: 1, hooks: { preToolUse: [{ type: 'command', bash: './mine.sh' }] } });
    expect(changes[0]).toContain("takes out Gatehouse's 4 hooks");
    expect(copilotInstaller.isInstalled(after)).toBe(false);
  });
});
