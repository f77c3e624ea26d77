// Held requests from every session, riskiest then oldest first and grouped by session (inbox-order.ts), which card
// the reviewer is on, and the "just decided" strip. A card decided while the reviewer is on it stays where it is,
// marked with its outcome, until the reviewer moves: nothing slides under a finger that is about to press `a` again.
// Every decided card also goes to the strip, so one that timed out stays findable with what the agent was told.
import { create } from 'zustand';
import type { Decision, GateRequest } from '../../shared/domain.ts';
import { approvalTakesTwoSteps } from '../../shared/rules.ts';
import { inboxOrder } from './inbox-order.ts';

export type LoadState = 'loading' | 'ready' | 'error';

/** Decisions the strip keeps, newest first: enough to find what just happened, few enough to stay a strip. */
export const RECENT_MAX = 20;
/** The deny reasons of the reviewer's own the form offers again, newest first. */
export const OWN_REASONS_MAX = 3;

export interface InboxState {
  load: LoadState;
  loadError: string | null;
  /** Pending requests plus a decided one the reviewer has not moved away from, in the Inbox's order. */
  cards: GateRequest[];
  /** "Just decided": the cards decided since the window opened, newest first. */
  recent: GateRequest[];
  selectedId: string | null;
  /** The decision being sent for a card, while it is on its way. */
  sending: Record<string, Decision>;
  /** Why the last decision for a card failed. */
  sendErrors: Record<string, string>;
  /** The card whose deny-reason form is open. */
  denyingId: string | null;
  /** The card whose "Always allow…" panel is open. */
  allowingId: string | null;
  /** The high or critical card whose Approve was pressed once: it says what would run and waits for "Run it". */
  armedId: string | null;
  /** The armed approval is of the card's safer form ("Run it safer…"). */
  armedSafer: boolean;
  /** A card asked for (from a notification or the tray) before it was loaded: selected when it arrives. */
  wantedId: string | null;
  /** Deny reasons this reviewer typed, newest first, offered again as chips. */
  ownReasons: string[];

  pendingLoaded(requests: GateRequest[]): void;
  pendingFailed(message: string): void;
  requestHeld(request: GateRequest): void;
  requestDecided(request: GateRequest): void;
  /** What ran after an allow: a decided card still shown says it; nothing is added. */
  outcomeRecorded(request: GateRequest): void;
  cardSelected(id: string): void;
  /** j / k: `delta` +1 is the next card down the list, -1 the one above. With nothing selected, either selects the first. */
  selectionMoved(delta: 1 | -1): void;
  denyFormOpened(id: string): void;
  denyFormClosed(): void;
  allowFormOpened(id: string): void;
  allowFormClosed(): void;
  /** First step of approving a high or critical card; a no-op for others (they approve in one step). */
  approveArmed(id: string, safer?: boolean): void;
  approveDisarmed(): void;
  /** Selects the card now if it is here, else as soon as it arrives. */
  cardRequested(id: string): void;
  decisionSent(id: string, decision: Decision): void;
  decisionFailed(id: string, message: string): void;
  /** A reason the reviewer wrote themselves was sent: offered next time. */
  ownReasonUsed(reason: string): void;
}

