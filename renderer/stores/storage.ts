// How much room Gatehouse's database takes, as the core last told us (Settings → Storage).
import { create } from 'zustand';
import type { StorageStatus } from '../../shared/api.ts';
import type { LoadState } from './inbox.ts';

export interface StorageState {
  load: LoadState;
  error: string | null;
  status: StorageStatus | null;
  compacting: boolean;
  storageLoaded(status: StorageStatus): void;
  storageFailed(message: string): void;
  compactStarted(): void;
}

export const useStorage = create<StorageState>()((set) => ({
  load: 'loading',
  error: null,
  status: null,
  compacting: false,
  storageLoaded: (status) => set({ load: 'ready', error: null, status, compacting: false }),
  storageFailed: (message) => set((s) => ({ load: s.status ? 'ready' : 'error', error: message, compacting: false })),
  compactStarted: () => set({ compacting: true, error: null }),
}));

export const STORAGE_INITIAL = useStorage.getState();
