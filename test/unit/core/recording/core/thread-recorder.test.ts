// The core's side of a recorder that runs on the recording thread, against a fake thread: events go over in batches,
// in order and with the times they came; the backlog counts what the thread has not stored; when the thread falls
// too far behind, text is dropped and handed over as a gap; a thread that is gone never holds the session back.
import { describe, expect, it } from 'vitest';
import { MAX_BACKLOG_BYTES, RESUME_BACKLOG_BYTES } from '../../../../../electron/core/recording/common/backlog.ts';
import {
  HANDOVER_CHARS,
  HANDOVER_MS,
  ThreadRecorder,
  type RecorderThread,
} from '../../../../../electron/core/recording/core/thread-recorder.ts';
import type { RecorderLink } from '../../../../../electron/core/recording/core/worker-host.ts';
import type { ThreadEvent } from '../../../../../electron/core/recording/common/worker-messages.ts';

/** A recording thread that keeps what it is handed; the test says what it has taken in and stored. */
function fakeThread() {
  const batches: Array<{ events: ThreadEvent[]; chars: number }> = [];
  const finished: number[] = [];
  let link: RecorderLink | null = null;
  const thread: RecorderThread = {
    open: (_id, _startedAtMs, l) => void (link = l),
    events: (_id, events, chars) => void batches.push({ events, chars }),
    flush: async () => {},
    finish: async (_id, durationMs) => void finished.push(durationMs),
    screen: async () => ({ cols: 80, rows: 24, data: '' }),
  };
  return {
    thread,
    batches,
    finished,
    /** The thread took in every batch so far and holds `held` of it. */
    takeAll: (held = 0) =>
      link?.backlog(
        batches.reduce((n, b) => n + b.chars, 0),
        held,
      ),
    gone: () => link?.gone(),
  };
}

function recorderOn(thread: RecorderThread, errors: unknown[] = []) {
  let now = 1_000;
  const recorder = new ThreadRecorder({
    sessionId: 's1',
    startedAtMs: 1_000,
    worker: thread,
    now: () => now,
    onError: (err) => errors.push(err),
  });
  return { recorder, tick: (ms: number) => (now += ms) };
}

const waitHandover = () => new Promise((resolve) => setTimeout(resolve, HANDOVER_MS + 20));

