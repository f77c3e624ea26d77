// A control API client over the control socket, used by the CLI (and by tests).
import net from 'node:net';
import { createBirpc, type BirpcReturn } from 'birpc';
import type { ControlClientApi, CoreApi } from '../../../shared/api.ts';
import type { CoreEvent, TerminalEvent } from '../../../shared/domain.ts';
import { decodeMessage } from '../../../shared/rpc-codec.ts';
import { lineChannel, readLines } from './lines.ts';

/** The core answers the handshake at once; a core that does not is wedged, not slow. */
const CONNECT_TIMEOUT_MS = 5000;

export class CoreUnreachableError extends Error {
  override readonly name = 'CoreUnreachableError';
}

export interface ControlClient {
  /** Every call of the contract (the client type derived from shared/api.ts), plus birpc's `$close`/`$closed`. */
  api: BirpcReturn<CoreApi, ControlClientApi>;
  /** Subscribes this connection to core events. */
  events(listener: (event: CoreEvent) => void): Promise<void>;
  /** Receives `terminal.*` events of the terminals this connection attaches to (`api.attachTerminal`). */
  onTerminalEvent(listener: (event: TerminalEvent) => void): () => void;
  close(): void;
  /** Resolves when the core closes the connection. */
  closed: Promise<void>;
}

export async function connectControl(socketPath: string, token: string): Promise<ControlClient> {
  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(socketPath);
    const timer = setTimeout(() => {
      s.destroy();
      reject(
        new CoreUnreachableError(
          `the Gatehouse core at ${socketPath} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`,
        ),
      );
    }, CONNECT_TIMEOUT_MS);
    s.once('connect', () => {
      clearTimeout(timer);
      resolve(s);
    });
    s.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const down = err.code === 'ENOENT' || err.code === 'ECONNREFUSED';
      reject(
        new CoreUnreachableError(
          down ? 'the Gatehouse core is not running' : `cannot reach the Gatehouse core: ${err.message}`,
        ),
      );
    });
  });

  const listeners = new Set<(event: CoreEvent) => void>();
  const terminalListeners = new Set<(event: TerminalEvent) => void>();
  const { channel, receive } = lineChannel(socket);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    let first = true;
    readLines(socket, (line) => {
      if (!first) return receive(line);
      first = false;
      const hello = decodeMessage(line) as { ok?: boolean; error?: string };
      if (hello.ok) resolve();
      else reject(new Error(hello.error ?? 'the core refused the connection'));
    });
    socket.once('close', () => reject(new CoreUnreachableError('the Gatehouse core closed the connection')));
    socket.on('error', () => socket.destroy());
    socket.write(`${JSON.stringify({ token })}\n`);
  });

  const api = createBirpc<CoreApi, ControlClientApi>(
    {
      onEvent: (event) => listeners.forEach((l) => l(event)),
      onTerminalEvent: (event) => terminalListeners.forEach((l) => l(event)),
    },
    channel,
  );
  void closed.then(() => api.$close(new CoreUnreachableError('the Gatehouse core closed the connection')));

  return {
    api,
    async events(listener) {
      listeners.add(listener);
      await api.subscribe();
    },
    onTerminalEvent(listener) {
      terminalListeners.add(listener);
      return () => terminalListeners.delete(listener);
    },
    close() {
      api.$close();
      socket.destroy();
    },
    closed,
  };
}
