// The built renderer (`dist/renderer/`), read once into memory: a handful of small files, served from a fixed
// list, so no request path ever reaches the file system.
import fs from 'node:fs';
import path from 'node:path';
import { renderIndexHtml } from '../../../shared/ui-page.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface Asset {
  type: string;
  body: Buffer;
}

export class RendererAssets {
  private readonly files = new Map<string, Asset>();
  private readonly indexTemplate: string;

  /** Throws a sentence a person can act on when the renderer has not been built. */
  constructor(dir: string) {
    const index = path.join(dir, 'index.html');
    if (!fs.existsSync(index))
      throw new Error(`the UI is not built (${index} is missing); run \`npm run build\` in the Gatehouse folder`);
    this.indexTemplate = fs.readFileSync(index, 'utf8');
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const type = CONTENT_TYPES[path.extname(entry.name)];
      if (entry.isFile() && type && entry.name !== 'index.html')
        this.files.set(`/${entry.name}`, { type, body: fs.readFileSync(path.join(dir, entry.name)) });
    }
  }

  /** The page, with `query` appended to each asset URL. */
  page(query: string): Asset {
    return { type: CONTENT_TYPES['.html'] as string, body: Buffer.from(renderIndexHtml(this.indexTemplate, query)) };
  }

  /** An asset by URL path (`/app.js`), or null. */
  get(pathname: string): Asset | null {
    return this.files.get(pathname) ?? null;
  }
}
