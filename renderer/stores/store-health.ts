// Whether the core can record decisions, as it last told us (status at start, then store.health events).
import { create } from 'zustand';

export interface StoreHealthState {
  /** What the store cannot do now, in the core's words, or null. */
  problem: string | null;
  storeHealthChanged(problem: string | null): void;
}

export const useStoreHealth = create<StoreHealthState>()((set) => ({
  problem: null,
  storeHealthChanged: (problem) => set({ problem }),
}));

export const STORE_HEALTH_INITIAL = useStoreHealth.getState();
