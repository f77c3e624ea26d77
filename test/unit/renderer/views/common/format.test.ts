// Times in words for the views: a countdown in m:ss, and the same said aloud.
import { describe, expect, it } from 'vitest';
import { formatCountdown, spokenDuration } from '../../../../../renderer/views/common/format.ts';

describe('words', () => {
  it('counts down in m:ss and says it in words', () => {
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(spokenDuration(61_000)).toBe('1 minute 1 second');
  });
});
