// Whether this window is connected to the core, and the view the reviewer is on.
import { create } from 'zustand';

export type ViewName = 'inbox' | 'sessions' | 'replay' | 'rules' | 'audit' | 'settings';
export type ConnectionState = { state: 'connecting' } | { state: 'open' } | { state: 'lost'; message: string };
/**
 * Browser mode, with the core gone (app/reconnect.ts): `waiting` for it, the page reloads by itself once it answers;
 * `refused`, it is back but will not take this page (its token was replaced). `off`: the desktop app, or all is well.
 */
export type ReconnectState = 'off' | 'waiting' | 'refused';

export interface AppState {
  connection: ConnectionState;
  reconnect: ReconnectState;
  view: ViewName;
  connected(): void;
  connectionLost(message: string): void;
  reconnectStarted(): void;
  reconnectRefused(message: string): void;
  viewChosen(view: ViewName): void;
}

export const useApp = create<AppState>()((set) => ({
  connection: { state: 'connecting' },
  reconnect: 'off',
  view: 'inbox',
  connected: () => set({ connection: { state: 'open' } }),
  connectionLost: (message) => set({ connection: { state: 'lost', message } }),
  reconnectStarted: () => set({ reconnect: 'waiting' }),
  reconnectRefused: (message) => set({ connection: { state: 'lost', message }, reconnect: 'refused' }),
  viewChosen: (view) => set({ view }),
}));

export const APP_INITIAL = useApp.getState();
