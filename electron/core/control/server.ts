// The control API on its own Unix socket (never the gate's). A client first sends one line
// `{"token": "<admin token>"}`; after `{"ok": true}` the connection carries birpc messages, one per line.
import { createHash, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import { encodeMessage } from '../../../shared/rpc-codec.ts';
import type { AgentGuard } from './agent-guard.ts';
import { lineChannel, readLines } from './lines.ts';
import { serveControl, type ConnectionFactory, type ControlHandlers } from './serve.ts';
import { listenPrivate, relistenPrivate } from '../sockets.ts';

/** A client that has not said who it is within this time is dropped. */
const HANDSHAKE_TIMEOUT_MS = 5000;

export class ControlServer {
  private server: net.Server;
  private readonly tokenDigest: Buffer;
  private readonly sockets = new Set<net.Socket>();
  private readonly handlers: ControlHandlers;
  private readonly connect: ConnectionFactory;
  private readonly guard: AgentGuard | null;

  /**
   * `connect` builds the per-connection calls (events, attached terminals) for each authorised client; `guard`
   * refuses decisions from processes inside an agent session (the admin token alone does not say who is asking).
   */
  constructor(handlers: ControlHandlers, connect: ConnectionFactory, adminToken: string, guard: AgentGuard | null) {
    this.handlers = handlers;
    this.connect = connect;
    this.guard = guard;
    this.tokenDigest = digest(adminToken);
    this.server = net.createServer((socket) => this.accept(socket));
  }

  async listen(socketPath: string): Promise<void> {
    await listenPrivate(this.server, socketPath);
  }

  /** Listens again at `socketPath` after something else took the path (tamper detection); connections stay. */
  async retake(socketPath: string): Promise<void> {
    const old = this.server;
    this.server = net.createServer((socket) => this.accept(socket));
    await relistenPrivate(old, this.server, socketPath);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => socket.destroy());
    const timer = setTimeout(() => socket.destroy(), HANDSHAKE_TIMEOUT_MS);
    let dispose = () => {};
    // The first line is the handshake; every later line is an RPC message.
    let onLine = (line: string) => {
      clearTimeout(timer);
      if (!this.authorised(line)) {
        onLine = () => {};
        socket.end(`${encodeMessage({ ok: false, error: 'unauthorized: wrong admin token' })}\n`);
        return;
      }
      socket.write(`${encodeMessage({ ok: true })}\n`);
      const rpc = this.serveRpc(socket);
      onLine = rpc.receive;
      dispose = rpc.dispose;
    };
    const stopReading = readLines(socket, (line) => onLine(line));
    socket.on('close', () => {
      clearTimeout(timer);
      stopReading();
      dispose();
      this.sockets.delete(socket);
    });
  }

  private authorised(line: string): boolean {
    try {
      const hello = JSON.parse(line) as { token?: unknown };
      return typeof hello.token === 'string' && timingSafeEqual(digest(hello.token), this.tokenDigest);
    } catch {
      return false;
    }
  }

  private serveRpc(socket: net.Socket): { receive: (line: string) => void; dispose: () => void } {
    const { channel, receive } = lineChannel(socket);
    if (!this.guard) return { receive, dispose: serveControl(this.handlers, this.connect, channel) };
    const { handlers, admit } = this.guard.forConnection(this.handlers, socket);
    return { receive, dispose: serveControl(handlers, this.connect, channel, admit) };
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
