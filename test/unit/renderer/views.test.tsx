// @vitest-environment happy-dom
// The shell, Sessions, Audit and Settings views: states, names, and the commands they send.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { useAudit } from '../../../renderer/stores/audit.ts';
import { useApp } from '../../../renderer/stores/connection.ts';
import { useInbox } from '../../../renderer/stores/inbox.ts';
import { useSessions } from '../../../renderer/stores/sessions.ts';
import { useStoreHealth } from '../../../renderer/stores/store-health.ts';
import { useSettings } from '../../../renderer/stores/settings.ts';
import { useTamper } from '../../../renderer/stores/tamper.ts';
import { App } from '../../../renderer/views/App.tsx';
import { Audit } from '../../../renderer/views/audit/Audit.tsx';
import { Sessions } from '../../../renderer/views/sessions/Sessions.tsx';
import { Settings } from '../../../renderer/views/settings/Settings.tsx';
import { decided, fakeCommands, heldRequest, renderInApp, resetStores } from './support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

describe('app shell', () => {
  it('names every view in the navigation, counts what is waiting, and applies the theme', () => {
    renderInApp(<App />);
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Inbox', 'Sessions', 'Replay', 'Rules', 'Audit', 'Settings']);
    act(() => {
      useInbox.getState().pendingLoaded([heldRequest(), heldRequest()]);
      useSettings.getState().settingsLoaded({ ...DEFAULT_SETTINGS, theme: 'dark' });
    });
    expect(within(nav).getByLabelText('2 waiting')).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.title).toBe('(2) Gatehouse');
    fireEvent.click(within(nav).getByRole('button', { name: 'Sessions' }));
    expect(useApp.getState().view).toBe('sessions');
    expect(within(nav).getByRole('button', { name: 'Sessions' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows what was tampered with above every view until the reviewer acknowledges it', () => {
    const { commands } = renderInApp(<App />);
    expect(screen.queryByRole('alert')).toBeNull();
    const report = {
      at: '2026-12-06T23:30:00.000Z',
      what: 'gate-socket' as const,
      path: '/run/g/gate.sock',
      detail: 'The gate socket /run/g/gate.sock was replaced.',
      response: 'Gatehouse took its socket back.',
      sessionIds: ['s1'],
    };
    act(() =>
      useTamper
        .getState()
        .tamperReported({ locked: true, since: report.at, reports: [report], count: 1, sessionIds: ['s1'] }),
    );
    const banner = screen.getByRole('alert', { name: 'Gatehouse was tampered with' });
    expect(banner.textContent).toContain(
      'The gate socket /run/g/gate.sock was replaced. Gatehouse took its socket back.',
    );
    expect(banner.textContent).toContain('Sessions running then: s1');
    fireEvent.click(within(banner).getByRole('button', { name: 'I have checked: acknowledge' }));
    expect(commands.acknowledgeTamper).toHaveBeenCalledTimes(1);
    act(() =>
      useTamper.getState().tamperAcknowledged({ locked: false, since: null, reports: [], count: 0, sessionIds: [] }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why commands are denied while the store cannot record decisions, and goes when it can', () => {
    renderInApp(<App />);
    expect(screen.queryByRole('alert', { name: 'Gatehouse cannot record decisions' })).toBeNull();
    act(() =>
      useStoreHealth
        .getState()
        .storeHealthChanged(
          'Gatehouse cannot record decisions: the disk holding /d is full (2 MB free; Gatehouse needs at least 8 MB).',
        ),
    );
    const banner = screen.getByRole('alert', { name: 'Gatehouse cannot record decisions' });
    expect(banner.textContent).toMatch(
      /Commands are being denied\. Gatehouse cannot record decisions: the disk holding \/d is full/,
    );
    act(() => useStoreHealth.getState().storeHealthChanged(null));
    expect(screen.queryByRole('alert', { name: 'Gatehouse cannot record decisions' })).toBeNull();
  });

  it('says so when the connection to the core is lost', () => {
    renderInApp(<App />);
    act(() => useApp.getState().connectionLost('Lost the connection to the Gatehouse core.'));
    expect(screen.getByRole('alert').textContent).toContain('Lost the connection to the Gatehouse core.');
  });
});

describe('sessions view', () => {
  it('shows an empty state, then sessions with their state', () => {
    renderInApp(<Sessions />);
    act(() => useSessions.getState().sessionsLoaded([]));
    expect(screen.getByText('No sessions yet')).toBeTruthy();
    const started = new Date().toISOString();
    act(() => {
      useSessions.getState().sessionStarted({
        id: 'sessaaaa',
        agent: 'claude',
        argv: ['claude', '-p', 'fix'],
        cwd: '/w',
        pid: 1,
        startedAt: started,
        endedAt: null,
        exitCode: null,
      });
      useSessions.getState().sessionStarted({
        id: 'sessbbbb',
        agent: 'codex',
        argv: ['codex'],
        cwd: '/v',
        pid: 2,
        startedAt: started,
        endedAt: started,
        exitCode: 3,
      });
    });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-session-id'))).toEqual(['sessbbbb', 'sessaaaa']);
    expect(rows[0]?.textContent).toContain('ended (exit 3)');
    expect(rows[1]?.textContent).toContain('running');
    expect(rows[1]?.textContent).toContain('not said');
  });

  it('shows what guards each session once its launcher said, layer by layer', () => {
    renderInApp(<Sessions />);
    const started = new Date().toISOString();
    const session = {
      id: 'sesscccc',
      agent: 'claude' as const,
      argv: ['claude'],
      cwd: '/w',
      pid: 1,
      startedAt: started,
      endedAt: null,
      exitCode: null,
    };
    act(() => useSessions.getState().sessionsLoaded([session]));
    act(() =>
      useSessions.getState().sessionUpdated({
        ...session,
        protections: [
          { layer: 'hooks', state: 'on', detail: 'every Bash command waits for Gatehouse' },
          { layer: 'hook-client', state: 'partial', detail: 'the bundled Node client' },
          { layer: 'sandbox', state: 'off', detail: 'not sandboxed: --no-sandbox was given' },
        ],
      }),
    );
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('1 on · 1 partly · 1 off')).toBeTruthy();
    expect(row.textContent).toContain('sandbox off: not sandboxed: --no-sandbox was given');
    expect(row.textContent).toContain('hook-client partly: the bundled Node client');
  });
});

describe('audit view', () => {
  it('loads on open, lists decisions with who decided, filters and pages', () => {
    const commands = fakeCommands();
    renderInApp(<Audit />, commands);
    expect(commands.loadHistory).toHaveBeenCalledTimes(1);
    const r = decided(heldRequest({ command: 'git push' }), 'deny', 'not on main');
    act(() => {
      useAudit.getState().filterChanged({});
      useAudit.getState().firstPageLoaded([r], 'd1');
    });
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('Denied');
    expect(row.textContent).toContain('A person, with the CLI');
    expect(row.textContent).toContain('not on main');
    fireEvent.click(screen.getByRole('button', { name: 'Load older decisions' }));
    expect(commands.loadMoreHistory).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'allowed' } });
    expect(useAudit.getState().filter).toEqual({ status: 'allowed' });
    expect(commands.loadHistory).toHaveBeenCalledTimes(2);
    act(() => useAudit.getState().firstPageLoaded([], null));
    expect(screen.getByText('No decisions match this filter')).toBeTruthy();
  });

  it('exports through the command', () => {
    const commands = fakeCommands();
    renderInApp(<Audit />, commands);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(commands.exportHistory).toHaveBeenCalledWith('csv');
  });
});

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
