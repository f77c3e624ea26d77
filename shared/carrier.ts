// What a carrier of the control API is: one connection that moves text messages (one birpc message each, encoded by
// rpc-codec.ts), in order, both ways. Carriers only move messages; the API lives in api.ts and the core's handlers.

export interface TextChannel {
  post(data: string): void;
  /** Called once, with the function to call for each message that arrives. */
  on(deliver: (data: string) => void): void;
}

/**
 * The part of a message port a carrier needs, as Node's `worker_threads` MessagePort, Electron's `MessagePortMain`
 * and a utility process's ports have it. Node delivers the posted value itself; Electron delivers a MessageEvent
 * (`{ data }`). A DOM MessagePort (`addEventListener`) is adapted by the renderer.
 */
export interface PortLike {
  postMessage(message: string): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  /** Electron's ports queue messages until started; Node's start on the first listener. */
  start?(): void;
  close(): void;
}

/** The text a port delivered, or null for anything that is not one of our messages (dropped, never guessed at). */
export function portMessageText(message: unknown): string | null {
  if (typeof message === 'string') return message;
  if (typeof message === 'object' && message !== null && 'data' in message) {
    const data = (message as { data: unknown }).data;
    return typeof data === 'string' ? data : null;
  }
  return null;
}

/** A TextChannel over a message port. `onClose` runs once when the other end goes away. */
export function portChannel(port: PortLike, onClose: () => void = () => {}): TextChannel {
  let deliver: ((data: string) => void) | null = null;
  const queued: string[] = [];
  port.on('message', (message) => {
    const text = portMessageText(message);
    if (text === null) return;
    if (deliver) deliver(text);
    else queued.push(text);
  });
  port.on('close', onClose);
  port.start?.();
  return {
    post: (data) => port.postMessage(data),
    on: (fn) => {
      deliver = fn;
      for (const text of queued.splice(0)) fn(text);
    },
  };
}
