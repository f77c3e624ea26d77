// Tampering as the core last told us (status at start, then gate.tampered / gate.tamper-acknowledged), and an
// acknowledgement on its way.
import { create } from 'zustand';
import type { TamperStatus } from '../../shared/tamper.ts';

export interface TamperState {
  status: TamperStatus | null;
  acknowledging: boolean;
  error: string | null;
  tamperLoaded(status: TamperStatus): void;
  tamperReported(status: TamperStatus): void;
  tamperAcknowledged(status: TamperStatus): void;
  acknowledgeStarted(): void;
  acknowledgeFailed(message: string): void;
}

export const useTamper = create<TamperState>()((set) => ({
  status: null,
  acknowledging: false,
  error: null,
  tamperLoaded: (status) => set({ status }),
  tamperReported: (status) => set({ status }),
  tamperAcknowledged: (status) => set({ status, acknowledging: false, error: null }),
  acknowledgeStarted: () => set({ acknowledging: true, error: null }),
  acknowledgeFailed: (error) => set({ acknowledging: false, error }),
}));

export const TAMPER_INITIAL = useTamper.getState();
