// The replay player against an in-memory recording and a fake clock: seeking draws the screen then the events up to
// the moment; playing writes events on time, at speed, skipping idle stretches; a stale seek never draws.
import { describe, expect, it } from 'vitest';
import type { Screen, TimedEvent } from '../../../../shared/recording.ts';
import {
  clipSource,
  IDLE_MS,
  Player,
  type PlaybackSource,
  type PlayerClock,
  type PlayerState,
} from '../../../../renderer/terminal/player.ts';
import { FakeSurface } from '../support.tsx';

const out = (atMs: number, data: string): TimedEvent => ({ atMs, event: { kind: 'output', data } });

/** A recording: output at given times; a "keyframe" at 0 only, so every screen is built from events (as a source may). */
function source(events: TimedEvent[], durationMs: number) {
  const calls: string[] = [];
  let hold: Promise<void> | null = null;
  const s: PlaybackSource & { calls: string[]; holdScreens(p: Promise<void>): void } = {
    durationMs,
    calls,
    holdScreens: (p) => {
      hold = p;
    },
    screenAt: async (atMs): Promise<Screen> => {
      calls.push(`screen ${atMs}`);
      if (hold) await hold;
      return { sessionId: 's', atMs: 0, cols: 80, rows: 24, data: '[start]' };
    },
    events: async (fromMs, toMs) => {
      calls.push(`events ${fromMs}..${toMs}`);
      return events.filter((e) => e.atMs > fromMs && e.atMs <= toMs);
    },
  };
  return s;
}

