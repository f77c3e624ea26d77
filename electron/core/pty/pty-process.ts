// The one file that imports node-pty (the `@lydell/node-pty` build: node-pty 1.1.0 with N-API prebuilds for every
// platform, from the npm registry). Everything else sees this small interface, with bytes as Buffers.
import fs from 'node:fs';
import pty from '@lydell/node-pty';
import { isAlive } from '../lock.ts';

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

/**
 * node-pty destroys a pty's socket 200 ms after its program exits if the socket has not closed by then, and output
 * still unread is lost. A paused pty therefore checks this often whether its program is gone, and drains if so.
 */
const EXIT_CHECK_WHILE_PAUSED_MS = 20;

/** What programs see in $TERM: the headless screen and the viewers are xterm.js, an xterm-256color terminal. */
const TERM_NAME = 'xterm-256color';

/** Starts `file` in a new pty. Throws (with the reason) if it cannot be started. */
export function spawnPty(o: PtySpawnOptions): PtyProcess {
  // `encoding: null`: data arrives as Buffers, so nothing is decoded (or mangled) on the way.
  const p = pty.spawn(o.file, o.args, {
    name: TERM_NAME,
    cols: o.cols,
    rows: o.rows,
    cwd: o.cwd,
    env: o.env,
    encoding: null,
  });
  const reads = readControl(p);
  const dataListeners: Array<(data: Buffer) => void> = [];
  const deliver = (data: Buffer) => dataListeners.forEach((l) => l(data));
  // node-pty's typings say string; with `encoding: null` it hands over Buffers.
  p.onData((data: string | Buffer) => deliver(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
  drainAtEnd(p, deliver);
  let exitWatch: NodeJS.Timeout | null = null;
  let programGone = false;
  const stopWatch = () => {
    if (exitWatch) clearInterval(exitWatch);
    exitWatch = null;
  };
  p.onExit(() => {
    programGone = true;
    stopWatch();
  });
  return {
    pid: p.pid,
    onData: (listener) => {
      dataListeners.push(listener);
    },
    onExit: (listener) => {
      p.onExit(({ exitCode, signal }) => listener(signal ? 128 + signal : exitCode));
    },
    write: (data) => p.write(data as string),
    resize: (cols, rows) => p.resize(cols, rows),
    kill: (signal) => p.kill(signal),
    pause: () => {
      if (programGone || exitWatch) return;
      reads.stop();
      exitWatch = setInterval(() => {
        if (isAlive(p.pid)) return;
        programGone = true;
        stopWatch();
        reads.start();
      }, EXIT_CHECK_WHILE_PAUSED_MS);
    },
    resume: () => {
      if (!exitWatch) return;
      stopWatch();
      reads.start();
    },
  };
}

interface ReadHandle {
  readStop(): number;
  readStart(): number;
}

/**
 * Stops and restarts reading the pty itself. node-pty's own pause() only pauses the stream: the socket goes on
 * reading into its buffer, and when the program exits meanwhile the read error (EIO) destroys the stream with that
 * buffer, so the program's last output is lost (microsoft/node-pty#652). Stopping the read keeps unread output in
 * the kernel, where the program blocks on it, and nothing is lost. Falls back to pause() if the handle is not there.
 */
function readControl(p: pty.IPty): { stop(): void; start(): void } {
  const socket = (p as unknown as { _socket?: { _handle?: Partial<ReadHandle> } })._socket;
  const handle = socket?._handle;
  if (handle && typeof handle.readStop === 'function' && typeof handle.readStart === 'function') {
    const h = handle as ReadHandle;
    return { stop: () => void h.readStop(), start: () => void h.readStart() };
  }
  return { stop: () => p.pause(), start: () => p.resume() };
}

/** How much is read at once when draining: the most a pty holds, so one read usually takes all of it. */
const DRAIN_CHUNK_BYTES = 64 * 1024;

/**
 * libuv reports end-of-file when a pty hangs up right after a short read, although the pty may still hold output
 * (a program that prints a lot and exits at once, read by a busy process): that output would be lost. At that
 * end-of-file, and before the socket closes the descriptor, whatever the pty still holds is read directly.
 */
function drainAtEnd(p: pty.IPty, deliver: (data: Buffer) => void): void {
  const internals = p as unknown as {
    fd?: unknown;
    _socket?: { prependListener?: (event: 'end', fn: () => void) => void };
  };
  const fd = internals.fd;
  if (typeof fd !== 'number' || typeof internals._socket?.prependListener !== 'function') return;
  internals._socket.prependListener('end', () => {
    const buf = Buffer.alloc(DRAIN_CHUNK_BYTES);
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(fd, buf, 0, buf.length, null);
      } catch {
        // EIO: the pty is empty and closed; EAGAIN: empty for now. Either way there is nothing more to read.
        return;
      }
      if (n <= 0) return;
      deliver(Buffer.from(buf.subarray(0, n)));
    }
  });
}
