// Reading another process off /proc: its stat line, its environment, and its ancestry up to init.
import { describe, expect, it } from 'vitest';
import { ancestry, parseEnviron, parseStat } from '../../../../electron/core/peer/proc.ts';
import { fakeProc, TREE } from '../../../support/fake-proc.ts';

describe('/proc parsing', () => {
  it('reads the parent and start time after a command name holding spaces and parentheses', () => {
    const stat =
      '4242 (evil) 1 2) S 4100 4242 4100 34816 4242 4194560 1130 0 0 0 3 1 0 0 20 0 1 0 987654 8785920 1262 18446744073709551615';
    expect(parseStat(stat)).toEqual({ ppid: 4100, startTime: 987654 });
  });

  it('reads NUL-separated environments, values with = kept whole', () => {
    expect(parseEnviron('A=1\0B=x=y\0\0')).toEqual(
      new Map([
        ['A', '1'],
        ['B', 'x=y'],
      ]),
    );
  });

  it('walks up to init and stops on a loop', () => {
    expect(ancestry(fakeProc(TREE), 600).map((l) => l.pid)).toEqual([600, 500, 400, 300, 200, 100]);
    expect(ancestry(fakeProc({ 5: { ppid: 6 }, 6: { ppid: 5 } }), 5).map((l) => l.pid)).toEqual([5, 6]);
  });
});
