// Plays a recording (or a clip of one) into a terminal surface: seek (a screen, then the events after it), play and
// pause, speed, skipping idle stretches. Events are fetched a window ahead of the play head. The player owns its one
// timer; the store hears only the position and state (throttled), never the bytes.
import type { Screen, TimedEvent } from '../../shared/recording.ts';
import type { TerminalSurface } from './surface.ts';

/** Where a player reads from: the core's recording calls, or a clip already in memory. */
export interface PlaybackSource {
  /** The end as the source was made; a recording still being written moves it on with `Player.extend`. */
  durationMs: number;
  /** A recorder is still writing it: more may come, at its last millisecond too. */
  stillRecording?: boolean;
  /** The screen at `atMs` (its `atMs` may be earlier: the player writes the events in between). */
  screenAt(atMs: number): Promise<Screen>;
  /** Events in (fromMs, toMs], in order. */
  events(fromMs: number, toMs: number): Promise<TimedEvent[]>;
}

export interface PlayerClock {
  now(): number;
  /** Runs `fn` after `ms`; returns its canceller. */
  later(fn: () => void, ms: number): () => void;
}

export interface PlayerState {
  positionMs: number;
  playing: boolean;
  /** A seek or a fetch is under way. */
  busy: boolean;
  error: string | null;
}

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
export type Speed = (typeof SPEEDS)[number];

/** How much recording time is fetched ahead of the play head at once: a few round trips a minute at 16×. */
const FETCH_AHEAD_MS = 20_000;
/** A pause longer than this (in recording time) is skipped when skipping idle time... */
export const IDLE_MS = 2000;
/** ...down to this much, so the viewer still sees that time passed. */
const IDLE_KEPT_MS = 300;
/** A frame: how often the play head moves while playing. */
const FRAME_MS = 16;
/** The store (and so the seek bar) hears the position this often while playing. */
const REPORT_MS = 100;

