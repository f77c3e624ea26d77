// Pty output arrives in many small reads; viewers and the control socket want fewer, larger messages.
// Output is held for a few milliseconds or until a chunk is large, whichever comes first.

/** Short enough to be invisible to a person typing; long enough to merge a burst of small reads (VS Code uses 5 ms). */
export const OUTPUT_BATCH_MS = 5;
/** A chunk this large is sent at once: waiting longer would only add latency and memory. */
export const OUTPUT_BATCH_MAX_CHARS = 64 * 1024;

export class OutputBatcher {
  private readonly flushTo: (data: string) => void;
  private pending: string[] = [];
  private pendingChars = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(flushTo: (data: string) => void) {
    this.flushTo = flushTo;
  }

  push(data: string): void {
    if (!data) return;
    this.pending.push(data);
    this.pendingChars += data.length;
    if (this.pendingChars >= OUTPUT_BATCH_MAX_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), OUTPUT_BATCH_MS);
  }

  /** Sends what is held now (before a snapshot, a resize, or the end). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pendingChars === 0) return;
    const data = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.flushTo(data);
  }

  dispose(): void {
    this.flush();
  }
}
