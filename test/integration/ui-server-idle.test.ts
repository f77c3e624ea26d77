// Browser mode does not keep what nobody uses: a socket that never sends a request is closed after the idle limit,
// and a WebSocket whose peer stopped answering pings is dropped, while a live one stays.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RendererAssets } from '../../electron/core/web/assets.ts';
import { UiServer } from '../../electron/core/web/server.ts';
import { tempDir } from '../support/temp.ts';

const TOKEN = 'ui-token-for-idle-tests-0123456789';
let server: UiServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<number> {
  const dir = tempDir('gh-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<p>ui</p>');
  server = new UiServer({
    assets: new RendererAssets(dir),
    serve: () => () => {},
    port: 0,
    token: TOKEN,
    idleMs: 200,
    heartbeatMs: 500,
  });
  await server.listen();
  return Number(new URL(server.url).port);
}

const closed = (emitter: { once(event: 'close', fn: () => void): unknown }) =>
  new Promise<void>((resolve) => emitter.once('close', () => resolve()));

function openSocket(port: number, autoPong: boolean): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${TOKEN}`, {
    origin: `http://127.0.0.1:${port}`,
    autoPong,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('browser UI server limits', () => {
  it('closes a connection that sends nothing', async () => {
    const port = await start();
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => {});
    await closed(socket);
    expect(socket.destroyed).toBe(true);
  });

  it('drops a WebSocket that stops answering pings and keeps one that answers', async () => {
    const port = await start();
    const live = await openSocket(port, true);
    const silent = await openSocket(port, false);
    await closed(silent);
    // More heartbeats go by for the live one too (half a second apart: a loaded machine still answers in time).
    await new Promise((r) => setTimeout(r, 1100));
    expect(live.readyState).toBe(WebSocket.OPEN);
    live.close();
  });
});
