// The Inbox store: riskiest then oldest first, grouped by session; a selection that moves only when the reviewer
// moves it; the "just decided" strip; a high or critical approval armed before it is sent.
import { beforeEach, describe, expect, it } from 'vitest';
import { canDecide, RECENT_MAX, useInbox } from '../../../../renderer/stores/inbox.ts';
import { assessed, decided, heldRequest, resetStores } from '../support.tsx';

const ids = () => useInbox.getState().cards.map((c) => c.id);
const recentIds = () => useInbox.getState().recent.map((c) => c.id);
beforeEach(resetStores);

describe('inbox store: order, strip, armed approvals', () => {
  it('orders by risk, then age, and keeps each session together where its riskiest card stands', () => {
    const at = (level: 'low' | 'medium' | 'high' | 'critical', sessionId: string) =>
      heldRequest({ sessionId, risk: assessed(level, 'x') });
    const [x1, y1, x2, y2, x3] = [
      at('low', 'x'),
      at('medium', 'y'),
      at('critical', 'x'),
      at('critical', 'y'),
      at('low', 'x'),
    ];
    // Never scored counts as high: nothing says it is safe.
    const z = heldRequest({ sessionId: 'z', risk: null });
    const s = useInbox.getState();
    for (const r of [x1, y1, x2, y2, x3, z]) s.requestHeld(r);
    expect(ids()).toEqual([x2.id, x1.id, x3.id, y2.id, y1.id, z.id]);
  });

  it('puts every decided card it showed into the strip, newest first, and ignores ones it never showed', () => {
    const cards = Array.from({ length: RECENT_MAX + 2 }, () => heldRequest());
    const s = useInbox.getState();
    s.pendingLoaded(cards);
    s.requestDecided(decided(heldRequest(), 'allow'));
    expect(recentIds()).toEqual([]);
    for (const c of cards) s.requestDecided(decided(c, 'deny'));
    expect(recentIds()).toHaveLength(RECENT_MAX);
    expect(recentIds()[0]).toBe(cards[cards.length - 1]?.id);
    // A late load does not bring a decided card back.
    s.pendingLoaded([cards[cards.length - 1] as (typeof cards)[number]]);
    expect(ids()).toEqual([]);
  });

  it('arms the approval of a high or critical card only, and lets go of it when the reviewer moves or decides', () => {
    const [critical, low] = [
      heldRequest({ risk: assessed('critical', 'x') }),
      heldRequest({ risk: assessed('low', 'y') }),
    ];
    const s = useInbox.getState();
    s.pendingLoaded([critical, low]);
    s.approveArmed(low.id);
    expect(useInbox.getState().armedId).toBeNull();
    s.cardSelected(critical.id);
    s.approveArmed(critical.id);
    expect(useInbox.getState().armedId).toBe(critical.id);
    s.cardSelected(low.id);
    expect(useInbox.getState().armedId).toBeNull();
    s.cardSelected(critical.id);
    s.approveArmed(critical.id);
    s.denyFormOpened(critical.id);
    expect(useInbox.getState().armedId).toBeNull();
    s.approveArmed(critical.id);
    s.requestDecided(decided(critical, 'deny'));
    expect(useInbox.getState().armedId).toBeNull();
  });

  it('keeps the reviewer’s own deny reasons, newest first, each once', () => {
    const s = useInbox.getState();
    for (const r of ['one', 'two', ' one ', '', 'three', 'four']) s.ownReasonUsed(r);
    expect(useInbox.getState().ownReasons).toEqual(['four', 'three', 'one']);
  });
});

describe('inbox store', () => {
  it('keeps held requests oldest first, whatever order they arrive in, and merges a late first load', () => {
    const [a, b, c] = [heldRequest(), heldRequest(), heldRequest()];
    const s = useInbox.getState();
    s.requestHeld(c);
    s.requestHeld(a);
    s.requestHeld(a);
    expect(ids()).toEqual([a.id, c.id]);
    s.pendingLoaded([a, b]);
    expect(ids()).toEqual([a.id, b.id, c.id]);
    expect(useInbox.getState().load).toBe('ready');
  });

  it('selects nothing by itself: a new card never becomes the target of a key', () => {
    const s = useInbox.getState();
    s.requestHeld(heldRequest());
    expect(useInbox.getState().selectedId).toBeNull();
    expect(canDecide(useInbox.getState(), useInbox.getState().selectedId)).toBe(false);
  });

  it('keeps a decided card in place while it is selected, and lets go of it when the reviewer moves on', () => {
    const [a, b, c] = [heldRequest(), heldRequest(), heldRequest()];
    const s = useInbox.getState();
    s.pendingLoaded([a, b, c]);
    s.selectionMoved(1);
    s.selectionMoved(1);
    expect(useInbox.getState().selectedId).toBe(b.id);

    s.requestDecided(decided(b, 'allow'));
    expect(ids()).toEqual([a.id, b.id, c.id]);
    expect(useInbox.getState().selectedId).toBe(b.id);
    expect(canDecide(useInbox.getState(), b.id)).toBe(false);
    // A card decided elsewhere that is not selected goes at once.
    s.requestDecided(decided(a, 'deny'));
    expect(ids()).toEqual([b.id, c.id]);

    s.selectionMoved(1);
    expect(useInbox.getState().selectedId).toBe(c.id);
    expect(ids()).toEqual([c.id]);
  });

  it('stops at either end instead of wrapping around', () => {
    const [a, b] = [heldRequest(), heldRequest()];
    const s = useInbox.getState();
    s.pendingLoaded([a, b]);
    s.selectionMoved(-1);
    expect(useInbox.getState().selectedId).toBe(a.id);
    s.selectionMoved(-1);
    expect(useInbox.getState().selectedId).toBe(a.id);
    s.selectionMoved(1);
    s.selectionMoved(1);
    expect(useInbox.getState().selectedId).toBe(b.id);
  });

  it('tracks a decision on its way and a failed one', () => {
    const a = heldRequest();
    const s = useInbox.getState();
    s.pendingLoaded([a]);
    s.decisionSent(a.id, 'allow');
    expect(canDecide(useInbox.getState(), a.id)).toBe(false);
    s.decisionFailed(a.id, 'core went away');
    expect(useInbox.getState().sendErrors[a.id]).toBe('core went away');
    expect(canDecide(useInbox.getState(), a.id)).toBe(true);
    s.decisionSent(a.id, 'deny');
    expect(useInbox.getState().sendErrors[a.id]).toBeUndefined();
  });

  it('opens the deny form only for a pending card', () => {
    const a = heldRequest();
    const s = useInbox.getState();
    s.pendingLoaded([a]);
    s.cardSelected(a.id);
    s.requestDecided(decided(a, 'allow'));
    s.denyFormOpened(a.id);
    expect(useInbox.getState().denyingId).toBeNull();
  });
});