function fakeClock() {
  let now = 0;
  const pending: Array<{ at: number; fn: () => void }> = [];
  const clock: PlayerClock = {
    now: () => now,
    later: (fn, ms) => {
      const t = { at: now + ms, fn };
      pending.push(t);
      return () => pending.splice(pending.indexOf(t), 1);
    },
  };
  /** Moves time on, firing due timers in order; lets the promises they start settle. */
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      pending.sort((a, b) => a.at - b.at);
      const next = pending[0];
      if (!next || next.at > end) break;
      pending.shift();
      now = next.at;
      next.fn();
      await flush();
    }
    now = end;
  };
  return { clock, advance, timers: () => pending.length };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('replay player', () => {
  it('seeks: the screen, then every event up to the moment, on a fresh terminal', async () => {
    const src = source([out(100, 'a'), out(2000, 'b'), out(5000, 'c')], 6000);
    const surface = new FakeSurface();
    const states: PlayerState[] = [];
    const player = new Player(src, surface, (s) => states.push(s), fakeClock().clock);
    await player.seek(2500);
    expect(surface.text()).toBe('[start]ab');
    expect(surface.resets).toBe(1);
    expect(player.positionMs).toBe(2500);
    await player.seek(100);
    expect(surface.text()).toBe('[start]a');
    // Beyond the end is the end.
    await player.seek(99_999);
    expect(surface.text()).toBe('[start]abc');
    expect(states.at(-1)).toMatchObject({ positionMs: 6000, busy: false, playing: false });
  });

  it('plays on time at the chosen speed, and stops at the end', async () => {
    const src = source([out(1000, 'a'), out(1500, 'b'), out(1900, 'c')], 2000);
    const surface = new FakeSurface();
    const t = fakeClock();
    const player = new Player(src, surface, () => {}, t.clock);
    player.setSkipIdle(false);
    await player.seek(0);
    player.play();
    await t.advance(1100);
    expect(surface.text()).toBe('[start]a');
    player.setSpeed(4);
    await t.advance(110);
    expect(surface.text()).toBe('[start]ab');
    await t.advance(200);
    expect(surface.text()).toBe('[start]abc');
    expect(t.timers()).toBe(0);
    expect(player.positionMs).toBe(2000);
  });

  it('skips idle time: a long pause is cut short, and nothing is lost', async () => {
    const src = source([out(100, 'a'), out(60_000, 'b')], 61_000);
    const surface = new FakeSurface();
    const t = fakeClock();
    const player = new Player(src, surface, () => {}, t.clock);
    await player.seek(0);
    player.play();
    // A minute of nothing plays in well under the idle threshold.
    await t.advance(IDLE_MS);
    expect(surface.text()).toBe('[start]ab');
    player.pause();
    expect(t.timers()).toBe(0);
  });

  it('follows a recording still being written: waits at its end while playing, and goes on as it grows', async () => {
    // Two events share the last stored millisecond; the second is stored only after the player first looked.
    const events = [out(500, 'a'), out(1000, 'b')];
    const src = Object.assign(source(events, 1000), { stillRecording: true });
    const surface = new FakeSurface();
    const t = fakeClock();
    const states: PlayerState[] = [];
    const player = new Player(src, surface, (s) => states.push(s), t.clock);
    player.setSkipIdle(false);
    await player.seek(0);
    player.play();
    await t.advance(3000);
    // Still playing, at the edge of what may be read: the last millisecond may not be complete yet.
    expect(surface.text()).toBe('[start]a');
    expect(player.positionMs).toBe(999);
    expect(t.timers()).toBe(1);
    events.push(out(1000, 'c'), out(2500, 'd'));
    player.extend(3000, true);
    await t.advance(1600);
    expect(surface.text()).toBe('[start]abcd');
    expect(states.at(-1)).toMatchObject({ playing: true });
    // Closed: the last millisecond is complete, and playing stops at the end.
    events.push(out(3000, 'e'));
    player.extend(3000, false);
    await t.advance(1000);
    expect(surface.text()).toBe('[start]abcde');
    expect(player.positionMs).toBe(3000);
    expect(states.at(-1)).toMatchObject({ positionMs: 3000, playing: false });
    expect(t.timers()).toBe(0);
    // Seeking reaches the new end too.
    await player.seek(2800);
    expect(surface.text()).toBe('[start]abcd');
    // A shorter end (an older look answering late) never cuts the recording.
    player.extend(1000, false);
    await player.seek(3000);
    expect(surface.text()).toBe('[start]abcde');
  });

  it('drops a seek overtaken by another (the later one is what shows)', async () => {
    const src = source([out(100, 'a'), out(200, 'b')], 300);
    const surface = new FakeSurface();
    const player = new Player(src, surface, () => {}, fakeClock().clock);
    let release: () => void = () => {};
    src.holdScreens(new Promise<void>((r) => (release = r)));
    const first = player.seek(150);
    const second = player.seek(250);
    release();
    await Promise.all([first, second]);
    expect(surface.resets).toBe(1);
    expect(surface.text()).toBe('[start]ab');
  });

  it('a clip is the screen before the interception and the events up to it, in its own time', async () => {
    const start: Screen = { sessionId: 's', atMs: 10_000, cols: 100, rows: 20, data: '[then]' };
    const clip = clipSource(
      start,
      [out(12_000, 'x'), { atMs: 13_000, event: { kind: 'resize', cols: 120, rows: 30 } }, out(14_000, 'y')],
      15_000,
    );
    expect(clip.durationMs).toBe(5000);
    const surface = new FakeSurface();
    const player = new Player(clip, surface, () => {}, fakeClock().clock);
    await player.seek(clip.durationMs);
    expect(surface.text()).toBe('[then]xy');
    expect(surface.size).toEqual({ cols: 120, rows: 30 });
    await player.seek(2500);
    expect(surface.text()).toBe('[then]x');
    expect(surface.size).toEqual({ cols: 100, rows: 20 });
  });

  it('reports a failed seek as an error, and keeps nothing running once disposed', async () => {
    const src = source([], 1000);
    src.screenAt = async () => {
      throw new Error('session abc has no recording');
    };
    const states: PlayerState[] = [];
    const t = fakeClock();
    const player = new Player(src, new FakeSurface(), (s) => states.push(s), t.clock);
    await player.seek(10);
    expect(states.at(-1)).toMatchObject({ busy: false, error: 'session abc has no recording' });
    player.dispose();
    player.play();
    expect(t.timers()).toBe(0);
  });
});
