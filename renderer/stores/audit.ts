// The decisions history: a filter, the pages loaded so far, and decisions that arrive while the view is open.
import { create } from 'zustand';
import type { DeciderGroup, HistoryQuery } from '../../shared/api.ts';
import type { Agent, GateRequest, RequestStatus } from '../../shared/domain.ts';
import type { LoadState } from './inbox.ts';

export interface AuditFilter {
  status?: Exclude<RequestStatus, 'pending'>;
  decidedBy?: DeciderGroup;
  agent?: Agent;
  search?: string;
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
  };
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
    (!search || r.command.toLowerCase().includes(search))
  );
}
