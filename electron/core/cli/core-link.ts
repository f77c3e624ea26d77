// A control connection that comes back: when the core goes (a crash, a restart, a graceful stop), the link says so once,
// then connects again with backoff, reading the core's published socket paths afresh each time, and says once when it
// is back. `gatehouse run` uses it so that its session outlives a restart of the core.
import type { ControlClient } from '../control/client.ts';
import { CoreUnreachableError } from '../control/client.ts';

/** The first retry comes quickly (a restart takes well under a second); later ones back off to this. */
export const RECONNECT_FIRST_MS = 100;
export const RECONNECT_MAX_MS = 2000;

type Api = ControlClient['api'];

export interface CoreLinkOptions {
  /** Connects to the core as it is published now (the lock file names its sockets). */
  connect: () => Promise<ControlClient>;
  /**
   * Runs on each new connection before the link counts as connected (`resumeSession`, then what the core lacks is sent
   * on `api`). Throwing CoreUnreachableError tries again later; anything else means the core will not take the session
   * back, and the link stops.
   */
  onReconnect: (client: ControlClient) => Promise<void>;
  /** One line to stderr when the core goes, and when it is back. */
  say: (line: string) => void;
  /** Said once if the core is back but refused to go on (see onReconnect). */
  gaveUp: (err: Error) => void;
}

export class CoreLink {
  private readonly o: CoreLinkOptions;
  /** The connection in use, from its handshake (`onReconnect`) on; null while the core is away. */
  private client: ControlClient | null;
  /** The connection has been taken up again (the handshake is done): calls may go out. */
  private ready = true;
  private closed = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly waiters = new Set<() => void>();

  private constructor(o: CoreLinkOptions, client: ControlClient) {
    this.o = o;
    this.client = client;
    this.watch(client);
  }

  /** Connects once (the caller reports a core that is not running); the link reconnects from then on. */
  static async open(o: CoreLinkOptions): Promise<CoreLink> {
    return new CoreLink(o, await o.connect());
  }

  get connected(): boolean {
    return this.client !== null && this.ready;
  }

  /** The API of the connection now (during a reconnect's handshake too); throws CoreUnreachableError while the core is away. */
  get api(): Api {
    if (!this.client) throw new CoreUnreachableError('the Gatehouse core is not reachable');
    return this.client.api;
  }

  /**
   * Calls the core, waiting for it to come back if it is away, until `deadline` (epoch ms). A call cut off by the core
   * going is made again once it is back.
   */
  async call<T>(fn: (api: Api) => Promise<T>, deadline: number): Promise<T> {
    for (;;) {
      if (this.connected) {
        try {
          return await fn(this.api);
        } catch (err) {
          if (!isUnreachable(err)) throw err;
        }
      }
      if (this.stopped || this.closed) throw new CoreUnreachableError('the Gatehouse core is not reachable');
      if (!(await this.whenConnected(deadline)))
        throw new CoreUnreachableError('the Gatehouse core did not come back in time');
    }
  }

  /** Resolves true once connected, false at `deadline` (or once the link has stopped). */
  whenConnected(deadline: number): Promise<boolean> {
    if (this.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.connected);
      };
      const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
      this.waiters.add(done);
    });
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.client?.close();
    this.client = null;
    this.wake();
  }

  private watch(client: ControlClient): void {
    void client.closed.then(() => {
      // A connection lost during its handshake is retried by tryOnce itself.
      if (this.client !== client || !this.ready || this.closed) return;
      this.client = null;
      this.o.say(
        "gatehouse: lost the Gatehouse core; the agent's commands are blocked until it is back. Reconnecting…",
      );
      this.reconnect(0);
    });
  }

  private reconnect(attempt: number): void {
    this.ready = false;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** attempt);
    this.retry = setTimeout(() => void this.tryOnce(attempt), delay);
    // The agent's pty keeps this process alive while it runs; a pending retry must not once it has exited.
    this.retry.unref();
  }

  private async tryOnce(attempt: number): Promise<void> {
    this.retry = null;
    if (this.closed) return;
    let client: ControlClient;
    try {
      client = await this.o.connect();
    } catch {
      return this.reconnect(attempt + 1);
    }
    if (this.closed) return client.close();
    this.client = client;
    this.watch(client);
    try {
      await this.o.onReconnect(client);
    } catch (err) {
      this.client = null;
      client.close();
      if (this.closed) return;
      if (isUnreachable(err)) return this.reconnect(attempt + 1);
      this.stopped = true;
      this.o.gaveUp(err as Error);
      this.wake();
      return;
    }
    if (this.closed) return;
    this.ready = true;
    this.o.say('gatehouse: the Gatehouse core is back; this session goes on.');
    this.wake();
    // Closed during the handshake's last moment: start over.
    if (client.api.$closed) {
      this.client = null;
      this.o.say(
        "gatehouse: lost the Gatehouse core; the agent's commands are blocked until it is back. Reconnecting…",
      );
      this.reconnect(0);
    }
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** Whether a failed call means only that the core went away (the call may be made again once it is back). */
export function isUnreachable(err: unknown): boolean {
  if (err instanceof CoreUnreachableError) return true;
  return err instanceof Error && err.message.startsWith('[birpc] rpc is closed');
}