export const browserClock: PlayerClock = {
  now: () => performance.now(),
  later: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export class Player {
  private readonly source: PlaybackSource;
  private readonly surface: TerminalSurface;
  private readonly clock: PlayerClock;
  private readonly report: (state: PlayerState) => void;
  private state: PlayerState = { positionMs: 0, playing: false, busy: false, error: null };
  private durationMs: number;
  private stillRecording: boolean;
  private speed: Speed = 1;
  private skipIdle = true;
  /** Events after the play head, fetched up to `fetchedTo`. */
  private queue: TimedEvent[] = [];
  private fetchedTo = 0;
  private fetching: Promise<void> | null = null;
  /** Bumped by every seek: answers to an older seek or fetch are dropped. */
  private generation = 0;
  private cancelTick: (() => void) | null = null;
  private lastTick = 0;
  private lastReport = 0;
  private disposed = false;

  constructor(
    source: PlaybackSource,
    surface: TerminalSurface,
    report: (state: PlayerState) => void,
    clock: PlayerClock = browserClock,
  ) {
    this.source = source;
    this.surface = surface;
    this.report = report;
    this.clock = clock;
    this.durationMs = source.durationMs;
    this.stillRecording = source.stillRecording ?? false;
  }

  get positionMs(): number {
    return this.state.positionMs;
  }

  /**
   * The recording grew (it was still being written when this player started): seeking and playing reach its new end.
   * Playing that was waiting at the old end goes on. `stillRecording` false: this end is final.
   */
  extend(durationMs: number, stillRecording: boolean): void {
    this.durationMs = Math.max(this.durationMs, durationMs);
    this.stillRecording = stillRecording;
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
  }

  setSkipIdle(skip: boolean): void {
    this.skipIdle = skip;
  }

  /** Shows the screen at `atMs` at once; playing goes on from there if it was playing. */
  async seek(atMs: number): Promise<void> {
    const target = Math.max(0, Math.min(this.readableTo, Math.round(atMs)));
    const generation = ++this.generation;
    const wasPlaying = this.state.playing;
    this.stopTicking();
    this.queue = [];
    this.fetching = null;
    this.update({ positionMs: target, busy: true, error: null, playing: false });
    try {
      const screen = await this.source.screenAt(target);
      if (generation !== this.generation || this.disposed) return;
      this.surface.reset();
      this.surface.resize({ cols: screen.cols, rows: screen.rows });
      this.surface.write(screen.data);
      const catchUp = screen.atMs < target ? await this.source.events(screen.atMs, target) : [];
      if (generation !== this.generation || this.disposed) return;
      catchUp.forEach((e) => this.apply(e));
      this.fetchedTo = target;
      this.update({ busy: false });
      if (wasPlaying) this.play();
    } catch (err) {
      if (generation === this.generation) this.update({ busy: false, error: messageOf(err) });
    }
  }

  play(): void {
    if (this.disposed || this.state.busy) return;
    if (this.state.positionMs >= this.durationMs) {
      // At the end, play starts over.
      void this.seek(0).then(() => this.play());
      return;
    }
    this.update({ playing: true });
    this.lastTick = this.clock.now();
    this.lastReport = this.lastTick;
    this.scheduleTick();
  }

  pause(): void {
    this.stopTicking();
    this.update({ playing: false });
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.stopTicking();
  }

  private tick(): void {
    this.cancelTick = null;
    if (!this.state.playing || this.disposed) return;
    const now = this.clock.now();
    let position = this.state.positionMs + (now - this.lastTick) * this.speed;
    this.lastTick = now;
    // Nothing happens before the next event, or (none fetched yet) before the edge of what was fetched.
    const quietUntil = this.queue[0]?.atMs ?? this.fetchedTo;
    if (this.skipIdle && quietUntil - this.state.positionMs > IDLE_MS)
      position = Math.max(position, quietUntil - IDLE_KEPT_MS);
    position = Math.min(position, this.durationMs);
    while (this.queue.length && (this.queue[0] as TimedEvent).atMs <= position)
      this.apply(this.queue.shift() as TimedEvent);
    this.state.positionMs = position;
    if (this.queue.length === 0 && this.fetchedTo < position) {
      // Out of fetched events: wait at the edge of what is known.
      this.state.positionMs = this.fetchedTo;
    }
    // The end of a recording still being written is never reached (see readableTo): playing waits there for more.
    if (position >= this.durationMs && this.fetchedTo >= this.durationMs && this.queue.length === 0) {
      this.update({ positionMs: this.durationMs, playing: false });
      return;
    }
    this.fetchAhead();
    if (now - this.lastReport >= REPORT_MS) {
      this.lastReport = now;
      this.report({ ...this.state });
    }
    this.scheduleTick();
  }

  /**
   * How far events may be read. A recording still being written ends at its last stored event, and the recorder stores
   * in batches, so more events of that same millisecond may follow; they are read once the end has moved past it.
   */
  private get readableTo(): number {
    return this.stillRecording ? Math.max(0, this.durationMs - 1) : this.durationMs;
  }

  private fetchAhead(): void {
    if (
      this.fetching ||
      this.fetchedTo >= this.readableTo ||
      this.fetchedTo - this.state.positionMs > FETCH_AHEAD_MS / 2
    )
      return;
    const generation = this.generation;
    const from = this.fetchedTo;
    const to = Math.min(this.readableTo, from + FETCH_AHEAD_MS);
    this.fetching = this.source.events(from, to).then(
      (events) => {
        if (generation !== this.generation) return;
        this.queue.push(...events);
        this.fetchedTo = to;
        this.fetching = null;
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        this.fetching = null;
        this.stopTicking();
        this.update({ playing: false, error: messageOf(err) });
      },
    );
  }

  private apply(e: TimedEvent): void {
    const ev = e.event;
    if (ev.kind === 'output') this.surface.write(ev.data);
    else if (ev.kind === 'resize') this.surface.resize({ cols: ev.cols, rows: ev.rows });
    // Input is what was typed (its echo is in the output); markers are on the seek bar; a gap has no bytes.
  }

  private scheduleTick(): void {
    this.cancelTick = this.clock.later(() => this.tick(), FRAME_MS);
  }

  private stopTicking(): void {
    this.cancelTick?.();
    this.cancelTick = null;
  }

  private update(patch: Partial<PlayerState>): void {
    this.state = { ...this.state, ...patch };
    this.report({ ...this.state });
  }
}

/** A clip the core sent (the screen some seconds before an interception, then the events up to it), as a source. */
export function clipSource(start: Screen, events: readonly TimedEvent[], endMs: number): PlaybackSource {
  const offset = start.atMs;
  const local = events.map((e) => ({ atMs: e.atMs - offset, event: e.event }));
  return {
    durationMs: Math.max(0, endMs - offset),
    screenAt: async () => ({ ...start, atMs: 0 }),
    events: async (fromMs, toMs) => local.filter((e) => e.atMs > fromMs && e.atMs <= toMs),
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
