// recording.*: the recorder and the recordings it leaves behind.
//  write_mb_per_sec   a session printing realistic terminal output as fast as it can, through redaction,
//                     batching, compression and SQLite, with the producer waiting only when the recorder
//                     asks it to (as a flow-controlled pty does); until the last byte is on disk
//  index_mb_per_sec   keyframes and search rows built for that output (recording thread, which indexes
//                     once the session quiets down), from the last byte written to the index complete
//  write_mb_per_cpu_sec  the same, per second of CPU used by the process (both threads): what it can do
//                     on a machine that is not shared (wall-clock numbers here depend on the load)
//  bytes_per_output_mb  bytes on disk (events + keyframes) per MB of output
//  rss_mb             the process's peak resident memory while recording that stream (rss_growth_mb:
//                     above what it used before, with the recording thread already running)
//  seek_ms_p50/p95/p99  the screen at a random moment of a synthetic one-hour, 100 MB recording
//                     (= the replay.seek_ms_p95)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redactor } from '../../electron/core/redaction/redaction.ts';
import type { Recorder } from '../../electron/core/recording/thread/recorder.ts';
import { Recordings } from '../../electron/core/recording/core/service.ts';
import { openDatabase } from '../../electron/core/store/database.ts';
import { SessionRepository } from '../../electron/core/store/sessions.ts';
import { percentile, round } from './stats.ts';
import { realisticOutput } from './terminal-output.ts';

const MB = 1024 * 1024;
const WRITE_MB = Number(process.env.BENCH_RECORDING_MB ?? 200);
const HOUR_MB = Number(process.env.BENCH_SEEK_MB ?? 100);
const SEEKS = Number(process.env.BENCH_SEEKS ?? 200);
/** What a pty read delivers at most in one go. */
const PIECE = 64 * 1024;
const HOUR_MS = 60 * 60 * 1000;

/** Records `bytes` of `stream` (cycled) in pty-sized pieces, waiting only when the recorder asks to. */
async function record(
  recorder: Recorder,
  stream: string,
  bytes: number,
  atMsOf: (piece: number, pieces: number) => number,
  onPiece: () => void,
): Promise<void> {
  const pieces = Math.ceil(bytes / PIECE);
  for (let n = 0; n < pieces; n++) {
    const from = (n * PIECE) % (stream.length - PIECE);
    recorder.record({ kind: 'output', data: stream.slice(from, from + PIECE) }, atMsOf(n, pieces));
    onPiece();
    await recorder.ready();
  }
  await recorder.close();
}

export async function recordingBench(): Promise<Record<string, number>> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-rec-'));
  const file = path.join(home, 'gatehouse.db');
  const db = openDatabase(file);
  const sessions = new SessionRepository(db);
  const errors: unknown[] = [];
  const recordings = new Recordings({
    db,
    dbFile: file,
    sessions,
    redactor: new Redactor(),
    retention: { maxAgeDays: 30, maxTotalMB: 100_000 },
    onError: (e) => errors.push(e),
  });
  try {
    const stream = realisticOutput(8 * MB);
    sessions.insert({
      id: 'fast',
      agent: 'generic',
      argv: ['bench'],
      cwd: home,
      pid: null,
      tokenHash: 'bench-fast',
      startedAt: Date.now(),
    });
    await recordings.indexed();
    const baseRss = process.memoryUsage().rss;
    let rss = baseRss;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await record(
      recordings.start('fast', { cols: 120, rows: 40 }) as Recorder,
      stream,
      WRITE_MB * MB,
      (n) => n,
      () => (rss = Math.max(rss, process.memoryUsage().rss)),
    );
    const written = performance.now();
    const used = process.cpuUsage(cpu);
    await recordings.indexed();
    const indexed = performance.now();
    const fast = recordings.info('fast');
    if (fast.markers.some((m) => m.kind === 'gap'))
      throw new Error('the recorder dropped output in the write benchmark');

    // One hour of a session, 100 MB of output, a piece every ~140 ms.
    sessions.insert({
      id: 'hour',
      agent: 'generic',
      argv: ['bench'],
      cwd: home,
      pid: null,
      tokenHash: 'bench-hour',
      startedAt: Date.now(),
    });
    await record(
      recordings.start('hour', { cols: 120, rows: 40 }) as Recorder,
      stream,
      HOUR_MB * MB,
      (n, pieces) => Math.floor((n * HOUR_MS) / pieces),
      () => {},
    );
    await recordings.indexed();
    const times: number[] = [];
    let state = 7;
    for (let i = 0; i < SEEKS; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const at = Math.floor((state / 2 ** 31) * HOUR_MS);
      const t0 = performance.now();
      await recordings.reader.screenAt('hour', at);
      times.push(performance.now() - t0);
    }
    if (errors.length > 0) throw new Error(`recording errors: ${errors.map(String).join('; ')}`);
    const seconds = (ms: number) => ms / 1000;
    return {
      'recording.write_mb_per_sec': round(WRITE_MB / seconds(written - started), 1),
      'recording.write_mb_per_cpu_sec': round(WRITE_MB / ((used.user + used.system) / 1e6), 1),
      'recording.index_mb_per_sec': round(WRITE_MB / seconds(indexed - written), 1),
      'recording.bytes_per_output_mb': Math.round(fast.storedBytes / (fast.outputBytes / MB)),
      'recording.rss_mb': Math.round(rss / MB),
      'recording.rss_growth_mb': Math.round((rss - baseRss) / MB),
      'recording.seek_ms_p50': round(percentile(times, 50)),
      'recording.seek_ms_p95': round(percentile(times, 95)),
      'recording.seek_ms_p99': round(percentile(times, 99)),
      'replay.seek_ms_p95': round(percentile(times, 95)),
    };
  } finally {
    await recordings.close();
    db.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
