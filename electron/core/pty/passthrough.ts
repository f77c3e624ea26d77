// `gatehouse run`'s terminal: the agent runs in its own pty, and its bytes pass through to this terminal unchanged
// (raw mode on a TTY, window size followed) while a copy of the stream goes to the recording.
import { StringDecoder } from 'node:string_decoder';
import type { RecordEvent } from '../recording/common/types.ts';
import { spawnPty } from './pty-process.ts';

/** The size a pty gets when this process has no terminal to take it from (piped output, as in CI). */
export const DEFAULT_SIZE = { cols: 80, rows: 24 } as const;
/** What a terminal sends at the start of a line to say "end of input" (VEOF, Ctrl-D). */
const EOF_CHAR = '\x04';

export interface PassthroughOptions {
  file: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Receives the stream for the recording, as UTF-8 text. */
  record: (event: RecordEvent) => void;
}

export interface Passthrough {
  pid: number;
  /** Resolves with the program's exit code (128 + n when killed by signal n) once all its output is written. */
  exited: Promise<number>;
  kill(signal: NodeJS.Signals): void;
  /** Holds the program's output back (it blocks on write) until `resume`, e.g. while the recording catches up. */
  pause(): void;
  resume(): void;
}

export function terminalSize(stdout: NodeJS.WriteStream): { cols: number; rows: number } {
  return stdout.isTTY && stdout.columns > 0 && stdout.rows > 0
    ? { cols: stdout.columns, rows: stdout.rows }
    : { ...DEFAULT_SIZE };
}

/** Starts the program; throws if it cannot be started. */
export function passthrough(o: PassthroughOptions): Passthrough {
  const size = terminalSize(o.stdout);
  const pty = spawnPty({ file: o.file, args: o.args, cwd: o.cwd, env: o.env, ...size });
  const outText = new StringDecoder('utf8');
  const inText = new StringDecoder('utf8');
  const pauses = new Set<'stdout' | 'caller'>();
  const setPaused = (why: 'stdout' | 'caller', paused: boolean) => {
    const before = pauses.size > 0;
    if (paused) pauses.add(why);
    else pauses.delete(why);
    if (before === pauses.size > 0) return;
    if (pauses.size > 0) pty.pause();
    else pty.resume();
  };

  const rawMode = o.stdin.isTTY === true;
  if (rawMode) o.stdin.setRawMode(true);
  const onInput = (chunk: Buffer) => {
    pty.write(chunk);
    const text = inText.write(chunk);
    if (text) o.record({ kind: 'input', data: text });
  };
  // Piped input ends; the program reads that as end of input, as it would from a pipe.
  const onInputEnd = () => pty.write(EOF_CHAR);
  o.stdin.on('data', onInput);
  if (!rawMode) o.stdin.once('end', onInputEnd);
  const onResize = () => {
    const next = terminalSize(o.stdout);
    pty.resize(next.cols, next.rows);
    o.record({ kind: 'resize', ...next });
  };
  if (o.stdout.isTTY) process.on('SIGWINCH', onResize);
  const onDrain = () => setPaused('stdout', false);
  o.stdout.on('drain', onDrain);

  pty.onData((bytes) => {
    // A terminal slower than the program holds the program back instead of filling this process's memory.
    if (!o.stdout.write(bytes)) setPaused('stdout', true);
    const text = outText.write(bytes);
    if (text) o.record({ kind: 'output', data: text });
  });

  const exited = new Promise<number>((resolve) => {
    pty.onExit((code) => {
      const rest = outText.end();
      if (rest) o.record({ kind: 'output', data: rest });
      o.stdin.off('data', onInput);
      o.stdin.off('end', onInputEnd);
      if (rawMode) o.stdin.setRawMode(false);
      // Our stdin must not keep this process alive once the program is gone.
      o.stdin.pause();
      process.off('SIGWINCH', onResize);
      o.stdout.off('drain', onDrain);
      // Everything the program printed reaches the terminal before we report its end.
      o.stdout.write('', () => resolve(code));
    });
  });

  return {
    pid: pty.pid,
    exited,
    kill: (signal) => pty.kill(signal),
    pause: () => setPaused('caller', true),
    resume: () => setPaused('caller', false),
  };
}
