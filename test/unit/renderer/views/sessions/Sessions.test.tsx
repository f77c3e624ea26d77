// @vitest-environment happy-dom
// The Sessions view: the list with each session's state and what guards it, and hosted terminals (starting one in a
// directory, the live terminal attached, flow-control pauses, kill, replay). Terminals are fake surfaces.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../../../../shared/domain.ts';
import { useSessions } from '../../../../../renderer/stores/sessions.ts';
import { useTerminals } from '../../../../../renderer/stores/terminals.ts';
import { Sessions } from '../../../../../renderer/views/sessions/Sessions.tsx';
import { fakeCommands, fakeSurfaces, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

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

const terminal = (over: Partial<TerminalInfo> = {}): TerminalInfo => ({
  sessionId: 'term0001',
  agent: 'shell',
  argv: ['/bin/bash'],
  cwd: '/home/dev/app',
  shell: 'bash',
  typingTrust: 'low',
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
