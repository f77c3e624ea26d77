// Running out of file descriptors is said before it bites: once when the use nears the limit, once when it is back.
import { describe, expect, it } from 'vitest';
import {
  DescriptorWatch,
  procDescriptors,
  readDescriptorUse,
  type DescriptorReader,
} from '../../../electron/core/descriptors.ts';

function reader(limit: number | null): DescriptorReader & { open: number } {
  const r = { open: 10, openCount: () => r.open, softLimit: () => limit };
  return r;
}

describe('DescriptorWatch', () => {
  it('warns once past 80% of the limit, with the held count and what to do, and once when back under 70%', () => {
    const r = reader(1000);
    const logged: string[] = [];
    const watch = new DescriptorWatch({ reader: r, held: () => 790, log: (m) => logged.push(m) });
    expect(watch.check()).toEqual({ open: 10, limit: 1000 });
    r.open = 799;
    watch.check();
    expect(logged).toEqual([]);
    r.open = 800;
    watch.check();
    r.open = 950;
    watch.check();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /800 of 1000 file descriptors in use, 790 commands held\. Past the limit new hooks cannot connect.*ulimit -n/,
    );
    r.open = 750;
    watch.check();
    expect(logged).toHaveLength(1);
    r.open = 600;
    watch.check();
    expect(logged[1]).toBe('gatehouse: file descriptors back to 600 of 1000.');
  });

  it('takes a failed read after a good one as no descriptors left', () => {
    const r = reader(1000);
    const logged: string[] = [];
    const watch = new DescriptorWatch({
      reader: { openCount: () => r.openCount(), softLimit: () => r.softLimit() },
      held: () => 990,
      log: (m) => logged.push(m),
    });
    watch.check();
    r.openCount = () => null;
    expect(watch.check()).toEqual({ open: 1000, limit: 1000 });
    expect(logged[0]).toMatch(/1000 of 1000 file descriptors in use, 990 commands held/);
  });

  it('says nothing where the limit cannot be read, and reads the real process here', () => {
    const logged: string[] = [];
    const r = reader(null);
    r.open = 1_000_000;
    new DescriptorWatch({ reader: r, held: () => 0, log: (m) => logged.push(m) }).check();
    expect(logged).toEqual([]);
    const real = readDescriptorUse(procDescriptors);
    expect(real?.open).toBeGreaterThan(2);
    if (process.platform === 'linux') expect(real?.limit).toBeGreaterThan(real?.open ?? 0);
  });
});
