import { describe, expect, it } from 'vitest';
import type { TimedEvent } from '../../../shared/recording.ts';
import type { StreamEvent } from '../../../electron/core/recording/codec.ts';
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
      return list.flatMap((e) => (e.kind === 'output' ? ((out += e.data ?? ''), []) : e.kind === 'resize' ? [out.length] : []));
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

    const info = t.recordings.info('s1');
    expect(info).toMatchObject({ sessionId: 's1', source: 'live', cols: 80, rows: 24, recording: false, outputBytes: Buffer.byteLength(raw) });
    expect(info.storedBytes).toBeLessThan(info.outputBytes / 3);
    expect(t.errors).toEqual([]);
  });
});
