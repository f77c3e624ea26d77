// What `gatehouse install cursor` would write into ~/.cursor/hooks.json: Gatehouse's hooks first in each event's
// list, failClosed and a long timeout on the blocking one, every other byte kept; and the launch checks find it.
import { describe, expect, it } from 'vitest';
import { gatehouseEntry } from '../../../../../electron/core/agents/cursor/checks.ts';
import {
  cursorCoreDownFallback,
  cursorInstaller,
  cursorInstallFiles,
  edit,
  isInstalled,
} from '../../../../../electron/core/agents/cursor/install.ts';
import { installedHooks } from '../../../../../electron/core/agents/install/hook.ts';
import { CURSOR_PATHS } from '../../../../../electron/core/agents/cursor/protocol.ts';
import { blockingHookCommand, eventHookCommand } from '../../../../../electron/core/agents/hook-command.ts';

const transport = { kind: 'curl', curlPath: '/usr/bin/curl' } as const;
const hooks = {
  preToolCommand: blockingHookCommand(transport, CURSOR_PATHS.beforeShellExecution, 630),
  eventCommand: eventHookCommand(transport, CURSOR_PATHS.afterShellExecution),
  timeoutS: 660,
};
type HooksFile = {
  version?: number;
  hooks: Record<string, Array<{ command: string; timeout?: number; failClosed?: boolean }>>;
};
const parse = (text: string) => JSON.parse(text) as HooksFile;

describe('installing into Cursor', () => {
  it('edits ~/.cursor/hooks.json', () => {
    expect(cursorInstallFiles({ HOME: '/h' })).toEqual(['/h/.cursor/hooks.json']);
  });

  it('creates the file in the documented shape, and the launch checks find a fail-closed hook in it', () => {
    const { after, changes } = edit(null, hooks);
    const file = parse(after);
    expect(file.version).toBe(1);
    expect(file.hooks.beforeShellExecution).toEqual([
      { command: hooks.preToolCommand, timeout: 660, failClosed: true },
    ]);
    expect(file.hooks.afterShellExecution?.[0]?.command).toBe(hooks.eventCommand);
    expect(changes).toHaveLength(2);
    expect(gatehouseEntry(after)).toEqual({ found: true, failClosed: true });
  });

  it("puts Gatehouse's hooks first, keeping the person's hooks and every other byte", () => {
    const before = [
      '{',
      '  "version": 1,',
      '  "hooks": {',
      '    "beforeShellExecution": [{ "command": "./hooks/audit.sh" }],',
      '    "afterFileEdit": [{ "command": "./hooks/format.sh" }]',
      '  }',
      '}',
      '',
    ].join('\n');
    const { after } = edit(before, hooks);
    const file = parse(after);
    expect(file.hooks.beforeShellExecution?.map((h) => h.command)).toEqual([hooks.preToolCommand, './hooks/audit.sh']);
    expect(file.hooks.afterShellExecution?.map((h) => h.command)).toEqual([hooks.eventCommand]);
    expect(file.hooks.afterFileEdit).toEqual([{ command: './hooks/format.sh' }]);
    expect(after).toContain(
      '{ "command": "./hooks/audit.sh" }],\n    "afterFileEdit": [{ "command": "./hooks/format.sh" }]\n  }\n}\n',
    );
  });

  it('adds "hooks" to a file without it, once each', () => {
    const { after } = edit('{ "version": 1 }', hooks);
    const file = parse(after);
    expect(file.hooks.beforeShellExecution).toHaveLength(1);
    expect(file.hooks.afterShellExecution).toHaveLength(1);
    expect(file.version).toBe(1);
  });

  it('changes nothing when installed, and refuses a file it cannot edit', () => {
    const installed = edit(null, hooks).after;
    expect(isInstalled(installed)).toBe(true);
    expect(edit(installed, hooks)).toEqual({ after: installed, changes: [] });
    expect(() => edit('[]', hooks)).toThrow(/not a JSON object/);
    expect(() => edit('{"hooks": []}', hooks)).toThrow(/not an object/);
    expect(() => edit('{"hooks": {"beforeShellExecution": {}}}', hooks)).toThrow(/not a list/);
  });
});

describe('the installer the install service uses', () => {
  const hooks = installedHooks({
    transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
    socket: '/run/user/1000/gatehouse/gate.sock',
    clientMaxTimeS: 630,
    hookTimeoutS: 660,
    whenCoreDown: 'ask',
  });
  const theirs = `${JSON.stringify({ version: 1, hooks: { beforeShellExecution: [{ command: './mine.sh' }] } }, null, 2)}\n`;

  it("adds installed hooks (no session token) first, with Cursor's own prompt when Gatehouse is down", () => {
    const { after } = cursorInstaller.edit(theirs, hooks);
    const parsed = JSON.parse(after) as { hooks: Record<string, Array<{ command: string; failClosed?: boolean }>> };
    const before = parsed.hooks.beforeShellExecution ?? [];
    expect(before.map((h) => h.command.includes(CURSOR_PATHS.beforeShellExecution))).toEqual([true, false]);
    expect(before[0]?.failClosed).toBe(true);
    expect(before[0]?.command).toContain('x-gatehouse-hook: installed');
    expect(before[0]?.command).not.toContain('GATEHOUSE_TOKEN');
    expect(before[0]?.command).toContain('"permission":"ask"');
    expect(cursorInstaller.isInstalled(after)).toBe(true);
  });

  it("takes out only Gatehouse's hooks from a file the person changed since", () => {
    const { after } = cursorInstaller.edit(theirs, hooks);
    const edited = after.replace('./mine.sh', './mine-v2.sh');
    const removed = cursorInstaller.remove(edited);
    expect(JSON.parse(removed.after)).toEqual({
      version: 1,
      hooks: { beforeShellExecution: [{ command: './mine-v2.sh' }] },
    });
    expect(removed.changes).toEqual(["takes out Gatehouse's 2 hooks, keeping yours"]);
  });

  it('denies with a reason to start Gatehouse when so set', () => {
    expect(cursorCoreDownFallback('deny')).toMatch(/"permission":"deny".*Start Gatehouse/);
  });
});
