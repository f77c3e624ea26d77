// The core as a utilityProcess, with a fake `utilityProcess.fork`; and the app:// protocol and settings reader.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP_CORE_COMMAND, type ToCoreMessage } from '../../../shared/desktop.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { ASSET_QUERY_MARK } from '../../../shared/ui-page.ts';
import { appAsset } from '../../../electron/main/app-protocol.ts';
import { AppSettings } from '../../../electron/main/app-settings.ts';
import { CoreProcess, type UtilityProcessLike } from '../../../electron/main/core-process.ts';
import { tempDir } from '../../support/temp.ts';

function fakeFork() {
  const posted: Array<{ message: ToCoreMessage; transfer?: unknown[] }> = [];
  const listeners: Record<string, Array<(arg: never) => void>> = {};
  let killed = false;
  let forked: { entry: string; args: string[]; env: Record<string, string | undefined> } | null = null;
  const child: UtilityProcessLike = {
    postMessage: (message, transfer) => posted.push({ message, transfer }),
    on: (event: string, listener: (arg: never) => void) => (listeners[event] ??= []).push(listener),
    kill: () => (killed = true),
  };
  const emit = (event: string, arg: unknown) => listeners[event]?.forEach((l) => l(arg as never));
  return {
    fork: (entry: string, args: string[], o: { env: Record<string, string | undefined> }) => {
      forked = { entry, args, env: o.env };
      return child;
    },
    posted,
    emit,
    killed: () => killed,
    forked: () => forked,
  };
}

describe('core process', () => {
  it('starts the desktop-core command, resolves when ready, and hands ports over', async () => {
    const f = fakeFork();
    const core = new CoreProcess(f.fork, '/app/dist/core/gatehouse.mjs', { GATEHOUSE_HOME: '/h' });
    expect(f.forked()).toEqual({
      entry: '/app/dist/core/gatehouse.mjs',
      args: [DESKTOP_CORE_COMMAND],
      env: { GATEHOUSE_HOME: '/h' },
    });
    f.emit('message', { type: 'bogus' });
    f.emit('message', { type: 'ready', status: { pid: 42 } });
    expect((await core.ready).pid).toBe(42);
    const port = { fake: 'port' };
    core.connect(port);
    expect(f.posted).toEqual([{ message: { type: 'connect' }, transfer: [port] }]);
  });

  it("rejects with the core's own words when it cannot start, or when it exits first", async () => {
    const f = fakeFork();
    const core = new CoreProcess(f.fork, 'x', {});
    f.emit('message', { type: 'failed', message: 'another Gatehouse core (pid 9) is already running' });
    await expect(core.ready).rejects.toThrow('another Gatehouse core (pid 9)');
    const g = fakeFork();
    const gone = new CoreProcess(g.fork, 'x', {});
    g.emit('exit', 3);
    await expect(gone.ready).rejects.toThrow('exited (code 3)');
  });

  it('stops by asking, and kills a core that does not leave', async () => {
    const f = fakeFork();
    const core = new CoreProcess(f.fork, 'x', {});
    const stopping = core.stop();
    expect(f.posted.at(-1)?.message).toEqual({ type: 'stop' });
    f.emit('exit', 0);
    await stopping;
    expect(f.killed()).toBe(false);

    const g = fakeFork();
    await new CoreProcess(g.fork, 'x', {}).stop(1);
    expect(g.killed()).toBe(true);
  });
});

describe('app:// protocol', () => {
  it('serves the renderer with our CSP and nothing outside its directory', async () => {
    const root = tempDir('gh-app-');
    const dir = path.join(root, 'renderer');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'index.html'), `<script src="app.js${ASSET_QUERY_MARK}"></script>`);
    fs.writeFileSync(path.join(dir, 'app.js'), 'ok');
    fs.writeFileSync(path.join(root, 'secret.js'), 'secret');
    const index = await appAsset(dir, 'app://gatehouse/');
    expect(index).toMatchObject({ status: 200, body: '<script src="app.js"></script>' });
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await appAsset(dir, 'app://gatehouse/app.js')).body.toString()).toBe('ok');
    for (const url of [
      'app://gatehouse/%2e%2e/secret.js',
      'app://gatehouse/..%2fsecret.js',
      'app://other/app.js',
      'app://gatehouse/missing.js',
      'not a url',
    ]) {
      expect((await appAsset(dir, url)).status, url).toBe(404);
    }
  });
});

describe('app settings', () => {
  it('reads the settings file with the shared schema, and falls back to defaults when it is invalid', () => {
    expect(new AppSettings({ read: () => ({ theme: 'dark' }) }, () => {}).get()).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
    });
    const problems: string[] = [];
    const s = new AppSettings({ read: () => ({ holdTimeoutMs: 'soon' }) }, (m) => problems.push(m));
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
    s.changed({ ...DEFAULT_SETTINGS, openAtLogin: true });
    expect(s.get().openAtLogin).toBe(true);
  });
});
