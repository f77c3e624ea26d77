// @vitest-environment happy-dom
// The Inbox as a reviewer uses it: states, cards, and keys that act only on the card the reviewer chose.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RiskAssessment } from '../../../../../shared/domain.ts';
import { useInbox } from '../../../../../renderer/stores/inbox.ts';
import { Inbox } from '../../../../../renderer/views/inbox/Inbox.tsx';
import { decided, fakeCommands, heldRequest, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const press = (key: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(window, { key, ...init });

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

  it('shows level, score, categories and reasons, and marks the risky segments', () => {
    const risk = {
      score: 88,
      level: 'critical',
      categories: ['file-deletion'],
      reasons: ['deletes everything in the build folder'],
      segments: [
        {
          text: 'cd build',
          argv: ['cd', 'build'],
          synthetic: false,
          via: [],
          score: 2,
          level: 'low',
          categories: ['read-only'],
          reasons: [],
        },
        {
          text: 'rm -rf *',
          argv: ['rm', '-rf', '*'],
          synthetic: false,
          via: [],
          score: 88,
          level: 'critical',
          categories: ['file-deletion'],
          reasons: ['deletes everything'],
        },
      ],
    } as RiskAssessment;
    renderInApp(<Inbox />);
    act(() => useInbox.getState().pendingLoaded([heldRequest({ command: 'cd build && rm -rf *', risk })]));
    const card = screen.getByRole('article');
    expect(card.textContent).toContain('critical');
    expect(card.textContent).toContain('score 88/100');
    expect(within(card).getByLabelText('Categories').textContent).toBe('file-deletion');
    expect(within(card).getByLabelText('Reasons').textContent).toBe('deletes everything in the build folder');
    const marks = card.querySelectorAll('mark');
    expect([...marks].map((m) => m.firstChild?.textContent)).toEqual(['rm -rf *']);
    expect(marks[0]?.className).toBe('seg seg-critical');
  });

  it('j selects, a approves the selected card once, and a decided card keeps the selection and ignores keys', () => {
    const commands = fakeCommands();
    const [a, b] = [heldRequest(), heldRequest()];
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([a, b]));
    press('a');
    expect(commands.decide).not.toHaveBeenCalled();
    press('j');
    press('j');
    expect(useInbox.getState().selectedId).toBe(b.id);
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

  it('Escape closes the deny form without deciding; the buttons work with the mouse', () => {
    const commands = fakeCommands();
    const a = heldRequest();
    renderInApp(<Inbox />, commands);
    act(() => useInbox.getState().pendingLoaded([a]));
    fireEvent.click(screen.getByRole('button', { name: /Deny/ }));
    fireEvent.keyDown(screen.getByLabelText(/Reason for the agent/), { key: 'Escape' });
    expect(screen.queryByLabelText(/Reason for the agent/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Approve/ }));
    expect(commands.decide.mock.calls).toEqual([[a.id, 'allow']]);
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
