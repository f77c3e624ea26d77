// @vitest-environment happy-dom
// The Sessions view, trust and auto-allow, and the recording settings: their states, names, and the commands they
// send. Terminals are fake surfaces (xterm.js needs a real browser; the e2e tests use it). The Rules and Replay views
// have their own files under views/.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../../shared/domain.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { useSessions } from '../../../renderer/stores/sessions.ts';
import { useSettings } from '../../../renderer/stores/settings.ts';
import { useTerminals } from '../../../renderer/stores/terminals.ts';
import { useTrust } from '../../../renderer/stores/trust.ts';
import { Sessions } from '../../../renderer/views/sessions/Sessions.tsx';
import { Settings } from '../../../renderer/views/settings/Settings.tsx';
import { TrustControls } from '../../../renderer/views/TrustControls.tsx';
import { fakeCommands, fakeSurfaces, renderInApp, resetStores } from './support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const terminal = (over: Partial<TerminalInfo> = {}): TerminalInfo => ({
  sessionId: 'term0001',
  agent: 'shell',
  argv: ['/bin/bash'],
  cwd: '/home/dev/app',
  shell: 'bash',
  cols: 80,
  rows: 24,
  pid: 42,
  startedAt: '2026-01-01T00:00:00Z',
  exitCode: null,
  paused: false,
  ...over,
});

describe('sessions view', () => {
  it('starts a session in a directory, shows the live terminal attached, and replays an ended one', () => {
    const commands = fakeCommands();
    const surfaces = fakeSurfaces();
    renderInApp(<Sessions />, commands, 'browser', surfaces.factory);
    expect(commands.loadTerminals).toHaveBeenCalledTimes(1);
    act(() => {
      useSessions.getState().sessionsLoaded([]);
      useTerminals.getState().terminalsLoaded([]);
    });
    expect(screen.getByText('No terminals yet')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'New session' });
    fireEvent.change(within(form).getByLabelText('Run'), { target: { value: 'claude' } });
    fireEvent.change(within(form).getByLabelText('In directory'), { target: { value: 'relative/dir' } });
    expect((within(form).getByRole('button', { name: 'Start session' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('In directory'), { target: { value: '/home/dev/app' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start session' }));
    expect(commands.startTerminal).toHaveBeenCalledWith({
      agent: 'claude',
      cwd: '/home/dev/app',
      size: { cols: 100, rows: 30 },
    });
    act(() => useTerminals.getState().terminalStarted(terminal()));
    expect(screen.getByRole('tab', { name: /bash/ }).getAttribute('aria-selected')).toBe('true');
    expect(commands.attachTerminal).toHaveBeenCalledWith('term0001', surfaces.made[0]?.surface);
    expect(surfaces.made[0]?.options).toMatchObject({ readOnly: false, label: 'Terminal: bash in /home/dev/app' });
    // The core pausing and resuming the pty shows and hides the hint, with no reload.
    const pausedHint = () => screen.queryByText(/paused: waiting for a viewer or the recording to catch up/);
    expect(pausedHint()).toBeNull();
    act(() => useTerminals.getState().terminalFlowChanged('term0001', true));
    expect(pausedHint()).toBeTruthy();
    act(() => useTerminals.getState().terminalFlowChanged('term0001', false));
    expect(pausedHint()).toBeNull();
    // The same surface all along: only the flag changed.
    expect(surfaces.made).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Kill' }));
    expect(commands.killTerminal).toHaveBeenCalledWith('term0001');
    act(() => useTerminals.getState().terminalExited('term0001', 0));
    fireEvent.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: 'Replay' }));
    expect(commands.openReplay).toHaveBeenCalledWith('term0001');
  });
});

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

describe('recording settings', () => {
  it("saves auto-allow, retention and redaction patterns, and shows the core's refusal of a pattern", () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Allow commands rated low risk without asking' }));
    const days = screen.getByLabelText('Delete ended sessions after (days)');
    fireEvent.change(days, { target: { value: '7' } });
    fireEvent.blur(days);
    const mb = screen.getByLabelText('Keep recordings under (MB)');
    fireEvent.change(mb, { target: { value: '0' } });
    fireEvent.blur(mb);
    expect(mb.getAttribute('aria-invalid')).toBe('true');
    const patterns = screen.getByLabelText(/Also redact these secret shapes/);
    fireEvent.change(patterns, { target: { value: 'ACME-[0-9]{6}\n\n(a+)+\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save patterns' }));
    expect(commands.updateSettings.mock.calls.map(([p]) => p)).toEqual([
      { autoAllowLowRisk: true },
      { retention: { maxAgeDays: 7, maxTotalMB: DEFAULT_SETTINGS.retention.maxTotalMB } },
      { redactionPatterns: ['ACME-[0-9]{6}', '(a+)+'] },
    ]);
    act(() => useSettings.getState().saveFailed('redactionPatterns.1: "(a+)+" backtracks catastrophically'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'redactionPatterns.1: "(a+)+" backtracks catastrophically',
    );
  });
});
