// The Storage section's commands: the database's sizes, and compacting it on request.
import type { CoreApi } from '../../shared/api.ts';
import { useStorage } from '../stores/storage.ts';
import { messageOf } from './messages.ts';

export interface StorageCommands {
  loadStorage(): Promise<void>;
  /** Hands free space back to the disk (switching an older database first: the core pauses for that). */
  compactStorage(): Promise<void>;
}

export function storageCommands(api: Pick<CoreApi, 'storageStatus' | 'compactStorage'>): StorageCommands {
  return {
    loadStorage: async () => {
      try {
        useStorage.getState().storageLoaded(await api.storageStatus());
      } catch (err) {
        useStorage.getState().storageFailed(messageOf(err));
      }
    },
    compactStorage: async () => {
      useStorage.getState().compactStarted();
      try {
        useStorage.getState().storageLoaded(await api.compactStorage());
      } catch (err) {
        useStorage.getState().storageFailed(messageOf(err));
      }
    },
  };
}
