// The processes agent sessions run under: kept with their start time, never init or the core and its parents.
import { describe, expect, it } from 'vitest';
import { SessionRoots } from '../../../../electron/core/sessions/session-roots.ts';
import { fakeProc, RUN_ROOT, TREE } from '../../../support/fake-proc.ts';

describe('SessionRoots', () => {
  it('keeps pids with their start time, and never 1 or the core and its parents', () => {
    const roots = new SessionRoots(fakeProc(TREE), [200, 100]);
    roots.set('s1', [300, 1, 200, 99999]);
    expect([...roots.all()]).toEqual([RUN_ROOT]);
    roots.delete('s1');
    expect([...roots.all()]).toEqual([]);
  });
});
