// A terminal on screen: creates the surface in its element on mount, hands it to `onSurface` (which returns what
// to undo), and disposes both on unmount. The surface lives in a ref: no terminal bytes ever reach React state.
import { useEffect, useRef } from 'react';
import { useSurfaces } from '../../app/context.ts';
import type { TerminalSurface } from '../../terminal/surface.ts';

export interface TerminalBoxProps {
  /** Accessible name of the terminal region. */
  label: string;
  cols: number;
  rows: number;
  readOnly: boolean;
  /** Called once the surface exists; returns its own cleanup. Changing `surfaceKey` makes a new surface. */
  onSurface(surface: TerminalSurface): () => void;
  /** Called when the element changes size (a live terminal fits itself to it); at most once a frame. */
  onResize?: () => void;
  surfaceKey: string;
  className?: string;
}

export function TerminalBox({
  label,
  cols,
  rows,
  readOnly,
  onSurface,
  onResize,
  surfaceKey,
  className,
}: TerminalBoxProps) {
  const element = useRef<HTMLDivElement>(null);
  const create = useSurfaces();
  // The latest callbacks, without making a new terminal whenever the parent renders.
  const latest = useRef({ onSurface, onResize });
  latest.current = { onSurface, onResize };
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const surface = create(el, { cols, rows, readOnly, label });
    const undo = latest.current.onSurface(surface);
    let frame = 0;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(() => latest.current.onResize?.());
          });
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      cancelAnimationFrame(frame);
      undo();
      surface.dispose();
    };
    // A new terminal only for another session (surfaceKey); size changes go through the surface itself.
  }, [create, surfaceKey]);
  return (
    <div ref={element} className={`terminal-box${className ? ` ${className}` : ''}`} role="region" aria-label={label} />
  );
}
