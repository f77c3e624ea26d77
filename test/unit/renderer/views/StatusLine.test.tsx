// @vitest-environment happy-dom
// The status line above every view: the core's health in words (connected, recording, not tampered with), the agent
// sessions running and whether any runs with a layer of protection off, how many rules decide, and the two mode
// switches (tested on their own in trust-controls.test.tsx). Sessions and rules take the reviewer to their views.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session, SessionProtection } from '../../../../shared/domain.ts';
import type { Rule } from '../../../../shared/rules.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { useApp } from '../../../../renderer/stores/connection.ts';
import { useRules } from '../../../../renderer/stores/rules.ts';
import { useSessions } from '../../../../renderer/stores/sessions.ts';
import { useSettings } from '../../../../renderer/stores/settings.ts';
import { useStoreHealth } from '../../../../renderer/stores/store-health.ts';
import { useTamper } from '../../../../renderer/stores/tamper.ts';
import { StatusLine, sessionsText } from '../../../../renderer/views/StatusLine.tsx';
import { renderInApp, resetStores } from '../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const on = (layer: SessionProtection['layer']): SessionProtection => ({ layer, state: 'on', detail: '' });
const off = (layer: SessionProtection['layer']): SessionProtection => ({ layer, state: 'off', detail: '' });

function session(id: string, over: Partial<Session> = {}): Session {
  return {
    id,
    agent: 'claude',
    argv: ['claude'],
    cwd: '/w',
    pid: 1,
    startedAt: '2026-01-01T12:00:00.000Z',
    endedAt: null,
    exitCode: null,
    protections: [on('hooks'), on('sandbox')],
    ...over,
  };
}

function rule(id: string, enabled = true): Rule {
  return {
    id,
    effect: 'allow',
    kind: 'prefix',
    pattern: 'npm test',
    scope: { type: 'global' },
    enabled,
    source: 'cli',
    note: null,
    createdAt: '2026-01-01T12:00:00.000Z',
    expiresAt: null,
    hits: 0,
    lastHitAt: null,
  };
}

const line = () => screen.getByRole('region', { name: 'Gatehouse status' });
const health = () => within(line()).getByRole('status').textContent;

describe('the status line', () => {
  it('says how the core is: connecting, healthy, not recording, tampered with, not connected', () => {
    renderInApp(<StatusLine />);
    expect(health()).toBe('Connecting to the core…');
    act(() => useApp.getState().connected());
    expect(health()).toBe('Core healthy');
    act(() => useTamper.getState().tamperReported({ locked: true } as never));
    expect(health()).toBe('Gate tampered with: every command waits');
    act(() => useStoreHealth.getState().storeHealthChanged('the disk is full'));
    expect(health()).toBe('Core cannot record: commands are denied');
    act(() => useApp.getState().connectionLost('Lost the connection to the Gatehouse core.'));
    expect(health()).toBe('Core not connected');
  });

  it('counts the sessions running and the rules that are on; each opens its view', () => {
    renderInApp(<StatusLine />);
    act(() => {
      useApp.getState().connected();
      useSettings.getState().settingsLoaded(DEFAULT_SETTINGS);
      useSessions.getState().sessionsLoaded([session('s1'), session('s2'), session('s3', { endedAt: 'x' })]);
    });
    expect(within(line()).getByRole('link', { name: 'Rules…' })).toBeTruthy();
    act(() => useRules.getState().rulesLoaded([rule('r1'), rule('r2'), rule('r3', false)]));
    fireEvent.click(within(line()).getByRole('link', { name: '2 sessions running, guarded' }));
    expect(useApp.getState().view).toBe('sessions');
    fireEvent.click(within(line()).getByRole('link', { name: '2 rules' }));
    expect(useApp.getState().view).toBe('rules');
    expect(within(line()).getByRole('switch', { name: 'Auto-allow low risk' })).toBeTruthy();
    expect(within(line()).getByRole('switch', { name: 'Trust mode' })).toBeTruthy();
  });

  it('names sessions that run with a layer of protection off', () => {
    expect(sessionsText([])).toBe('No agent sessions running');
    expect(sessionsText([session('s1')])).toBe('1 session running, guarded');
    expect(sessionsText([session('s1'), session('s2', { protections: [on('hooks'), off('sandbox')] })])).toBe(
      '2 sessions running, 1 with a layer off',
    );
    const open = { protections: [off('sandbox')] };
    expect(sessionsText([session('s1', open), session('s2', open)])).toBe('2 sessions running, all with a layer off');
    expect(sessionsText([session('s1', open)])).toBe('1 session running, with a layer off');
  });
});
