// The real terminal surface: xterm.js with the WebGL renderer, falling back to the DOM renderer where WebGL is missing
// or its context is lost (a GPU reset, too many contexts), and the fit addon for the element's size.
import { FitAddon } from '@xterm/addon-fit';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal, type ITheme } from '@xterm/xterm';
import { mirrorStyleElements } from './style-mirror.ts';
import type { SurfaceFactory, TerminalSurface } from './surface.ts';

/** Enough history to scroll back through an agent's last long test run without holding megabytes per terminal. */
const SCROLLBACK_LINES = 5000;

/** Terminals are dark in both themes: agents and shells colour their output for a dark background. */
const THEME: ITheme = {
  background: '#11151a',
  foreground: '#e3e7ec',
  cursor: '#8fb3ff',
  selectionBackground: '#2f4a7a',
};

export const createXtermSurface: SurfaceFactory = (element, options) => {
  const terminal = new Terminal({
    cols: options.cols,
    rows: options.rows,
    scrollback: SCROLLBACK_LINES,
    disableStdin: options.readOnly,
    cursorBlink: !options.readOnly,
    cursorInactiveStyle: options.readOnly ? 'none' : 'outline',
    fontFamily: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace",
    fontSize: options.fontSize,
    theme: THEME,
    // The screen's text, row by row, in an accessibility tree: the WebGL renderer draws pixels only, and a reviewer
    // with a screen reader must read what the agent did as well as anyone (xterm.js stops announcing floods itself).
    screenReaderMode: true,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  const stopMirror = mirrorStyleElements(element);
  terminal.open(element);
  terminal.textarea?.setAttribute('aria-label', options.label);
  loadWebgl(terminal);
  return {
    write: (data, done) => terminal.write(data, done),
    reset: () => terminal.reset(),
    // xterm.js parses writes later, in time slices, but resizes at once: queued behind the writes, a resize lands
    // between the same bytes as in the pty, so output drawn for the old size is not drawn at the new one.
    resize: ({ cols, rows }) =>
      terminal.write('', () => {
        if (cols !== terminal.cols || rows !== terminal.rows) terminal.resize(cols, rows);
      }),
    fittingSize: () => {
      const d = fit.proposeDimensions();
      return d && Number.isFinite(d.cols) && Number.isFinite(d.rows) && d.cols > 0 && d.rows > 0
        ? { cols: d.cols, rows: d.rows }
        : null;
    },
    onInput: (listener) => {
      const sub = terminal.onData(listener);
      return () => sub.dispose();
    },
    focus: () => terminal.focus(),
    setFontSize: (px) => {
      if (terminal.options.fontSize !== px) terminal.options.fontSize = px;
    },
    dispose: () => {
      terminal.dispose();
      stopMirror();
    },
  } satisfies TerminalSurface;
};

/** WebGL when it works; the DOM renderer (xterm.js's default) otherwise, and again after a lost context. */
function loadWebgl(terminal: Terminal): void {
  try {
    const webgl = new WebglAddon();
    webgl.onContextLoss(() => webgl.dispose());
    terminal.loadAddon(webgl);
  } catch {
    // No WebGL2 here: the DOM renderer already draws the terminal.
  }
}
