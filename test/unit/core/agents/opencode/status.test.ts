// What doctor and the session's protections say about OpenCode: the gate's absence blocks, a plug-in that fails to
// load does not (measured on 1.18.33), and a version other than the measured one is named as such.
import { describe, expect, it } from 'vitest';
import { opencodeFailMode, opencodeProtections } from '../../../../../electron/core/agents/opencode/status.ts';

describe('OpenCode status', () => {
  it('says where it fails closed and where it fails open, with the version it was measured on', () => {
    const f = opencodeFailMode('1.18.33');
    expect(f.failsClosed).toBe(true);
    expect(f.detail).toContain('an unreachable gate blocks the tool call');
    expect(f.detail).toContain('a plug-in that fails to load is skipped');
    expect(f.detail).toContain('verified on 1.18.33)');
    expect(opencodeFailMode('1.20.0').detail).toContain('verified on 1.18.33, this is 1.20.0');
    expect(opencodeFailMode(null).detail).toContain('an unknown version');
  });

  it('calls the hooks partial (a plug-in that fails to load is skipped)', () => {
    expect(opencodeProtections().hooks.state).toBe('partial');
  });
});