describe('ThreadRecorder', () => {
  it('hands events over in order, with their times, a few reads per batch', async () => {
    const t = fakeThread();
    const { recorder, tick } = recorderOn(t.thread);
    recorder.record({ kind: 'output', data: 'a' });
    recorder.record({ kind: 'output', data: 'b' });
    tick(3);
    recorder.record({ kind: 'input', data: 'ls\r' });
    recorder.record({ kind: 'marker', label: 'r1 held: ls', requestId: 'r1', decision: null });
    recorder.record({ kind: 'resize', cols: 100, rows: 30 }, 2);
    expect(t.batches).toEqual([]);
    await waitHandover();
    expect(t.batches).toEqual([
      {
        chars: 5,
        events: [
          // Two reads in the same millisecond are one event; a time given earlier than the last keeps the order.
          { atMs: 0, event: { kind: 'output', data: 'ab' } },
          { atMs: 3, event: { kind: 'input', data: 'ls\r' } },
          { atMs: 3, event: { kind: 'marker', label: 'r1 held: ls', requestId: 'r1', decision: null } },
          { atMs: 3, event: { kind: 'resize', cols: 100, rows: 30 } },
        ],
      },
    ]);
  });

  it('hands a large batch over at once, and counts it as backlog until the thread has stored it', () => {
    const t = fakeThread();
    const { recorder } = recorderOn(t.thread);
    let shrinks = 0;
    recorder.backlog.onShrink(() => shrinks++);
    recorder.record({ kind: 'output', data: 'x'.repeat(HANDOVER_CHARS - 1) });
    expect(t.batches).toHaveLength(0);
    expect(recorder.backlog.chars()).toBe(HANDOVER_CHARS - 1);
    recorder.record({ kind: 'output', data: 'y' });
    expect(t.batches.map((b) => b.chars)).toEqual([HANDOVER_CHARS]);
    expect(recorder.backlog.chars()).toBe(HANDOVER_CHARS);
    t.takeAll(1_000);
    expect(recorder.backlog.chars()).toBe(1_000);
    t.takeAll(0);
    expect(recorder.backlog.chars()).toBe(0);
    expect(shrinks).toBe(2);
  });

  it('drops text while the thread is too far behind, and hands the gap over once it has caught up', async () => {
    const t = fakeThread();
    const { recorder, tick } = recorderOn(t.thread);
    const piece = 'z'.repeat(HANDOVER_CHARS);
    let sent = 0;
    let most = 0;
    for (; sent < MAX_BACKLOG_BYTES + 4 * HANDOVER_CHARS; sent += piece.length) {
      recorder.record({ kind: 'output', data: piece });
      most = Math.max(most, recorder.backlogBytes);
      tick(1);
    }
    expect(most).toBeLessThanOrEqual(MAX_BACKLOG_BYTES);
    const handed = t.batches.reduce((n, b) => n + b.chars, 0);
    expect(handed).toBe(MAX_BACKLOG_BYTES);
    // Still behind: more text is dropped, and no gap is handed over yet.
    t.takeAll(RESUME_BACKLOG_BYTES + 1);
    recorder.record({ kind: 'output', data: piece });
    sent += piece.length;
    expect(recorder.backlogBytes).toBe(RESUME_BACKLOG_BYTES + 1);
    // Caught up: the gap goes over, then the text that came.
    t.takeAll(0);
    recorder.record({ kind: 'output', data: 'after\r\n' });
    await recorder.close();
    const events = t.batches.flatMap((b) => b.events);
    const gapAt = events.findIndex((e) => e.event.kind === 'dropped');
    const gap = events[gapAt];
    expect(gap?.event).toEqual({ kind: 'dropped', fromMs: 128, bytes: sent - handed });
    expect(gap?.atMs).toBe(132);
    expect(events.slice(gapAt + 1)).toEqual([{ atMs: 132, event: { kind: 'output', data: 'after\r\n' } }]);
    expect(t.finished).toEqual([132]);
  });

  it('closes a gap still open when the recording ends', async () => {
    const t = fakeThread();
    const { recorder } = recorderOn(t.thread);
    for (let i = 0; i <= MAX_BACKLOG_BYTES / HANDOVER_CHARS; i++)
      recorder.record({ kind: 'output', data: 'q'.repeat(HANDOVER_CHARS) }, i);
    await recorder.finish(500);
    expect(t.batches.flatMap((b) => b.events).at(-1)).toEqual({
      atMs: 128,
      event: { kind: 'dropped', fromMs: 128, bytes: HANDOVER_CHARS },
    });
    expect(t.finished).toEqual([500]);
    // Nothing is recorded after the end.
    recorder.record({ kind: 'output', data: 'late' });
    await waitHandover();
    expect(t.batches.flatMap((b) => b.events).some((e) => e.event.kind === 'output' && e.event.data === 'late')).toBe(
      false,
    );
  });

  it('never holds the session back once the thread is gone, and says so once', async () => {
    const t = fakeThread();
    const errors: unknown[] = [];
    const { recorder } = recorderOn(t.thread, errors);
    let shrinks = 0;
    recorder.backlog.onShrink(() => shrinks++);
    recorder.record({ kind: 'output', data: 'x'.repeat(HANDOVER_CHARS) });
    recorder.record({ kind: 'output', data: 'waiting' });
    t.gone();
    expect(recorder.backlog.chars()).toBe(0);
    expect(shrinks).toBe(1);
    recorder.record({ kind: 'output', data: 'more' });
    expect(recorder.backlog.chars()).toBe(0);
    await recorder.ready();
    await recorder.close();
    expect(t.batches).toHaveLength(1);
    expect(t.finished).toEqual([]);
    expect(errors.map(String)).toEqual([
      'Error: recording of session s1 failed; later events may be missing: the recording thread is gone',
    ]);
  });
});
