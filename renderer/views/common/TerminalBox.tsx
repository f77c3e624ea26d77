// A terminal on screen: creates the surface in its element on mount, hands it to `onSurface` (which returns what
// to undo), and disposes both on unmount. The surface lives in a ref: no terminal bytes ever reach React state.
// Its text size is the `terminalFontSize` setting, applied as it changes (the owner refits to the new cells).
import { useEffect, useRef } from 'react';
import { DEFAULT_TERMINAL_FONT_SIZE } from '../../../shared/settings.ts';
import { useSurfaces } from '../../app/context.ts';
import { useSettings } from '../../stores/settings.ts';
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
  const surface = useRef<TerminalSurface | null>(null);
  const create = useSurfaces();
  const fontSize = useSettings((s) => s.settings?.terminalFontSize ?? DEFAULT_TERMINAL_FONT_SIZE);
  // The latest callbacks and size, without making a new terminal whenever the parent renders.
  const latest = useRef({ onSurface, onResize, fontSize });
  latest.current = { onSurface, onResize, fontSize };
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const made = create(el, { cols, rows, readOnly, label, fontSize: latest.current.fontSize });
    surface.current = made;
    const undo = latest.current.onSurface(made);
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
      made.dispose();
      surface.current = null;
    };
    // A new terminal only for another session (surfaceKey); size changes go through the surface itself.
  }, [create, surfaceKey]);
  // Another text size: the same terminal redraws, and one that fits its box refits (more or fewer cells now fit).
  const drawnAt = useRef(fontSize);
  useEffect(() => {
    if (drawnAt.current === fontSize) return;
    drawnAt.current = fontSize;
    surface.current?.setFontSize(fontSize);
    latest.current.onResize?.();
  }, [fontSize]);
  return (
    <div ref={element} className={`terminal-box${className ? ` ${className}` : ''}`} role="region" aria-label={label} />
  );
}
