// `gatehouse ui` and browser mode's port, as a person meets them: the URL printed and opened (through $BROWSER, the
// convention xdg-open follows, here a script that writes down what it was given), not opened with --no-open or in CI,
// a core that is not running or serves no UI said plainly, the token replaced on request, and a port that is taken
// named with the two ways to choose another.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { cli, cliEnv, startDaemon } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';
import { openUiSocket } from '../support/text-client.ts';

const stops: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A "browser" that writes the URL it was asked to open into `opened`. */
function fakeBrowser(dir: string): { env: NodeJS.ProcessEnv; opened: () => string | null } {
  const script = path.join(dir, 'browser.sh');
  const opened = path.join(dir, 'opened');
  fs.writeFileSync(script, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, { mode: 0o755 });
  return {
    env: { BROWSER: script, CI: '' },
    opened: () => (fs.existsSync(opened) ? fs.readFileSync(opened, 'utf8') : null),
  };
}

async function until<T>(get: () => T | null, ms = 5000): Promise<T | null> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== null || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function daemonWithUi(home: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const daemon = await startDaemon(home, ['--ui', ...extra], env);
  stops.push(daemon.stop);
  const url = /ui:\s+(\S+)/.exec(daemon.output())?.[1] ?? '';
  return { daemon, url };
}

describe('gatehouse ui', () => {
  it('prints the URL of the running core and opens the browser on it; --no-open and CI do not', async () => {
    const home = tempDir('gh-home-');
    const { url } = await daemonWithUi(home);
    const browser = fakeBrowser(home);
    const r = await cli(['ui'], cliEnv(home, browser.env));
    expect([r.code, r.stdout.trim(), r.stderr]).toEqual([0, url, '']);
    expect(await until(browser.opened)).toBe(url);

    fs.rmSync(path.join(home, 'opened'));
    const quiet = await cli(['ui', '--no-open'], cliEnv(home, browser.env));
    expect([quiet.code, quiet.stdout.trim()]).toEqual([0, url]);
    const ci = await cli(['ui'], cliEnv(home, { ...browser.env, CI: 'true' }));
    expect(ci.stderr).toContain('not opening a browser (CI is set); open the URL above yourself.');
    await new Promise((r) => setTimeout(r, 300));
    expect(browser.opened()).toBeNull();
  });

  it('--rotate-token gives the UI a new token: the old URL is refused at once, the new one works', async () => {
    const home = tempDir('gh-home-');
    const { url } = await daemonWithUi(home);
    const r = await cli(['ui', '--rotate-token', '--no-open'], cliEnv(home));
    expect(r.code, r.stderr).toBe(0);
    const [said, fresh] = r.stdout.trim().split('\n');
    expect(said).toMatch(
      /^The token is replaced: the old URL, and every page and bookmark with it, no longer works\.$/,
    );
    expect(new URL(fresh as string).port).toBe(new URL(url).port);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(fresh as string)).status).toBe(200);
  });

  it('says how to start the core when it is not running, with the URL it will have; and when it serves no UI', async () => {
    const never = tempDir('gh-home-');
    expect((await cli(['ui'], cliEnv(never))).stderr).toMatch(/no Gatehouse core has run for .*gatehouse daemon --ui/);

    const home = tempDir('gh-home-');
    const { daemon, url } = await daemonWithUi(home);
    await daemon.stop();
    const stopped = await cli(['ui'], cliEnv(home, { CI: '' }));
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('the Gatehouse core is not running. Start it with `gatehouse daemon --ui`');
    // The next start on the default port: the token is the one the URL above carried.
    expect(stopped.stderr).toContain(`http://127.0.0.1:7345/?token=${new URL(url).searchParams.get('token')}`);

    const plain = await startDaemon(home);
    stops.push(plain.stop);
    const noUi = await cli(['ui'], cliEnv(home));
    expect([noUi.code, noUi.stderr]).toEqual([
      1,
      expect.stringMatching(/does not serve the browser UI: it was started without --ui/),
    ]);
  });
});

describe('browser mode port', () => {
  it('says which port is taken and how to choose another', async () => {
    const home = tempDir('gh-home-');
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    stops.push(() => new Promise((resolve) => taken.close(resolve)));
    const port = (taken.address() as net.AddressInfo).port;
    const r = await cli(['daemon', '--ui', '--port', String(port)], cliEnv(home));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `gatehouse: port ${port} is in use on 127.0.0.1 (by another program, or another Gatehouse core).`,
    );
    expect(r.stderr).toContain('`gatehouse daemon --ui --port N`');
    expect(r.stderr).toContain(`"uiPort": N in ${home}/settings.json`);
  });

  it('--open opens the browser once the core listens', async () => {
    const home = tempDir('gh-home-');
    const browser = fakeBrowser(home);
    const { url } = await daemonWithUi(home, ['--open'], browser.env);
    expect(await until(browser.opened, 8000)).toBe(url);
  });

  it('--open opens no second browser when a page left open from the last start reconnects by itself', async () => {
    const home = tempDir('gh-home-');
    const port = String(await freePort());
    const first = await daemonWithUi(home, ['--port', port]);
    await first.daemon.stop();
    // The page left open: it tries again every 100 ms, as the renderer does (every second) while the core is away.
    let page: WebSocket | null = null;
    let trying = true;
    const retry = async () => {
      while (trying && !page) {
        try {
          page = (await openUiSocket(first.url.replace('http', 'ws').replace('/?', '/api?'), new URL(first.url).origin))
            .ws;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const retrying = retry();
    stops.push(async () => {
      trying = false;
      await retrying;
      page?.close();
    });
    const browser = fakeBrowser(home);
    await daemonWithUi(home, ['--port', port, '--open'], browser.env);
    await new Promise((r) => setTimeout(r, 4000));
    expect(page).not.toBeNull();
    expect(browser.opened()).toBeNull();
  });
});
