// What the views and players need of a terminal on screen. The real one is xterm.js (`xterm-surface.ts`); tests
// give a fake. Terminal bytes go straight from the API client into `write()`: never through React or zustand state.

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface TerminalSurface {
  /** `done` runs once xterm.js has parsed the data: the moment to acknowledge it to the core (flow control). */
  write(data: string, done?: () => void): void;
  /** Clears the screen, scrollback and modes, as a fresh terminal. */
  reset(): void;
  /** Takes effect after everything written before it, as a resize does in the program's own terminal. */
  resize(size: TerminalSize): void;
  /** The size that fills the element now, or null while it is not laid out. */
  fittingSize(): TerminalSize | null;
  /** Typed or pasted input (never for a read-only surface); returns the remover. */
  onInput(listener: (data: string) => void): () => void;
  focus(): void;
  /** The text size changed (Settings): redraws at it. The cell size changes, so an owner that fits refits after. */
  setFontSize(px: number): void;
  dispose(): void;
}

export interface SurfaceOptions extends TerminalSize {
  /** Replays and clips: no cursor, no input. */
  readOnly: boolean;
  /** Accessible name of the terminal region. */
  label: string;
  /** Text size in CSS pixels (the `terminalFontSize` setting). */
  fontSize: number;
}

/** Creates a terminal inside `element` (which it fills). */
export type SurfaceFactory = (element: HTMLElement, options: SurfaceOptions) => TerminalSurface;
