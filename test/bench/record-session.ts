// One run of the record.* benchmark, in a process of its own so that its peak RSS is this run's alone:
//   node record-session.ts <record|drain|raw> <file> <repeats>
// A real core hosts `cat <file>` (`repeats` times) in a pty, with no viewer attached, and the run lasts from
// startTerminal until the session has ended (for `record`: until its recording is on disk). `record` records
// it with the core's own recorder and recording thread; `drain` gives the core a recording service that only
// counts what it is handed (so, as without recording, the pty host keeps the session's screen); `raw` reads the
// same program through node-pty alone. The last stdout line is a JSON `RecordRun`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore, type RunningCore } from '../../electron/core/core.ts';
import { spawnPty } from '../../electron/core/pty/pty-process.ts';
import type { RecordingService } from '../../electron/core/recording/common/types.ts';

export interface RecordRun {
  ms: number;
  /** CPU time of this process (every thread; not the program's own) over the run: steadier than `ms` on a shared machine. */
  cpuMs: number;
  /** RSS just before the session started (the core, its recording thread and the risk engine loaded). */
  baselineRss: number;
  /** The process's peak RSS, read once the session has ended. */
  peakRss: number;
}

/** What the hosted program runs in: as large as a roomy terminal window. */
const SIZE = { cols: 120, rows: 40 } as const;

/** A recording service that keeps nothing: the pty host's cost without the recorder's. */
function countingRecordings(): { service: RecordingService; chars: () => number } {
  let chars = 0;
  return {
    chars: () => chars,
    service: {
      start: () => ({
        record: (event) => {
          if (event.kind === 'output') chars += event.data.length;
        },
        close: async () => {},
      }),
      mark: () => {},
    },
  };
}

/** Every output byte of the recording, read back from disk page by page, hashed. */
function recordedOutputHash(core: RunningCore, sessionId: string): string {
  const hash = createHash('sha256');
  for (let from: number | null = -1; from !== null;) {
    const page = core.recordings.reader.eventsBetween(sessionId, from, Number.MAX_SAFE_INTEGER);
    for (const { event } of page.events) if (event.kind === 'output') hash.update(event.data);
    from = page.nextFromMs;
  }
  return hash.digest('hex');
}

/** The same program read through node-pty alone: what the pty itself allows on this machine. */
async function raw(file: string, repeats: number, expectedBytes: number): Promise<RecordRun> {
  const baselineRss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const pty = spawnPty({
    file: 'cat',
    args: Array<string>(repeats).fill(file),
    cwd: path.dirname(file),
    env: process.env,
    ...SIZE,
  });
  let bytes = 0;
  pty.onData((b) => (bytes += b.length));
  await new Promise<void>((resolve) => pty.onExit(() => resolve()));
  const ms = performance.now() - started;
  if (bytes !== expectedBytes) throw new Error(`read ${bytes} bytes, expected ${expectedBytes}`);
  return { ms, cpuMs: cpuMsSince(cpu), baselineRss, peakRss: process.resourceUsage().maxRSS * 1024 };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const [mode, file, repeatArg] = process.argv.slice(2);
  if ((mode !== 'record' && mode !== 'drain' && mode !== 'raw') || !file || !repeatArg)
    throw new Error('usage: record-session.ts <record|drain|raw> <file> <repeats>');
  const repeats = Number(repeatArg);
  // What the terminal receives (the pty turns each '\n' into '\r\n'), read only once the run is measured.
  const written = () => fs.readFileSync(file, 'utf8').replaceAll('\n', '\r\n');
  if (mode === 'raw') {
    const bytes = (fs.readFileSync(file).length + fs.readFileSync(file).filter((b) => b === 0x0a).length) * repeats;
    process.stdout.write(`${JSON.stringify(await raw(file, repeats, bytes))}\n`);
    return;
  }

  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-record-'));
  const errors: unknown[] = [];
  const counting = countingRecordings();
  const core = await startCore({
    home,
    recordings: mode === 'record' ? undefined : counting.service,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' },
    log: () => {},
    onError: (err) => errors.push(err),
  });
  try {
    await core.recordings.indexed();
    let sessionId: string | null = null;
    let resolveEnded: () => void = () => {};
    const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
    core.events.subscribe((e) => {
      if (e.type === 'session.ended' && e.session.id === sessionId) resolveEnded();
    });
    const baselineRss = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const info = await core.terminals.start({
      agent: 'shell',
      argv: ['cat', ...Array<string>(repeats).fill(file)],
      cwd: home,
      size: SIZE,
    });
    sessionId = info.sessionId;
    await ended;
    const ms = performance.now() - started;
    const cpuMs = cpuMsSince(cpu);
    const peakRss = process.resourceUsage().maxRSS * 1024;

    if (errors.length > 0) throw new Error(`errors while running: ${errors.map(String).join('; ')}`);
    const shown = written();
    if (mode === 'drain' && counting.chars() !== shown.length * repeats)
      throw new Error(`drained ${counting.chars()} chars, expected ${shown.length * repeats}`);
    if (mode === 'record') {
      const rec = core.recordings.info(info.sessionId);
      if (rec.markers.some((m) => m.kind === 'gap')) throw new Error('the recorder dropped output');
      const expected = createHash('sha256');
      for (let i = 0; i < repeats; i++) expected.update(shown);
      if (recordedOutputHash(core, info.sessionId) !== expected.digest('hex'))
        throw new Error(
          `the recording is not the program's output (${rec.outputBytes} bytes recorded, ${Buffer.byteLength(shown) * repeats} written)`,
        );
    }
    const run: RecordRun = { ms, cpuMs, baselineRss, peakRss };
    process.stdout.write(`${JSON.stringify(run)}\n`);
  } finally {
    await core.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`record-session: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
