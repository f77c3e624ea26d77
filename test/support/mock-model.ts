/**
 * Shared pieces of the offline model mocks used to drive the real agent
 * binaries (Claude Code against a Messages API mock, Codex against a
 * Responses API mock).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MockModelServer {
  /** Base URL of the server, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  url: string;
  /** tool results / function outputs the agent sent back, in order */
  toolResults: string[];
  /** Every request received, in order (see {@link RecordedRequest}). */
  requests: unknown[];
  close(): Promise<void>;
}

/** Shape of each entry pushed to {@link MockModelServer.requests}. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON, or null when empty. */
  body: unknown;
}

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Writes one Server-Sent Event (named event + JSON data). */
export function writeSse(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Starts an SSE response, writes all events, and ends it. */
export function sendSse(res: ServerResponse, events: ReadonlyArray<readonly [string, unknown]>): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const [event, data] of events) writeSse(res, event, data);
  res.end();
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export type MockHandler = (
  request: RecordedRequest,
  res: ServerResponse,
  /** The server's `toolResults` array; push what the agent sends back. */
  toolResults: string[],
) => void | Promise<void>;

/**
 * Starts an HTTP server on 127.0.0.1 with a random port. Every request body is
 * read (and JSON-parsed when possible), recorded, then passed to `handle`.
 * The handler records tool results into the array it is given.
 */
export async function startMockServer(handle: MockHandler): Promise<MockModelServer> {
  const requests: unknown[] = [];
  const toolResults: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      let body: unknown = null;
      if (text.length > 0) {
        try {
          body = JSON.parse(text) as unknown;
        } catch {
          body = text;
        }
      }
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: flattenHeaders(req),
        body,
      };
      requests.push(recorded);
      await handle(recorded, res, toolResults);
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { type: 'mock_error', message: String(err) } });
      else res.end();
    });
  });
  // Agents keep connections alive; make close() not wait for them.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    toolResults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Strips the query string from a request path. */
export function pathname(path: string): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

let idCounter = 0;
export function mockId(prefix: string): string {
  idCounter += 1;
  return `${prefix}${Date.now().toString(36)}${idCounter.toString(36).padStart(4, '0')}`;
}
