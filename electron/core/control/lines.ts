// Newline-delimited messages over a stream socket, with a cap so one client cannot exhaust memory.
import type net from 'node:net';

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
