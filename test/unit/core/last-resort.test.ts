// The core's last resort: an uncaught error or rejection is logged with its stack, and the handlers go away with it.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { keepServing } from '../../../electron/core/last-resort.ts';

describe('keepServing', () => {
  it('logs uncaught errors and rejections instead of ending the process, until removed', () => {
    const proc = new EventEmitter();
    const logged: string[] = [];
    const stop = keepServing(proc, (m) => logged.push(m));
    proc.emit('uncaughtException', new TypeError("Cannot read properties of null (reading 't')"));
    proc.emit('unhandledRejection', 'a plain reason');
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/nobody caught; the core keeps running: TypeError: Cannot read properties of null/);
    expect(logged[0]).toContain('last-resort.test.ts');
    expect(logged[1]).toMatch(/promise failed .*: a plain reason$/);
    stop();
    expect(proc.listenerCount('uncaughtException')).toBe(0);
    expect(proc.listenerCount('unhandledRejection')).toBe(0);
  });
});
