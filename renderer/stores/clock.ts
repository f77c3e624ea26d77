// The time countdowns read. One interval, owned by whoever mounts `useClockTicking` (the app shell), drives every
// card's countdown and the trust countdown.
import { useEffect } from 'react';
import { create } from 'zustand';

/** A countdown shows whole seconds. */
const TICK_MS = 1000;

export const useClock = create<{ now: number }>()(() => ({ now: Date.now() }));

export function useClockTicking(): void {
  useEffect(() => {
    useClock.setState({ now: Date.now() });
    const timer = setInterval(() => useClock.setState({ now: Date.now() }), TICK_MS);
    return () => clearInterval(timer);
  }, []);
}
