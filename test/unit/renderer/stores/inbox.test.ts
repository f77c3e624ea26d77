// The Inbox store: oldest first, and a selection that moves only when the reviewer moves it.
import { beforeEach, describe, expect, it } from 'vitest';
import { canDecide, useInbox } from '../../../../renderer/stores/inbox.ts';
import { decided, heldRequest, resetStores } from '../support.tsx';

const ids = () => useInbox.getState().cards.map((c) => c.id);
beforeEach(resetStores);

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
