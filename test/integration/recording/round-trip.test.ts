import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '../../../shared/recording.ts';
import path from 'node:path';
import {
  compressSync,
  decodeEvents,
  encodeEvents,
  isCompressed,
  type StreamEvent,
} from '../../../electron/core/recording/common/codec.ts';
import { RecordingIndexer } from '../../../electron/core/recording/thread/indexer.ts';
import { openDatabase } from '../../../electron/core/store/database.ts';
import { RecordingRepository } from '../../../electron/core/store/recordings.ts';
import { SessionRepository } from '../../../electron/core/store/sessions.ts';
import { tempDir } from '../../support/temp.ts';
import { capturedProgramOutput } from '../../support/terminal-streams.ts';
import { openRecordings, programEvents, recordAll } from '../../support/recordings.ts';

const END = Number.MAX_SAFE_INTEGER;

function offsetsAndTimes(events: readonly StreamEvent[]): Array<{ offset: number; atMs: number }> {
  let offset = 0;
  return events.flatMap((e) => {
    if (e.kind !== 'output') return [];
    const at = { offset, atMs: e.atMs };
    offset += e.data.length;
    return [at];
  });
}

/** When the byte at `offset` was recorded (the last event's time past the end). */
function timeOfByte(recorded: ReadonlyArray<{ offset: number; atMs: number }>, offset: number): number {
  let t = recorded[0]?.atMs ?? 0;
  for (const r of recorded) {
    if (r.offset > offset) break;
    t = r.atMs;
  }
  return t;
}

function outputOf(events: readonly TimedEvent[]): string {
  return events.map((e) => (e.event.kind === 'output' ? e.event.data : '')).join('');
}

