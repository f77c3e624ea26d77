// Browser mode stays put: the port comes from the settings (or the start's own), the token from `ui.token` in the data
// directory (0600), so the URL, and a bookmark of it, is the same after a restart; rotating the token shuts out the
// old URL at once, pages opened with it included, and the new one is kept for the next start.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ASSET_QUERY_MARK, TOKEN_REPLACED_CLOSE } from '../../shared/ui-page.ts';
import { DEFAULT_UI_PORT } from '../../shared/settings.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { tempDir } from '../support/temp.ts';
import { openUiSocket } from '../support/text-client.ts';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.stop();
  t = null;
});

function rendererDir(): string {
  const dir = tempDir('gh-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), `<script type="module" src="app.js${ASSET_QUERY_MARK}"></script>`);
  fs.writeFileSync(path.join(dir, 'app.js'), 'console.log("app")');
  return dir;
}

/** A port nobody listens on now (the OS's pick, let go at once). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const status = (url: string) =>
  new Promise<number>((resolve, reject) =>
    http.get(url, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject),
  );

const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

async function restart(home: string, ui: { rendererDir: string; port?: number }): Promise<TestCore> {
  await t?.stop();
  t = await startTestCore({ home, ui });
  return t;
}

describe('browser mode across restarts', () => {
  it('keeps its token in ui.token (0600) and serves the same URL after a restart', async () => {
    const home = tempDir('gh-home-');
    const ui = { rendererDir: rendererDir(), port: await freePort() };
    const first = (await restart(home, ui)).core.uiUrl as string;
    const file = path.join(home, 'ui.token');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(tokenOf(first));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(tokenOf(first)).toMatch(/^[\w-]{43}$/);

    const second = (await restart(home, ui)).core.uiUrl;
    expect(second).toBe(first);
    expect(await status(first)).toBe(200);
  });

  it('listens on the settings’ uiPort when the start names none (7345 by default)', async () => {
    const home = tempDir('gh-home-');
    const core = await restart(home, { rendererDir: rendererDir(), port: 0 });
    expect((await core.client.api.getSettings()).uiPort).toBe(DEFAULT_UI_PORT);
    const port = await freePort();
    await core.client.api.updateSettings({ uiPort: port });
    const url = (await restart(home, { rendererDir: rendererDir() })).core.uiUrl as string;
    expect(new URL(url).port).toBe(String(port));
    expect(await status(url)).toBe(200);
    await expect(t?.client.api.updateSettings({ uiPort: 80 })).rejects.toThrow(/uiPort/);
  });

  it('rotating the token refuses the old URL at once, disconnects its pages, and keeps the new one for the next start', async () => {
    const home = tempDir('gh-home-');
    const ui = { rendererDir: rendererDir(), port: await freePort() };
    const core = await restart(home, ui);
    const old = core.core.uiUrl as string;
    const origin = new URL(old).origin;
    const page = await openUiSocket(`ws://${new URL(old).host}/api?token=${tokenOf(old)}`, origin);
    const closed = new Promise<number>((resolve) => page.ws.once('close', (code) => resolve(code)));

    const { url } = await core.client.api.browserUi({ rotateToken: true });
    expect(url).not.toBe(old);
    expect(new URL(url as string).port).toBe(new URL(old).port);
    expect(await closed).toBe(TOKEN_REPLACED_CLOSE);
    expect(await status(old)).toBe(401);
    expect(await status(url as string)).toBe(200);
    expect(fs.readFileSync(path.join(home, 'ui.token'), 'utf8').trim()).toBe(tokenOf(url as string));
    expect(fs.statSync(path.join(home, 'ui.token')).mode & 0o777).toBe(0o600);
    await expect(openUiSocket(`ws://${new URL(old).host}/api?token=${tokenOf(old)}`, origin)).rejects.toThrow(
      'HTTP 401',
    );

    expect((await restart(home, ui)).core.uiUrl).toBe(url);
  });

  it('a core without browser mode has no URL; rotating still replaces the kept token', async () => {
    const home = tempDir('gh-home-');
    const ui = { rendererDir: rendererDir(), port: await freePort() };
    const before = (await restart(home, ui)).core.uiUrl as string;
    await t?.stop();
    t = await startTestCore({ home });
    expect(await t.client.api.browserUi({})).toEqual({ url: null });
    expect(await t.client.api.browserUi({ rotateToken: true })).toEqual({ url: null });
    const after = (await restart(home, ui)).core.uiUrl as string;
    expect(tokenOf(after)).not.toBe(tokenOf(before));
  });
});
