// A hosted session's screen dropped while nobody watched and rebuilt from the recording: the rebuilt screen (and the
// screen that goes on from it) is the one a screen fed everything would show, scrollback included.
import headless from '@xterm/headless';
import type { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../electron/core/recording/common/codec.ts';
import { sgr } from '../../../electron/core/recording/common/screen-terminal.ts';
import type { SessionRecorder } from '../../../electron/core/recording/common/types.ts';
import { LiveScreen, type ScreenState } from '../../../electron/core/pty/live-screen.ts';
import { SCREEN_SCROLLBACK_LINES } from '../../../electron/core/pty/screen.ts';
import { openRecordings, programEvents, recordAll } from '../../support/recordings.ts';
import { replayInto, settled } from '../../support/screen-fingerprint.ts';
import { capturedProgramOutput, trickyEvents } from '../../support/terminal-streams.ts';

const SIZE = { cols: 100, rows: 30 };

type Scope = 'all' | 'screen';

function terminal(cols: number, rows: number): Terminal {
  return new headless.Terminal({ cols, rows, scrollback: SCREEN_SCROLLBACK_LINES, allowProposedApi: true });
}

/**
 * Every line of the buffer (`all`: scrollback included; `screen`: the rows on screen) with its colours and wrapping,
 * the cursor, and which buffer is active.
 */
function bufferOf(term: Terminal, lines: Scope): string[] {
  const b = term.buffer.active;
  const out = [`${b.type} ${term.cols}x${term.rows} cursor ${b.cursorX},${b.cursorY}`];
  const first = lines === 'all' ? 0 : b.baseY;
  for (let y = first; y < b.length; y++) {
    const line = b.getLine(y);
    if (!line) continue;
    // The first line may continue one that scrolled away: no snapshot can say so (nor does it change what is shown).
    let text = line.isWrapped && y > first ? '↩' : '';
    let style = '';
    for (let x = 0; x < term.cols; x++) {
      const cell = line.getCell(x);
      if (!cell) break;
      const s = sgr(cell);
      if (s !== style) text += `{${(style = s)}}`;
      text += cell.getChars() || ' ';
    }
    out.push(text.trimEnd());
  }
  return out;
}

/** What a viewer draws from a snapshot. */
async function drawn(state: ScreenState, scope: Scope): Promise<string[]> {
  const term = terminal(state.cols, state.rows);
  term.write(state.data);
  await settled(term);
  const lines = bufferOf(term, scope);
  term.dispose();
  return lines;
}

/**
 * What a screen fed every event from the start shows, drawn the same way (through a snapshot of it). `screen`: the
 * rows on screen only, for streams whose scrollback no snapshot reproduces (scroll regions, line-drawing charsets and
 * wrap edge cases, as the keyframe tests also check them).
 */
async function expectedAfter(events: readonly StreamEvent[], scope: Scope): Promise<string[]> {
  const live = new LiveScreen({
    ...SIZE,
    recorder: null,
    unwatchedLimit: Infinity,
    unwatched: () => true,
    parsed: () => {},
    tracked: () => {},
    onError: (err) => {
      throw err;
    },
  });
  for (const e of events) {
    if (e.kind === 'output') live.write(e.data);
    else if (e.kind === 'resize') live.resize(e.cols, e.rows);
  }
  const state = await live.serialize();
  live.dispose();
  // The snapshot draws what the terminal itself shows.
  const direct = terminal(SIZE.cols, SIZE.rows);
  replayInto(direct, events);
  await settled(direct);
  expect(await drawn(state, scope)).toEqual(bufferOf(direct, scope));
  direct.dispose();
  return drawn(state, scope);
}

interface Producer {
  screen: LiveScreen;
  recorder: SessionRecorder;
  errors: unknown[];
  /** Records and shows events, as a hosted session does with its output. */
  play(events: readonly StreamEvent[]): void;
}

function producer(unwatchedLimit: number): Producer {
  const t = openRecordings();
  t.addSession('s');
  const recorder = t.recordings.start('s', SIZE, Date.now());
  const errors: unknown[] = [];
  const screen = new LiveScreen({
    ...SIZE,
    recorder,
    unwatchedLimit,
    unwatched: () => true,
    parsed: () => {},
    tracked: () => {},
    onError: (err) => errors.push(err),
  });
  return {
    screen,
    recorder,
    errors,
    play(events) {
      for (const e of events) {
        recordAll(recorder, [e]);
        if (e.kind === 'output') screen.write(e.data);
        else if (e.kind === 'resize') screen.resize(e.cols, e.rows);
      }
    },
  };
}

/**
 * More than a keyframe interval (256 KB) and more lines than the scrollback holds, with resizes along the way. A piece
 * every 6 s: keyframes (taken every 5 s too) fall after almost every piece, so the replay starts where the rebuild
 * chooses, not at a keyframe far earlier that would hide a wrong choice.
 */
function longSession(): StreamEvent[] {
  const raw = capturedProgramOutput();
  const events = programEvents(raw.repeat(Math.ceil((600 * 1024) / raw.length))).map((e, i) => ({
    ...e,
    atMs: i * 6000,
  }));
  const at = (i: number) => (events[i] as StreamEvent).atMs;
  // A resize early on and one near the end, where the replay must already hold a full buffer to reflow alike: wider
  // and taller, so wrapped lines join and lines come back from the scrollback.
  events.splice(40, 0, { atMs: at(39), kind: 'resize', cols: 80, rows: 24 });
  events.splice(events.length - 5, 0, { atMs: at(events.length - 6), kind: 'resize', cols: 200, rows: 90 });
  // Ten seconds later, a few lines: the last keyframe (taken at least every 5 s) holds no scrollback, so the
  // scrollback has to come from replaying further back.
  const end = at(events.length - 1);
  events.push(
    { atMs: end + 10_000, kind: 'output', data: 'later\r\n' },
    { atMs: end + 10_001, kind: 'output', data: 'and later\r\n' },
  );
  return events;
}

describe('a screen rebuilt from the recording', () => {
  it('is the screen a screen fed everything shows, scrollback included, and goes on exactly like it', async () => {
    const p = producer(64 * 1024);
    const first = longSession();
    p.play(first);
    expect(p.screen.live).toBe(false);
    expect(await drawn(await p.screen.serialize(), 'all')).toEqual(await expectedAfter(first, 'all'));
    expect(p.screen.live).toBe(true);
    // The rebuilt screen carries the state a plain snapshot leaves out (scroll regions, saved cursors, charsets, the
    // alternate screen): what comes next draws as it would have.
    const more = trickyEvents().map((e) => ({ ...e, atMs: e.atMs + (first.at(-1) as StreamEvent).atMs }));
    p.play(more);
    expect(await drawn(await p.screen.serialize(), 'screen')).toEqual(
      await expectedAfter([...first, ...more], 'screen'),
    );
    expect(p.errors).toEqual([]);
  });

  it('applies what arrives while it is being rebuilt after it, and each snapshot shows its own moment', async () => {
    const p = producer(1024);
    const raw = capturedProgramOutput();
    const before = programEvents(raw);
    const t0 = (before.at(-1) as StreamEvent).atMs;
    const after = programEvents(raw.slice(0, 40_000)).map((e) => ({ ...e, atMs: e.atMs + t0 }));
    p.play(before);
    expect(p.screen.live).toBe(false);
    const atFirst = p.screen.serialize();
    p.play(after.slice(0, 5));
    const atSecond = p.screen.serialize();
    p.play(after.slice(5));
    const atThird = p.screen.serialize();
    expect(await drawn(await atFirst, 'all')).toEqual(await expectedAfter(before, 'all'));
    expect(await drawn(await atSecond, 'all')).toEqual(await expectedAfter([...before, ...after.slice(0, 5)], 'all'));
    expect(await drawn(await atThird, 'all')).toEqual(await expectedAfter([...before, ...after], 'all'));
    expect(p.errors).toEqual([]);
  });

  it('is never dropped while watched, nor without a recording that can rebuild it', () => {
    let watched = true;
    const t = openRecordings();
    t.addSession('w');
    const recorder = t.recordings.start('w', SIZE, Date.now());
    const screen = new LiveScreen({
      ...SIZE,
      recorder,
      unwatchedLimit: 100,
      unwatched: () => !watched,
      parsed: () => {},
      tracked: () => {},
      onError: () => {},
    });
    screen.write('x'.repeat(1000));
    expect(screen.live).toBe(true);
    // The count starts again whenever somebody watches.
    watched = false;
    screen.write('x'.repeat(60));
    watched = true;
    screen.write('x');
    watched = false;
    screen.write('x'.repeat(60));
    expect(screen.live).toBe(true);
    screen.write('x'.repeat(60));
    expect(screen.live).toBe(false);

    const memoryOnly: SessionRecorder = { record: () => {}, close: async () => {} };
    const kept = new LiveScreen({
      ...SIZE,
      recorder: memoryOnly,
      unwatchedLimit: 100,
      unwatched: () => true,
      parsed: () => {},
      tracked: () => {},
      onError: () => {},
    });
    kept.write('x'.repeat(1000));
    expect(kept.live).toBe(true);
    kept.dispose();
    screen.dispose();
  });
});