describe('recording round trip', () => {
  it('stores real program output byte for byte, with its times, inputs and resizes', async () => {
    const t = openRecordings();
    t.addSession('s1');
    const raw = capturedProgramOutput();
    const events = programEvents(raw, { resizes: true });
    const recorder = t.recordings.start('s1', { cols: 80, rows: 24 }, Date.now());
    recordAll(recorder, events);
    recorder.record({ kind: 'input', data: 'ls -la\r' }, events.at(-1)?.atMs);
    await recorder.close();

    const page = t.recordings.reader.eventsBetween('s1', -1, END, 64 * 1024 * 1024);
    expect(page.nextFromMs).toBeNull();
    expect(outputOf(page.events)).toBe(raw);
    // Whatever was printed before a resize is stored before it (the screen depends on it).
    const beforeResizes = (list: ReadonlyArray<{ kind: string; data?: string }>) => {
      let out = '';
      return list.flatMap((e) =>
        e.kind === 'output' ? ((out += e.data ?? ''), []) : e.kind === 'resize' ? [out.length] : [],
      );
    };
    expect(beforeResizes(page.events.map((e) => e.event))).toEqual(beforeResizes(events));
    const resizes = page.events.filter((e) => e.event.kind === 'resize');
    expect(resizes.map((e) => e.atMs)).toEqual(events.filter((e) => e.kind === 'resize').map((e) => e.atMs));
    expect(page.events.at(-1)?.event).toEqual({ kind: 'input', data: 'ls -la\r' });
    const times = page.events.map((e) => e.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Each byte is stored at the time it was recorded, even when it was kept back a while to check for a secret.
    const recorded = offsetsAndTimes(events);
    let offset = 0;
    for (const e of page.events) {
      if (e.event.kind !== 'output') continue;
      expect(timeOfByte(recorded, offset)).toBe(e.atMs);
      expect(timeOfByte(recorded, offset + e.event.data.length - 1)).toBe(e.atMs);
      offset += e.event.data.length;
    }

    // A burst is stored as it came, and compressed once the indexer has read it back.
    await t.recordings.indexed();
    const info = t.recordings.info('s1');
    expect(info).toMatchObject({
      sessionId: 's1',
      source: 'live',
      cols: 80,
      rows: 24,
      recording: false,
      outputBytes: Buffer.byteLength(raw),
    });
    expect(info.storedBytes).toBeLessThan(info.outputBytes / 3);
    const payloads = t.db
      .prepare<[string], { payload: Buffer }>('SELECT payload FROM recording_chunks WHERE session_id = ?')
      .all('s1');
    expect(payloads.length).toBeGreaterThan(0);
    expect(payloads.filter((p) => !isCompressed(p.payload))).toEqual([]);
    const keyframeBytes =
      t.db
        .prepare<[string], { n: number }>(
          'SELECT coalesce(sum(length(state)), 0) AS n FROM recording_keyframes WHERE session_id = ?',
        )
        .get('s1')?.n ?? 0;
    expect(info.storedBytes).toBe(payloads.reduce((n, p) => n + p.payload.length, 0) + keyframeBytes);
    expect(outputOf(t.recordings.reader.eventsBetween('s1', -1, END, 64 * 1024 * 1024).events)).toBe(raw);
    expect(t.errors).toEqual([]);
  });

  it('compresses chunks as they are written once the uncompressed allowance is used up', async () => {
    const t = openRecordings({ uncompressedMaxBytes: 0 });
    t.addSession('s1');
    const sample = capturedProgramOutput();
    const raw = sample.repeat(Math.ceil(600_000 / sample.length)).slice(0, 600_000);
    const recorder = t.recordings.start('s1', { cols: 80, rows: 24 }, Date.now());
    recordAll(recorder, programEvents(raw));
    await recorder.close();
    // Not indexed yet (the indexer waits for writes to pause), and compressed all the same.
    const payloads = t.db
      .prepare<[string], { payload: Buffer }>('SELECT payload FROM recording_chunks WHERE session_id = ?')
      .all('s1');
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.filter((p) => !isCompressed(p.payload))).toEqual([]);
    expect(outputOf(t.recordings.reader.eventsBetween('s1', -1, END, 64 * 1024 * 1024).events)).toBe(raw);
  });

  it('compresses a chunk stored as it came when it indexes it, and counts the bytes it saved', async () => {
    const db = openDatabase(path.join(tempDir(), 'g.db'));
    new SessionRepository(db).insert({
      id: 's1',
      agent: 'claude',
      argv: ['x'],
      cwd: '/',
      pid: null,
      tokenHash: 'h',
      startedAt: 0,
    });
    const store = new RecordingRepository(db);
    store.create({ sessionId: 's1', source: 'live', cols: 80, rows: 24, startedAt: 0 });
    const events = programEvents(capturedProgramOutput().slice(0, 200_000));
    const half = Math.floor(events.length / 2);
    const chunks = [events.slice(0, half), events.slice(half)];
    // The first as a burst leaves it (uncompressed), the second compressed already.
    const payloads = chunks.map((list, seq) =>
      seq === 0 ? encodeEvents(list, list[0]?.atMs ?? 0) : compressSync(encodeEvents(list, list[0]?.atMs ?? 0)),
    );
    chunks.forEach((list, seq) => {
      const payload = payloads[seq] as Buffer;
      const outputBytes = list.reduce((n, e) => n + (e.kind === 'output' ? Buffer.byteLength(e.data) : 0), 0);
      store.append(
        {
          sessionId: 's1',
          seq,
          firstEvent: seq === 0 ? 0 : half,
          eventCount: list.length,
          startMs: list[0]?.atMs ?? 0,
          endMs: list.at(-1)?.atMs ?? 0,
          payload,
          outputBytes,
        },
        [],
        's1',
        list.at(-1)?.atMs ?? 0,
      );
    });
    expect(payloads.map((p) => isCompressed(p))).toEqual([false, true]);
    expect(decodeEvents(payloads[0] as Buffer, chunks[0]?.[0]?.atMs ?? 0)).toEqual(chunks[0]);

    const packed: number[] = [];
    const indexer = new RecordingIndexer(store, {
      onPacked: (bytes) => packed.push(bytes),
      onError: (err) => {
        throw err;
      },
    });
    await indexer.indexPending();
    indexer.dispose();
    expect(packed).toEqual([payloads[0]?.length]);
    const stored = [0, 1].map((seq) => store.chunk('s1', seq)?.payload as Buffer);
    expect(stored.map((p) => isCompressed(p))).toEqual([true, true]);
    expect(stored[1]).toEqual(payloads[1]);
    expect(decodeEvents(stored[0] as Buffer, chunks[0]?.[0]?.atMs ?? 0)).toEqual(chunks[0]);
    const keyframeBytes =
      db.prepare<[], { n: number }>('SELECT coalesce(sum(length(state)), 0) AS n FROM recording_keyframes').get()?.n ??
      0;
    expect(store.get('s1')?.stored_bytes).toBe(stored.reduce((n, p) => n + p.length, 0) + keyframeBytes);
    db.close();
  });
});
