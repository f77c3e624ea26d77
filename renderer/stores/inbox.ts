// Held requests from every session, oldest first, and which card the reviewer is on.
// A card decided while the reviewer is on it stays where it is, marked with its outcome, until the reviewer moves:
// nothing slides under a finger that is about to press `a` again.
import { create } from 'zustand';
import type { Decision, GateRequest } from '../../shared/domain.ts';

export type LoadState = 'loading' | 'ready' | 'error';

export interface InboxState {
  load: LoadState;
  loadError: string | null;
  /** Pending requests plus decided ones the reviewer has not moved away from, oldest first. */
  cards: GateRequest[];
  selectedId: string | null;
  /** The decision being sent for a card, while it is on its way. */
  sending: Record<string, Decision>;
  /** Why the last decision for a card failed. */
  sendErrors: Record<string, string>;
  /** The card whose deny-reason form is open. */
  denyingId: string | null;
  /** The card whose "Always allow…" panel is open. */
  allowingId: string | null;
  /** A card asked for (from a notification or the tray) before it was loaded: selected when it arrives. */
  wantedId: string | null;

  pendingLoaded(requests: GateRequest[]): void;
  pendingFailed(message: string): void;
  requestHeld(request: GateRequest): void;
  requestDecided(request: GateRequest): void;
  /** What ran after an allow: a decided card still shown says it; nothing is added. */
  outcomeRecorded(request: GateRequest): void;
  cardSelected(id: string): void;
  /** j / k: `delta` +1 is newer, -1 is older. With nothing selected, either key selects the oldest card. */
  selectionMoved(delta: 1 | -1): void;
  denyFormOpened(id: string): void;
  denyFormClosed(): void;
  allowFormOpened(id: string): void;
  allowFormClosed(): void;
  /** Selects the card now if it is here, else as soon as it arrives. */
  cardRequested(id: string): void;
  decisionSent(id: string, decision: Decision): void;
  decisionFailed(id: string, message: string): void;
}

export const useInbox = create<InboxState>()((set) => ({
  load: 'loading',
  loadError: null,
  cards: [],
  selectedId: null,
  sending: {},
  sendErrors: {},
  denyingId: null,
  allowingId: null,
  wantedId: null,

  pendingLoaded: (requests) =>
    set((s) => {
      // Events may have arrived while the list was on its way: keep what is newer.
      const byId = new Map(s.cards.map((c) => [c.id, c]));
      for (const r of requests) if (!byId.has(r.id)) byId.set(r.id, r);
      const next = { ...s, load: 'ready' as const, loadError: null, cards: sortOldestFirst([...byId.values()]) };
      return next.wantedId && byId.has(next.wantedId)
        ? { ...next, ...moveTo(next, next.wantedId), wantedId: null }
        : next;
    }),
  pendingFailed: (message) => set({ load: 'error', loadError: message }),
  requestHeld: (request) =>
    set((s) => {
      if (s.cards.some((c) => c.id === request.id)) return s;
      const next = { ...s, cards: sortOldestFirst([...s.cards, request]) };
      return next.wantedId === request.id ? { ...next, ...moveTo(next, request.id), wantedId: null } : next;
    }),
  requestDecided: (request) =>
    set((s) => {
      const sending = without(s.sending, request.id);
      if (request.id === s.selectedId) {
        return {
          // The decide call's answer can come after the outcome it led to: what ran is kept.
          cards: s.cards.map((c) => (c.id === request.id ? { ...request, outcome: request.outcome ?? c.outcome } : c)),
          sending,
          ...closeFormsOf(s, request.id),
        };
      }
      return { cards: s.cards.filter((c) => c.id !== request.id), sending, ...closeFormsOf(s, request.id) };
    }),
  outcomeRecorded: (request) =>
    set((s) =>
      s.cards.some((c) => c.id === request.id) ? { cards: s.cards.map((c) => (c.id === request.id ? request : c)) } : s,
    ),
  cardSelected: (id) => set((s) => (s.cards.some((c) => c.id === id) ? moveTo(s, id) : s)),
  selectionMoved: (delta) =>
    set((s) => {
      if (s.cards.length === 0) return s;
      const at = s.cards.findIndex((c) => c.id === s.selectedId);
      if (at === -1) return moveTo(s, (s.cards[0] as GateRequest).id);
      const next = s.cards[Math.min(s.cards.length - 1, Math.max(0, at + delta))] as GateRequest;
      return moveTo(s, next.id);
    }),
  denyFormOpened: (id) => set((s) => (isPending(s.cards, id) ? { denyingId: id, allowingId: null } : s)),
  denyFormClosed: () => set({ denyingId: null }),
  allowFormOpened: (id) => set((s) => (isPending(s.cards, id) ? { allowingId: id, denyingId: null } : s)),
  allowFormClosed: () => set({ allowingId: null }),
  cardRequested: (id) =>
    set((s) => (s.cards.some((c) => c.id === id) ? { ...moveTo(s, id), wantedId: null } : { wantedId: id })),
  decisionSent: (id, decision) =>
    set((s) => {
      return { sending: { ...s.sending, [id]: decision }, sendErrors: without(s.sendErrors, id) };
    }),
  decisionFailed: (id, message) =>
    set((s) => {
      return { sending: without(s.sending, id), sendErrors: { ...s.sendErrors, [id]: message } };
    }),
}));

export const INBOX_INITIAL = useInbox.getState();

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function sortOldestFirst(cards: GateRequest[]): GateRequest[] {
  return cards.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

function isPending(cards: GateRequest[], id: string): boolean {
  return cards.some((c) => c.id === id && c.status === 'pending');
}

/** Selecting another card lets go of decided cards: they were kept only so the selection would not jump. */
function moveTo(s: InboxState, id: string): Partial<InboxState> {
  return {
    selectedId: id,
    cards: s.cards.filter((c) => c.status === 'pending' || c.id === id),
    denyingId: s.denyingId === id ? id : null,
    allowingId: s.allowingId === id ? id : null,
  };
}

/** A decided card's forms close: there is nothing left to decide on it. */
function closeFormsOf(s: InboxState, id: string): Partial<InboxState> {
  return { denyingId: s.denyingId === id ? null : s.denyingId, allowingId: s.allowingId === id ? null : s.allowingId };
}

/** A held request the reviewer can still decide: pending, and no decision on its way. */
export function canDecide(s: Pick<InboxState, 'cards' | 'sending'>, id: string | null): id is string {
  return id !== null && isPending(s.cards, id) && !s.sending[id];
}
