// @vitest-environment happy-dom
// The Settings view: each change saved as a patch, a hold timeout out of range refused, start-at-login only in the
// desktop app, and a save error shown.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../shared/settings.ts';
import { useSettings } from '../../../../../renderer/stores/settings.ts';
import { Settings } from '../../../../../renderer/views/settings/Settings.tsx';
import { fakeCommands, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

describe('settings view', () => {
  it('saves each change as a patch, and refuses a hold timeout out of range', () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands, 'desktop');
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only when the Gatehouse window is not focused' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Start Gatehouse when I log in' }));
    const timeout = screen.getByLabelText(/Deny a held command nobody decided after/);
    fireEvent.change(timeout, { target: { value: '0' } });
    fireEvent.blur(timeout);
    expect(timeout.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(timeout, { target: { value: '2' } });
    fireEvent.blur(timeout);
    expect(commands.updateSettings.mock.calls.map(([p]) => p)).toEqual([
      { theme: 'dark' },
      { notifyOnlyWhenUnfocused: true },
      { openAtLogin: true },
      { holdTimeoutMs: 120_000 },
    ]);
  });

  it('shows start-at-login only in the desktop app, and a save error', () => {
    renderInApp(<Settings />, fakeCommands(), 'browser');
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    expect(screen.queryByRole('checkbox', { name: 'Start Gatehouse when I log in' })).toBeNull();
    act(() => useSettings.getState().saveFailed('theme: invalid'));
    expect(screen.getByRole('alert').textContent).toBe('Not saved: theme: invalid');
  });
});
