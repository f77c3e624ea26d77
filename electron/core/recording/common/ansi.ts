// Terminal output as a person reads it, for search: escape sequences and control characters removed,
// carriage returns as line breaks. Keeps where each piece of text came from, to turn a match into a time.

const ESC = 0x1b;
const BEL = 0x07;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const DEL = 0x7f;
/** 8-bit forms of CSI, OSC and DCS/SOS/PM/APC, and the string terminator. */
const C1_CSI = 0x9b;
const C1_OSC = 0x9d;
const C1_STRINGS = new Set([0x90, 0x98, 0x9e, 0x9f]);
const C1_ST = 0x9c;

export interface StrippedText {
  text: string;
  /** Where the character at `index` of `text` was in the raw input. */
  rawIndex(index: number): number;
}

/** Skips a CSI sequence's parameters and intermediates; returns the index after its final byte. */
function skipCsi(raw: string, i: number): number {
  while (i < raw.length) {
    const c = raw.charCodeAt(i++);
    if (c >= 0x40 && c <= 0x7e) return i;
  }
  return i;
}

/** Skips a control string (OSC, DCS, SOS, PM, APC) up to BEL or ST; returns the index after it. */
function skipString(raw: string, i: number, belEnds: boolean): number {
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if ((belEnds && c === BEL) || c === C1_ST) return i + 1;
    if (c === ESC && raw.charCodeAt(i + 1) === 0x5c) return i + 2;
    i++;
  }
  return i;
}

/** Skips the escape sequence starting at `i` (an ESC); returns the index after it. */
function skipEscape(raw: string, i: number): number {
  const next = raw.charCodeAt(i + 1);
  if (Number.isNaN(next)) return i + 1;
  switch (String.fromCharCode(next)) {
    case '[':
      return skipCsi(raw, i + 2);
    case ']':
      return skipString(raw, i + 2, true);
    case 'P':
    case 'X':
    case '^':
    case '_':
      return skipString(raw, i + 2, false);
    // Charset designations and other sequences with one intermediate take one more byte.
    case '(':
    case ')':
    case '*':
    case '+':
    case '-':
    case '.':
    case '/':
    case '#':
    case '%':
    case ' ':
      return Math.min(raw.length, i + 3);
    default:
      return i + 2;
  }
}

export function stripAnsi(raw: string): StrippedText {
  let text = '';
  // Parallel arrays: a run of kept text starting at textStarts[k] came from raw offset rawStarts[k].
  const textStarts: number[] = [];
  const rawStarts: number[] = [];
  let runStart = -1;
  const flushRun = (end: number) => {
    if (runStart < 0) return;
    textStarts.push(text.length);
    rawStarts.push(runStart);
    text += raw.slice(runStart, end);
    runStart = -1;
  };
  const put = (s: string, at: number) => {
    textStarts.push(text.length);
    rawStarts.push(at);
    text += s;
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    const printable = c >= 0x20 ? c !== DEL && (c < 0x80 || c > 0x9f) : c === TAB || c === LF;
    if (printable) {
      if (runStart < 0) runStart = i;
      i++;
      continue;
    }
    flushRun(i);
    if (c === ESC) i = skipEscape(raw, i);
    else if (c === C1_CSI) i = skipCsi(raw, i + 1);
    else if (c === C1_OSC) i = skipString(raw, i + 1, true);
    else if (C1_STRINGS.has(c)) i = skipString(raw, i + 1, false);
    else if (c === CR) {
      // CR LF is one line break; a lone CR (a progress bar redrawing its line) also separates words.
      if (raw.charCodeAt(i + 1) !== LF) put('\n', i);
      i++;
    } else i++;
  }
  flushRun(raw.length);
  return {
    text,
    rawIndex(index: number): number {
      let lo = 0;
      let hi = textStarts.length - 1;
      if (hi < 0) return 0;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((textStarts[mid] as number) <= index) lo = mid;
        else hi = mid - 1;
      }
      return (rawStarts[lo] as number) + (index - (textStarts[lo] as number));
    },
  };
}
