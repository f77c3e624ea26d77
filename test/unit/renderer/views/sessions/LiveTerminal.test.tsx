// @vitest-environment happy-dom
// A live terminal's header: a hosted shell's typing trust (which of the person's own lines run without asking), and
// Kill, which says while it works and then what ended the program, or that nothing did.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TerminalKillResult } from '../../../../../shared/api.ts';
import type { TerminalInfo } from '../../../../../shared/domain.ts';
import { useTerminals } from '../../../../../renderer/stores/terminals.ts';
import { describeKill } from '../../../../../renderer/views/sessions/kill-report.ts';
import { LiveTerminals } from '../../../../../renderer/views/sessions/LiveTerminal.tsx';
import { fakeCommands, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

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

const result = (over: Partial<TerminalKillResult>): TerminalKillResult => ({
  sent: ['SIGHUP'],
  endedBy: 'SIGHUP',
  exitCode: 129,
  pid: 42,
  ...over,
});

describe("a hosted shell's typing", () => {
  it('says which typed lines run without asking, asks the core to change it, and shows what the core says', () => {
    const commands = fakeCommands();
    renderInApp(<LiveTerminals />, commands);
    act(() => useTerminals.getState().terminalsLoaded([terminal()]));
    const choice = screen.getByRole('combobox', { name: /Your typing/ }) as HTMLSelectElement;
    // The default: the person's low-risk lines run at once.
    expect(choice.value).toBe('low');
    expect(
      within(choice)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Run what I type', 'Ask only for medium risk and above', 'Ask for everything']);
    expect(
      screen.getByText(/low-risk lines typed at the prompt run at once; the rest wait for a decision/),
    ).toBeTruthy();
    fireEvent.change(choice, { target: { value: 'none' } });
    expect(commands.setTypingTrust).toHaveBeenCalledWith('term0001', 'none');
    // Set here or from anywhere else (`terminal.typing`): the header follows the core.
    act(() => useTerminals.getState().typingTrustChanged('term0001', 'all'));
    expect((screen.getByRole('combobox', { name: /Your typing/ }) as HTMLSelectElement).value).toBe('all');
    expect(screen.getByText(/every line typed at the prompt runs without asking/)).toBeTruthy();
  });

  it('is not offered for an agent, nor once the shell has ended', () => {
    renderInApp(<LiveTerminals />);
    act(() => useTerminals.getState().terminalsLoaded([terminal({ agent: 'claude', shell: null, typingTrust: null })]));
    expect(screen.queryByRole('combobox', { name: /Your typing/ })).toBeNull();
    act(() => useTerminals.getState().terminalsLoaded([terminal({ exitCode: 0 })]));
    expect(screen.queryByRole('combobox', { name: /Your typing/ })).toBeNull();
  });
});

describe('Kill', () => {
  it('says it is ending the program, then which signal ended it', () => {
    const commands = fakeCommands();
    renderInApp(<LiveTerminals />, commands);
    act(() => useTerminals.getState().terminalsLoaded([terminal()]));
    fireEvent.click(screen.getByRole('button', { name: 'Kill' }));
    expect(commands.killTerminal).toHaveBeenCalledWith('term0001');
    act(() => useTerminals.getState().killStarted('term0001'));
    expect((screen.getByRole('button', { name: 'Ending…' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => useTerminals.getState().killEnded('term0001', result({})));
    expect(screen.getByRole('status').textContent).toBe('Ended by SIGHUP.');
    expect(screen.getByText('exited with code 129')).toBeTruthy();
  });

  it('says so plainly when even SIGKILL did not end it, or the call failed', () => {
    renderInApp(<LiveTerminals />);
    act(() => useTerminals.getState().terminalsLoaded([terminal()]));
    act(() =>
      useTerminals
        .getState()
        .killEnded('term0001', result({ sent: ['SIGHUP', 'SIGTERM', 'SIGKILL'], endedBy: null, exitCode: null })),
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toBe(
      'Could not end it: process 42 still runs after SIGHUP, SIGTERM and SIGKILL. End it from a terminal, or restart the machine.',
    );
    expect(status.className).toBe('send-error');
    // Still running: Kill can be tried again.
    expect(screen.getByRole('button', { name: 'Kill' })).toBeTruthy();
    act(() => useTerminals.getState().killFailed('term0001', 'the core went away'));
    expect(screen.getByRole('status').textContent).toBe('Kill failed: the core went away');
  });
});

describe('what Kill did, in words', () => {
  it('names the signal that ended it and the ones it ignored first (the header shows the exit code)', () => {
    expect(describeKill(result({}))).toBe('Ended by SIGHUP.');
    expect(describeKill(result({ sent: ['SIGHUP', 'SIGTERM'], endedBy: 'SIGTERM', exitCode: 143 }))).toBe(
      'Ended by SIGTERM, after it ignored SIGHUP.',
    );
    expect(describeKill(result({ sent: ['SIGHUP', 'SIGTERM', 'SIGKILL'], endedBy: 'SIGKILL', exitCode: 137 }))).toBe(
      'Ended by SIGKILL, after it ignored SIGHUP and SIGTERM.',
    );
    expect(describeKill(result({ sent: [], endedBy: null, exitCode: 0 }))).toBe('It had already ended.');
  });
});
