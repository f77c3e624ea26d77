// Bringing what a person just acted on into view: the form they opened, the row they saved, the chapter the replay
// reached. Only as far as needed (`nearest`: nothing moves when it is already on screen), and without animation for
// those who asked for less motion.
import { useEffect, type RefObject } from 'react';

export function reveal(el: Element | null): void {
  if (!el || typeof el.scrollIntoView !== 'function') return;
  const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: still ? 'auto' : 'smooth' });
}

/** Scrolls `container` alone (never the page) so `el` inside it is in view: for a list that follows playback. */
export function revealWithin(container: HTMLElement | null, el: HTMLElement | null): void {
  if (!container || !el) return;
  const box = container.getBoundingClientRect();
  const at = el.getBoundingClientRect();
  if (at.top < box.top) container.scrollTop -= box.top - at.top;
  else if (at.bottom > box.bottom) container.scrollTop += at.bottom - box.bottom;
}

/** Reveals the element each time `key` changes to something (null: nothing to reveal). */
export function useReveal(ref: RefObject<Element | null>, key: unknown): void {
  useEffect(() => {
    if (key !== null && key !== undefined && key !== false) reveal(ref.current);
  }, [ref, key]);
}
