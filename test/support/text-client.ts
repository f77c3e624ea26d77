// A control API client over any TextChannel (a WebSocket, a MessagePort), for carrier tests.
import { createBirpc, type BirpcReturn } from 'birpc';
import WebSocket from 'ws';
import type { ControlClientApi, CoreApi } from '../../shared/api.ts';
import type { TextChannel } from '../../shared/carrier.ts';
import type { CoreEvent } from '../../shared/domain.ts';
import { decodeMessage, encodeMessage } from '../../shared/rpc-codec.ts';

export interface TextClient {
  api: BirpcReturn<CoreApi, ControlClientApi>;
  events: CoreEvent[];
  /** Resolves with the first event of `type` (already received or to come) that matches. */
  event<T extends CoreEvent['type']>(
    type: T,
    match?: (e: Extract<CoreEvent, { type: T }>) => boolean,
  ): Promise<Extract<CoreEvent, { type: T }>>;
}

export function textClient(channel: TextChannel): TextClient {
  const events: CoreEvent[] = [];
  const waiters = new Set<() => void>();
  const api = createBirpc<CoreApi, ControlClientApi>(
    {
      onEvent: (e) => {
        events.push(e);
        waiters.forEach((w) => w());
      },
      // These tests never attach to a terminal.
      onTerminalEvent: () => {},
    },
    {
      post: (d: string) => channel.post(d),
      on: (fn) => channel.on(fn),
      serialize: encodeMessage,
      deserialize: (d: string) => decodeMessage(d),
    },
  );
  return {
    api,
    events,
    event: (type, match) =>
      new Promise((resolve) => {
        const check = () => {
          const found = events.find((e) => e.type === type && (!match || match(e as never)));
          if (found) {
            waiters.delete(check);
            resolve(found as never);
          }
        };
        waiters.add(check);
        check();
      }),
  };
}

/** Opens the browser UI's WebSocket as the page would (Origin of our own page). */
export async function openUiSocket(url: string, origin: string): Promise<{ ws: WebSocket; channel: TextChannel }> {
  const ws = new WebSocket(url, { origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return {
    ws,
    channel: {
      post: (d) => ws.send(d),
      on: (fn) => ws.on('message', (data) => fn(data.toString())),
    },
  };
}
