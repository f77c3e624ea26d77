// record.*: a hosted session producing output as fast as it can, through the pty host and the recorder (a real
// core, a real pty running `cat` on ~100 MB of realistic terminal output, no viewer attached).
//  throughput_mb_s  MB of output per second, from startTerminal until the session has ended with every byte of
//                   its recording on disk (checked byte for byte against what the program wrote, no gap); the
//                   recording thread compresses such a burst's chunks when it indexes them, after the run
//  drain_mb_s       the same session with a recording service that keeps nothing: the pty host as it runs
//                   without recording (it then keeps the session's screen, having no recording to rebuild it from)
//  overhead_ratio   time with recording / time without (medians of paired runs, alternated so that drift in
//                   the machine's load hits both alike)
//  raw_mb_s         the same program read through node-pty alone (no core), and raw_ratio = recorded / raw time:
//                   everything the pty host and the recorder add to reading the pty at all
//  cpu_ms_per_mb    CPU time of the core's process (all its threads; not the program's) per MB, recorded, drained
//                   and raw: steadier than wall-clock numbers on a machine shared with other work
//  rss_mb           the process's peak RSS over a recorded run (each run is a process of its own);
//  rss_baseline_mb  its RSS just before the session started (core, recording thread and risk engine loaded)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { RecordRun } from './record-session.ts';
import { percentile, round } from './stats.ts';
import { realisticOutput } from './terminal-output.ts';

const MB = 1024 * 1024;
/** The file `cat` prints; repeated to reach the stream's size. */
const FILE_MB = 8;
const STREAM_MB = Number(process.env.BENCH_RECORD_MB ?? 100);
/** Runs of each kind (recorded, drained, raw); medians over them. */
const PAIRS = Number(process.env.BENCH_RECORD_PAIRS ?? 3);
const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
/** Beside the repository's node_modules, so the bundle finds the packages it leaves external. */
const BUNDLE_DIR = root('dist/bench');

type Mode = 'record' | 'drain' | 'raw';

/**
 * The session script and the recording thread bundled as the core ships (scripts/build.mjs): run from sources
 * through type stripping, the same code takes ~45 MB more memory, which would swamp what recording takes.
 */
async function bundleSession(): Promise<string> {
  await build({
    entryPoints: {
      'record-session': root('test/bench/record-session.ts'),
      'recording-worker': root('electron/core/recording/thread/worker.ts'),
    },
    outdir: BUNDLE_DIR,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    // ESM bundles have no require(); some dependencies still call it.
    banner: {
      js: "import { createRequire as __gatehouseRequire } from 'node:module'; const require = __gatehouseRequire(import.meta.url);",
    },
  });
  return path.join(BUNDLE_DIR, 'record-session.mjs');
}

function runSession(script: string, mode: Mode, file: string, repeats: number): Promise<RecordRun> {
  return new Promise((resolve, reject) => {
    // The same Node, in a process of its own.
    const child = spawn(process.execPath, [script, mode, file, String(repeats)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`record-session ${mode} exited ${code}`));
      else resolve(JSON.parse(last) as RecordRun);
    });
  });
}

const median = (xs: readonly number[]) => percentile(xs, 50);

export async function recordBench(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-record-'));
  try {
    const script = await bundleSession();
    const file = path.join(dir, 'output.txt');
    fs.writeFileSync(file, realisticOutput(FILE_MB * MB, '\n'));
    const repeats = Math.max(1, Math.round(STREAM_MB / FILE_MB));
    // What reaches the terminal: the pty adds a '\r' before each '\n'.
    const text = fs.readFileSync(file, 'utf8');
    const streamMb = ((Buffer.byteLength(text) + text.split('\n').length - 1) * repeats) / MB;
    const runs: Record<Mode, RecordRun[]> = { record: [], drain: [], raw: [] };
    const order: Mode[] = ['drain', 'record', 'raw'];
    for (let i = 0; i < PAIRS; i++) {
      // Rotate which goes first, so none always runs on a warmer (or busier) machine.
      for (let k = 0; k < order.length; k++) {
        const mode = order[(i + k) % order.length] as Mode;
        runs[mode].push(await runSession(script, mode, file, repeats));
      }
    }
    const ms = (mode: Mode) => median(runs[mode].map((r) => r.ms));
    const cpuPerMb = (mode: Mode) => round(median(runs[mode].map((r) => r.cpuMs)) / streamMb, 1);
    return {
      'record.cpu_ms_per_mb': cpuPerMb('record'),
      'record.drain_cpu_ms_per_mb': cpuPerMb('drain'),
      'record.raw_cpu_ms_per_mb': cpuPerMb('raw'),
      'record.throughput_mb_s': round(streamMb / (ms('record') / 1000), 1),
      'record.drain_mb_s': round(streamMb / (ms('drain') / 1000), 1),
      'record.overhead_ratio': round(ms('record') / ms('drain')),
      'record.raw_mb_s': round(streamMb / (ms('raw') / 1000), 1),
      'record.raw_ratio': round(ms('record') / ms('raw')),
      'record.rss_mb': Math.round(Math.max(...runs.record.map((r) => r.peakRss)) / MB),
      'record.rss_baseline_mb': Math.round(median(runs.record.map((r) => r.baselineRss)) / MB),
      'record.stream_mb': round(streamMb, 1),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
