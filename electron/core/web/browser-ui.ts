// Browser mode as the core holds it: the UI server (when started with `--ui`) and its token. The token is kept in the
// data directory (`ui.token`, 0600, beside `admin.token`), so the URL and a bookmark of it work across restarts,
// until the person replaces it (`gatehouse ui --rotate-token`), which shuts out every page opened with the old one.
import type { BrowserUiStatus } from '../../../shared/api.ts';
import { ensureTokenFile, replaceTokenFile } from '../admin-token.ts';
import { UiServer, type UiServerOptions } from './server.ts';

export class BrowserUi {
  private readonly tokenFile: string;
  private server: UiServer | null = null;

  constructor(tokenFile: string) {
    this.tokenFile = tokenFile;
  }

  /** Listens on `opts.port` (0: any free port) with the kept token, unless the options bring one (tests). */
  async start(opts: UiServerOptions): Promise<void> {
    const server = new UiServer({ ...opts, token: opts.token ?? ensureTokenFile(this.tokenFile) });
    await server.listen();
    this.server = server;
  }

  /** The URL to open, token included; null when this core serves no browser UI. */
  get url(): string | null {
    return this.server?.url ?? null;
  }

  /** Pages connected now. */
  get connections(): number {
    return this.server?.connections ?? 0;
  }

  status(): BrowserUiStatus {
    return { url: this.url };
  }

  /** A new token in the file (kept for the next start too) and in force at once; the old URL stops working. */
  rotateToken(): BrowserUiStatus {
    const token = replaceTokenFile(this.tokenFile);
    this.server?.setToken(token);
    return this.status();
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }
}
