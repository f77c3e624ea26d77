// Output batching: small writes merge until the batch time, a large batch goes at once, nothing is lost on dispose.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  OUTPUT_BATCH_MAX_CHARS,
  OUTPUT_BATCH_MS,
  OutputBatcher,
} from '../../../../electron/core/pty/output-batcher.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('OutputBatcher', () => {
  it('merges small writes until the batch time and sends a large batch at once', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const batcher = new OutputBatcher((d) => sent.push(d));
    batcher.push('a');
    batcher.push('b');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(OUTPUT_BATCH_MS);
    expect(sent).toEqual(['ab']);
    const big = 'x'.repeat(OUTPUT_BATCH_MAX_CHARS);
    batcher.push('c');
    batcher.push(big);
    expect(sent).toEqual(['ab', `c${big}`]);
    batcher.push('d');
    batcher.dispose();
    expect(sent.at(-1)).toBe('d');
    vi.advanceTimersByTime(OUTPUT_BATCH_MS);
    expect(sent).toHaveLength(3);
  });
});
