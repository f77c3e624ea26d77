// The marks a shell's integration prints: the working directory it reports (OSC 7).
import { describe, expect, it } from 'vitest';
import { parseCwd } from '../../../../electron/core/pty/shell-marks.ts';

describe('parseCwd', () => {
  it('reads OSC 7 file URLs', () => {
    expect(parseCwd('file://vm/home/u/my%20project')).toBe('/home/u/my project');
    expect(parseCwd('file:///tmp/a%23b')).toBe('/tmp/a#b');
    expect(parseCwd('http://x/y')).toBeNull();
    expect(parseCwd('file://%zz')).toBeNull();
  });
});
