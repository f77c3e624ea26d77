// The core as a utilityProcess: started with `gatehouse desktop-core`, told to stop, and given MessagePorts.
// Electron is a parameter (`fork`), so this runs in tests without an Electron binary.
import {
  DESKTOP_CORE_COMMAND,
  FromCoreMessageSchema,
  type FromCoreMessage,
  type ToCoreMessage,
} from '../../shared/desktop.ts';
import type { CoreStatus } from '../../shared/api.ts';

/** What the shell needs of Electron's UtilityProcess. */
export interface UtilityProcessLike {
  postMessage(message: ToCoreMessage, transfer?: unknown[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type ForkCore = (
  modulePath: string,
  args: string[],
  options: { serviceName: string; env: Record<string, string | undefined> },
) => UtilityProcessLike;

/** A core that does not answer a stop by then is killed: held agents are denied by their hooks either way. */
export const STOP_TIMEOUT_MS = 5000;

export class CoreProcess {
  readonly ready: Promise<CoreStatus>;
  private readonly child: UtilityProcessLike;
  private readonly exited: Promise<number>;
  private stopped = false;

  constructor(fork: ForkCore, entry: string, env: Record<string, string | undefined>) {
    this.child = fork(entry, [DESKTOP_CORE_COMMAND], { serviceName: 'Gatehouse core', env });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (raw) => {
        const m = FromCoreMessageSchema.safeParse(raw);
        if (!m.success) return;
        const message: FromCoreMessage = m.data;
        if (message.type === 'ready') resolve(message.status);
        if (message.type === 'failed') reject(new Error(message.message));
      });
      void this.exited.then((code) =>
        reject(new Error(`the Gatehouse core exited (code ${code}) before it was ready`)),
      );
    });
    // Reported where it is awaited; this only keeps an early failure from being an unhandled rejection.
    this.ready.catch(() => {});
  }

  /** Hands the core one end of a channel; the control API is served on it until either end closes. */
  connect(port: unknown): void {
    this.child.postMessage({ type: 'connect' }, [port]);
  }

  /** Asks the core to deny what it holds and close; kills it if it does not exit in time. */
  async stop(timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.child.postMessage({ type: 'stop' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    const outcome = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (outcome === 'late') this.child.kill();
  }
}
