// Trust mode: for a while, let every command below `high` through without asking. It lives in memory
// only (a restart ends it), counts down, and never lets `high` or `critical` through.
import type { RiskLevel } from '../../../shared/domain.ts';
import type { TrustStatus } from '../../../shared/rules.ts';

/** The hard floor: whatever the trust, these always reach a person. */
export const TRUST_FLOOR: readonly RiskLevel[] = ['high', 'critical'];

export type TrustChange = { type: 'started'; endsAt: number } | { type: 'ended'; why: 'expired' | 'stopped' | 'shutdown' };

export interface TrustModeOptions {
  now?: () => number;
  onChange?: (change: TrustChange) => void;
}

export class TrustMode {
  private readonly now: () => number;
  private readonly onChange: (change: TrustChange) => void;
  private endsAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(opts: TrustModeOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.onChange = opts.onChange ?? (() => {});
  }

  /** Starts (or restarts) a window of `durationMs` from now. */
  start(durationMs: number): TrustStatus {
    this.clearTimer();
    const endsAt = this.now() + durationMs;
    this.endsAt = endsAt;
    this.timer = setTimeout(() => this.end('expired'), durationMs);
    this.onChange({ type: 'started', endsAt });
    return this.status();
  }

  stop(): TrustStatus {
    if (this.endsAt !== null) this.end('stopped');
    return this.status();
  }

  /** True while a window is open (checked against the clock too, not only the timer). */
  get active(): boolean {
    return this.endsAt !== null && this.now() < this.endsAt;
  }

  /** Whether trust lets a command of this level through now. */
  admits(level: RiskLevel): boolean {
    return this.active && !TRUST_FLOOR.includes(level);
  }

  status(): TrustStatus {
    const active = this.active;
    return {
      active,
      endsAt: active && this.endsAt !== null ? new Date(this.endsAt).toISOString() : null,
      remainingMs: active && this.endsAt !== null ? this.endsAt - this.now() : 0,
      floor: [...TRUST_FLOOR],
    };
  }

  dispose(): void {
    if (this.endsAt !== null) this.end('shutdown');
  }

  private end(why: 'expired' | 'stopped' | 'shutdown'): void {
    this.clearTimer();
    this.endsAt = null;
    this.onChange({ type: 'ended', why });
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
