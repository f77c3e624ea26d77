// Browser mode across a restart of the core, in real Chromium against `gatehouse daemon --ui`: the page left open
// says it is waiting and comes back to the app by itself once the core listens again (never "This site can't be
// reached"); the URL bookmarked before the restart opens the app after it; and once the token is replaced
// (`gatehouse ui --rotate-token`), the open page says so and the old URL is refused.
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.ts';
import { cli, cliEnv, startDaemon } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A data directory whose browser mode listens on one port, started and stopped at will. */
async function restartableCore() {
  const home = path.join(tempDir('gh-ui-restart-'), 'gatehouse');
  const port = String(await freePort());
  let stop: (() => Promise<unknown>) | null = null;
  const start = async () => {
    const daemon = await startDaemon(home, ['--ui', '--port', port]);
    stop = daemon.stop;
    return /ui:\s+(\S+)/.exec(daemon.output())?.[1] ?? '';
  };
  cleanups.push(async () => stop?.());
  return { home, start, stop: async () => stop?.() };
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  cleanups.push(() => context.close());
  return context.newPage();
}

const appShown = (page: Page) => page.getByText('Nothing is waiting for you').waitFor();

describe('browser mode across a restart of the core', () => {
  it('the open page waits and comes back by itself; the bookmarked URL works after the restart', async () => {
    const core = await restartableCore();
    const url = await core.start();
    const page = await newPage();
    await page.goto(url);
    await appShown(page);

    await core.stop();
    const banner = page.getByRole('alert').filter({ hasText: 'Lost the connection to the Gatehouse core.' });
    await banner.getByText('Waiting for it to come back: this page reconnects by itself.').waitFor();
    await page.screenshot({ path: screenshotPath('reconnect-waiting'), fullPage: true });
    // While the core is away the page stays on the app (no reload onto a dead page).
    await page.waitForTimeout(1500);
    expect(page.url()).toBe(url);
    expect(await banner.isVisible()).toBe(true);

    expect(await core.start()).toBe(url);
    // From the core listening again to the app on screen: at most one wait between tries (1 s) and a page load.
    const listening = Date.now();
    await banner.waitFor({ state: 'detached' });
    await appShown(page);
    const backMs = Date.now() - listening;
    expect(backMs).toBeLessThan(3000);
    console.log(`ui.reconnect_after_listening_ms ${backMs}`);

    const bookmark = await newPage();
    const res = await bookmark.goto(url);
    expect(res?.status()).toBe(200);
    await appShown(bookmark);
  });

  it('after the token is replaced, the open page says what to run and the old URL is refused', async () => {
    const core = await restartableCore();
    const url = await core.start();
    const page = await newPage();
    await page.goto(url);
    await appShown(page);

    const rotated = await cli(['ui', '--rotate-token', '--no-open'], cliEnv(core.home));
    expect(rotated.code, rotated.stderr).toBe(0);
    const fresh = rotated.stdout.trim().split('\n').at(-1) as string;
    await page.getByRole('alert').getByText('Run `gatehouse ui` to open the current URL.').waitFor();
    expect(await page.getByRole('alert').getByRole('button').count()).toBe(0);

    const old = await newPage();
    expect((await old.goto(url))?.status()).toBe(401);
    const current = await newPage();
    await current.goto(fresh);
    await appShown(current);
  });
});
