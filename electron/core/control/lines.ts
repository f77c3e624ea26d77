// Newline-delimited messages over a stream socket, with a cap so one client cannot exhaust memory.
import type net from 'node:net';
import { decodeMessage, encodeMessage } from '../../../shared/rpc-codec.ts';

/** Bigger than any API message (a page of pending requests); smaller than a memory problem. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/** Calls `onLine` for each complete line; destroys the socket if a line exceeds the cap. Returns a disposer. */
export function readLines(socket: net.Socket, onLine: (line: string) => void): () => void {
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl = buffered.indexOf('\n');
    while (nl !== -1) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.trim()) onLine(line);
      nl = buffered.indexOf('\n');
    }
    if (buffered.length > MAX_LINE_BYTES) socket.destroy(new Error('message too large'));
  };
  socket.on('data', onData);
  return () => socket.off('data', onData);
}

/**
 * birpc channel options for a socket carrying one message per line. `receive` is what the socket's
 * line reader calls once the handshake is over.
 */
export function lineChannel(socket: net.Socket): {
  channel: {
    post: (data: string) => void;
    on: (fn: (data: string) => void) => void;
    serialize: typeof encodeMessage;
    deserialize: typeof decodeMessage;
  };
  receive: (line: string) => void;
} {
  let deliver: (line: string) => void = () => {};
  return {
    channel: {
      post: (data) => {
        if (!socket.destroyed) socket.write(`${data}\n`);
      },
      on: (fn) => {
        deliver = fn;
      },
      serialize: encodeMessage,
      deserialize: decodeMessage,
    },
    receive: (line) => deliver(line),
  };
}
