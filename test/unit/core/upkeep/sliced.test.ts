// Sliced work: steps run until the slice's time is up, then the event loop runs before the next slice.
import { describe, expect, it } from 'vitest';
import { runSliced } from '../../../../electron/core/upkeep/sliced.ts';

describe('runSliced', () => {
  it('cuts the work into slices of the budget and lets timers and I/O run between them', async () => {
    let now = 0;
    let done = 0;
    const servedAfter: number[] = [];
    // Each step takes 3 ms of a fake monotonic clock: a 10 ms slice holds 4 steps (the one that passes the budget ends it).
    const stats = await runSliced(
      () => {
        now += 3;
        done += 1;
        // Something that arrives during a slice (a request) is served before the next slice starts.
        if (done % 4 === 1) setImmediate(() => servedAfter.push(done));
        return done < 20;
      },
      { sliceMs: 10, monotonic: () => now },
    );
    expect(stats).toEqual({ steps: 20, slices: 5, longestSliceMs: 12 });
    expect(servedAfter).toEqual([4, 8, 12, 16]);
  });

  it('stops between steps when asked, and does nothing more', async () => {
    let steps = 0;
    let stop = false;
    const stats = await runSliced(
      () => {
        steps += 1;
        if (steps === 3) stop = true;
        return true;
      },
      { sliceMs: 1000, stopped: () => stop },
    );
    expect(steps).toBe(3);
    expect(stats.steps).toBe(3);
  });
});
