// @vitest-environment happy-dom
// A named suite, not one view's test: an outcome from the store to the card, the audit row and its filter.
// What ran after an allow, as a reviewer sees it (views/common/Outcome.tsx): on a decided card, in the Audit with its
// "approved but failed" filter, and kept in the stores as `request.outcome` events arrive.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GateRequest, RequestOutcome } from '../../../../shared/domain.ts';
import { historyQuery, matchesFilter, useAudit } from '../../../../renderer/stores/audit.ts';
import { useInbox } from '../../../../renderer/stores/inbox.ts';
import { Audit } from '../../../../renderer/views/audit/Audit.tsx';
import { Outcome } from '../../../../renderer/views/common/Outcome.tsx';
import { Inbox } from '../../../../renderer/views/inbox/Inbox.tsx';
import { decided, fakeCommands, heldRequest, renderInApp, resetStores } from '../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const outcome = (over: Partial<RequestOutcome> = {}): RequestOutcome => ({
  state: 'failed',
  exitCode: 1,
  durationMs: 2300,
  summary: 'Tests: 1 failed, 4 passed',
  source: 'agent',
  at: '2026-01-01T12:00:05.000Z',
  ...over,
});
const withOutcome = (r: GateRequest, o: RequestOutcome | null): GateRequest => ({ ...r, outcome: o });

describe('Outcome', () => {
  it('says how it ended and shows the end of its output', () => {
    renderInApp(<Outcome request={withOutcome(decided(heldRequest(), 'allow'), outcome())} />);
    expect(screen.getByText('Ran · exit 1 · 2.3 s')).toBeTruthy();
    expect(screen.getByLabelText('The end of its output').textContent).toBe('Tests: 1 failed, 4 passed');
  });

  it('says why a command never ran, and says nothing before anything is known or for what was not allowed', () => {
    const { container } = renderInApp(
      <>
        <Outcome
          request={withOutcome(
            decided(heldRequest(), 'allow'),
            outcome({ state: 'not-run', source: 'turn-ended', exitCode: null, durationMs: null, summary: null }),
          )}
        />
        <Outcome request={decided(heldRequest(), 'allow')} />
        <Outcome request={withOutcome(decided(heldRequest(), 'deny'), outcome())} />
      </>,
    );
    expect(container.textContent).toBe("Not run: the agent's turn ended without running it");
  });

  it('says when the agent gave no exit status (Codex), and escapes what the output would hide', () => {
    const r = withOutcome(
      decided(heldRequest(), 'allow'),
      outcome({ state: 'ran', exitCode: null, durationMs: 400, summary: 'ok\u202Egnp.exe' }),
    );
    renderInApp(<Outcome request={r} />);
    const phrase = screen.getByText('Ran · 400 ms');
    expect(phrase.getAttribute('title')).toBe('The agent did not report an exit status.');
    expect(screen.getByLabelText('The end of its output').textContent).toBe('ok\\u{202E}gnp.exe');
  });
});

describe('on a decided card', () => {
  it('shows what ran under the decision once the event arrives, and keeps it when the decide answer comes after', () => {
    renderInApp(<Inbox />);
    const held = heldRequest({ command: 'npm test' });
    act(() => {
      useInbox.getState().pendingLoaded([held]);
      useInbox.getState().cardSelected(held.id);
    });
    const allowed = decided(held, 'allow');
    act(() => useInbox.getState().requestDecided(allowed));
    act(() => useInbox.getState().outcomeRecorded(withOutcome(allowed, outcome())));
    act(() => useInbox.getState().requestDecided(allowed));
    const card = screen.getByRole('article');
    expect(within(card).getByRole('status').textContent).toBe('Allowed by a person, with the CLI');
    expect(card.textContent).toContain('Ran · exit 1 · 2.3 s');
    expect(card.textContent).toContain('Tests: 1 failed, 4 passed');
  });

  it('adds no card for an outcome whose card is gone', () => {
    act(() => useInbox.getState().outcomeRecorded(withOutcome(decided(heldRequest(), 'allow'), outcome())));
    expect(useInbox.getState().cards).toEqual([]);
  });
});

describe('in the Audit', () => {
  it('shows "Allowed · ran · exit 1 · 2.3 s" in the row, the output folded away, and updates a row in place', () => {
    renderInApp(<Audit />);
    const r = decided(heldRequest({ command: 'npm test' }), 'allow');
    act(() => {
      useAudit.getState().filterChanged({});
      useAudit.getState().firstPageLoaded([r], null);
    });
    const row = () => screen.getAllByRole('row')[1] as HTMLElement;
    expect(row().textContent).not.toContain('ran');
    act(() => useAudit.getState().outcomeRecorded(withOutcome(r, outcome())));
    expect(within(row()).getByText('Allowed').parentElement?.textContent).toContain('Allowed · ran · exit 1 · 2.3 s');
    expect(within(row()).getByText('Output').closest('details')?.open).toBe(false);
  });

  it('filters "approved but failed" through the history query', () => {
    const commands = fakeCommands();
    renderInApp(<Audit />, commands);
    fireEvent.change(screen.getByLabelText('After approval'), { target: { value: 'failed' } });
    expect(useAudit.getState().filter).toEqual({ outcome: 'failed' });
    expect(historyQuery(useAudit.getState().filter)).toMatchObject({ outcome: 'failed' });
    expect(commands.loadHistory).toHaveBeenCalledTimes(2);
  });

  it('takes in a row the filter now matches, in decision order, and leaves out what it does not', () => {
    const older = withOutcome(decided(heldRequest(), 'allow'), outcome());
    older.decision = { ...older.decision!, decidedAt: '2026-01-01T12:00:00.000Z' };
    const newer = withOutcome(decided(heldRequest(), 'allow'), outcome());
    newer.decision = { ...newer.decision!, decidedAt: '2026-01-01T12:10:00.000Z' };
    const middle = withOutcome(decided(heldRequest(), 'allow'), outcome({ state: 'not-run', exitCode: null }));
    middle.decision = { ...middle.decision!, decidedAt: '2026-01-01T12:05:00.000Z' };
    act(() => {
      useAudit.getState().filterChanged({ outcome: 'failed' });
      useAudit.getState().firstPageLoaded([newer, older], null);
      useAudit.getState().outcomeRecorded(middle);
      useAudit
        .getState()
        .outcomeRecorded(withOutcome(decided(heldRequest(), 'allow'), outcome({ state: 'ran', exitCode: 0 })));
    });
    expect(useAudit.getState().items.map((r) => r.id)).toEqual([newer.id, middle.id, older.id]);
  });

  it('matches as the core does: failed or never run is "approved but failed"; a denial never is', () => {
    const allowed = decided(heldRequest(), 'allow');
    const f = { outcome: 'failed' as const };
    expect(matchesFilter(withOutcome(allowed, outcome()), f)).toBe(true);
    expect(matchesFilter(withOutcome(allowed, outcome({ state: 'not-run' })), f)).toBe(true);
    expect(matchesFilter(withOutcome(allowed, outcome({ state: 'ran', exitCode: 0 })), f)).toBe(false);
    expect(matchesFilter(allowed, f)).toBe(false);
    expect(matchesFilter(withOutcome(decided(heldRequest(), 'deny'), outcome()), f)).toBe(false);
    expect(matchesFilter(withOutcome(allowed, outcome({ state: 'not-run' })), { outcome: 'not-run' })).toBe(true);
  });
});
