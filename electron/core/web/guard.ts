// Who may reach the browser UI: requests that name our own loopback address as their Host (a DNS-rebound
// page names its own domain), carry the UI token, and, for the WebSocket, come from our own page's origin.
import { createHash, timingSafeEqual } from 'node:crypto';

export type Refusal = { status: 401 | 403; message: string };

/** The Host values a browser sends for our address: never anything a remote name could resolve to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

export class UiGuard {
  private readonly port: number;
  private readonly tokenDigest: Buffer;

  constructor(port: number, token: string) {
    this.port = port;
    this.tokenDigest = digest(token);
  }

  /** Null when the request may proceed. `origin` is checked when given, and required for WebSocket upgrades. */
  check(req: {
    host: string | undefined;
    url: string | undefined;
    origin: string | undefined;
    upgrade: boolean;
  }): Refusal | null {
    if (!req.host || !allowedHosts(this.port).includes(req.host.toLowerCase())) {
      return { status: 403, message: 'Forbidden: the Gatehouse UI answers only on 127.0.0.1 and localhost.' };
    }
    if (req.upgrade || req.origin !== undefined) {
      if (!req.origin || !allowedOrigins(this.port).includes(req.origin.toLowerCase())) {
        return { status: 403, message: 'Forbidden: only the Gatehouse page may open the API.' };
      }
    }
    const token = tokenOf(req.url);
    if (token === null || !timingSafeEqual(digest(token), this.tokenDigest)) {
      return {
        status: 401,
        message:
          'Unauthorized: this URL has no token, or one that was replaced. Run `gatehouse ui` to open the current URL.',
      };
    }
    return null;
  }
}

function tokenOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url, 'http://gatehouse.invalid').searchParams.get('token');
  } catch {
    return null;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
