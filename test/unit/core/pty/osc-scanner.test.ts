import headless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { MAX_OSC_PAYLOAD_CHARS, OscScanner } from '../../../../electron/core/pty/osc-scanner.ts';
import { capturedProgramOutput } from '../../../support/terminal-streams.ts';

const IDENTS = [0, 2, 7, 8, 133, 777];

/** The OSC sequences xterm.js's own parser dispatches for `stream`, in order. */
function xtermOscs(stream: string): Promise<string[]> {
  const term = new headless.Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  const seen: string[] = [];
  for (const ident of IDENTS) {
    term.parser.registerOscHandler(ident, (data) => {
      seen.push(`${ident}:${data}`);
      return true;
    });
  }
  return new Promise((resolve) => {
    term.write(stream, () => {
      term.dispose();
      resolve(seen);
    });
  });
}

function scanned(pieces: readonly string[]): string[] {
  const seen: string[] = [];
  const scanner = new OscScanner((ident, data) => {
    if (IDENTS.includes(ident)) seen.push(`${ident}:${data}`);
  });
  for (const p of pieces) scanner.feed(p);
  return seen;
}

/** Shell integration marks, other OSCs, every terminator, aborted and broken ones, among ordinary output. */
const STREAM = [
  '\x1b[1;32muser@host\x1b[0m:~$ ',
  '\x1b]133;A\x07\x1b]133;B\x07ls -la\r\n',
  '\x1b]133;C\x07',
  'total 0\r\n\x1b[01;34mdir\x1b[0m\r\n',
  '\x1b]133;D;0\x07',
  '\x1b]7;file://host/home/u/my%20project\x1b\\',
  '\x1b]0;window title\x07',
  '\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\\r\n',
  // Cancelled by CAN and by SUB: nothing is dispatched.
  '\x1b]133;D;1\x18 after can ',
  '\x1b]133;D;2\x1a after sub ',
  // Ended by an ESC that starts the next OSC at once.
  '\x1b]777;notify;a\x1b]133;D;3\x07',
  // C1 introducer and terminator.
  '\u009d133;D;4\u009c',
  // Controls inside the payload are dropped; the rest of the payload is kept.
  '\x1b]2;ti\x01tle\x07',
  // Not OSCs: a CSI, an ESC followed by other things, a ']' on its own.
  '\x1b[?2004h ] \x1b7\x1b8 \x1b\\ x',
  // No ident, a non-numeric ident, an ident with no data.
  '\x1b];nodata\x07\x1b]abc;1\x07\x1b]133\x07',
  '\x1b]133;D;5\x07 end\r\n',
].join('');

describe('OscScanner', () => {
  it('dispatches what xterm.js dispatches, however the stream is cut in two', async () => {
    const expected = await xtermOscs(STREAM);
    expect(expected).toContain('133:D;0');
    expect(expected).toContain('7:file://host/home/u/my%20project');
    expect(expected).not.toContain('133:D;1');
    for (let cut = 0; cut <= STREAM.length; cut++) {
      expect(scanned([STREAM.slice(0, cut), STREAM.slice(cut)]), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('does the same one character at a time, and among real program output', async () => {
    expect(scanned([...STREAM])).toEqual(await xtermOscs(STREAM));
    const real = `${capturedProgramOutput()}${STREAM}\x1b]0;done\x07`;
    const expected = await xtermOscs(real);
    const pieces: string[] = [];
    // Cut at seeded pseudo-random points, as pty reads would.
    let state = 11;
    for (let i = 0; i < real.length;) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const n = 1 + (state % 700);
      pieces.push(real.slice(i, i + n));
      i += n;
    }
    expect(scanned(pieces)).toEqual(expected);
  });

  it('skips a payload too long to be a mark, and finds the marks after it', () => {
    const long = `\x1b]133;${'x'.repeat(MAX_OSC_PAYLOAD_CHARS)}\x07\x1b]133;A\x07`;
    expect(scanned([long])).toEqual(['133:A']);
    expect(
      scanned([long.slice(0, 100), long.slice(100, MAX_OSC_PAYLOAD_CHARS), long.slice(MAX_OSC_PAYLOAD_CHARS)]),
    ).toEqual(['133:A']);
  });
});
