// A headless terminal that replays a recording and captures its screen as text that rebuilds it exactly.
// The serialize addon writes the cells, the cursor and most modes; what it leaves out (scroll region,
// saved cursor, a pending line wrap, the cursor saved on entering the alternate screen, cursor visibility,
// line-drawing charsets) is read from the terminal and appended, so replay from a keyframe continues
// exactly as replay from the start would.
import { SerializeAddon } from '@xterm/addon-serialize';
import xtermHeadless from '@xterm/headless';
import type { IBufferCell, Terminal } from '@xterm/headless';
import type { StreamEvent } from './codec.ts';
import {
  coreOf,
  DEC_GRAPHICS_DESIGNATOR,
  isDecGraphics,
  PARSER_GROUND,
  type AttributesLike,
  type BufferState,
} from './xterm-internals.ts';

const { Terminal: HeadlessTerminal } = xtermHeadless;

/**
 * No scrollback: a keyframe is the screen, which keeps it small and quick to take. Every terminal that
 * replays a recording uses the same value, because scrollback changes how lines reflow on a resize.
 */
export const SCREEN_SCROLLBACK = 0;

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[H';
const CHARSET_SLOTS = ['(', ')', '*', '+'] as const;
/** Shifts that select G1, G2 or G3 as the active charset (G0 is the default). */
const CHARSET_SHIFTS = ['', '\x0e', '\x1bn', '\x1bo'] as const;

export class ScreenTerminal {
  private readonly term: Terminal;
  private readonly serializer = new SerializeAddon();
  private readonly scrollback: number;

  /** `scrollback`: lines kept above the screen, and captured with it (a live screen rebuilt for a viewer has some). */
  constructor(cols: number, rows: number, scrollback = SCREEN_SCROLLBACK) {
    this.scrollback = scrollback;
    // The buffer API is "proposed" in the headless build; the serialize addon needs it.
    this.term = new HeadlessTerminal({ cols, rows, scrollback, allowProposedApi: true });
    this.term.loadAddon(this.serializer);
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  write(data: string): void {
    this.term.write(data);
  }

  /** Resizes once everything written before it is parsed, as the real terminal did at that moment. */
  resize(cols: number, rows: number): void {
    this.term.write('', () => this.term.resize(cols, rows));
  }

  /** Runs `fn` once everything written so far is parsed, before anything written later. */
  then(fn: () => void): void {
    this.term.write('', fn);
  }

  settled(): Promise<void> {
    return new Promise((resolve) => this.term.write('', resolve));
  }

  /**
   * Whether the terminal is between sequences: not inside an escape sequence, a control string or a
   * surrogate pair. Only there does a capture continue exactly like the original (the parser's state is not captured).
   */
  atRest(): boolean {
    const input = coreOf(this.term)._inputHandler;
    return input._parser.currentState === PARSER_GROUND && input._stringDecoder._interim === 0;
  }

  /** Text that rebuilds this screen in a fresh terminal of the same size. Call when settled (or inside `then`). */
  capture(): string {
    const core = coreOf(this.term);
    const { normal, alt } = core._bufferService.buffers;
    const cells = this.serializer.serialize({ scrollback: this.scrollback, excludeModes: true });
    let out: string;
    if (this.term.buffer.active.type === 'alternate') {
      const split = cells.lastIndexOf(ALT_SCREEN_ON);
      // The main screen, then the cursor that entering the alternate screen saved (restored on leaving it).
      out =
        cells.slice(0, split) +
        scrollRegion(normal, this.rows) +
        cup(normal.savedY, normal.savedX) +
        sgr(normal.savedCurAttrData);
      out += ALT_SCREEN_ON + cells.slice(split + ALT_SCREEN_ON.length) + this.bufferSuffix(alt);
    } else {
      out = cells + this.bufferSuffix(normal);
    }
    return out + '\x1b[0m' + sgr(core._inputHandler._curAttrData) + this.modes();
  }

  dispose(): void {
    this.term.dispose();
  }

  /** The active buffer's saved cursor, scroll region, origin mode and cursor, pending wrap included. */
  private bufferSuffix(buffer: BufferState): string {
    const active = this.term.buffer.active;
    const origin = this.term.modes.originMode;
    let out = savedCursor(buffer) + scrollRegion(buffer, this.rows);
    if (origin) out += '\x1b[?6h';
    const row = active.cursorY - (origin ? buffer.scrollTop : 0);
    if (active.cursorX >= this.cols) {
      // The cursor sits past the last column (waiting to wrap, or stuck there with wraparound off): reprint
      // the last cell, before the modes are set, to get there again.
      const cell = active.getLine(active.baseY + active.cursorY)?.getCell(this.cols - 1);
      if (cell && cell.getWidth() === 1)
        return out + cup(row, this.cols - 1) + '\x1b[0m' + sgr(cell) + (cell.getChars() || ' ');
    }
    return out + cup(row, Math.min(active.cursorX, this.cols - 1));
  }

  /** Modes the serialize addon writes (except origin, set above), cursor visibility and charsets. */
  private modes(): string {
    const m = this.term.modes;
    const core = coreOf(this.term);
    let out = '';
    if (m.applicationCursorKeysMode) out += '\x1b[?1h';
    if (m.applicationKeypadMode) out += '\x1b[?66h';
    if (m.bracketedPasteMode) out += '\x1b[?2004h';
    if (m.insertMode) out += '\x1b[4h';
    if (m.reverseWraparoundMode) out += '\x1b[?45h';
    if (m.sendFocusMode) out += '\x1b[?1004h';
    if (!m.wraparoundMode) out += '\x1b[?7l';
    const mouse = { none: '', x10: '\x1b[?9h', vt200: '\x1b[?1000h', drag: '\x1b[?1002h', any: '\x1b[?1003h' }[
      m.mouseTrackingMode
    ];
    out += mouse;
    if (core.coreService.isCursorHidden) out += '\x1b[?25l';
    const charsets = core._charsetService;
    CHARSET_SLOTS.forEach((slot, g) => {
      if (isDecGraphics(charsets._charsets[g])) out += `\x1b${slot}${DEC_GRAPHICS_DESIGNATOR}`;
    });
    out += CHARSET_SHIFTS[charsets.glevel] ?? '';
    return out;
  }
}

/**
 * Applies a recorded event to a terminal; input does not change the screen. Here, beside the terminal, because both
 * threads replay: the recording thread to take keyframes and rebuild screens, the core's to read one moment back.
 */
export function applyEvent(term: ScreenTerminal, e: StreamEvent): void {
  if (e.kind === 'output') term.write(e.data);
  else if (e.kind === 'resize') term.resize(e.cols, e.rows);
}

/** CUP to a 0-based row and column. */
function cup(row: number, col: number): string {
  return `\x1b[${row + 1};${col + 1}H`;
}

function scrollRegion(buffer: BufferState, rows: number): string {
  return buffer.scrollTop === 0 && buffer.scrollBottom === rows - 1
    ? ''
    : `\x1b[${buffer.scrollTop + 1};${buffer.scrollBottom + 1}r`;
}

function savedCursor(buffer: BufferState): string {
  if (buffer.savedX === 0 && buffer.savedY === 0 && buffer.savedCurAttrData.isAttributeDefault()) return '';
  return cup(buffer.savedY, buffer.savedX) + '\x1b[0m' + sgr(buffer.savedCurAttrData) + '\x1b7';
}

/** The SGR sequence that sets these attributes on top of the defaults (empty when they are the defaults). */
export function sgr(a: AttributesLike | IBufferCell): string {
  const p: Array<number | string> = [];
  if (a.isBold()) p.push(1);
  if (a.isDim()) p.push(2);
  if (a.isItalic()) p.push(3);
  if (a.isUnderline()) p.push(4);
  if (a.isBlink()) p.push(5);
  if (a.isInverse()) p.push(7);
  if (a.isInvisible()) p.push(8);
  if (a.isStrikethrough()) p.push(9);
  if (a.isOverline()) p.push(53);
  color(p, a.isFgRGB(), a.isFgPalette(), a.getFgColor(), 30, 90, 38);
  color(p, a.isBgRGB(), a.isBgPalette(), a.getBgColor(), 40, 100, 48);
  return p.length > 0 ? `\x1b[${p.join(';')}m` : '';
}

function color(
  p: Array<number | string>,
  rgb: boolean,
  palette: boolean,
  c: number,
  base: number,
  bright: number,
  extended: number,
): void {
  if (rgb) p.push(`${extended};2;${(c >> 16) & 0xff};${(c >> 8) & 0xff};${c & 0xff}`);
  else if (palette && c < 8) p.push(base + c);
  else if (palette && c < 16) p.push(bright + c - 8);
  else if (palette) p.push(`${extended};5;${c}`);
}
