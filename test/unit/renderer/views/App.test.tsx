// @vitest-environment happy-dom
// The app shell: every view named in the navigation with what is waiting, the theme, and the banners above every view
// (tampering, a store that cannot record decisions, a lost connection).
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { useApp } from '../../../../renderer/stores/connection.ts';
import { useInbox } from '../../../../renderer/stores/inbox.ts';
import { useStoreHealth } from '../../../../renderer/stores/store-health.ts';
import { useSettings } from '../../../../renderer/stores/settings.ts';
import { useTamper } from '../../../../renderer/stores/tamper.ts';
import { App } from '../../../../renderer/views/App.tsx';
import { heldRequest, renderInApp, resetStores } from '../support.tsx';

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
