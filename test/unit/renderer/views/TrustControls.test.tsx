// @vitest-environment happy-dom
// Auto-allow and trust mode as states: two switches that say on or off and what they let through. Auto-allow switches
// at once; trust mode is turned on only after a question that says exactly what it allows and until when (Cancel has
// the focus, Escape cancels), then shows a banner with its countdown until it ends; turning it off never asks.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { useClock } from '../../../../renderer/stores/clock.ts';
import { useSettings } from '../../../../renderer/stores/settings.ts';
import { useTrust } from '../../../../renderer/stores/trust.ts';
import { TrustBanner, TrustControls, clockTime } from '../../../../renderer/views/TrustControls.tsx';
import { fakeCommands, renderInApp, resetStores } from '../support.tsx';

const NOW = Date.UTC(2026, 0, 1, 14, 17, 0);

beforeEach(() => {
  resetStores();
  useClock.setState({ now: NOW });
});
afterEach(cleanup);

const switchNamed = (name: string) => screen.getByRole('switch', { name });

describe('the auto-allow switch', () => {
  it('says whether it is on and what it lets through, and switches at once', () => {
    const commands = fakeCommands();
    renderInApp(<TrustControls />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    const auto = switchNamed('Auto-allow low risk');
    expect(auto.getAttribute('aria-checked')).toBe('false');
    expect(auto.textContent).toContain('off');
    expect(screen.getByText('low-risk commands wait too')).toBeTruthy();
    fireEvent.click(auto);
    expect(commands.updateSettings).toHaveBeenLastCalledWith({ autoAllowLowRisk: true });
    expect(screen.queryByRole('alertdialog')).toBeNull();

    act(() => useSettings.getState().settingsChanged({ ...DEFAULT_SETTINGS, autoAllowLowRisk: true }));
    expect(switchNamed('Auto-allow low risk').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('low-risk commands run without asking, in every session')).toBeTruthy();
    fireEvent.click(switchNamed('Auto-allow low risk'));
    expect(commands.updateSettings).toHaveBeenLastCalledWith({ autoAllowLowRisk: false });
  });
});

describe('the trust mode switch', () => {
  it('asks first, saying what it allows and until when; only the confirmation starts it', () => {
    const commands = fakeCommands();
    renderInApp(<TrustControls />, commands);
    const trust = switchNamed('Trust mode');
    expect(trust.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('medium risk too, in every session, for 15 minutes')).toBeTruthy();

    fireEvent.click(trust);
    expect(commands.startTrust).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog', { name: 'Turn on trust mode for 15 minutes?' });
    const until = clockTime(NOW + 15 * 60_000);
    expect(within(dialog).getByText(/^Until/).textContent).toBe(
      `Until ${until}, commands rated low or medium risk run without asking you, from every agent session. High and critical commands still wait for you. It ends by itself at ${until}, or when you turn it off.`,
    );
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(dialog).getByRole('button', { name: `Trust until ${until}` }));
    expect(commands.startTrust).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('Cancel and Escape leave it off', () => {
    const commands = fakeCommands();
    renderInApp(<TrustControls />, commands);
    fireEvent.click(switchNamed('Trust mode'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(switchNamed('Trust mode'));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(commands.startTrust).not.toHaveBeenCalled();
  });

  it('while on: says so with the time left, and turns off without asking', () => {
    const commands = fakeCommands();
    renderInApp(<TrustControls />, commands);
    act(() => useTrust.getState().trustStarted(new Date(NOW + 14 * 60_000 + 5_000).toISOString()));
    const trust = switchNamed('Trust mode');
    expect(trust.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('medium risk too, in every session, 14:05 left')).toBeTruthy();
    fireEvent.click(trust);
    expect(commands.stopTrust).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('the trust mode banner', () => {
  it('shows only while trust mode is on, with what it allows, its countdown, and Turn off now', () => {
    const commands = fakeCommands();
    renderInApp(<TrustBanner />, commands);
    expect(screen.queryByRole('region', { name: 'Trust mode is on' })).toBeNull();

    const endsAt = NOW + 15 * 60_000;
    act(() => useTrust.getState().trustStarted(new Date(endsAt).toISOString()));
    const banner = screen.getByRole('region', { name: 'Trust mode is on' });
    expect(banner.textContent).toContain(
      `Trust mode is on. Low- and medium-risk commands from every session run without asking until ${clockTime(endsAt)}.`,
    );
    expect(within(banner).getByRole('timer').getAttribute('aria-label')).toBe('15 minutes left');
    expect(within(banner).getByRole('timer').textContent).toBe('15:00 left');

    act(() => useClock.setState({ now: NOW + 60_000 + 1_000 }));
    expect(within(banner).getByRole('timer').textContent).toBe('13:59 left');
    fireEvent.click(within(banner).getByRole('button', { name: 'Turn off now' }));
    expect(commands.stopTrust).toHaveBeenCalledTimes(1);

    // It ends by itself at its time, whether or not the core's event has come yet.
    act(() => useClock.setState({ now: endsAt }));
    expect(screen.queryByRole('region', { name: 'Trust mode is on' })).toBeNull();
  });
});
