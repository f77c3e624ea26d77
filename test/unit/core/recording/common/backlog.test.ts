// The one policy both sides of a recording follow when they fall behind: text is taken while the backlog stays under
// the limit; past it, text is dropped and counted until the backlog has drained well below, and the gap it leaves is
// handed to the recorder to mark. Output dropped elsewhere joins a gap of the same cause; a restart is its own gap.
import { describe, expect, it } from 'vitest';
import {
  BacklogGate,
  gapLabel,
  MAX_BACKLOG_BYTES,
  RESUME_BACKLOG_BYTES,
  type Gap,
} from '../../../../../electron/core/recording/common/backlog.ts';

/** A gate over a backlog the test sets, with what it told the recorder, in order. */
function gateOver(backlog: number) {
  const said: string[] = [];
  const gaps: Array<{ gap: Gap; atMs: number }> = [];
  const state = { backlog };
  const gate = new BacklogGate({
    backlog: () => state.backlog,
    opening: (atMs, cause) => void said.push(`opening ${cause} at ${atMs}`),
    closed: (gap, atMs) => {
      said.push(`closed at ${atMs}`);
      gaps.push({ gap: { ...gap }, atMs });
    },
  });
  return { gate, said, gaps, state };
}

describe('BacklogGate', () => {
  it('takes text as long as the backlog with it stays within the limit', () => {
    const { gate, said } = gateOver(MAX_BACKLOG_BYTES - 10);
    expect(gate.admit('x'.repeat(10), 1)).toBe(true);
    expect(said).toEqual([]);
  });

  it('past the limit, drops text and counts its bytes as UTF-8, until the backlog has drained to the resume mark', () => {
    const { gate, said, gaps, state } = gateOver(MAX_BACKLOG_BYTES - 10);
    expect(gate.admit('x'.repeat(11), 5)).toBe(false);
    // Drained below the limit but not to the resume mark: still dropping, so gaps are few and long.
    state.backlog = RESUME_BACKLOG_BYTES + 1;
    expect(gate.admit('é', 6)).toBe(false);
    expect(gaps).toEqual([]);
    state.backlog = RESUME_BACKLOG_BYTES;
    // Caught up: the gap is closed at the time of the text that is taken, before it.
    expect(gate.admit('after', 9)).toBe(true);
    expect(gaps).toEqual([{ gap: { atMs: 5, droppedBytes: 11 + 2, cause: 'behind' }, atMs: 9 }]);
    expect(said).toEqual(['opening behind at 5', 'closed at 9']);
    // And text is taken again without a gap.
    expect(gate.admit('more', 10)).toBe(true);
    expect(gaps).toHaveLength(1);
  });

  it('lets the recorder put out what it keeps back before the gap opens, and measures the backlog after that', () => {
    let backlog = MAX_BACKLOG_BYTES;
    const gaps: Gap[] = [];
    const gate = new BacklogGate({
      backlog: () => backlog,
      // What is put out here is stored at once: the backlog is then low enough to take the text after all.
      opening: () => void (backlog = 0),
      closed: (gap) => void gaps.push({ ...gap }),
    });
    expect(gate.admit('x', 3)).toBe(true);
    expect(gaps).toEqual([{ atMs: 3, droppedBytes: 0, cause: 'behind' }]);
  });

  it('adds output dropped elsewhere to the gap open now, and closes it', () => {
    const { gate, said, gaps } = gateOver(MAX_BACKLOG_BYTES);
    expect(gate.admit('abc', 10)).toBe(false);
    gate.dropped(20, 30, 100, 'behind');
    expect(gaps).toEqual([{ gap: { atMs: 10, droppedBytes: 103, cause: 'behind' }, atMs: 30 }]);
    expect(said).toEqual(['opening behind at 10', 'closed at 30']);
  });

  it('records output dropped elsewhere with none dropped here as a gap from when it started', () => {
    const { gate, gaps } = gateOver(0);
    gate.dropped(20, 30, 100, 'behind');
    expect(gaps).toEqual([{ gap: { atMs: 20, droppedBytes: 100, cause: 'behind' }, atMs: 30 }]);
  });

  it('keeps a restart apart from a gap of falling behind, and records it even when nothing was lost', () => {
    const { gate, said, gaps } = gateOver(MAX_BACKLOG_BYTES);
    expect(gate.admit('abc', 10)).toBe(false);
    gate.dropped(20, 30, 0, 'restart');
    expect(gaps).toEqual([
      { gap: { atMs: 10, droppedBytes: 3, cause: 'behind' }, atMs: 30 },
      { gap: { atMs: 20, droppedBytes: 0, cause: 'restart' }, atMs: 30 },
    ]);
    expect(said).toEqual(['opening behind at 10', 'closed at 30', 'opening restart at 20', 'closed at 30']);
  });

  it('closes a gap still open when asked (the recording ends), and otherwise records nothing', () => {
    const { gate, gaps } = gateOver(MAX_BACKLOG_BYTES);
    gate.close(1);
    expect(gaps).toEqual([]);
    expect(gate.admit('abc', 10)).toBe(false);
    gate.close(12);
    gate.close(13);
    expect(gaps).toEqual([{ gap: { atMs: 10, droppedBytes: 3, cause: 'behind' }, atMs: 12 }]);
  });
});

describe('gapLabel', () => {
  it('says how much output was dropped over how long, or how much a restart lost', () => {
    expect(gapLabel({ atMs: 1_000, droppedBytes: 3 * 1024 * 1024, cause: 'behind' }, 3_500)).toBe(
      'recording gap: 3.0 MB of output dropped over 2.5 s (the recorder could not keep up)',
    );
    expect(gapLabel({ atMs: 1_000, droppedBytes: 4096, cause: 'restart' }, 9_000)).toBe(
      'Gatehouse restarted: 4096 bytes not recorded',
    );
  });
});
