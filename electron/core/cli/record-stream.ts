// Streams a `gatehouse run` session's terminal to the core's recording, in batches over the control socket.
import type { RecordEventsInput } from '../../../shared/api.ts';
import type { RecordEvent } from '../recording/types.ts';

/** A batch leaves after this long: the core's recorder loses at most ~250 ms on a crash, and this stays well inside. */
export const RECORD_FLUSH_MS = 50;
/** ...or once this much text is waiting, so one message stays far below the control socket's line cap. */
export const RECORD_FLUSH_CHARS = 256 * 1024;
/** Batches on their way to the core (2 MiB of text at most); past this the program is paused until the core catches up. */
export const MAX_BATCHES_IN_FLIGHT = 8;

type Sendable = RecordEventsInput['events'][number]['event'];

export interface RecordStreamOptions {
  sessionId: string;
  startedAtMs: number;
  send: (input: RecordEventsInput) => Promise<unknown>;
  /** Asks the producer to hold (true) or go on (false). */
  backpressure: (hold: boolean) => void;
  /** Said once if the core stops taking the stream; the session itself goes on. */
  warn: (message: string) => void;
  now?: () => number;
}

export class RecordStream {
  private readonly o: RecordStreamOptions;
  private batch: RecordEventsInput['events'] = [];
  private batchChars = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();
  private failed = false;

  constructor(o: RecordStreamOptions) {
    this.o = o;
  }

  record(event: RecordEvent): void {
    // Markers come from the core itself (it sees every interception); a client only streams the terminal.
    if (this.failed || event.kind === 'marker') return;
    const now = (this.o.now ?? Date.now)();
    this.batch.push({ atMs: Math.max(0, now - this.o.startedAtMs), event: event as Sendable });
    this.batchChars += event.kind === 'resize' ? 0 : event.data.length;
    if (this.batchChars >= RECORD_FLUSH_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), RECORD_FLUSH_MS);
  }

  /** Sends what is waiting and resolves once everything sent so far has been taken. */
  async close(): Promise<void> {
    this.flush();
    await Promise.all([...this.inFlight]);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.batch.length === 0 || this.failed) return;
    const events = this.batch;
    this.batch = [];
    this.batchChars = 0;
    const sending: Promise<void> = this.o
      .send({ sessionId: this.o.sessionId, events })
      .then(
        () => undefined,
        (err: unknown) => {
          if (!this.failed) this.o.warn(`gatehouse: the recording of this session stopped: ${(err as Error).message}`);
          this.failed = true;
        },
      )
      .finally(() => {
        this.inFlight.delete(sending);
        if (this.inFlight.size < MAX_BATCHES_IN_FLIGHT) this.o.backpressure(false);
      });
    this.inFlight.add(sending);
    if (this.inFlight.size >= MAX_BATCHES_IN_FLIGHT) this.o.backpressure(true);
  }
}
