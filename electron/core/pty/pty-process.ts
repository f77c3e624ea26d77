// The one file that imports node-pty (the `@lydell/node-pty` build: node-pty 1.1.0 with N-API prebuilds for every
// platform, from the npm registry). Everything else sees this small interface, with bytes as Buffers.
import pty from '@lydell/node-pty';

export interface PtyProcess {
  readonly pid: number;
  /** Bytes exactly as the program wrote them. */
  onData(listener: (data: Buffer) => void): void;
  /** Fires after the last output has been delivered. `exitCode` is 128 + n when killed by signal n. */
  onExit(listener: (exitCode: number) => void): void;
  write(data: string | Buffer): void;
  resize(cols: number, rows: number): void;
  kill(signal: NodeJS.Signals): void;
  /** Stops reading from the pty: the program blocks once the kernel's buffer is full. */
  pause(): void;
  resume(): void;
}

export interface PtySpawnOptions {
  file: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  cols: number;
  rows: number;
}

/** What programs see in $TERM: the headless screen and the viewers are xterm.js, an xterm-256color terminal. */
const TERM_NAME = 'xterm-256color';

/** Starts `file` in a new pty. Throws (with the reason) if it cannot be started. */
export function spawnPty(o: PtySpawnOptions): PtyProcess {
  // `encoding: null`: data arrives as Buffers, so nothing is decoded (or mangled) on the way.
  const p = pty.spawn(o.file, o.args, { name: TERM_NAME, cols: o.cols, rows: o.rows, cwd: o.cwd, env: o.env, encoding: null });
  return {
    pid: p.pid,
    onData: (listener) => {
      // node-pty's typings say string; with `encoding: null` it hands over Buffers.
      p.onData((data: string | Buffer) => listener(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
    },
    onExit: (listener) => {
      p.onExit(({ exitCode, signal }) => listener(signal ? 128 + signal : exitCode));
    },
    write: (data) => p.write(data as string),
    resize: (cols, rows) => p.resize(cols, rows),
    kill: (signal) => p.kill(signal),
    pause: () => p.pause(),
    resume: () => p.resume(),
  };
}
