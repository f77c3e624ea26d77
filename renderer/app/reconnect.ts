// Browser mode, once the core has gone (a restart, a crash, Ctrl-C): the page waits for it and comes back by itself.
// Reloading at once would land on the browser's "This site can't be reached" while the core is down, a dead page; so
// the page first asks the server whether it answers again (a HEAD of its own URL, token included), and reloads only
// then. The URL stays the same across restarts (the port from settings, the token in the data directory), so the
// same page works again (docs/renderer.md, "Connection"). A 401 means the token was replaced (`gatehouse ui --rotate-token`): no amount of waiting helps, so the trying stops.

export type ProbeResult = 'back' | 'refused' | 'away';

/** Quick at first (a restart takes a second or two), then once a second for as long as it takes. */
export const RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000];

export const TOKEN_REFUSED =
  'The Gatehouse core is back, but no longer takes this page’s token: it was replaced (`gatehouse ui --rotate-token`). Run `gatehouse ui` to open the current URL.';

/** Asks the server for this very page: 200, it is back; 401, it refuses the token; no answer or anything else, away. */
export function pageProbe(
  location: Pick<Location, 'origin' | 'pathname' | 'search'>,
  fetchPage: (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status'>>,
): () => Promise<ProbeResult> {
  return async () => {
    try {
      const res = await fetchPage(`${location.origin}${location.pathname}${location.search}`, {
        method: 'HEAD',
        cache: 'no-store',
      });
      if (res.ok) return 'back';
      return res.status === 401 ? 'refused' : 'away';
    } catch {
      return 'away';
    }
  };
}

export interface ReconnectorOptions {
  probe: () => Promise<ProbeResult>;
  /** The core answers again: load the page afresh (every store starts over from the core's state). */
  reload: () => void;
  /** The core is back but refuses this page's token. */
  refused: () => void;
  delays?: readonly number[];
}

export class Reconnector {
  private readonly o: ReconnectorOptions;
  private readonly delays: readonly number[];
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private trying = false;
  private started = false;
  private done = false;

  constructor(o: ReconnectorOptions) {
    this.o = o;
    this.delays = o.delays ?? RETRY_DELAYS_MS;
  }

  /** Begins waiting for the core; calling it again changes nothing. */
  start(): void {
    if (this.started || this.done) return;
    this.started = true;
    this.schedule();
  }

  /** Asks now (the banner's button), then goes on waiting if the core is still away. */
  async tryNow(): Promise<void> {
    if (this.done || this.trying) return;
    this.started = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.trying = true;
    const result = await this.o.probe();
    this.trying = false;
    if (this.done) return;
    if (result === 'back') {
      this.done = true;
      this.o.reload();
    } else if (result === 'refused') {
      this.done = true;
      this.o.refused();
    } else {
      this.schedule();
    }
  }

  dispose(): void {
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    const delay = this.delays[Math.min(this.attempts, this.delays.length - 1)] ?? 1000;
    this.attempts += 1;
    this.timer = setTimeout(() => void this.tryNow(), delay);
  }
}
