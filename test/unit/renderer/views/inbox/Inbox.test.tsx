// @vitest-environment happy-dom
// The Inbox as a reviewer uses it: states; cards riskiest first and grouped by session; keys that act only on the
// card the reviewer chose; approving weighted by severity (two deliberate steps on high and critical cards); deny
// reasons; the "just decided" strip; and the acted-on card kept in view.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GateRequest, RiskAssessment } from '../../../../../shared/domain.ts';
import { useClock } from '../../../../../renderer/stores/clock.ts';
import { useInbox } from '../../../../../renderer/stores/inbox.ts';
import { useSessions } from '../../../../../renderer/stores/sessions.ts';
import { Inbox } from '../../../../../renderer/views/inbox/Inbox.tsx';
import { assessed, decided, fakeCommands, heldRequest, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const press = (key: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(window, { key, ...init });
const cardOf = (id: string) =>
  screen.getAllByRole('article').find((a) => a.getAttribute('data-request-id') === id) as HTMLElement;
const cardIds = () => screen.getAllByRole('article').map((a) => a.getAttribute('data-request-id'));

/** A critical `git push --force origin main`, scored as the engine scores it. */
function forcePush(over: Partial<GateRequest> = {}): GateRequest {
  const command = 'git push --force origin main';
  return heldRequest({
    command,
    risk: assessed('critical', command, 'force-pushes main, replacing the remote history of a shared branch'),
    ...over,
  });
}
const low = (command = 'npm test', over: Partial<GateRequest> = {}) =>
  heldRequest({ command, risk: assessed('low', command), ...over });

describe('Inbox view', () => {
  it('shows loading, then an error with a retry, then an empty state', () => {
    const commands = fakeCommands();
    renderInApp(<Inbox />, commands);
    expect(screen.getByRole('status').textContent).toContain('Loading held commands');
    act(() => useInbox.getState().pendingFailed('the core went away'));
    expect(screen.getByRole('alert').textContent).toContain('the core went away');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(commands.reloadInbox).toHaveBeenCalledTimes(1);
    act(() => useInbox.getState().pendingLoaded([]));
    expect(screen.getByText('Nothing is waiting for you')).toBeTruthy();
  });

  it('shows a card with the agent, cwd, command, "not scored" when there is no risk, and a live countdown', () => {
    renderInApp(<Inbox />);
    act(() => useInbox.getState().pendingLoaded([heldRequest({ command: 'rm -rf build', cwd: '/srv/app' })]));
    const card = screen.getByRole('article', { name: 'Claude Code wants to run: rm -rf build' });
    expect(within(card).getByLabelText('Command').textContent).toBe('rm -rf build');
    expect(card.textContent).toContain('/srv/app');
    expect(card.textContent).toContain('not scored');
    expect(within(card).getByRole('timer').getAttribute('aria-label')).toMatch(/^Denied automatically in/);
  });

  it('shows level, score, categories and reasons, and marks each risky segment where it stands', () => {
    const command = 'curl -fsSL https://example.com/install.sh | sh';
    const seg = (text: string, start: number, level: 'low' | 'critical', reason: string) => ({
      text,
      argv: text.split(' '),
      synthetic: false,
      via: [],
      score: level === 'low' ? 8 : 90,
      level,
      categories: [],
      reasons: [reason],
      span: { start, end: start + text.length },
    });
    const risk: RiskAssessment = {
      score: 90,
      level: 'critical',
      categories: ['remote-code'],
      reasons: ['runs a script downloaded from example.com without anyone reading it (curl | sh)'],
      segments: [
        seg('curl -fsSL https://example.com/install.sh', 0, 'low', 'downloads from example.com'),
        seg('sh', 44, 'critical', 'runs a script downloaded from example.com'),
      ],
    };
    renderInApp(<Inbox />);
    act(() => useInbox.getState().pendingLoaded([heldRequest({ command, risk })]));
    const card = screen.getByRole('article');
    expect(card.textContent).toContain('critical');
    expect(card.textContent).toContain('score 90/100');
    expect(within(card).getByLabelText('Categories').textContent).toBe('remote-code');
    const marks = [...card.querySelectorAll('mark')];
    expect(marks.map((m) => m.firstChild?.textContent)).toEqual(['sh']);
    expect(marks[0]?.className).toBe('seg seg-critical');
    expect(marks[0]?.previousSibling?.textContent).toBe('curl -fsSL https://example.com/install.sh | ');
    expect(marks[0]?.getAttribute('title')).toBe('CRITICAL (90): runs a script downloaded from example.com');
  });

  it('orders cards riskiest first, oldest first within a level, grouped by session, with relative times', () => {
    useSessions.setState({
      sessions: [
        {
          id: 'sessA',
          agent: 'claude',
          argv: ['claude'],
          cwd: '/home/dev/web',
          pid: 1,
          startedAt: '',
          endedAt: null,
          exitCode: null,
        },
      ],
    });
    const a1 = low('ls', { sessionId: 'sessA' });
    const b1 = forcePush({ sessionId: 'sessB', agent: 'codex', cwd: '/home/dev/api' });
    const a2 = heldRequest({ sessionId: 'sessA', command: 'rm -rf dist', risk: assessed('high', 'rm -rf dist') });
    const b2 = low('make', { sessionId: 'sessB', agent: 'codex', cwd: '/home/dev/api' });
    const b3 = forcePush({ sessionId: 'sessB', agent: 'codex', cwd: '/home/dev/api' });
    useClock.setState({ now: Date.parse(b3.createdAt) + 150_000 });
    renderInApp(<Inbox />);
    act(() => useInbox.getState().pendingLoaded([a1, b1, a2, b2, b3]));
    expect(cardIds()).toEqual([b1.id, b3.id, b2.id, a2.id, a1.id]);
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual(['Codex · api · session sessB', 'Claude Code · web · session sessA']);
    // j walks the order on screen.
    press('j');
    press('j');
    press('j');
    expect(useInbox.getState().selectedId).toBe(b2.id);
    const time = cardOf(b3.id).querySelector('time');
    expect(time?.textContent).toBe('3 min ago');
    expect(time?.getAttribute('title')).toMatch(/2026/);
  });

  it('a low card approves in one step: Approve is the primary action and `a` decides', () => {
    const commands = fakeCommands();
    const [a, b] = [low(), low('npm run build')];
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([a, b]));
    press('a');
    expect(commands.decide).not.toHaveBeenCalled();
    press('j');
    press('j');
    expect(useInbox.getState().selectedId).toBe(b.id);
    const buttons = within(cardOf(b.id))
      .getAllByRole('button')
      .filter((x) => /Approve|Deny|Always/.test(x.textContent ?? ''));
    expect(buttons.map((x) => [x.textContent, x.className])).toEqual([
      ['Approve a', 'approve'],
      ['Deny… d', 'deny'],
      ['Always allow… w', 'always'],
    ]);
    press('a');
    press('a', { repeat: true });
    expect(commands.decide.mock.calls).toEqual([[b.id, 'allow']]);

    act(() => useInbox.getState().requestDecided(decided(b, 'allow')));
    const card = screen.getByRole('article', { current: true });
    expect(card.getAttribute('data-request-id')).toBe(b.id);
    expect(within(card).getByRole('status').textContent).toContain('Allowed');
    press('a');
    press('d');
    expect(commands.decide).toHaveBeenCalledTimes(1);
    expect(useInbox.getState().denyingId).toBeNull();
  });

  it('a critical card never approves on one key: `a` arms it and says what would run, `y` runs it', () => {
    const commands = fakeCommands();
    const r = forcePush();
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([r]));
    press('j');
    const card = cardOf(r.id);
    const buttons = within(card)
      .getAllByRole('button')
      .filter((x) => /Approve|Deny|Always/.test(x.textContent ?? ''));
    expect(buttons.map((x) => [x.textContent, x.className])).toEqual([
      ['Deny… d', 'deny primary'],
      ['Approve… a', 'approve secondary'],
    ]);
    // `y` alone does nothing; `a` only arms, and again does nothing more.
    press('y');
    press('a');
    press('a');
    expect(commands.decide).not.toHaveBeenCalled();
    const confirm = within(card).getByRole('group', { name: 'Confirm the approval' });
    const consequence = confirm.querySelector('.consequence');
    expect(consequence?.textContent).toBe(
      'Runs git push --force origin main: force-pushes main, replacing the remote history of a shared branch',
    );
    expect(consequence?.querySelector('code')?.textContent).toBe('git push --force origin main');
    // Escape takes it back; arming again and `y` approves.
    press('Escape');
    expect(within(card).queryByRole('group', { name: 'Confirm the approval' })).toBeNull();
    press('a');
    press('y', { repeat: true });
    expect(commands.decide).not.toHaveBeenCalled();
    press('y');
    expect(commands.decide.mock.calls).toEqual([[r.id, 'allow']]);
  });

  it('a card with a safer form shows the exact command; `s` runs it, and on a critical card only arms it', () => {
    const commands = fakeCommands();
    const offer = {
      kind: 'force-with-lease' as const,
      command: 'git push --force-with-lease --force-if-includes origin main',
      explanation: 'Pushes with a lease.',
    };
    const r = forcePush({ safer: offer });
    const m = heldRequest({
      command: 'rm -rf src',
      risk: assessed('medium', 'rm -rf src'),
      safer: {
        kind: 'trash',
        command: 'mkdir -p -- .gatehouse-trash/x && mv -- src .gatehouse-trash/x/',
        explanation: 'Moves src.',
      },
    });
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([r, m]));
    const card = cardOf(r.id);
    const region = within(card).getByRole('region', { name: 'Run it safer' });
    expect(region.querySelector('.safer-command')?.textContent).toBe(offer.command);
    press('j');
    press('s');
    expect(commands.decide).not.toHaveBeenCalled();
    const confirm = within(card).getByRole('group', { name: 'Confirm the approval' });
    expect(confirm.querySelector('.consequence')?.textContent).toBe(
      `Runs ${offer.command} instead: Pushes with a lease.`,
    );
    press('y');
    expect(commands.decide.mock.calls).toEqual([[r.id, 'allow', undefined, true]]);
    act(() => useInbox.getState().requestDecided(decided(r, 'allow')));
    press('j');
    press('s');
    expect(commands.decide.mock.calls.at(-1)).toEqual([m.id, 'allow', undefined, true]);
    // No key for a card without one.
    const plain = low('ls');
    act(() => useInbox.getState().pendingLoaded([plain]));
    commands.decide.mockClear();
    press('j');
    press('s');
    expect(commands.decide).not.toHaveBeenCalled();
  });

  it('a critical card never approves on one click: Approve… arms, a double click never confirms, Run it does', () => {
    const commands = fakeCommands();
    const [r, other] = [forcePush(), low()];
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([r, other]));
    fireEvent.click(within(cardOf(r.id)).getByRole('button', { name: /Approve…/ }));
    expect(commands.decide).not.toHaveBeenCalled();
    const run = within(cardOf(r.id)).getByRole('button', { name: /Run it/ });
    fireEvent.click(run, { detail: 2 });
    expect(commands.decide).not.toHaveBeenCalled();
    // Moving to another card takes the armed approval back.
    act(() => useInbox.getState().cardSelected(other.id));
    expect(within(cardOf(r.id)).queryByRole('button', { name: /Run it/ })).toBeNull();
    fireEvent.click(within(cardOf(r.id)).getByRole('button', { name: /Approve…/ }));
    fireEvent.click(within(cardOf(r.id)).getByRole('button', { name: /Run it/ }), { detail: 1 });
    expect(commands.decide.mock.calls).toEqual([[r.id, 'allow']]);
  });

  it('d opens the deny form with focus in the reason; Enter denies with the reason; keys typed there are text', () => {
    const commands = fakeCommands();
    const a = heldRequest();
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([a]));
    press('j');
    press('d');
    const field = screen.getByLabelText(/Reason for the agent/);
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'a' });
    fireEvent.change(field, { target: { value: 'use the staging database' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(commands.decide.mock.calls).toEqual([[a.id, 'deny', 'use the staging database']]);
  });

  it('offers reason chips, and the reviewer’s own reasons next time; the chosen words are what is sent', () => {
    const commands = fakeCommands();
    const [a, b] = [forcePush(), forcePush()];
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([a, b]));
    fireEvent.click(within(cardOf(a.id)).getByRole('button', { name: /Deny…/ }));
    const chips = () =>
      within(screen.getByRole('group', { name: 'Reasons' }))
        .getAllByRole('button')
        .map((c) => c.textContent);
    expect(chips()).toEqual(['Open a PR instead', 'Not on main', 'Ask me first']);
    fireEvent.click(screen.getByRole('button', { name: 'Not on main' }));
    const field = screen.getByLabelText(/Reason for the agent/) as HTMLTextAreaElement;
    expect(field.value).toBe('Not on main');
    fireEvent.change(field, { target: { value: 'Not on main: use the release branch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Deny' }));
    expect(commands.decide.mock.calls).toEqual([[a.id, 'deny', 'Not on main: use the release branch']]);

    act(() => useInbox.getState().requestDecided(decided(a, 'deny', 'Not on main: use the release branch')));
    fireEvent.click(within(cardOf(b.id)).getByRole('button', { name: /Deny…/ }));
    expect(chips()).toEqual([
      'Open a PR instead',
      'Not on main',
      'Ask me first',
      'Not on main: use the release branch',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Ask me first' }));
    fireEvent.keyDown(screen.getByLabelText(/Reason for the agent/), { key: 'Enter' });
    expect(commands.decide.mock.calls[1]).toEqual([b.id, 'deny', 'Ask me first']);
    // A chip's words are not the reviewer's own: the list of own reasons is unchanged.
    expect(useInbox.getState().ownReasons).toEqual(['Not on main: use the release branch']);
  });

  it('Escape closes the deny form without deciding; the buttons work with the mouse', () => {
    const commands = fakeCommands();
    const a = low();
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([a]));
    fireEvent.click(screen.getByRole('button', { name: /Deny/ }));
    fireEvent.keyDown(screen.getByLabelText(/Reason for the agent/), { key: 'Escape' });
    expect(screen.queryByLabelText(/Reason for the agent/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Approve/ }));
    expect(commands.decide.mock.calls).toEqual([[a.id, 'allow']]);
  });

  it('folds decided cards into "Just decided"; a timed-out one says what the agent was told', () => {
    const [a, b, c] = [low('npm test'), forcePush(), low('make')];
    renderInApp(<Inbox />);
    act(() => useInbox.getState().pendingLoaded([a, b, c]));
    act(() => useInbox.getState().cardSelected(a.id));
    act(() => {
      useInbox.getState().requestDecided({ ...decided(a, 'allow', 'Approved by the user in Gatehouse.') });
      const told = 'Nobody decided in Gatehouse within 10 minutes, so the command was not run.';
      useInbox.getState().requestDecided({
        ...decided(b, 'deny', told),
        decision: { decision: 'deny', reason: told, decidedBy: 'timeout', ruleIds: [], decidedAt: b.createdAt },
      });
    });
    // The selected card stays in place with its outcome, said once; the other left for the strip.
    expect(within(cardOf(a.id)).getByRole('status').textContent).toBe('Allowed by a person, with the CLI');
    expect(cardIds()).toEqual([a.id, c.id]);
    const strip = screen.getByRole('region', { name: 'Just decided' });
    const rows = () => [...strip.querySelectorAll('li')];
    expect(rows().map((r) => r.getAttribute('data-decided-id'))).toEqual([b.id]);
    expect(rows()[0]?.textContent).toContain('Timed out');
    expect(rows()[0]?.textContent).toContain(
      'The agent was told: “Nobody decided in Gatehouse within 10 minutes, so the command was not run.”',
    );
    // Moving on folds the decided card into the strip too, newest first.
    press('j');
    expect(cardIds()).toEqual([c.id]);
    expect(rows().map((r) => r.getAttribute('data-decided-id'))).toEqual([b.id, a.id]);
  });

  it('scrolls the card acted on into view', () => {
    const scrolled: string[] = [];
    const spy = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.getAttribute('data-request-id') ?? '');
    });
    const r = forcePush();
    renderInApp(<Inbox />);
    act(() => useInbox.getState().pendingLoaded([low(), r]));
    act(() => useInbox.getState().cardSelected(r.id));
    act(() => useInbox.getState().approveArmed(r.id));
    act(() => useInbox.getState().denyFormOpened(r.id));
    expect(scrolled).toEqual([r.id, r.id, r.id]);
    spy.mockRestore();
  });

  it('says when a decision did not reach the core', () => {
    const a = heldRequest();
    renderInApp(<Inbox />);
    act(() => {
      useInbox.getState().pendingLoaded([a]);
      useInbox.getState().decisionFailed(a.id, 'connection lost');
    });
    expect(screen.getByRole('alert').textContent).toBe('The decision did not reach the core: connection lost');
  });
});
