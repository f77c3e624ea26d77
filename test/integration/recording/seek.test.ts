// Seeking: the screen at any moment, built from the nearest keyframe and a short replay, is exactly the
// screen that replaying the whole recording from the start gives.
import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '../../../shared/recording.ts';
import type { StreamEvent } from '../../../electron/core/recording/common/codec.ts';
import { KEYFRAME_EVERY_BYTES } from '../../../electron/core/recording/thread/indexer.ts';
import { openRecordings, programEvents, recordAll } from '../../support/recordings.ts';
import { fingerprint, newTerminal, replayInto, settled } from '../../support/screen-fingerprint.ts';
import { capturedProgramOutput, trickyPieces } from '../../support/terminal-streams.ts';

const END = Number.MAX_SAFE_INTEGER;

/** A deterministic pseudo-random sequence, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function streamEvents(events: readonly TimedEvent[]): StreamEvent[] {
  return events.flatMap(({ atMs, event }): StreamEvent[] => {
    if (event.kind === 'output' || event.kind === 'input') return [{ atMs, kind: event.kind, data: event.data }];
    return event.kind === 'resize' ? [{ atMs, kind: 'resize', cols: event.cols, rows: event.rows }] : [];
  });
}

async function fullReplayAt(stored: readonly StreamEvent[], atMs: number, cols: number, rows: number): Promise<string> {
  const term = newTerminal(cols, rows);
  replayInto(
    term,
    stored.filter((e) => e.atMs <= atMs),
  );
  await settled(term);
  const fp = fingerprint(term);
  term.dispose();
  return fp;
}

async function restored(data: string, cols: number, rows: number): Promise<string> {
  const term = newTerminal(cols, rows);
  term.write(data);
  await settled(term);
  const fp = fingerprint(term);
  term.dispose();
  return fp;
}

/** About a megabyte of real program output and a stream full of hidden terminal state, with resizes, over ~30 s. */
function session(): StreamEvent[] {
  const raw = capturedProgramOutput();
  const events = programEvents(raw.repeat(Math.ceil(800_000 / raw.length)) + trickyPieces().join('') + raw, {
    resizes: true,
  });
  return events.map((e, i) => ({ ...e, atMs: e.atMs + i * 40 }));
}

/** The session recorded and indexed as `s1`: its events as stored, and its keyframes. */
async function recordedSession() {
  const t = openRecordings();
  t.addSession('s1');
  const recorder = t.recordings.start('s1', { cols: 80, rows: 24 }, Date.now());
  recordAll(recorder, session());
  await recorder.close();
  await t.recordings.indexed();
  const stored = streamEvents(t.recordings.reader.eventsBetween('s1', -1, END, 64 * 1024 * 1024).events);
  const keyframes = t.db
    .prepare<[string], { event_index: number; at_ms: number }>(
      'SELECT event_index, at_ms FROM recording_keyframes WHERE session_id = ? ORDER BY event_index',
    )
    .all('s1');
  return { t, stored, keyframes };
}

describe('seeking', () => {
  it('gives the same screen as replaying from the start, at many random moments', async () => {
    const { t, stored, keyframes } = await recordedSession();
    const duration = stored.at(-1)?.atMs ?? 0;
    expect(keyframes.length).toBeGreaterThanOrEqual(4);

    const next = random(42);
    const moments = [
      -1,
      0,
      duration,
      ...keyframes.map((k) => k.at_ms),
      ...Array.from({ length: 40 }, () => Math.floor(next() * duration)),
    ];
    const wrong: number[] = [];
    for (const atMs of moments) {
      const screen = await t.recordings.reader.screenAt('s1', atMs);
      if ((await restored(screen.data, screen.cols, screen.rows)) !== (await fullReplayAt(stored, atMs, 80, 24)))
        wrong.push(atMs);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps keyframes close together and seeks from them, not from the start', async () => {
    const { t, stored, keyframes } = await recordedSession();

    // No more than a keyframe's worth of output (plus the event that crossed it) between keyframes.
    let previous = 0;
    for (const k of [...keyframes, { event_index: stored.length, at_ms: 0 }]) {
      const between = stored
        .slice(previous, k.event_index)
        .reduce((n, e) => n + (e.kind === 'output' ? e.data.length : 0), 0);
      expect(between).toBeLessThan(KEYFRAME_EVERY_BYTES + 3000 + 4096);
      previous = k.event_index;
    }

    // With every chunk before the last keyframe gone, a later moment still shows the right screen.
    const last = keyframes.at(-1);
    if (!last) throw new Error('no keyframes');
    const atMs = stored.at(-1)?.atMs ?? 0;
    const truth = await fullReplayAt(stored, atMs, 80, 24);
    t.db
      .prepare('DELETE FROM recording_chunks WHERE session_id = ? AND first_event + event_count <= ?')
      .run('s1', last.event_index);
    const screen = await t.recordings.reader.screenAt('s1', atMs);
    expect(await restored(screen.data, screen.cols, screen.rows)).toBe(truth);
  });
});
