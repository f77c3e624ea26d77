// A Cursor launch goes ahead only when one of its hooks.json files (enterprise, project, user) carries Gatehouse's
// hook; a file that is not JSON refuses it too.
import { describe, expect, it } from 'vitest';
import { cursorInstallState } from '../../../../../electron/core/agents/cursor/launch-checks.ts';
import { CURSOR_PATHS } from '../../../../../electron/core/agents/cursor/protocol.ts';
import type { SettingsReader } from '../../../../../electron/core/agents/launch-checks.ts';

const site = { cwd: '/p', env: { HOME: '/h' }, platform: 'linux' as const };
const reader = (files: Record<string, string>): SettingsReader => ({
  read: (f) => files[f] ?? null,
  list: () => null,
});
const ours = (failClosed: boolean) =>
  JSON.stringify({
    version: 1,
    hooks: { beforeShellExecution: [{ command: `curl … ${CURSOR_PATHS.beforeShellExecution}`, failClosed }] },
  });

describe('Cursor launch checks', () => {
  it("refuses a launch when no hooks.json has Gatehouse's hook, and says to install it", () => {
    const state = cursorInstallState(site, reader({ '/h/.cursor/hooks.json': '{"version":1,"hooks":{}}' }));
    expect(state.findings).toMatchObject([
      {
        agent: 'cursor',
        file: '/h/.cursor/hooks.json',
        fix: 'Run `gatehouse install cursor`, which adds it to this file',
      },
    ]);
  });

  it('goes ahead with the hook in the user, project or enterprise file, and says whether it fails closed', () => {
    expect(cursorInstallState(site, reader({ '/h/.cursor/hooks.json': ours(true) }))).toEqual({
      findings: [],
      failClosed: true,
    });
    expect(cursorInstallState(site, reader({ '/p/.cursor/hooks.json': ours(false) }))).toEqual({
      findings: [],
      failClosed: false,
    });
    expect(cursorInstallState(site, reader({ '/etc/cursor/hooks.json': ours(true) })).findings).toEqual([]);
  });

  it('refuses a hooks.json that is not JSON, since Cursor might read it otherwise', () => {
    const state = cursorInstallState(
      site,
      reader({ '/h/.cursor/hooks.json': ours(true), '/p/.cursor/hooks.json': '{ nope' }),
    );
    expect(state.findings).toMatchObject([{ file: '/p/.cursor/hooks.json', key: '(the whole file)' }]);
  });
});
