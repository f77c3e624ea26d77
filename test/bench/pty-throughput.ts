// pty.raw_mb_s: a program writing as fast as it can, read through node-pty alone. pty.host_mb_s: the same through a
// hosted terminal session (decoder, batching, flow control, headless screen), with no viewer attached.
import { spawnPty } from '../../electron/core/pty/pty-process.ts';
import { TerminalSession } from '../../electron/core/pty/terminal-session.ts';

/** Large enough that start-up is noise, small enough to run in a few seconds on two cores. */
const STREAM_MB = 50;
const COMMAND = ['sh', '-c', `head -c ${STREAM_MB * 1024 * 1024} /dev/zero | tr '\\000' x`] as const;

function spawnStream() {
  return spawnPty({
    file: COMMAND[0],
    args: [...COMMAND.slice(1)],
    cwd: process.cwd(),
    env: process.env,
    cols: 120,
    rows: 40,
  });
}

async function raw(): Promise<number> {
  const start = performance.now();
  const pty = spawnStream();
  let bytes = 0;
  pty.onData((b) => (bytes += b.length));
  await new Promise<void>((resolve) => pty.onExit(() => resolve()));
  if (bytes !== STREAM_MB * 1024 * 1024) throw new Error(`read ${bytes} bytes, expected ${STREAM_MB} MiB`);
  return STREAM_MB / ((performance.now() - start) / 1000);
}

async function hosted(): Promise<number> {
  const start = performance.now();
  const session = new TerminalSession({
    sessionId: 'bench',
    agent: 'shell',
    argv: [...COMMAND],
    cwd: process.cwd(),
    shell: null,
    cols: 120,
    rows: 40,
    startedAtMs: Date.now(),
    pty: spawnStream(),
    recorder: null,
    takeCommand: () => null,
    onExit: () => {},
  });
  await session.exited;
  // The screen has drawn everything once its snapshot can be taken.
  await session.snapshot();
  session.dispose();
  return STREAM_MB / ((performance.now() - start) / 1000);
}

export async function ptyThroughput(): Promise<Record<string, number>> {
  const rawMbS = await raw();
  const hostMbS = await hosted();
  return { 'pty.raw_mb_s': Math.round(rawMbS * 10) / 10, 'pty.host_mb_s': Math.round(hostMbS * 10) / 10 };
}
