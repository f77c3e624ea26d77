// Finds OSC sequences (ESC ] ident ; data, ended by BEL or ST) in terminal output as it streams by, split across
// pieces anywhere, the way xterm.js's parser delimits them: ESC ] or C1 OSC starts one; BEL, C1 ST or any ESC
// (ESC \ is ST) ends it; CAN and SUB abandon it; other C0 controls inside are ignored. It reads nothing else, so it
// costs little more than a search for the two introducers, and needs no screen.

/** Longer payloads are not something the shell integration prints: they are skipped (their end is still found). */
export const MAX_OSC_PAYLOAD_CHARS = 16 * 1024;

const ESC = 0x1b;
const OSC_FINAL = 0x5d; // ']'
const C1_OSC = '\u009d';
const CAN = 0x18;
const SUB = 0x1a;
/** What ends (BEL, ESC, C1 ST) or abandons (CAN, SUB) an OSC string. */
const OSC_END = new RegExp(String.raw`[\x07\x18\x1a\x1b\u009c]`, 'g');
/** C0 controls that xterm.js drops from an OSC string. */
const IGNORED_IN_OSC = new RegExp(String.raw`[\x00-\x06\x08-\x17\x19\x1c-\x1f]`, 'g');

/** `end`: where in the piece being fed the sequence ended (past its BEL or ESC; a `\` of ESC \ may follow). */
export type OscListener = (ident: number, data: string, end: number) => void;

export class OscScanner {
  private readonly onOsc: OscListener;
  /** Inside an OSC string, collecting its payload. */
  private inOsc = false;
  private payload = '';
  private tooLong = false;
  /** The last piece ended with an ESC (outside an OSC, or ending one): a ']' next starts an OSC. */
  private afterEsc = false;

  constructor(onOsc: OscListener) {
    this.onOsc = onOsc;
  }

  feed(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.inOsc) {
        i = this.readOsc(text, i);
        continue;
      }
      if (this.afterEsc) {
        this.afterEsc = false;
        if (text.charCodeAt(i) === OSC_FINAL) {
          this.startOsc();
          i++;
          continue;
        }
      }
      const start = nextIntroducer(text, i);
      if (start === null) {
        this.afterEsc = text.charCodeAt(text.length - 1) === ESC;
        return;
      }
      this.startOsc();
      i = start;
    }
  }

  private startOsc(): void {
    this.inOsc = true;
    this.payload = '';
    this.tooLong = false;
  }

  /** Reads the OSC string from `i`; returns where the scan goes on. */
  private readOsc(text: string, i: number): number {
    OSC_END.lastIndex = i;
    const end = OSC_END.exec(text);
    const stop = end ? end.index : text.length;
    this.collect(text.slice(i, stop));
    if (!end) return text.length;
    this.inOsc = false;
    const code = text.charCodeAt(stop);
    if (code === CAN || code === SUB) return stop + 1;
    this.afterEsc = code === ESC;
    if (!this.tooLong) this.dispatch(this.payload.replace(IGNORED_IN_OSC, ''), stop + 1);
    this.payload = '';
    return stop + 1;
  }

  private collect(part: string): void {
    if (this.tooLong) return;
    if (this.payload.length + part.length > MAX_OSC_PAYLOAD_CHARS) {
      this.tooLong = true;
      this.payload = '';
      return;
    }
    this.payload += part;
  }

  private dispatch(payload: string, end: number): void {
    const semi = payload.indexOf(';');
    const ident = semi === -1 ? payload : payload.slice(0, semi);
    if (!/^\d{1,4}$/.test(ident)) return;
    this.onOsc(Number(ident), semi === -1 ? '' : payload.slice(semi + 1), end);
  }
}

/** Where the payload of the next OSC after `from` starts (just past its introducer), or null. */
function nextIntroducer(text: string, from: number): number | null {
  const esc = text.indexOf('\x1b]', from);
  const c1 = text.indexOf(C1_OSC, from);
  if (esc === -1 && c1 === -1) return null;
  if (c1 === -1 || (esc !== -1 && esc < c1)) return esc + 2;
  return c1 + 1;
}
