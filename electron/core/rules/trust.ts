// Trust mode: for a while, let every command below `high` through without asking. It lives in memory
// only (a restart ends it), counts down, and never lets `high` or `critical` through. It counts in the
// core's steady time (clock.ts): a wall clock stepped back does not lengthen it; one stepped forward (or a
// suspend) may shorten it, never the other way. Its start and end go into the audit trail and onto the core's
// event bus (`trust.started`, `trust.ended`).
import type { RiskLevel } from '../../../shared/domain.ts';
import type { TrustStatus } from '../../../shared/rules.ts';
import { clockOf, SteadyClock } from '../clock.ts';
import type { Publisher } from '../events/bus.ts';
import type { AuditRepository } from '../store/audit.ts';

/** The hard floor: whatever the trust, these always reach a person. */
export const TRUST_FLOOR: readonly RiskLevel[] = ['high', 'critical'];

/** `endsAt`: epoch ms on the wall clock as it read when trust started, for people. */
export type TrustChange =
  { type: 'started'; endsAt: number } | { type: 'ended'; why: 'expired' | 'stopped' | 'shutdown' };

export interface TrustModeOptions {
  clock?: SteadyClock;
  /** Instead of `clock`: one function for both clocks (tests, benchmarks). */
  now?: () => number;
  /** Trust starting or ending is a policy change: it goes into the audit trail (first) and to every client. */
  audit?: Pick<AuditRepository, 'record'>;
  /** Where `trust.started` and `trust.ended` are published. */
  events?: Publisher;
  onChange?: (change: TrustChange) => void;
}

export class TrustMode {
  private readonly clock: SteadyClock;
  private readonly audit: Pick<AuditRepository, 'record'> | null;
  private readonly events: Publisher | null;
  private readonly onChange: (change: TrustChange) => void;
  /** In the steady clock's time. */
  private endsAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(opts: TrustModeOptions = {}) {
    this.clock = opts.clock ?? new SteadyClock(opts.now ? clockOf(opts.now) : undefined);
    this.audit = opts.audit ?? null;
    this.events = opts.events ?? null;
    this.onChange = opts.onChange ?? (() => {});
  }

  /** Starts (or restarts) a window of `durationMs` from now. */
  start(durationMs: number): TrustStatus {
    this.clearTimer();
    this.endsAt = this.clock.now() + durationMs;
    // Node's timers run on the monotonic clock; the window is also checked against the steady clock.
    this.timer = setTimeout(() => this.end('expired'), durationMs);
    this.announce({ type: 'started', endsAt: this.clock.wall() + durationMs });
    return this.status();
  }

  stop(): TrustStatus {
    if (this.endsAt !== null) this.end('stopped');
    return this.status();
  }

  /** True while a window is open (checked against the clock too, not only the timer). */
  get active(): boolean {
    return this.remaining() > 0;
  }

  /** Whether trust lets a command of this level through now. */
  admits(level: RiskLevel): boolean {
    return this.active && !TRUST_FLOOR.includes(level);
  }

  /** `endsAt` is when the wall clock, as it reads now, will show the end; `remainingMs` is what counts. */
  status(): TrustStatus {
    const remainingMs = this.remaining();
    const active = remainingMs > 0;
    return {
      active,
      endsAt: active ? new Date(this.clock.wall() + remainingMs).toISOString() : null,
      remainingMs,
      floor: [...TRUST_FLOOR],
    };
  }

  dispose(): void {
    if (this.endsAt !== null) this.end('shutdown');
  }

  private remaining(): number {
    return this.endsAt === null ? 0 : Math.max(0, this.endsAt - this.clock.now());
  }

  private end(why: 'expired' | 'stopped' | 'shutdown'): void {
    this.clearTimer();
    this.endsAt = null;
    this.announce({ type: 'ended', why });
  }

  /** The audit entry, then the event (held requests are asked again on `trust.started`: core.ts), then `onChange`. */
  private announce(change: TrustChange): void {
    const at = Date.now();
    if (change.type === 'started') {
      const endsAt = new Date(change.endsAt).toISOString();
      this.audit?.record({ at, kind: 'trust.started', actor: 'user', subject: 'trust', data: { endsAt } });
      this.events?.publish({ type: 'trust.started', endsAt });
    } else {
      this.audit?.record({
        at,
        kind: 'trust.ended',
        actor: change.why === 'stopped' ? 'user' : 'system',
        subject: 'trust',
        data: { why: change.why },
      });
      this.events?.publish({ type: 'trust.ended', why: change.why });
    }
    this.onChange(change);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
