// Each view keeps its own scroll position: leaving the Audit halfway down and coming back finds it there, and a view
// visited for the first time opens at its top instead of at the previous view's depth. The page (not an inner box)
// scrolls, so keys, the wheel and find-in-page work as anywhere; the navigation stays put beside it (styles.css).
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ViewName } from '../stores/connection.ts';

/**
 * A view's content often arrives a moment after it is shown (a table loads): the position is set again as the page
 * grows, for this long at most, and never after the person scrolls or presses a key.
 */
export const RESTORE_WAIT_MS = 1500;
const PERSON_MOVED = ['wheel', 'keydown', 'touchstart', 'pointerdown'] as const;

/** Scrolls the page to `top`, again as it grows until it is tall enough; returns what stops trying. */
function restore(top: number): () => void {
  window.scrollTo({ top, left: 0, behavior: 'instant' });
  if (window.scrollY >= top - 1 || typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(() => {
    window.scrollTo({ top, left: 0, behavior: 'instant' });
    if (window.scrollY >= top - 1) stop();
  });
  const timer = setTimeout(() => stop(), RESTORE_WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    PERSON_MOVED.forEach((e) => window.removeEventListener(e, stop));
  }
  observer.observe(document.body);
  PERSON_MOVED.forEach((e) => window.addEventListener(e, stop, { passive: true }));
  return stop;
}

export function useViewScroll(view: ViewName): void {
  const positions = useRef(new Map<ViewName, number>());
  const shown = useRef(view);
  useEffect(() => {
    const onScroll = () => positions.current.set(shown.current, window.scrollY);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);
  // Before the browser paints the new view, so it never shows at the old view's depth.
  useLayoutEffect(() => {
    if (shown.current === view) return;
    shown.current = view;
    return restore(positions.current.get(view) ?? 0);
  }, [view]);
}
