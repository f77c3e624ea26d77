// A tiny HTTP server on a Unix socket, for testing hook commands against canned answers.
import http from 'node:http';
import path from 'node:path';
import { tempDir } from './temp.ts';

export interface CannedServer {
  socketPath: string;
  bodies: string[];
  headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function cannedServer(status: number, body: string): Promise<CannedServer> {
  const socketPath = path.join(tempDir('gh-sock-'), 's.sock');
  const bodies: string[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      headers.push(req.headers);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return { socketPath, bodies, headers, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Posts raw bytes to a Unix-socket HTTP server and returns status and body. */
export function post(
  socketPath: string,
  urlPath: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { socketPath, path: urlPath, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
