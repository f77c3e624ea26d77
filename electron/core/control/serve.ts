// The control API on one carrier connection: the handlers plus a per-connection `subscribe`. Every carrier (the
// control socket, the UI's WebSocket, the desktop app's MessagePorts) hands its connection here; none has its own API.
import { createBirpc } from 'birpc';
import type { ControlApi, ControlClientApi } from '../../../shared/api.ts';
import type { TextChannel } from '../../../shared/carrier.ts';
import { decodeMessage, encodeMessage } from '../../../shared/rpc-codec.ts';
import type { Broker } from '../broker/broker.ts';

export type ControlHandlers = Omit<ControlApi, 'subscribe'>;
export type { TextChannel };

/** Serves the API on `channel` until the returned disposer runs (the carrier calls it when the connection closes). */
export function serveControl(handlers: ControlHandlers, broker: Broker, channel: TextChannel): () => void {
  let unsubscribe: (() => void) | null = null;
  let open = true;
  const rpc = createBirpc<ControlClientApi, ControlApi>(
    {
      ...handlers,
      subscribe: () => {
        unsubscribe ??= broker.onEvent((event) => {
          if (open) void rpc.onEvent.asEvent(event);
        });
        return true;
      },
    },
    {
      post: (data: string) => {
        if (open) channel.post(data);
      },
      on: (fn) => channel.on(fn),
      serialize: encodeMessage,
      deserialize: (data: string) => decodeMessage(data),
      eventNames: ['onEvent'],
    },
  );
  return () => {
    open = false;
    unsubscribe?.();
    rpc.$close();
  };
}
