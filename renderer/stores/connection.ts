// Whether this window is connected to the core, and the view the reviewer is on.
import { create } from 'zustand';

export type ViewName = 'inbox' | 'sessions' | 'replay' | 'rules' | 'audit' | 'settings';
export type ConnectionState = { state: 'connecting' } | { state: 'open' } | { state: 'lost'; message: string };

export interface AppState {
  connection: ConnectionState;
  view: ViewName;
  connected(): void;
  connectionLost(message: string): void;
  viewChosen(view: ViewName): void;
}

export const useApp = create<AppState>()((set) => ({
  connection: { state: 'connecting' },
  view: 'inbox',
  connected: () => set({ connection: { state: 'open' } }),
  connectionLost: (message) => set({ connection: { state: 'lost', message } }),
  viewChosen: (view) => set({ view }),
}));

export const APP_INITIAL = useApp.getState();
