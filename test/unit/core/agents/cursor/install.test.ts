// What `gatehouse install cursor` would write into ~/.cursor/hooks.json: Gatehouse's hooks first in each event's
// list, failClosed and a long timeout on the blocking one, every other byte kept; and the launch checks find it.
import { describe, expect, it } from 'vitest';
import { gatehouseEntry } from '../../../../../electron/core/agents/cursor/checks.ts';
import { cursorInstallFiles, edit, isInstalled } from '../../../../../electron/core/agents/cursor/install.ts';
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
