// @vitest-environment happy-dom
// A card's "Always allow…": the branch, `w` opening the suggested rules, scope and expiry pickers and the backtest;
// confirming sends exactly the chosen rules; where no rule can exist (high, critical, not fully read, never scored)
// it is not offered and the card says why in one line; a card asked for by a notification before it arrived is
// selected when it does.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../../../../../shared/rules.ts';
import { useInbox } from '../../../../../renderer/stores/inbox.ts';
import { Inbox } from '../../../../../renderer/views/inbox/Inbox.tsx';
import { assessed, fakeCommands, heldRequest, renderInApp, resetStores } from '../../support.tsx';

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
    const command = 'npm run lint && cargo build';
    const r = heldRequest({
      command,
      cwd: '/home/dev/app',
      branch: 'feature/login',
      risk: assessed('medium', command),
    });
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
    press('j');
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

  it("offers Claude Code's own rules only where the core says the session can, off until ticked, and says where they go", async () => {
    const commands = fakeCommands();
    const r = heldRequest({ command: 'npm test', cwd: '/home/dev/app', risk: assessed('low', 'npm test') });
    const project = { type: 'project' as const, dir: '/home/dev/app' };
    commands.suggestRules.mockResolvedValue({
      requestId: r.id,
      rules: [{ effect: 'allow', kind: 'prefix', pattern: 'npm test', scope: project }],
      notes: [],
      agentRules: {
        agent: 'Claude Code',
        where: '/home/dev/app/.claude/settings.local.json',
        shown: ['Bash(npm test:*)'],
      },
    });
    commands.backtestRule.mockImplementation(async (input) => backtest(input.pattern, []));
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([r]));
    press('j');
    press('w');
    const panel = within(screen.getByRole('article')).getByRole('form', { name: 'Always allow' });
    const box = await within(panel).findByRole('checkbox', { name: "Also add to Claude Code's own rules" });
    expect(box).toHaveProperty('checked', false);
    expect(panel.querySelector('.agent-rules .hint')?.textContent).toBe(
      'Into /home/dev/app/.claude/settings.local.json, only rules Claude Code reads exactly as Gatehouse does: Bash(npm test:*).',
    );
    // Off: the approval is sent as before.
    fireEvent.click(within(panel).getByRole('button', { name: 'Approve and keep the rule' }));
    expect(commands.alwaysAllow).toHaveBeenLastCalledWith(r.id, [
      { kind: 'prefix', pattern: 'npm test', scope: project },
    ]);
    fireEvent.click(box);
    fireEvent.click(within(panel).getByRole('button', { name: 'Approve and keep the rule' }));
    expect(commands.alwaysAllow).toHaveBeenLastCalledWith(
      r.id,
      [{ kind: 'prefix', pattern: 'npm test', scope: project }],
      true,
    );
  });

  it('offers no such option where the suggestion does not', async () => {
    const commands = fakeCommands();
    const r = heldRequest({ command: 'npm test', cwd: '/home/dev/app', risk: assessed('low', 'npm test') });
    commands.suggestRules.mockResolvedValue({
      requestId: r.id,
      rules: [
        { effect: 'allow', kind: 'prefix', pattern: 'npm test', scope: { type: 'project', dir: '/home/dev/app' } },
      ],
      notes: [],
    });
    commands.backtestRule.mockImplementation(async (input) => backtest(input.pattern, []));
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([r]));
    press('j');
    press('w');
    const panel = within(screen.getByRole('article')).getByRole('form', { name: 'Always allow' });
    await within(panel).findByText(/Of 12 earlier commands/);
    expect(within(panel).queryByRole('checkbox')).toBeNull();
  });

  it('is not offered where no rule can exist: the card says why in one line, and w does nothing', () => {
    const commands = fakeCommands();
    const critical = heldRequest({ command: 'git push --force origin main' });
    critical.risk = assessed('critical', critical.command, 'force-pushes main');
    const unread = heldRequest({ command: 'eval "$X"' });
    unread.risk = { ...assessed('medium', unread.command), categories: ['unparsed'] };
    const unscored = heldRequest({ command: 'make' });
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([critical, unread, unscored]));
    const line = (id: string) => {
      const card = screen.getAllByRole('article').find((a) => a.getAttribute('data-request-id') === id) as HTMLElement;
      expect(within(card).queryByRole('button', { name: /Always allow/ })).toBeNull();
      return card.querySelector('.no-rule')?.textContent;
    };
    expect(line(critical.id)).toBe(
      '“Always allow” is not offered: it is rated critical, and Gatehouse never remembers a rule for high or critical commands.',
    );
    expect(line(unread.id)).toBe(
      '“Always allow” is not offered: Gatehouse could not read all of this command, so no rule may allow it.',
    );
    expect(line(unscored.id)).toMatch(/never scored/);
    act(() => useInbox.getState().cardSelected(critical.id));
    press('w');
    expect(useInbox.getState().allowingId).toBeNull();
    expect(commands.suggestRules).not.toHaveBeenCalled();
  });

  it('says so when the core finds no rule safe to keep, and offers nothing to confirm', async () => {
    const commands = fakeCommands();
    const r = heldRequest({ command: 'rm -rf build' });
    r.risk = assessed('medium', r.command);
    commands.suggestRules.mockResolvedValue({
      requestId: r.id,
      rules: [],
      notes: ['no rule for `rm -rf build` is safe to remember'],
    });
    renderInApp(<Inbox />, commands);
    act(() => {
      useInbox.getState().pendingLoaded([r]);
      useInbox.getState().cardSelected(r.id);
      useInbox.getState().allowFormOpened(r.id);
    });
    await screen.findByText('Gatehouse has no safe rule to remember for this command.');
    expect(screen.getByText(/is safe to remember/)).toBeTruthy();
    expect((screen.getByRole('button', { name: /Approve and keep/ }) as HTMLButtonElement).disabled).toBe(true);
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
