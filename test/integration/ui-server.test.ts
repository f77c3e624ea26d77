// Browser mode over real HTTP and a real WebSocket: the token, Host and Origin checks, the page, and the API.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import { ASSET_QUERY_MARK } from '../../shared/ui-page.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { openUiSocket, textClient } from '../support/text-client.ts';
import { GATE_PATHS } from '../../electron/core/gate/server.ts';
import { post } from '../support/unix-http.ts';

const TOKEN = 'ui-token-for-tests-0123456789abcdef';
let t: TestCore;
afterEach(async () => t?.stop());

function rendererDir(): string {
  const dir = tempDir('gh-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), `<script type="module" src="app.js${ASSET_QUERY_MARK}"></script>`);
  fs.writeFileSync(path.join(dir, 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a served type');
  return dir;
}

async function start(): Promise<{ base: string; port: number }> {
  t = await startTestCore({ ui: { rendererDir: rendererDir(), port: 0, token: TOKEN } });
  const url = new URL(t.core.uiUrl as string);
  return { base: `http://127.0.0.1:${url.port}`, port: Number(url.port) };
}

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
      .on('error', reject);
  });
}

describe('browser UI server', () => {
  it('prints a loopback URL with the token and serves the page with the token on every asset URL', async () => {
    const { base } = await start();
    expect(t.core.uiUrl).toBe(`${base}/?token=${TOKEN}`);
    const page = await get(`${base}/?token=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.body).toBe(`<script type="module" src="app.js?token=${TOKEN}"></script>`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const asset = await get(`${base}/app.js?token=${TOKEN}`);
    expect(asset).toMatchObject({ status: 200, body: 'console.log("app")' });
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get(`${base}/notes.txt?token=${TOKEN}`)).status).toBe(404);
    expect((await get(`${base}/../package.json?token=${TOKEN}`)).status).toBe(404);
  });

  it('refuses the page and assets without the right token (401) and any Host but loopback (403)', async () => {
    const { base, port } = await start();
    expect((await get(`${base}/`)).status).toBe(401);
    expect((await get(`${base}/?token=wrong`)).status).toBe(401);
    expect((await get(`${base}/app.js`)).status).toBe(401);
    // A DNS-rebinding page reaches 127.0.0.1 under its own name, which the browser sends as Host.
    const rebound = await get(`${base}/?token=${TOKEN}`, { host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('script');
    expect((await get(`${base}/?token=${TOKEN}`, { host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a WebSocket without the token, or from another origin', async () => {
    const { base, port } = await start();
    const ws = `ws://127.0.0.1:${port}/api`;
    await expect(openUiSocket(ws, base)).rejects.toThrow('HTTP 401');
    await expect(openUiSocket(`${ws}?token=${TOKEN}`, 'http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(openUiSocket(`${ws}?token=${TOKEN}`, `http://127.0.0.1:${port + 1}`)).rejects.toThrow('HTTP 403');
    await expect(openUiSocket(`ws://127.0.0.1:${port}/other?token=${TOKEN}`, base)).rejects.toThrow('HTTP 404');
  });

  it('carries the control API and its events over the WebSocket', async () => {
    const { base, port } = await start();
    const { ws, channel } = await openUiSocket(`ws://127.0.0.1:${port}/api?token=${TOKEN}`, base);
    try {
      const c = textClient(channel);
      expect(await c.api.subscribe()).toBe(true);
      const s = await t.client.api.startSession({ agent: 'generic', argv: ['x'], cwd: '/w', pid: null });
      const answer = post(s.gateSocket, GATE_PATHS.check, JSON.stringify({ command: 'make deploy', cwd: '/w' }), {
        authorization: `Bearer ${s.token}`,
      });
      const held = await c.event('request.held');
      expect((await c.api.listPending()).map((r) => r.id)).toEqual([held.request.id]);
      const decided = await c.api.decide({ id: held.request.id, decision: 'deny', reason: 'not today', via: 'window' });
      expect(decided.decision).toMatchObject({ decidedBy: 'human:window', reason: 'not today' });
      expect(JSON.parse((await answer).body)).toMatchObject({ decision: 'deny' });
      const err = await c.api
        .decide({ id: held.request.id, decision: 'allow', via: 'window' })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('already_decided');
    } finally {
      ws.close();
    }
  });
});
