import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../shared/duration.ts';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['7d', 604_800_000],
    ['30', 30_000],
    [' 1.5h ', 5_400_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'soon', '10 minutes', '-5m', '5w', 'm'])('rejects %j', (text) => expect(parseDuration(text)).toBeNull());
});

describe('formatDuration', () => {
  it('says durations the way people do', () => {
    expect(formatDuration(600_000)).toBe('10 minutes');
    expect(formatDuration(1000)).toBe('1 second');
    expect(formatDuration(90_000)).toBe('1.5 minutes');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(86_400_000)).toBe('1 day');
  });
});
