// Realistic terminal output for the recording benchmarks: real program output (colours, columns), varied line by
// line so that it does not compress like one repeated block.
import { execFileSync } from 'node:child_process';

const MB = 1024 * 1024;
const ESCAPE_OR_NUMBER = new RegExp(String.raw`\x1b\[[0-9;?]*[A-Za-z]|\d+`, 'g');

/**
 * About `bytes` of `ls -la --color` output captured through `script` (a real pty). `newline`: '\r\n' as a terminal
 * receives it, or '\n' as a program writes it (the pty turns each '\n' into '\r\n' on the way).
 */
export function realisticOutput(bytes: number, newline: '\r\n' | '\n' = '\r\n'): string {
  const sample = execFileSync(
    'script',
    ['-q', '-e', '-c', 'ls -la --color=always /usr/bin /usr/lib | head -3000', '/dev/null'],
    { encoding: 'utf8', maxBuffer: 64 * MB },
  );
  const lines = sample.split('\r\n');
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    // Numbers change from line to line; escape sequences (colours) stay as the program wrote them.
    const line = (lines[i % lines.length] ?? '').replace(ESCAPE_OR_NUMBER, (s) =>
      s.startsWith('\x1b') ? s : String((Number(s) * 31 + i) % 99991),
    );
    out.push(line);
    size += line.length + newline.length;
  }
  return out.join(newline);
}
