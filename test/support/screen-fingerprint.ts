// Everything about a terminal that decides what it shows now and after more output, as one string:
// every visible cell (a blank and an empty cell look the same, so they count the same), wrapped lines,
// the cursor, modes, charsets, scroll regions and saved cursors. Two terminals with the same fingerprint
// look the same and go on to look the same.
import xtermHeadless from '@xterm/headless';
import type { IBuffer, Terminal } from '@xterm/headless';
import { SCREEN_SCROLLBACK, sgr } from '../../electron/core/recording/common/screen-terminal.ts';
import type { StreamEvent } from '../../electron/core/recording/common/codec.ts';
import { coreOf, isDecGraphics, type BufferState } from '../../electron/core/recording/common/xterm-internals.ts';

export function newTerminal(cols: number, rows: number): Terminal {
  return new xtermHeadless.Terminal({ cols, rows, scrollback: SCREEN_SCROLLBACK, allowProposedApi: true });
}

/** Writes events in order (a resize waits for the output before it, as in the real terminal). */
export function replayInto(term: Terminal, events: readonly StreamEvent[]): void {
  for (const e of events) {
    if (e.kind === 'output') term.write(e.data);
    else if (e.kind === 'resize') term.write('', () => term.resize(e.cols, e.rows));
  }
}

export function settled(term: Terminal): Promise<void> {
  return new Promise((resolve) => term.write('', resolve));
}

function cells(buffer: IBuffer, cols: number, rows: number): string {
  const lines: string[] = [];
  for (let y = 0; y < rows; y++) {
    const line = buffer.getLine(buffer.baseY + y);
    if (!line) {
      lines.push('<none>');
      continue;
    }
    // The top row may continue a line that scrolled away; no capture can say so, and nothing above it can reflow into it.
    let text = line.isWrapped && y > 0 ? '↩' : '';
    let style = '';
    for (let x = 0; x < cols; x++) {
      const cell = line.getCell(x);
      if (!cell) break;
      const s = `${sgr(cell)}w${cell.getWidth()}`;
      if (s !== style) text += `{${(style = s)}}`;
      text += cell.getChars() || ' ';
    }
    lines.push(text);
  }
  return lines.join('\n');
}

function hidden(b: BufferState): string {
  return `region ${b.scrollTop}-${b.scrollBottom} saved ${b.savedX},${b.savedY}${sgr(b.savedCurAttrData)}`;
}

export function fingerprint(term: Terminal): string {
  const core = coreOf(term);
  const active = term.buffer.active;
  const parts = [
    `${term.cols}x${term.rows} ${active.type} cursor ${active.cursorX},${active.cursorY} hidden ${core.coreService.isCursorHidden}`,
    `modes ${JSON.stringify(term.modes)} attrs ${sgr(core._inputHandler._curAttrData)}`,
    `charsets ${[0, 1, 2, 3].map((g) => (isDecGraphics(core._charsetService._charsets[g]) ? 'dec' : 'other')).join(',')} G${core._charsetService.glevel}`,
    `normal ${hidden(core._bufferService.buffers.normal)}`,
    cells(term.buffer.normal, term.cols, term.rows),
  ];
  if (active.type === 'alternate')
    parts.push(`alt ${hidden(core._bufferService.buffers.alt)}`, cells(active, term.cols, term.rows));
  return parts.join('\n');
}
