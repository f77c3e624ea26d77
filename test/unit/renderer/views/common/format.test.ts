// Words for the views: a countdown in m:ss, the same said aloud, and who decided.
import { describe, expect, it } from 'vitest';
import { describeDecider, formatCountdown, spokenDuration } from '../../../../../renderer/views/common/format.ts';

describe('words', () => {
  it('counts down in m:ss and says it in words', () => {
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(spokenDuration(61_000)).toBe('1 minute 1 second');
  });
});

describe('deciders', () => {
  it("names a line run by a hosted shell's typing trust", () => {
    expect(describeDecider('typed')).toBe('You, typing in a hosted shell');
  });
});
