// Browser mode: the renderer and the control API on one loopback port. The page, its assets and the WebSocket
// all need the UI token from the URL the daemon (or `gatehouse ui`) prints; the Host (and, for the WebSocket, the Origin) must be ours.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy, TOKEN_REPLACED_CLOSE } from '../../../shared/ui-page.ts';
import { MAX_LINE_BYTES } from '../control/lines.ts';
import type { TextChannel } from '../control/serve.ts';
import { newToken } from '../ids.ts';
import type { RendererAssets } from './assets.ts';
import { UiGuard, allowedHosts } from './guard.ts';

/** A page and its assets arrive in one go; a socket that sends nothing is a leak or a slow attack. */
const IDLE_MS = 5_000;
const HEARTBEAT_MS = 15_000;

/** The WebSocket's path; the renderer connects to `ws://<host>/api?token=…`. */
export const API_PATH = '/api';

export interface UiServerOptions {
  assets: RendererAssets;
  /** Serves the control API on one connection (`socket`: who is at the other end, for the agent guard); returns its disposer. */
  serve: (channel: TextChannel, socket: Socket) => () => void;
  /** 0 picks a free port. */
  port: number;
  /** The data directory's `ui.token` (browser-ui.ts), or a fixed one in tests; random when not given. */
  token?: string;
  /** How long a connection may sit without sending a whole request (default 5 s; shorter in tests). */
  idleMs?: number;
  /** How often the WebSocket is pinged; a peer that has not answered the last ping by the next is dropped (default 15 s). */
  heartbeatMs?: number;
}

export class UiServer {
  private token: string;
  private readonly opts: UiServerOptions;
  private readonly http: http.Server;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_LINE_BYTES });
  private guard: UiGuard | null = null;
  private port = 0;
  private readonly heartbeat: NodeJS.Timeout;
  /** WebSockets that have not answered the last ping. */
  private readonly unanswered = new WeakSet<WebSocket>();

  constructor(opts: UiServerOptions) {
    this.opts = opts;
    this.token = opts.token ?? newToken();
    const idleMs = opts.idleMs ?? IDLE_MS;
    // Node checks these timeouts every connectionsCheckingInterval; the defaults let a silent socket stay ~90 s.
    this.http = http.createServer(
      {
        headersTimeout: idleMs,
        requestTimeout: idleMs * 2,
        keepAliveTimeout: idleMs,
        connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(idleMs / 4))),
      },
      (req, res) => this.onRequest(req, res),
    );
    // A socket that sends nothing at all is no request yet, so only the socket's own idle timeout ends it
    // (ws clears it on a WebSocket once upgraded).
    this.http.timeout = idleMs;
    this.heartbeat = setInterval(() => this.ping(), opts.heartbeatMs ?? HEARTBEAT_MS);
    this.heartbeat.unref();
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.opts.port, '127.0.0.1', () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    this.port = (this.http.address() as AddressInfo).port;
    this.guard = new UiGuard(this.port, this.token);
  }

  /** The URL to open, token included. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/?token=${encodeURIComponent(this.token)}`;
  }

  /** Pages connected now (their WebSockets). */
  get connections(): number {
    return this.wss.clients.size;
  }

  /**
   * Takes a new token: the old URL is refused from now on, and the pages opened with it are disconnected at once
   * (whoever held the old URL may be why it is replaced).
   */
  setToken(token: string): void {
    this.token = token;
    if (this.guard) this.guard = new UiGuard(this.port, token);
    for (const ws of this.wss.clients) ws.close(TOKEN_REPLACED_CLOSE, 'the UI token was replaced');
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private refuse(req: http.IncomingMessage, upgrade: boolean): { status: number; message: string } | null {
    const guard = this.guard;
    if (!guard) return { status: 503, message: 'not listening yet' };
    return guard.check({ host: req.headers.host, url: req.url, origin: req.headers.origin, upgrade });
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const refusal = this.refuse(req, false);
    if (refusal) return sendText(res, refusal.status, refusal.message);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    const { pathname } = new URL(req.url ?? '/', 'http://gatehouse.invalid');
    const asset =
      pathname === '/' || pathname === '/index.html'
        ? this.opts.assets.page(`?token=${encodeURIComponent(this.token)}`)
        : this.opts.assets.get(pathname);
    if (!asset) return sendText(res, 404, 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': asset.type,
      'content-length': asset.body.length,
      // 'self': the page asks its own URL whether the core is back after a restart (renderer/app/reconnect.ts).
      'content-security-policy': contentSecurityPolicy(["'self'", ...allowedHosts(this.port).map((h) => `ws://${h}`)]),
    });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  }

  private onUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = this.refuse(req, true);
    const { pathname } = new URL(req.url ?? '/', 'http://gatehouse.invalid');
    if (refusal || pathname !== API_PATH) {
      const { status, message } = refusal ?? { status: 404, message: 'Not found.' };
      socket.end(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${message}\n`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req.socket));
  }

  /** Drops the WebSockets whose peer went away without closing (a sleeping laptop, a killed browser). */
  private ping(): void {
    for (const ws of this.wss.clients) {
      if (this.unanswered.has(ws)) {
        ws.terminate();
        continue;
      }
      this.unanswered.add(ws);
      ws.ping();
    }
  }

  private onConnection(ws: WebSocket, socket: Socket): void {
    ws.on('pong', () => this.unanswered.delete(ws));
    let deliver: (data: string) => void = () => {};
    const dispose = this.opts.serve(
      {
        post: (data) => {
          if (ws.readyState === ws.OPEN) ws.send(data);
        },
        on: (fn) => {
          deliver = fn;
        },
      },
      socket,
    );
    ws.on('message', (data, isBinary) => {
      // A page being disconnected (its token replaced) is not served while its close completes.
      if (!isBinary && ws.readyState === ws.OPEN) deliver(data.toString());
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => dispose());
  }
}

/** The token is in the URL: no referrer may carry it elsewhere, and nothing is cached. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

function sendText(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}
