// Flow control between a pty and the viewers of its output: above a high-water mark of unacknowledged output
// for any viewer the pty is paused (the program blocks on write), and it resumes once every viewer is back
// under the low-water mark. A viewer that goes away stops counting. The headless screen and the recorder are
// consumers too, each with marks of its own.

/** VS Code's values: about two screens of a fast stream in flight, so a slow viewer never falls far behind. */
export const HIGH_WATER_CHARS = 100_000;
/** Resume only with room for a good burst, so the pty does not flap between paused and running. */
export const LOW_WATER_CHARS = 5_000;

export interface WaterMarks {
  high: number;
  low: number;
}

const VIEWER_MARKS: WaterMarks = { high: HIGH_WATER_CHARS, low: LOW_WATER_CHARS };

export class FlowControl {
  private readonly unacked = new Map<string, number>();
  private readonly marks = new Map<string, WaterMarks>();
  /** Consumers that say how far behind they are (`report`) instead of being counted by `sent` and `ack`. */
  private readonly reporting = new Set<string>();
  private readonly setPaused: (paused: boolean) => void;
  private pausedNow = false;

  constructor(setPaused: (paused: boolean) => void) {
    this.setPaused = setPaused;
  }

  get paused(): boolean {
    return this.pausedNow;
  }

  /** `marks`: this consumer's own water marks (a viewer's are HIGH_WATER_CHARS / LOW_WATER_CHARS). */
  addViewer(id: string, marks: WaterMarks = VIEWER_MARKS): void {
    if (!this.unacked.has(id)) this.unacked.set(id, 0);
    this.marks.set(id, marks);
  }

  /** A consumer that keeps its own count of what it has not finished with (the recorder's backlog), given by `report`. */
  addReportingConsumer(id: string, marks: WaterMarks): void {
    this.addViewer(id, marks);
    this.reporting.add(id);
  }

  removeViewer(id: string): void {
    this.unacked.delete(id);
    this.marks.delete(id);
    this.reporting.delete(id);
    this.update();
  }

  /** `chars` of output were sent to every viewer. */
  sent(chars: number): void {
    for (const [id, n] of this.unacked) if (!this.reporting.has(id)) this.unacked.set(id, n + chars);
    this.update();
  }

  /** A reporting consumer has `chars` outstanding now. */
  report(id: string, chars: number): void {
    if (!this.reporting.has(id)) return;
    this.unacked.set(id, chars);
    this.update();
  }

  /** A viewer has drawn `chars` more of what it was sent. Acknowledging more than was sent counts as all of it. */
  ack(id: string, chars: number): void {
    const n = this.unacked.get(id);
    if (n === undefined || this.reporting.has(id)) return;
    this.unacked.set(id, Math.max(0, n - chars));
    this.update();
  }

  unackedBy(id: string): number {
    return this.unacked.get(id) ?? 0;
  }

  /** Runs for every pty read: no allocation. */
  private update(): void {
    if (!this.pausedNow && this.any((n, marks) => n > marks.high)) this.change(true);
    else if (this.pausedNow && !this.any((n, marks) => n >= marks.low)) this.change(false);
  }

  private any(test: (outstanding: number, marks: WaterMarks) => boolean): boolean {
    for (const [id, n] of this.unacked) if (test(n, this.marks.get(id) ?? VIEWER_MARKS)) return true;
    return false;
  }

  private change(paused: boolean): void {
    this.pausedNow = paused;
    this.setPaused(paused);
  }
}
