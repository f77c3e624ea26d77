// @vitest-environment happy-dom
// Trust mode and auto-allow of low risk: starting and stopping trust with its countdown, and toggling auto-allow.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { useSettings } from '../../../../renderer/stores/settings.ts';
import { useTrust } from '../../../../renderer/stores/trust.ts';
import { TrustControls } from '../../../../renderer/views/TrustControls.tsx';
import { fakeCommands, renderInApp, resetStores } from '../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

describe('trust and auto-allow', () => {
  it('starts trust mode, shows its countdown with Stop, and toggles auto-allow of low risk', () => {
    const commands = fakeCommands();
    renderInApp(<TrustControls />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    fireEvent.click(screen.getByRole('button', { name: 'Trust for 15 minutes' }));
    expect(commands.startTrust).toHaveBeenCalledTimes(1);
    act(() => useTrust.getState().trustStarted(new Date(Date.now() + 14 * 60_000).toISOString()));
    expect(screen.getByRole('timer').getAttribute('aria-label')).toMatch(/^Trusting for 1[34] minutes/);
    fireEvent.click(screen.getByRole('button', { name: 'Stop trusting' }));
    expect(commands.stopTrust).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Auto-allow low risk' }));
    expect(commands.updateSettings).toHaveBeenLastCalledWith({ autoAllowLowRisk: true });
    act(() => useSettings.getState().settingsChanged({ ...DEFAULT_SETTINGS, autoAllowLowRisk: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause auto-allow' }));
    expect(commands.updateSettings).toHaveBeenLastCalledWith({ autoAllowLowRisk: false });
  });
});
