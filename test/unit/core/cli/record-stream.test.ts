import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecordEventsInput } from '../../../../shared/api.ts';
import {
  MAX_BATCHES_IN_FLIGHT,
  MAX_KEPT_BATCHES,
  MAX_KEPT_CHARS,
  notRecorded,
  RECORD_FLUSH_CHARS,
  RECORD_FLUSH_MS,
  RecordStream,
} from '../../../../electron/core/cli/record-stream.ts';
import { CoreUnreachableError } from '../../../../electron/core/control/client.ts';

afterEach(() => {
  vi.useRealTimers();
});

function stream(send: (i: RecordEventsInput) => Promise<unknown>) {
  const holds: boolean[] = [];
  const warnings: string[] = [];
  let now = 1000;
  const s = new RecordStream({
    sessionId: 's1',
    startedAtMs: 1000,
    send,
    backpressure: (h) => holds.push(h),
    warn: (m) => warnings.push(m),
    now: () => now,
  });
  return { s, holds, warnings, tick: (ms: number) => (now += ms) };
}

describe('RecordStream', () => {
  it('batches events with their offsets, leaves markers to the core, and sends big batches at once', async () => {
    vi.useFakeTimers();
    const sent: RecordEventsInput[] = [];
    const { s, tick } = stream(async (i) => sent.push(i));
    s.record({ kind: 'output', data: 'hi' });
    tick(7);
    s.record({ kind: 'resize', cols: 100, rows: 30 });
    s.record({ kind: 'marker', label: 'x', requestId: null, decision: null });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(RECORD_FLUSH_MS);
    expect(sent).toEqual([
      {
        sessionId: 's1',
        seq: 1,
        events: [
          { atMs: 0, event: { kind: 'output', data: 'hi' } },
          { atMs: 7, event: { kind: 'resize', cols: 100, rows: 30 } },
        ],
      },
    ]);
    s.record({ kind: 'input', data: 'y'.repeat(RECORD_FLUSH_CHARS) });
    expect(sent).toHaveLength(2);
    await s.close();
  });

  it('holds the producer while too many batches are on their way, and warns once when the core stops taking them', async () => {
    const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
    const { s, holds, warnings } = stream(
      () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject })),
    );
    for (let i = 0; i < MAX_BATCHES_IN_FLIGHT; i++) s.record({ kind: 'output', data: 'z'.repeat(RECORD_FLUSH_CHARS) });
    expect(holds).toEqual([true]);
    pending.shift()?.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(holds).toEqual([true, false]);
    pending.shift()?.reject(new Error('the Gatehouse core closed the connection'));
    pending.shift()?.reject(new Error('again'));
    for (const p of pending.splice(0)) p.resolve();
    await s.close();
    expect(warnings).toEqual([
      'gatehouse: the recording of this session stopped: the Gatehouse core closed the connection',
    ]);
    s.record({ kind: 'output', data: 'after' });
    await s.close();
    expect(pending).toEqual([]);
  });

  /** A core that can go away: sends fail as a dropped connection does while `up` is false. */
  function flakyCore() {
    const got: RecordEventsInput[] = [];
    const state = { up: true };
    const send = async (i: RecordEventsInput) => {
      if (!state.up) throw new CoreUnreachableError('the Gatehouse core closed the connection');
      got.push(structuredClone(i));
    };
    return { got, state, send };
  }
  const texts = (got: RecordEventsInput[]) =>
    got.flatMap((i) => i.events.map((e) => (e.event.kind === 'resize' ? '' : e.event.data)));
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('keeps batches through a restart and sends again only what the core lacks, with the gap marker after them', async () => {
    const core = flakyCore();
    const { s, tick, warnings } = stream(core.send);
    s.record({ kind: 'output', data: 'a' });
    await s.close();
    tick(10);
    s.record({ kind: 'output', data: 'b' });
    await s.close();
    // The core dies; what it took and had not written (b) is kept, and so is what it never got (c).
    core.state.up = false;
    tick(10);
    s.record({ kind: 'output', data: 'c' });
    expect(await s.close(Date.now() + 20)).toBe(false);
    core.state.up = true;
    tick(10);
    s.record({ kind: 'output', data: 'd' });
    // The new core has `a` on disk (at 0 ms): `b` and `c` are sent again, then the gap, then `d`.
    s.resumed({ resumed: 'restarted', lastSeq: null, recordedThroughMs: 0, recordedTail: { output: 'a', input: '' } });
    tick(10);
    s.record({ kind: 'output', data: 'e' });
    expect(await s.close()).toBe(true);
    expect(texts(core.got)).toEqual(['a', 'b', 'b', 'c', 'd', 'e']);
    const resent = core.got.slice(2);
    expect(resent.map((i) => i.seq)).toEqual([2, 3, 4, 5]);
    expect(resent.map((i) => i.gap)).toEqual([undefined, undefined, undefined, { fromMs: 20, bytes: 0 }]);
    // Times rise from batch to batch, so the core's "recorded through" time splits batches exactly.
    const times = core.got.flatMap((i) => i.events.map((e) => e.atMs));
    expect(times).toEqual([0, 10, 10, 20, 30, 40]);
    expect(warnings).toEqual([]);
  });

  it('marks the restart even when the program ended while the core was away', async () => {
    const core = flakyCore();
    const { s, tick } = stream(core.send);
    core.state.up = false;
    tick(5);
    s.record({ kind: 'output', data: 'last words' });
    const closed = s.close();
    await settle();
    core.state.up = true;
    s.resumed({ resumed: 'restarted', lastSeq: null, recordedThroughMs: null });
    expect(await closed).toBe(true);
    expect(core.got.map((i) => [texts([i]), i.gap])).toEqual([
      [['last words'], undefined],
      [[], { fromMs: 5, bytes: 0 }],
    ]);
  });

  it('keeps at most MAX_KEPT_BATCHES of the batches the core took, however small', async () => {
    const core = flakyCore();
    const { s, tick } = stream(core.send);
    for (let i = 0; i < MAX_KEPT_BATCHES + 5; i++) {
      s.record({ kind: 'output', data: `${i}` });
      await s.close();
      tick(1);
    }
    core.got.length = 0;
    s.resumed({ resumed: 'restarted', lastSeq: null, recordedThroughMs: null });
    await s.close();
    // The newest MAX_KEPT_BATCHES sent again, then an empty batch carrying the restart's marker.
    expect(core.got).toHaveLength(MAX_KEPT_BATCHES + 1);
    expect(texts(core.got.slice(0, 1))).toEqual(['5']);
    expect(core.got.at(-1)).toMatchObject({ events: [], gap: { bytes: 0 } });
  });

  it('stops keeping anything once the core refuses the session back', async () => {
    const core = flakyCore();
    const { s } = stream(core.send);
    core.state.up = false;
    s.record({ kind: 'output', data: 'x' });
    const closed = s.close();
    await settle();
    s.abandon();
    expect(await closed).toBe(false);
  });

  it('sends again the rest of a piece the killed core stored in part, and nothing it stored', () => {
    const at = (atMs: number, data: string, kind: 'output' | 'input' = 'output') => ({ atMs, event: { kind, data } });
    const events = [
      at(9, 'old\r\n'),
      at(10, 'line 1\r\n'),
      at(10, 'line 2\r\n'),
      at(10, 'y', 'input'),
      at(11, 'line 3\r\n'),
    ];
    // Redaction held back `line 2` when the core died: it stored `line 1` at 10 ms, and the input.
    expect(notRecorded(events, 10, { output: 'line 1\r\n', input: 'y' })).toEqual([
      at(10, 'line 2\r\n'),
      at(11, 'line 3\r\n'),
    ]);
    // Cut inside a line.
    expect(notRecorded(events, 10, { output: 'line 1\r\nli', input: '' })).toEqual([
      at(10, 'ne 2\r\n'),
      at(10, 'y', 'input'),
      at(11, 'line 3\r\n'),
    ]);
    // Stored redacted: it does not start the same, so it counts as stored (nothing twice).
    expect(notRecorded(events, 10, { output: '[REDACTED:x]', input: 'y' })).toEqual([at(11, 'line 3\r\n')]);
    expect(notRecorded(events, 11, { output: 'line 3\r\n', input: '' })).toEqual([]);
  });

  it('after a dropped connection to the same core, sends again only the batches after the last it took', async () => {
    const core = flakyCore();
    const { s, tick } = stream(core.send);
    s.record({ kind: 'output', data: 'a' });
    await s.close();
    core.state.up = false;
    tick(5);
    s.record({ kind: 'output', data: 'b' });
    await s.close(Date.now() + 10);
    core.state.up = true;
    s.resumed({ resumed: 'live', lastSeq: 1, recordedThroughMs: null });
    await s.close();
    expect(core.got.map((i) => [i.seq, i.gap])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    expect(texts(core.got)).toEqual(['a', 'b']);
  });

  it('keeps at most MAX_KEPT_CHARS while the core is away, then drops output and counts it for the gap marker', async () => {
    const core = flakyCore();
    const { s, tick } = stream(core.send);
    core.state.up = false;
    const piece = 'x'.repeat(RECORD_FLUSH_CHARS);
    const pieces = MAX_KEPT_CHARS / RECORD_FLUSH_CHARS;
    for (let i = 0; i < pieces + 3; i++) {
      s.record({ kind: 'output', data: piece });
      await settle();
      tick(1);
    }
    s.record({ kind: 'resize', cols: 90, rows: 20 });
    expect(s.droppedBytes).toBe(3 * RECORD_FLUSH_CHARS);
    core.state.up = true;
    s.resumed({ resumed: 'restarted', lastSeq: null, recordedThroughMs: null });
    // Room is made once the core has taken what was kept (until then output is still dropped).
    await settle();
    s.record({ kind: 'output', data: 'back' });
    expect(await s.close()).toBe(true);
    expect(core.got).toHaveLength(pieces + 1);
    const last = core.got.at(-1) as RecordEventsInput;
    expect(last.gap).toEqual({ fromMs: pieces, bytes: 3 * RECORD_FLUSH_CHARS });
    // The size the terminal had when output was dropped is given again before what follows the gap.
    expect(last.events.map((e) => e.event)).toEqual([
      { kind: 'resize', cols: 90, rows: 20 },
      { kind: 'output', data: 'back' },
    ]);
  });
});
