// @vitest-environment happy-dom
// Settings → Agents: each agent Gatehouse can install into, installed or not; Install shows the exact changes and
// writes only after the person confirms what was shown; Uninstall says what it did; what the hooks answer with
// Gatehouse down is saved as a setting.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentInstallStatus, InstallPlan } from '../../../../../shared/install.ts';
import { DEFAULT_SETTINGS } from '../../../../../shared/settings.ts';
import { useSettings } from '../../../../../renderer/stores/settings.ts';
import { Settings } from '../../../../../renderer/views/settings/Settings.tsx';
import { fakeCommands, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const CLAUDE: AgentInstallStatus = {
  agent: 'claude',
  name: 'Claude Code',
  file: '/home/p/.claude/settings.json',
  installed: false,
  matchesWritten: null,
  installedAt: null,
  whenCoreDown: null,
  problem: null,
};
const PLAN: InstallPlan = {
  agent: 'claude',
  name: 'Claude Code',
  file: '/home/p/.claude/settings.json',
  changes: ['adds a PreToolUse hook for Bash', 'keeps every other setting'],
  alreadyInstalled: false,
  beforeSha256: 'abc',
  backup: '/data/installs/claude.original',
};

describe('Settings → Agents', () => {
  it('shows the changes first and installs only what was shown, once confirmed', async () => {
    const commands = fakeCommands();
    commands.listInstalls.mockResolvedValueOnce([CLAUDE]).mockResolvedValue([{ ...CLAUDE, installed: true }]);
    commands.planInstall.mockResolvedValue(PLAN);
    commands.install.mockResolvedValue({
      agent: 'claude',
      file: PLAN.file,
      changes: PLAN.changes,
      alreadyInstalled: false,
      afterWrite: [],
      backup: PLAN.backup,
    });
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    expect(await screen.findByText('not installed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Install…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Install into Claude Code' });
    expect(dialog.textContent).toContain('adds a PreToolUse hook for Bash');
    expect(dialog.textContent).toContain('/data/installs/claude.original');
    expect(commands.install).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Make these changes' }));
    expect(await screen.findByText(/^Installed: every new Claude Code session/)).toBeTruthy();
    expect(commands.install).toHaveBeenCalledWith(PLAN);
    expect(await screen.findByText('installed in /home/p/.claude/settings.json')).toBeTruthy();
  });

  it('uninstalls and says what was done; the core’s refusal is shown as it is', async () => {
    const commands = fakeCommands();
    commands.listInstalls.mockResolvedValue([{ ...CLAUDE, installed: true }]);
    commands.uninstall.mockRejectedValueOnce(new Error('refused to take Gatehouse’s hooks out: inside an agent'));
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    fireEvent.click(await screen.findByRole('button', { name: 'Uninstall' }));
    expect((await screen.findByRole('alert')).textContent).toContain('inside an agent');
  });

  it('saves what an installed hook answers with Gatehouse down', async () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    fireEvent.click(screen.getByLabelText('Denies every command'));
    expect(commands.updateSettings).toHaveBeenCalledWith({ whenCoreDown: 'deny' });
  });
});
