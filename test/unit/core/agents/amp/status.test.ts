// What doctor says about Amp: fail-closed as measured with `amp permissions test`, and plainly that no real Amp
// thread ran here.
import { describe, expect, it } from 'vitest';
import { ampFailMode, ampProtections } from '../../../../../electron/core/agents/amp/status.ts';

describe('Amp status', () => {
  it('says it fails closed, how that was measured, and what was not run', () => {
    const f = ampFailMode('0.0.1790142911-g7618fb (released 2026-09-23T05:55:11.000Z, 2mo ago)');
    expect(f.failsClosed).toBe(true);
    expect(f.detail).toContain('measured on 0.0.1790142911 with `amp permissions test`)');
    expect(f.detail).toContain('Not run in a real Amp thread here');
    expect(ampFailMode('0.0.1800000000').detail).toContain('this is 0.0.1800000000');
  });

  it('calls the hooks partial: the rules are checked, a thread is not', () => {
    expect(ampProtections().hooks.state).toBe('partial');
  });
});
