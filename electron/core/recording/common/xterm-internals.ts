// The few pieces of @xterm/headless's internal state that its public API does not show and a faithful
// screen capture needs. Read-only, checked at runtime: if a new version moves them, capture fails
// loudly (and the keyframe tests fail) instead of producing keyframes that replay wrongly.
import type { Terminal } from '@xterm/headless';

/** The attribute getters xterm's AttributeData and IBufferCell share. */
export interface AttributesLike {
  isBold(): number;
  isDim(): number;
  isItalic(): number;
  isUnderline(): number;
  isBlink(): number;
  isInverse(): number;
  isInvisible(): number;
  isStrikethrough(): number;
  isOverline(): number;
  isFgRGB(): boolean;
  isFgPalette(): boolean;
  isBgRGB(): boolean;
  isBgPalette(): boolean;
  getFgColor(): number;
  getBgColor(): number;
  isAttributeDefault(): boolean;
}

export interface BufferState {
  scrollTop: number;
  scrollBottom: number;
  savedX: number;
  savedY: number;
  savedCurAttrData: AttributesLike;
}

export interface CoreState {
  _bufferService: { buffers: { normal: BufferState; alt: BufferState } };
  coreService: { isCursorHidden: boolean };
  _charsetService: { glevel: number; _charsets: ReadonlyArray<unknown> };
  _inputHandler: {
    _curAttrData: AttributesLike;
    /** 0 (ground) between sequences; anything else is the middle of an escape sequence or control string. */
    _parser: { currentState: number };
    /** The first half of a surrogate pair waiting for its second half, or 0. */
    _stringDecoder: { _interim: number };
  };
}

/** The escape-sequence parser's ground state. */
export const PARSER_GROUND = 0;

/** `ESC ( 0`: DEC special graphics, the line-drawing set curses programs switch to. */
export const DEC_GRAPHICS_DESIGNATOR = '0';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isBuffer = (b: unknown): boolean =>
  isObject(b) &&
  typeof b.scrollTop === 'number' &&
  typeof b.scrollBottom === 'number' &&
  typeof b.savedX === 'number' &&
  typeof b.savedY === 'number' &&
  isObject(b.savedCurAttrData);

export class XtermInternalsError extends Error {
  override readonly name = 'XtermInternalsError';
}

export function coreOf(term: Terminal): CoreState {
  const core = (term as unknown as { _core?: unknown })._core;
  const buffers = isObject(core) && isObject(core._bufferService) ? core._bufferService.buffers : undefined;
  const charsets = isObject(core) ? core._charsetService : undefined;
  const ok =
    isObject(core) &&
    isObject(buffers) &&
    isBuffer(buffers.normal) &&
    isBuffer(buffers.alt) &&
    isObject(core.coreService) &&
    typeof core.coreService.isCursorHidden === 'boolean' &&
    isObject(charsets) &&
    typeof charsets.glevel === 'number' &&
    Array.isArray(charsets._charsets) &&
    isObject(core._inputHandler) &&
    isObject(core._inputHandler._curAttrData) &&
    isObject(core._inputHandler._parser) &&
    typeof core._inputHandler._parser.currentState === 'number' &&
    isObject(core._inputHandler._stringDecoder) &&
    typeof core._inputHandler._stringDecoder._interim === 'number';
  if (!ok)
    throw new XtermInternalsError(
      '@xterm/headless changed its internals; keyframes cannot be captured faithfully with this version',
    );
  return core as unknown as CoreState;
}

/** Whether a charset slot holds DEC special graphics: the table that draws `q` as `─` and `x` as `│`. */
export function isDecGraphics(charset: unknown): boolean {
  return isObject(charset) && charset.q === '\u2500' && charset.x === '\u2502';
}
