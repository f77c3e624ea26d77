// The settings as the core last told us, and the state of a change on its way.
import { create } from 'zustand';
import type { Settings } from '../../shared/settings.ts';
import type { LoadState } from './inbox.ts';

export interface SettingsState {
  load: LoadState;
  loadError: string | null;
  settings: Settings | null;
  saving: boolean;
  saveError: string | null;
  settingsLoaded(settings: Settings): void;
  settingsFailed(message: string): void;
  /** From the core's `settings.changed` event, whoever changed them. */
  settingsChanged(settings: Settings): void;
  saveStarted(): void;
  saveFailed(message: string): void;
}

export const useSettings = create<SettingsState>()((set) => ({
  load: 'loading',
  loadError: null,
  settings: null,
  saving: false,
  saveError: null,
  settingsLoaded: (settings) => set({ load: 'ready', loadError: null, settings }),
  settingsFailed: (message) => set({ load: 'error', loadError: message }),
  settingsChanged: (settings) => set({ load: 'ready', settings, saving: false, saveError: null }),
  saveStarted: () => set({ saving: true, saveError: null }),
  saveFailed: (message) => set({ saving: false, saveError: message }),
}));

export const SETTINGS_INITIAL = useSettings.getState();
