// The store's health for the reviewer: a lock as long as it lasts, a failed write for a while after, each change told.
import { describe, expect, it } from 'vitest';
import { StoreHealth } from '../../../../electron/core/broker/store-health.ts';

describe('StoreHealth', () => {
  it('tells of a failed write, keeps it for the quiet time, then tells that it is over', () => {
    let now = 0;
    const told: Array<string | null> = [];
    const h = new StoreHealth({ lasting: () => null, changed: (p) => told.push(p), now: () => now, quietMs: 1000 });
    expect(h.current()).toBeNull();
    h.failed('Gatehouse cannot record decisions: the disk holding /d is full.');
    h.failed('Gatehouse cannot record decisions: the disk holding /d is full.');
    expect(told).toEqual(['Gatehouse cannot record decisions: the disk holding /d is full.']);
    now = 999;
    h.check();
    expect(h.current()).toMatch(/disk holding/);
    now = 1000;
    h.check();
    expect(told).toEqual(['Gatehouse cannot record decisions: the disk holding /d is full.', null]);
  });

  it('says a lasting lock for as long as the store reports it, before any failed write', () => {
    let lock: string | null = 'the database is locked by pid 42';
    const told: Array<string | null> = [];
    const h = new StoreHealth({ lasting: () => lock, changed: (p) => told.push(p), now: () => 0 });
    h.check();
    expect(h.current()).toBe('the database is locked by pid 42');
    lock = null;
    h.check();
    expect(told).toEqual(['the database is locked by pid 42', null]);
  });
});
