import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecordEventsInput } from '../../../shared/api.ts';
import { MAX_BATCHES_IN_FLIGHT, RECORD_FLUSH_CHARS, RECORD_FLUSH_MS, RecordStream } from '../../../electron/core/cli/record-stream.ts';

afterEach(() => {
  vi.useRealTimers();
});

function stream(send: (i: RecordEventsInput) => Promise<unknown>) {
  const holds: boolean[] = [];
  const warnings: string[] = [];
  let now = 1000;
  const s = new RecordStream({ sessionId: 's1', startedAtMs: 1000, send, backpressure: (h) => holds.push(h), warn: (m) => warnings.push(m), now: () => now });
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
    expect(sent).toEqual([{ sessionId: 's1', events: [{ atMs: 0, event: { kind: 'output', data: 'hi' } }, { atMs: 7, event: { kind: 'resize', cols: 100, rows: 30 } }] }]);
    s.record({ kind: 'input', data: 'y'.repeat(RECORD_FLUSH_CHARS) });
    expect(sent).toHaveLength(2);
    await s.close();
  });

  it('holds the producer while too many batches are on their way, and warns once when the core stops taking them', async () => {
    const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
    const { s, holds, warnings } = stream(() => new Promise<void>((resolve, reject) => pending.push({ resolve, reject })));
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
    expect(warnings).toEqual(['gatehouse: the recording of this session stopped: the Gatehouse core closed the connection']);
    s.record({ kind: 'output', data: 'after' });
    await s.close();
    expect(pending).toEqual([]);
  });
});
