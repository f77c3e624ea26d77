// How far a recorder may fall behind before it drops output, and what a drop leaves in the recording: a gap that says
// how much was lost and over how long. One policy for both sides of a recording, which drop and resume alike: the
// recorder on the recording thread (when writing cannot keep up) and the core's side of it, ThreadRecorder (when the
// thread cannot keep up). A producer that can wait (a pty) never gets here: it pauses on the backlog first (see
// pty/terminal-session.ts).
import type { RecorderBacklog } from './types.ts';

/**
 * Text waiting to be written; beyond it, output is dropped and a gap is recorded. Writing runs at tens of
 * MB/s, so this absorbs a burst of a fraction of a second while keeping the core's memory small.
 */
export const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;
/** After a gap, recording resumes once the backlog has drained to this (well below the limit, so drops come in few long gaps, not many short ones). */
export const RESUME_BACKLOG_BYTES = MAX_BACKLOG_BYTES / 4;

/** Why output is missing: the recorder fell behind, or the core was down (restarted under a streaming client). */
export type GapCause = 'behind' | 'restart';

/** Output dropped since `atMs` (ms since the recording started), `droppedBytes` of it as UTF-8. */
export interface Gap {
  atMs: number;
  droppedBytes: number;
  cause: GapCause;
}

export interface BacklogGateOptions {
  /** Text (UTF-16 code units) held and not yet stored: what the limits are measured against. */
  backlog(): number;
  /** A gap is about to open at `atMs`: what is kept back can go out first (the backlog is read after this). */
  opening?(atMs: number, cause: GapCause): void;
  /** A gap ended at `atMs`: record it. */
  closed(gap: Gap, atMs: number): void;
}

/**
 * Lets text through while the backlog stays under MAX_BACKLOG_BYTES; past it, drops text (counting its bytes) until
 * the backlog has drained to RESUME_BACKLOG_BYTES, then closes the gap and lets text through again.
 */
export class BacklogGate {
  private readonly o: BacklogGateOptions;
  private gap: Gap | null = null;

  constructor(o: BacklogGateOptions) {
    this.o = o;
  }

  /** Whether `data`, arriving at `atMs`, may be taken; if not, it is counted in the gap. */
  admit(data: string, atMs: number): boolean {
    if (!this.gap && this.o.backlog() + data.length <= MAX_BACKLOG_BYTES) return true;
    const gap = this.gap ?? this.open(atMs, 'behind');
    if (this.o.backlog() > RESUME_BACKLOG_BYTES) {
      gap.droppedBytes += Buffer.byteLength(data);
      return false;
    }
    this.close(atMs);
    return true;
  }

  /**
   * Output dropped before it got here, from `fromMs` to `atMs` (a producer that bounds its own memory): it joins the
   * gap open now if that has the same cause (else that one is closed first), and the gap is closed at `atMs`.
   */
  dropped(fromMs: number, atMs: number, bytes: number, cause: GapCause): void {
    if (this.gap && this.gap.cause !== cause) this.close(atMs);
    const gap = this.gap ?? this.open(fromMs, cause);
    gap.droppedBytes += bytes;
    this.close(atMs);
  }

  /** Ends the gap open now (if any) at `atMs`: text is taken again, and the gap is recorded. */
  close(atMs: number): void {
    const gap = this.gap;
    if (!gap) return;
    this.gap = null;
    this.o.closed(gap, atMs);
  }

  private open(atMs: number, cause: GapCause): Gap {
    this.o.opening?.(atMs, cause);
    this.gap = { atMs, droppedBytes: 0, cause };
    return this.gap;
  }
}

/** What a gap's marker says, for a gap that ended at `atMs`. */
export function gapLabel(gap: Gap, atMs: number): string {
  if (gap.cause === 'restart') return `Gatehouse restarted: ${gap.droppedBytes} bytes not recorded`;
  const mb = (gap.droppedBytes / (1024 * 1024)).toFixed(1);
  return `recording gap: ${mb} MB of output dropped over ${((atMs - gap.atMs) / 1000).toFixed(1)} s (the recorder could not keep up)`;
}

/** A recorder's backlog as producers see it, and the call that tells its listeners it shrank. */
export function backlogOf(chars: () => number): { backlog: RecorderBacklog; shrunk: () => void } {
  const listeners = new Set<() => void>();
  return {
    backlog: {
      chars,
      onShrink: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    shrunk: () => {
      for (const listener of listeners) listener();
    },
  };
}
