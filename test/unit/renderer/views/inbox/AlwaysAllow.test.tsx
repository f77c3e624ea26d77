// @vitest-environment happy-dom
// A card's "Always allow…" and what comes with it: the branch, `w` opening "Always allow…" with the suggested
// rules, scope and expiry pickers and the backtest; confirming sends exactly the chosen rules; the clip on request; a
// card asked for by a notification before it arrived is selected when it does.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../../../../../shared/rules.ts';
import { useInbox } from '../../../../../renderer/stores/inbox.ts';
import { Inbox } from '../../../../../renderer/views/inbox/Inbox.tsx';
import { clipSource } from '../../../../../renderer/terminal/player.ts';
import { Player } from '../../../../../renderer/terminal/player.ts';
import { fakeCommands, fakeSurfaces, heldRequest, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const press = (key: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(window, { key, ...init });

function backtest(pattern: string, changed: Array<{ command: string; risky: boolean }>): BacktestResult {
  return {
    rule: { effect: 'allow', kind: 'prefix', pattern, scope: { type: 'global' } },
    examined: 12,
    changed: changed.map((c, i) => ({
      requestId: `r${i}`,
      command: c.command,
      cwd: '/p',
      createdAt: '2026-01-01T00:00:00Z',
      level: c.risky ? 'high' : 'low',
      before: 'none',
      after: 'allow',
      risky: c.risky,
    })),
    changedTotal: changed.length,
    riskyTotal: changed.filter((c) => c.risky).length,
    warnings: [],
  };
}

describe('Always allow…', () => {
  it('w opens the suggested rules with their backtest; confirming sends the rules with the chosen scope and expiry', async () => {
    const commands = fakeCommands();
    const r = heldRequest({ command: 'npm run lint && cargo build', cwd: '/home/dev/app', branch: 'feature/login' });
    const project = { type: 'project' as const, dir: '/home/dev/app' };
    commands.suggestRules.mockResolvedValue({
      requestId: r.id,
      rules: [
        { effect: 'allow', kind: 'prefix', pattern: 'npm run lint', scope: project },
        { effect: 'allow', kind: 'prefix', pattern: 'cargo build', scope: project },
      ],
      notes: ['prefix:npm is too broad'],
    });
    commands.backtestRule.mockImplementation(async (input) =>
      backtest(
        input.pattern,
        input.pattern === 'cargo build'
          ? [
              { command: 'cargo build --release', risky: false },
              { command: 'cargo build && rm -rf ~', risky: true },
            ]
          : [],
      ),
    );
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([r]));
    const card = screen.getByRole('article');
    expect(within(card).getByLabelText('git branch feature/login').textContent).toBe('feature/login');
    press('w');
    // Nothing is selected yet: w does nothing until the reviewer chooses a card.
    expect(within(card).queryByRole('form', { name: 'Always allow' })).toBeNull();
    expect(commands.clipFor).not.toHaveBeenCalled();
    press('j');
    // The card under review shows its lead-up at once; the others only on request.
    expect(commands.clipFor).toHaveBeenCalledWith(r);
    press('w');
    const panel = within(card).getByRole('form', { name: 'Always allow' });
    await waitFor(() => expect(within(panel).getAllByText(/Of 12 earlier commands/)).toHaveLength(2));
    expect(commands.backtestRule.mock.calls.map(([i]) => [i.pattern, i.scope, i.cwd])).toEqual([
      ['npm run lint', project, '/home/dev/app'],
      ['cargo build', project, '/home/dev/app'],
    ]);
    expect(within(panel).getByText('prefix:npm is too broad')).toBeTruthy();
    expect(within(panel).getByText('cargo build && rm -rf ~').closest('li')?.className).toBe('risky');
    expect(within(panel).getByRole('radio', { name: 'This project (/home/dev/app)' })).toHaveProperty('checked', true);

    fireEvent.click(within(panel).getByRole('radio', { name: 'Everywhere' }));
    await waitFor(() => expect(commands.backtestRule).toHaveBeenCalledTimes(4));
    fireEvent.click(within(panel).getByRole('radio', { name: 'After 15 minutes' }));
    const second = within(panel).getAllByRole('textbox', { name: 'Pattern' })[1] as HTMLInputElement;
    fireEvent.change(second, { target: { value: 'cargo build --release' } });
    fireEvent.blur(second);
    fireEvent.click(within(panel).getByRole('button', { name: 'Approve and keep 2 rules' }));
    expect(commands.alwaysAllow).toHaveBeenCalledWith(r.id, [
      { kind: 'prefix', pattern: 'npm run lint', scope: { type: 'global' }, ttlMs: 15 * 60_000 },
      { kind: 'prefix', pattern: 'cargo build --release', scope: { type: 'global' }, ttlMs: 15 * 60_000 },
    ]);
    // Escape closes it without deciding.
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(useInbox.getState().allowingId).toBeNull();
  });

  it('says so when no rule is safe to keep, and offers nothing to confirm', async () => {
    const commands = fakeCommands();
    const r = heldRequest({ command: 'rm -rf /' });
    commands.suggestRules.mockResolvedValue({
      requestId: r.id,
      rules: [],
      notes: ['it is rated critical: Gatehouse never remembers a rule for high or critical commands'],
    });
    renderInApp(<Inbox />, commands);
    act(() => {
      useInbox.getState().pendingLoaded([r]);
      useInbox.getState().cardSelected(r.id);
      useInbox.getState().allowFormOpened(r.id);
    });
    await screen.findByText('Gatehouse has no safe rule to remember for this command.');
    expect(screen.getByText(/never remembers a rule for high or critical/)).toBeTruthy();
    expect((screen.getByRole('button', { name: /Approve and keep/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the lead-up of a request on demand, ending where it asked', async () => {
    const commands = fakeCommands();
    const surfaces = fakeSurfaces();
    const r = heldRequest();
    const start = { sessionId: r.sessionId, atMs: 1000, cols: 80, rows: 10, data: '$ make test\r\n' };
    commands.clipFor.mockResolvedValue(
      clipSource(start, [{ atMs: 2000, event: { kind: 'output', data: 'FAIL 3 tests' } }], 2500),
    );
    commands.createClipPlayer.mockImplementation((source, surface, report) => new Player(source, surface, report));
    renderInApp(<Inbox />, commands, 'browser', surfaces.factory);
    act(() => useInbox.getState().pendingLoaded([r]));
    fireEvent.click(screen.getByRole('button', { name: 'Show the last 30 seconds of the terminal' }));
    await screen.findByRole('button', { name: 'Play the lead-up' });
    await waitFor(() => expect(surfaces.made[0]?.surface.text()).toBe('$ make test\r\nFAIL 3 tests'));
    expect(surfaces.made[0]?.options.readOnly).toBe(true);
  });

  it('a card asked for before it arrived is selected when it does', () => {
    renderInApp(<Inbox />);
    const r = heldRequest();
    act(() => useInbox.getState().cardRequested(r.id));
    expect(useInbox.getState().selectedId).toBeNull();
    act(() => useInbox.getState().requestHeld(r));
    expect(useInbox.getState().selectedId).toBe(r.id);
    expect(screen.getByRole('article').getAttribute('aria-current')).toBe('true');
  });
});
