// Terminal output for replay tests: real programs run under `script` (a real pty), and a synthetic
// stream that exercises the terminal state a keyframe must carry (scroll regions, saved cursors,
// the alternate screen, pending wraps, charsets, modes, wide characters, resizes).
import { execFileSync } from 'node:child_process';
import type { StreamEvent } from '../../electron/core/recording/common/codec.ts';

/** Output of real programs in a real pty (util-linux `script`), colours and all. */
export function capturedProgramOutput(): string {
  const commands = [
    'ls -la --color=always /usr/bin | head -400',
    'printf "\\033[1;31mred\\033[0m \\033[42mgreen bg\\033[0m \\033[38;5;208morange\\033[0m \\033[38;2;10;200;30mrgb\\033[0m\\n"',
    'seq 1 300 | column -c 160',
    'printf "progress \\r10%%\\r50%%\\r100%%\\n"',
    'grep -rn --color=always "function" /usr/share/doc 2>/dev/null | head -200',
  ].join('; ');
  return execFileSync('script', ['-q', '-e', '-c', commands, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm-256color', COLUMNS: '100', LINES: '30' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Pieces of a synthetic session that leaves hidden terminal state behind at many points. */
export function trickyPieces(): string[] {
  const pieces: string[] = [];
  const line = (i: number) => `\x1b[3${i % 8}mline ${i}\x1b[0m wide:漢字 emoji:🙂 ${'x'.repeat(i % 50)}\r\n`;
  for (let i = 0; i < 30; i++) pieces.push(line(i));
  pieces.push('\x1b[5;15r', '\x1b[15;1H', 'inside region\n', 'scrolls\n', 'the region\n');
  pieces.push('\x1b7', '\x1b[1;1H\x1b[1;44msaved\x1b[0m', '\x1b8', 'back at saved\r\n');
  pieces.push('\x1b[r', '\x1b[?6h\x1b[3;3r', '\x1b[2;2Horigin', '\x1b[?6l\x1b[r');
  pieces.push('\x1b[24;1H', 'y'.repeat(80), 'Z', 'after wrap\r\n');
  pieces.push('\x1b[10;1H', 'q'.repeat(79), 'w');
  pieces.push('W');
  pieces.push('\x1b(0', 'lqqqk\r\nx   x\r\nmqqqj', '\x1b(B\r\n');
  pieces.push('\x1b)0\x0e', 'qqq', '\x0f', 'abc\r\n');
  pieces.push('\x1b[?25l', 'hidden cursor', '\x1b[?25h', '\x1b[4h', 'ins', '\x1b[4l', '\x1b[?1h\x1b[?2004h');
  pieces.push('\x1b[1;2;3;4;5;7;9;53m\x1b[38;2;1;2;3m\x1b[48;5;200mstyled', ' still styled');
  pieces.push('\x1b[0m\x1b[s', '\x1b[12;40Hmoved', '\x1b[u', 'restored\r\n');
  pieces.push(
    '\x1b[?1049h',
    '\x1b[H\x1b[2J',
    '\x1b[2;20r',
    '\x1b[20;1H',
    'alt screen line\n',
    'more\n',
    '\x1b7\x1b[5;5Halt saved\x1b8',
    'alt end',
  );
  pieces.push('\x1b[1;80H', 'E');
  pieces.push('\x1b[?1049l', 'back on main\r\n');
  for (let i = 30; i < 60; i++) pieces.push(line(i));
  pieces.push('\x1b[?1000h\x1b[?1006h', '\x1b[=', '\x1b[?7l', 'n'.repeat(100), '\x1b[?7h', '\r\n');
  pieces.push('tab\tstops\tdefault\r\n', '\x1b]0;title\x07', '\x1b]8;;https://example.com\x07link\x1b]8;;\x07\r\n');
  return pieces;
}

/** The tricky pieces as timed output events, with resizes in between. */
export function trickyEvents(): StreamEvent[] {
  const events: StreamEvent[] = [];
  let t = 0;
  trickyPieces().forEach((data, i) => {
    events.push({ atMs: (t += 7), kind: 'output', data });
    if (i === 40) events.push({ atMs: (t += 3), kind: 'resize', cols: 100, rows: 30 });
    if (i === 70) events.push({ atMs: (t += 3), kind: 'resize', cols: 70, rows: 20 });
  });
  return events;
}