export const useInbox = create<InboxState>()((set) => ({
  load: 'loading',
  loadError: null,
  cards: [],
  recent: [],
  selectedId: null,
  sending: {},
  sendErrors: {},
  denyingId: null,
  allowingId: null,
  armedId: null,
  armedSafer: false,
  wantedId: null,
  ownReasons: [],

  pendingLoaded: (requests) =>
    set((s) => {
      // Events may have arrived while the list was on its way: keep what is newer.
      const byId = new Map(s.cards.map((c) => [c.id, c]));
      const decided = new Set(s.recent.map((r) => r.id));
      for (const r of requests) if (!byId.has(r.id) && !decided.has(r.id)) byId.set(r.id, r);
      const next = { ...s, load: 'ready' as const, loadError: null, cards: inboxOrder([...byId.values()]) };
      return next.wantedId && byId.has(next.wantedId)
        ? { ...next, ...moveTo(next, next.wantedId), wantedId: null }
        : next;
    }),
  pendingFailed: (message) => set({ load: 'error', loadError: message }),
  requestHeld: (request) =>
    set((s) => {
      if (s.cards.some((c) => c.id === request.id) || s.recent.some((r) => r.id === request.id)) return s;
      const next = { ...s, cards: inboxOrder([...s.cards, request]) };
      return next.wantedId === request.id ? { ...next, ...moveTo(next, request.id), wantedId: null } : next;
    }),
  requestDecided: (request) =>
    set((s) => {
      const known = s.cards.some((c) => c.id === request.id) || s.recent.some((r) => r.id === request.id);
      // Commands rules or auto-allow decided at once never were cards: they belong to the audit, not here.
      const recent = known ? [request, ...s.recent.filter((r) => r.id !== request.id)].slice(0, RECENT_MAX) : s.recent;
      const sending = without(s.sending, request.id);
      const cards =
        request.id === s.selectedId
          ? // The decide call's answer can come after the outcome it led to: what ran is kept.
            s.cards.map((c) => (c.id === request.id ? { ...request, outcome: request.outcome ?? c.outcome } : c))
          : s.cards.filter((c) => c.id !== request.id);
      return { cards, recent, sending, ...closeFormsOf(s, request.id) };
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
  denyFormOpened: (id) => set((s) => (isPending(s.cards, id) ? { denyingId: id, allowingId: null, armedId: null } : s)),
  denyFormClosed: () => set({ denyingId: null }),
  allowFormOpened: (id) =>
    set((s) => (isPending(s.cards, id) ? { allowingId: id, denyingId: null, armedId: null } : s)),
  allowFormClosed: () => set({ allowingId: null }),
  approveArmed: (id, safer = false) =>
    set((s) => {
      const card = s.cards.find((c) => c.id === id);
      if (!card || !canDecide(s, id) || !approvalTakesTwoSteps(card.risk) || (safer && !card.safer)) return s;
      return { armedId: id, armedSafer: safer, denyingId: null, allowingId: null };
    }),
  approveDisarmed: () => set({ armedId: null }),
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
  ownReasonUsed: (reason) =>
    set((s) => {
      const text = reason.trim();
      if (!text) return s;
      return { ownReasons: [text, ...s.ownReasons.filter((r) => r !== text)].slice(0, OWN_REASONS_MAX) };
    }),
}));

export const INBOX_INITIAL = useInbox.getState();

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function isPending(cards: GateRequest[], id: string): boolean {
  return cards.some((c) => c.id === id && c.status === 'pending');
}

/**
 * Selecting another card lets go of decided cards (they are in the strip already: they were kept only so the
 * selection would not jump) and of what was open on the card before: one card is open at a time.
 */
function moveTo(s: InboxState, id: string): Partial<InboxState> {
  return {
    selectedId: id,
    cards: s.cards.filter((c) => c.status === 'pending' || c.id === id),
    denyingId: s.denyingId === id ? id : null,
    allowingId: s.allowingId === id ? id : null,
    armedId: s.armedId === id ? id : null,
  };
}

/** A decided card's forms close: there is nothing left to decide on it. */
function closeFormsOf(s: InboxState, id: string): Partial<InboxState> {
  return {
    denyingId: s.denyingId === id ? null : s.denyingId,
    allowingId: s.allowingId === id ? null : s.allowingId,
    armedId: s.armedId === id ? null : s.armedId,
  };
}

/** A held request the reviewer can still decide: pending, and no decision on its way. */
export function canDecide(s: Pick<InboxState, 'cards' | 'sending'>, id: string | null): id is string {
  return id !== null && isPending(s.cards, id) && !s.sending[id];
}
