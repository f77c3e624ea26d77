import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../../../electron/core/recording/common/codec.ts';
import { ScreenTerminal } from '../../../../../electron/core/recording/common/screen-terminal.ts';
import { fingerprint, newTerminal, replayInto, settled } from '../../../../support/screen-fingerprint.ts';
import { capturedProgramOutput, trickyEvents } from '../../../../support/terminal-streams.ts';

interface Truth {
  /** fingerprints[k]: the terminal after the first k events. */
  fingerprints: string[];
  /** captures[k]: ScreenTerminal's capture after k events, or null where the parser was mid-sequence. */
  captures: Array<{ screen: string; cols: number; rows: number } | null>;
}

async function truthAfterEachEvent(events: readonly StreamEvent[], cols: number, rows: number): Promise<Truth> {
  const plain = newTerminal(cols, rows);
  const screen = new ScreenTerminal(cols, rows);
  const truth: Truth = { fingerprints: [], captures: [] };
  const take = () => {
    truth.fingerprints.push(fingerprint(plain));
    truth.captures.push(screen.atRest() ? { screen: screen.capture(), cols: screen.cols, rows: screen.rows } : null);
  };
  await settled(plain);
  await screen.settled();
  take();
  for (const e of events) {
    replayInto(plain, [e]);
    if (e.kind === 'output') screen.write(e.data);
    else if (e.kind === 'resize') screen.resize(e.cols, e.rows);
    await settled(plain);
    await screen.settled();
    take();
  }
  plain.dispose();
  screen.dispose();
  return truth;
}

/** Restores each capture, replays a few events further, and lists every point where it no longer matches. */
async function divergences(
  events: readonly StreamEvent[],
  cols: number,
  rows: number,
  cuts: readonly number[],
): Promise<string[]> {
  const truth = await truthAfterEachEvent(events, cols, rows);
  expect(truth.fingerprints).toHaveLength(events.length + 1);
  const wrong: string[] = [];
  let restoredCuts = 0;
  for (const cut of cuts) {
    const at = truth.captures[cut];
    if (!at) continue;
    restoredCuts++;
    const term = newTerminal(at.cols, at.rows);
    term.write(at.screen);
    const seen: Array<[number, string]> = [];
    term.write('', () => seen.push([cut, fingerprint(term)]));
    // Right away and a few events later, while whatever hidden state the cut fell on still matters.
    for (let j = cut; j < Math.min(events.length, cut + 8); j++) {
      replayInto(term, [events[j] as StreamEvent]);
      term.write('', () => seen.push([j + 1, fingerprint(term)]));
    }
    await settled(term);
    term.dispose();
    for (const [j, fp] of seen) if (fp !== truth.fingerprints[j]) wrong.push(`cut ${cut}, checked after ${j}`);
  }
  expect(restoredCuts).toBeGreaterThan(cuts.length / 2);
  return wrong;
}

describe('ScreenTerminal.capture', () => {
  it('rebuilds a screen that then goes on exactly like the original, at every cut of a stream full of hidden state', async () => {
    const events = trickyEvents();
    expect(
      await divergences(
        events,
        80,
        24,
        events.map((_, i) => i),
      ),
    ).toEqual([]);
  });

  it('does the same for real program output split at arbitrary points', async () => {
    const raw = capturedProgramOutput();
    expect(raw).toContain('\x1b[');
    const events: StreamEvent[] = [];
    const sizes = [
      [100, 30],
      [61, 17],
      [130, 40],
    ] as const;
    for (let i = 0, t = 0; i < raw.length; i += 997) {
      events.push({ atMs: t++, kind: 'output', data: raw.slice(i, i + 997) });
      const size = sizes[events.length % sizes.length] ?? sizes[0];
      if (events.length % 10 === 0) events.push({ atMs: t++, kind: 'resize', cols: size[0], rows: size[1] });
    }
    expect(
      await divergences(
        events,
        100,
        30,
        events.map((_, i) => i),
      ),
    ).toEqual([]);
  });

  it('is not at rest inside an escape sequence or a surrogate pair, and is between them', async () => {
    const term = new ScreenTerminal(20, 5);
    const states: boolean[] = [];
    for (const piece of ['plain', '\x1b[1;3', '1m', '\x1b]0;tit', 'le\x07', '\ud83d', '\ude42']) {
      term.write(piece);
      term.then(() => states.push(term.atRest()));
    }
    await term.settled();
    term.dispose();
    expect(states).toEqual([true, false, true, false, true, false, true]);
  });
});
