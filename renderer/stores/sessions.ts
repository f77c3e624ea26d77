// Agent sessions, newest first.
import { create } from 'zustand';
import type { Session } from '../../shared/domain.ts';
import type { LoadState } from './inbox.ts';

export interface SessionsState {
  load: LoadState;
  loadError: string | null;
  sessions: Session[];
  sessionsLoaded(sessions: Session[]): void;
  sessionsFailed(message: string): void;
  sessionStarted(session: Session): void;
  sessionEnded(session: Session): void;
  /** A session changed in place (ended, or its protections were reported). */
  sessionUpdated(session: Session): void;
}

export const useSessions = create<SessionsState>()((set) => ({
  load: 'loading',
  loadError: null,
  sessions: [],
  sessionsLoaded: (sessions) => set({ load: 'ready', loadError: null, sessions }),
  sessionsFailed: (message) => set({ load: 'error', loadError: message }),
  sessionStarted: (session) => set((s) => ({ sessions: [session, ...s.sessions.filter((x) => x.id !== session.id)] })),
  sessionEnded: (session) => set((s) => ({ sessions: s.sessions.map((x) => (x.id === session.id ? session : x)) })),
  sessionUpdated: (session) => set((s) => ({ sessions: s.sessions.map((x) => (x.id === session.id ? session : x)) })),
}));

export const SESSIONS_INITIAL = useSessions.getState();
