// The decisions history: a filter, the pages loaded so far, and decisions that arrive while the view is open.
import { create } from 'zustand';
import type { DeciderGroup, HistoryQuery, OutcomeFilter } from '../../shared/api.ts';
import type { Agent, GateRequest, RequestStatus } from '../../shared/domain.ts';
import type { LoadState } from './inbox.ts';

export interface AuditFilter {
  status?: Exclude<RequestStatus, 'pending'>;
  decidedBy?: DeciderGroup;
  agent?: Agent;
  search?: string;
  /** What happened after the allow ("approved but failed" is `failed`). */
  outcome?: OutcomeFilter;
}

export interface AuditState {
  filter: AuditFilter;
  load: LoadState | 'idle';
  loadError: string | null;
  items: GateRequest[];
  nextCursor: string | null;
  loadingMore: boolean;
  exporting: boolean;
  exportError: string | null;

  filterChanged(filter: AuditFilter): void;
  firstPageLoaded(items: GateRequest[], nextCursor: string | null): void;
  morePageLoading(): void;
  morePageLoaded(items: GateRequest[], nextCursor: string | null): void;
  historyFailed(message: string): void;
  requestDecided(request: GateRequest): void;
  /** What ran after an allow: the row says it, and a row the filter now takes in takes its place by decision time. */
  outcomeRecorded(request: GateRequest): void;
  exportStarted(): void;
  exportFinished(error: string | null): void;
}

export const useAudit = create<AuditState>()((set) => ({
  filter: {},
  load: 'idle',
  loadError: null,
  items: [],
  nextCursor: null,
  loadingMore: false,
  exporting: false,
  exportError: null,

  filterChanged: (filter) => set({ filter, load: 'loading', loadError: null, items: [], nextCursor: null }),
  firstPageLoaded: (items, nextCursor) => set({ load: 'ready', items, nextCursor }),
  morePageLoading: () => set({ loadingMore: true }),
  morePageLoaded: (items, nextCursor) =>
    set((s) => ({ items: [...s.items, ...items], nextCursor, loadingMore: false })),
  historyFailed: (message) => set({ load: 'error', loadError: message, loadingMore: false }),
  requestDecided: (request) =>
    set((s) =>
      s.load === 'ready' && matchesFilter(request, s.filter) && !s.items.some((r) => r.id === request.id)
        ? { items: [request, ...s.items] }
        : s,
    ),
  outcomeRecorded: (request) =>
    set((s) => {
      if (s.items.some((r) => r.id === request.id))
        return { items: s.items.map((r) => (r.id === request.id ? request : r)) };
      if (s.load !== 'ready' || !matchesFilter(request, s.filter)) return s;
      // Newest decision first: it goes before the first row decided earlier than it.
      const decided = request.decision?.decidedAt ?? '';
      const at = s.items.findIndex((r) => (r.decision?.decidedAt ?? '') < decided);
      return at === -1 && s.nextCursor !== null
        ? s
        : { items: at === -1 ? [...s.items, request] : [...s.items.slice(0, at), request, ...s.items.slice(at)] };
    }),
  exportStarted: () => set({ exporting: true, exportError: null }),
  exportFinished: (error) => set({ exporting: false, exportError: error }),
}));

export const AUDIT_INITIAL = useAudit.getState();

/** The API query for a filter (empty fields left out). */
export function historyQuery(filter: AuditFilter): HistoryQuery {
  const search = filter.search?.trim();
  return {
    status: filter.status,
    decidedBy: filter.decidedBy,
    agent: filter.agent,
    search: search ? search : undefined,
    outcome: filter.outcome,
  };
}

/** The same test the core applies (store/requests.ts, OUTCOME_SQL). */
function matchesOutcome(r: GateRequest, outcome: OutcomeFilter | undefined): boolean {
  if (!outcome) return true;
  const state = r.status === 'allowed' ? r.outcome?.state : undefined;
  if (outcome === 'failed') return state === 'failed' || state === 'not-run';
  return state === outcome;
}

/** The same test the core applies, for decisions pushed as events. */
export function matchesFilter(r: GateRequest, f: AuditFilter): boolean {
  const by = r.decision?.decidedBy ?? '';
  const group = by.startsWith('human:')
    ? 'human'
    : by.startsWith('rule:')
      ? 'rule'
      : by === 'timeout'
        ? by
        : by === 'policy' || by === 'trust-mode' || by === 'auto-allow' || by === 'typed'
          ? 'policy'
          : 'system';
  const search = f.search?.trim().toLowerCase();
  return (
    r.status !== 'pending' &&
    (!f.status || r.status === f.status) &&
    (!f.decidedBy || group === f.decidedBy) &&
    (!f.agent || r.agent === f.agent) &&
    (!search || r.command.toLowerCase().includes(search)) &&
    matchesOutcome(r, f.outcome)
  );
}
