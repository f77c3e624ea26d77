// The control API on one carrier connection: the shared handlers plus the per-connection calls (event
// subscription, attached terminals). Every carrier (the control socket, the UI's WebSocket, the desktop app's
// MessagePorts) hands its connection here; none has its own API. Every call's input is parsed here, once, with the
// schema the contract declares for it (parse-input.ts): the handlers receive typed input and validate nothing.
import { createBirpc } from 'birpc';
import type { ConnectionCalls, ControlApi, ControlClientApi } from '../../../shared/api.ts';
import type { TextChannel } from '../../../shared/carrier.ts';
import { decodeMessage, encodeMessage } from '../../../shared/rpc-codec.ts';
import { newId } from '../ids.ts';
import type { ConnectionHandlers } from './handlers.ts';
import { isDeclaredCall, withParsedInput } from './parse-input.ts';

export type ControlHandlers = Omit<ControlApi, ConnectionCalls>;
/** The handlers as a carrier serves them: any call may answer later (a guarded call first looks at its caller). */
export type ServedHandlers = {
  [K in keyof ControlHandlers]: (
    ...args: Parameters<ControlHandlers[K]>
  ) => ReturnType<ControlHandlers[K]> | Promise<Awaited<ReturnType<ControlHandlers[K]>>>;
};
/**
 * Runs before a call's input is parsed, with the call as sent; throws to refuse it. The control socket's agent guard
 * (agent-guard.ts) is one: it must see every attempt to decide from inside an agent, malformed or not.
 */
export type Admit = (name: string, args: readonly unknown[]) => Promise<void>;
/** Builds the calls that belong to one connection; `client` pushes events to it. */
export type ConnectionFactory = (client: ControlClientApi, connectionId: string) => ConnectionHandlers;
export type { TextChannel };

/** A line that is not a birpc message: dropped, never thrown where the carrier reads (that would end the core). */
class MalformedMessage extends Error {}

/** birpc's two message shapes: a call (`t: "q"`, method name and arguments) and an answer (`t: "s"`). */
function readMessage(data: string): unknown {
  let msg: unknown;
  try {
    msg = decodeMessage(data);
  } catch {
    throw new MalformedMessage('not JSON');
  }
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) throw new MalformedMessage('not an object');
  const m = msg as { t?: unknown; m?: unknown; a?: unknown };
  if (m.t === 'q' && typeof m.m === 'string' && (m.a === undefined || Array.isArray(m.a))) return msg;
  if (m.t === 's') return msg;
  throw new MalformedMessage('not a call or an answer');
}

/** Serves the API on `channel` until the returned disposer runs (the carrier calls it when the connection closes). */
export function serveControl(
  handlers: ServedHandlers,
  connect: ConnectionFactory,
  channel: TextChannel,
  admit?: Admit,
): () => void {
  let open = true;
  const push: ControlClientApi = {
    onEvent: (event) => {
      if (open) void rpc.onEvent.asEvent(event);
    },
    onTerminalEvent: (event) => {
      if (open) void rpc.onTerminalEvent.asEvent(event);
    },
  };
  const connection = connect(push, newId());
  const functions: Record<string, unknown> = { ...handlers, ...connection.api };
  const rpc = createBirpc<ControlClientApi, ServedHandlers & Pick<ControlApi, ConnectionCalls>>(
    functions as unknown as ServedHandlers & Pick<ControlApi, ConnectionCalls>,
    {
      post: (data: string) => {
        if (open) channel.post(data);
      },
      on: (fn) => channel.on(fn),
      serialize: encodeMessage,
      deserialize: readMessage,
      // Only the contract's own calls answer: a name from the prototype (`constructor`, `toString`) or one the contract
      // does not declare is "not found". Here, the one place every carrier's calls pass, each input is parsed with its
      // schema before the handler runs.
      resolver: (name, fn) => {
        if (!Object.hasOwn(functions, name) || !isDeclaredCall(name)) return undefined;
        const parsed = withParsedInput(name, fn);
        if (!admit) return parsed;
        // The guard sees the call as sent, before its input is parsed: a refused attempt is audited even when malformed.
        return async (...args: unknown[]) => {
          await admit(name, args);
          return parsed(...args);
        };
      },
      // A malformed line from any client (or a bug in one) is dropped; it must not end the core.
      onGeneralError: (error) => error instanceof MalformedMessage,
      eventNames: ['onEvent', 'onTerminalEvent'],
    },
  );
  return () => {
    open = false;
    connection.dispose();
    rpc.$close();
  };
}
