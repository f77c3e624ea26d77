// Time in the core. People read wall-clock times, so stored timestamps stay wall-clock; but the wall clock
// can be stepped back (by hand, by NTP after a wrong setting, by a VM restored from a snapshot), and an
// expiry, a trust window or a timeout must never come back to life because of it.

/** The two clocks the core reads: injected, so tests can step the wall clock back and forth. */
export interface Clock {
  /** Milliseconds since the epoch as the system says now (timestamps for people). */
  wall(): number;
  /** Milliseconds from an arbitrary origin that never goes back (durations within this process). */
  monotonic(): number;
}

export const systemClock: Clock = { wall: () => Date.now(), monotonic: () => performance.now() };

/** A clock whose two readings are the same function (tests driving time by hand, fake timers). */
export function clockOf(now: () => number): Clock {
  return { wall: now, monotonic: now };
}

/**
 * How far the wall clock may fall behind the monotonic clock before it counts as a step back rather than
 * drift: NTP slews the wall clock by up to 500 ppm, so over a long run the two part by seconds, slowly.
 */
export const STEP_BACK_TOLERANCE_MS = 1000;

/**
 * Wall-clock time that never goes back within this process. It is the wall clock while the wall clock
 * keeps pace; after a step back (more than STEP_BACK_TOLERANCE_MS), it is the last wall reading carried
 * forward by the monotonic clock until the wall clock catches up. A step forward is taken as it comes: an
 * expiry passes sooner, never later (which also ends a trust window across a suspend, which the monotonic
 * clock does not count on Linux).
 */
export class SteadyClock {
  private readonly clock: Clock;
  private wallAt: number;
  private monoAt: number;
  private last: number;

  constructor(clock: Clock = systemClock) {
    this.clock = clock;
    this.wallAt = clock.wall();
    this.monoAt = clock.monotonic();
    this.last = this.wallAt;
  }

  /** The wall clock as it reads now (for what a person is shown next to "now"). */
  wall(): number {
    return this.clock.wall();
  }

  /** Epoch ms, never less than any earlier reading. */
  now(): number {
    const wall = this.clock.wall();
    const mono = this.clock.monotonic();
    const carried = this.wallAt + (mono - this.monoAt);
    let reading: number;
    if (wall > carried - STEP_BACK_TOLERANCE_MS) {
      this.wallAt = wall;
      this.monoAt = mono;
      reading = wall;
    } else {
      reading = Math.floor(carried);
    }
    if (reading > this.last) this.last = reading;
    return this.last;
  }
}
