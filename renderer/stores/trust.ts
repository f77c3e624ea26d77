// Trust mode as the core last told us (status at start, then trust.started / trust.ended), and a change on its way.
import { create } from 'zustand';

export interface TrustState {
  /** ISO 8601 while trust mode is on. */
  endsAt: string | null;
  changing: boolean;
  error: string | null;
  trustLoaded(endsAt: string | null): void;
  trustStarted(endsAt: string): void;
  trustEnded(): void;
  changeStarted(): void;
  changeFailed(message: string): void;
}

export const useTrust = create<TrustState>()((set) => ({
  endsAt: null,
  changing: false,
  error: null,
  trustLoaded: (endsAt) => set({ endsAt }),
  trustStarted: (endsAt) => set({ endsAt, changing: false, error: null }),
  trustEnded: () => set({ endsAt: null, changing: false }),
  changeStarted: () => set({ changing: true, error: null }),
  changeFailed: (error) => set({ changing: false, error }),
}));

export const TRUST_INITIAL = useTrust.getState();
