// `app://gatehouse/…`: the built renderer, served by the main process with our CSP, from a fixed directory only.
import fs from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy, renderIndexHtml } from '../../shared/ui-page.ts';
import { isOwnOrigin } from './hardening.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface AppAsset {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Answers one request for `url`. Anything outside the renderer directory, or of an unknown type, is a 404. */
export async function appAsset(rendererDir: string, url: string): Promise<AppAsset> {
  const notFound: AppAsset = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
  let pathname: string;
  try {
    const u = new URL(url);
    if (!isOwnOrigin(url)) return notFound;
    pathname = decodeURIComponent(u.pathname === '/' ? '/index.html' : u.pathname);
  } catch {
    return notFound;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${pathname}`);
  const type = TYPES[path.extname(file)];
  if (!file.startsWith(`${root}${path.sep}`) || !type) return notFound;
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return notFound;
  }
  const headers = {
    'content-type': type,
    'content-security-policy': contentSecurityPolicy([]),
    'x-content-type-options': 'nosniff',
  };
  if (path.basename(file) === 'index.html')
    return { status: 200, headers, body: renderIndexHtml(body.toString('utf8'), '') };
  return { status: 200, headers, body };
}
