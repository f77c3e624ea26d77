// The renderer's one way to the core: the control API contract over whichever carrier this window has.
import { createBirpc } from 'birpc';
import type { ControlClientApi, CoreApi } from '../../shared/api.ts';
import type { TextChannel } from '../../shared/carrier.ts';
import type { CoreEvent, TerminalEvent } from '../../shared/domain.ts';
import { decodeMessage, encodeMessage } from '../../shared/rpc-codec.ts';

export interface Connection {
  /** Every call of the contract, answered asynchronously (the type derived from shared/api.ts). Tests fake it. */
  api: CoreApi;
  /** Adds an event listener; returns its remover. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Adds a listener for the terminals this connection attached to; returns its remover. */
  onTerminalEvent(listener: (event: TerminalEvent) => void): () => void;
  /** Resolves with a sentence when the carrier closes. */
  closed: Promise<string>;
  close(): void;
}

/** A carrier: a text channel, how to learn that it closed, and how to close it. */
export interface Carrier {
  channel: TextChannel;
  closed: Promise<string>;
  close(): void;
}

export function connect(carrier: Carrier): Connection {
  const listeners = new Set<(event: CoreEvent) => void>();
  const terminalListeners = new Set<(event: TerminalEvent) => void>();
  const rpc = createBirpc<CoreApi, ControlClientApi>(
    {
      onEvent: (event) => listeners.forEach((l) => l(event)),
      onTerminalEvent: (event) => terminalListeners.forEach((l) => l(event)),
    },
    {
      post: (data: string) => carrier.channel.post(data),
      on: (fn) => carrier.channel.on(fn),
      serialize: encodeMessage,
      deserialize: (data: string) => decodeMessage(data),
    },
  );
  void carrier.closed.then((why) => rpc.$close(new Error(why)));
  // birpc's client has every call of the contract; typing it as CoreApi is all the renderer needs.
  const api: CoreApi = rpc;
  return {
    api,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onTerminalEvent: (listener) => {
      terminalListeners.add(listener);
      return () => terminalListeners.delete(listener);
    },
    closed: carrier.closed,
    close: () => {
      rpc.$close();
      carrier.close();
    },
  };
}
