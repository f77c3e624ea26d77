// Flow control between a pty and the viewers of its output: above a high-water mark of unacknowledged output
// for any viewer the pty is paused (the program blocks on write), and it resumes once every viewer is back
// under the low-water mark. A viewer that goes away stops counting.

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

  removeViewer(id: string): void {
    this.unacked.delete(id);
    this.marks.delete(id);
    this.update();
  }

  /** `chars` of output were sent to every viewer. */
  sent(chars: number): void {
    for (const [id, n] of this.unacked) this.unacked.set(id, n + chars);
    this.update();
  }

  /** A viewer has drawn `chars` more of what it was sent. Acknowledging more than was sent counts as all of it. */
  ack(id: string, chars: number): void {
    const n = this.unacked.get(id);
    if (n === undefined) return;
    this.unacked.set(id, Math.max(0, n - chars));
    this.update();
  }

  unackedBy(id: string): number {
    return this.unacked.get(id) ?? 0;
  }

  private update(): void {
    const over = (key: 'high' | 'low') => [...this.unacked].some(([id, n]) => n > (this.marks.get(id) ?? VIEWER_MARKS)[key]);
    const atOrOverLow = () => [...this.unacked].some(([id, n]) => n >= (this.marks.get(id) ?? VIEWER_MARKS).low);
    if (!this.pausedNow && over('high')) this.change(true);
    else if (this.pausedNow && !atOrOverLow()) this.change(false);
  }

  private change(paused: boolean): void {
    this.pausedNow = paused;
    this.setPaused(paused);
  }
}
