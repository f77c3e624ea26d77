// One recorded text stream (a session's output, or its input) on its way through redaction: text is redacted in
// large pieces, and what redaction lets through (maybe later, maybe replaced) keeps the time its input arrived.
import type { Redactor } from '../../redaction/redaction.ts';
import { RedactionStream, type EmittedPiece } from '../../redaction/redaction-stream.ts';

/** Text kept back by redaction is let through once no more has arrived for this long. */
export const CARRY_QUIET_MS = 50;
/**
 * Text is redacted in pieces at least this large (or when the recorder's timer fires, or before anything else is
 * recorded): each pass also scans the few KB kept from the pass before, so redacting a pty's ~4 KB reads one by one
 * would scan everything three times (measured: 55 MB/s in 4 KB pieces, 150 MB/s in 64 KB ones).
 */
export const REDACT_PIECE_CHARS = 64 * 1024;

/** Redacted text, with the time (ms since the recording started) its input arrived. */
export type TimedEmit = (text: string, atMs: number) => void;

export class TimedRedaction {
  private readonly stream: RedactionStream;
  private readonly emit: TimedEmit;
  /** Input so far, as pieces that arrived at known times: `end` is the input offset after each piece. */
  private readonly arrivals: Array<{ end: number; atMs: number }> = [];
  private pushed = 0;
  /** Text taken and not yet handed to the redaction stream. */
  private waiting: string[] = [];
  private waitingCharsNow = 0;
  /** When (wall clock) text last arrived. */
  private lastPushAt = 0;

  constructor(redactor: Redactor, emit: TimedEmit) {
    this.stream = new RedactionStream(redactor);
    this.emit = emit;
  }

  /** Characters not let through yet: waiting for redaction, or kept back by it. */
  get held(): number {
    return this.waitingCharsNow + this.stream.held;
  }

  /** Characters taken and not yet redacted. */
  get waitingChars(): number {
    return this.waitingCharsNow;
  }

  /** `atMs`: when it arrived, in recording time; `wallNow`: the wall clock, for CARRY_QUIET_MS. */
  push(text: string, atMs: number, wallNow: number): void {
    this.pushed += text.length;
    const last = this.arrivals.at(-1);
    // Reads in the same millisecond (a fast program gives several) are one stretch: fewer, longer events.
    if (last && last.atMs === atMs) last.end = this.pushed;
    else this.arrivals.push({ end: this.pushed, atMs });
    this.lastPushAt = wallNow;
    this.waiting.push(text);
    this.waitingCharsNow += text.length;
    if (this.waitingCharsNow >= REDACT_PIECE_CHARS) this.redactWaiting();
  }

  /** Redacts what is waiting; what might still be the start of a secret stays kept back. */
  redactWaiting(): void {
    if (this.waitingCharsNow === 0) return;
    const pieces = this.waiting;
    this.waiting = [];
    this.waitingCharsNow = 0;
    // Handed over piece by piece: the stream joins them into the text it scans, and copying them here first
    // would copy every byte once more.
    this.emitPieces(this.stream.push(pieces));
  }

  /** Lets everything through (`force`), or what is kept back once the stream has been quiet for CARRY_QUIET_MS. */
  release(force: boolean, wallNow: number): void {
    this.redactWaiting();
    if (this.stream.held === 0 || (!force && wallNow - this.lastPushAt < CARRY_QUIET_MS)) return;
    this.emitPieces(this.stream.release());
  }

  /** Each stretch of what redaction let through at the time its input arrived. */
  private emitPieces(pieces: readonly EmittedPiece[]): void {
    const arrivals = this.arrivals;
    for (const piece of pieces) {
      let from = piece.rawStart;
      while (arrivals.length > 1 && (arrivals[0] as { end: number }).end <= from) arrivals.shift();
      if (!piece.plain) {
        // A placeholder belongs to the moment its secret was complete.
        const done = arrivals.find((a) => a.end >= piece.rawEnd) ?? arrivals.at(-1);
        this.emit(piece.text, done?.atMs ?? 0);
        continue;
      }
      for (const a of arrivals) {
        if (from >= piece.rawEnd) break;
        if (a.end <= from) continue;
        const to = Math.min(a.end, piece.rawEnd);
        this.emit(piece.text.slice(from - piece.rawStart, to - piece.rawStart), a.atMs);
        from = to;
      }
    }
  }
}
