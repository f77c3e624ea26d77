// `npm start` where Electron cannot be had: one sentence that says so and offers `npm run daemon`, never Electron's
// stack traces. Electron is never downloaded here: each case builds a fake `node_modules/electron` whose installer
// fails the way @electron/get does offline (a stack trace naming ENOTFOUND), or succeeds by writing a binary.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp.ts';

interface StartScript {
  electronBinary(dir: string, env?: NodeJS.ProcessEnv): string | null;
  downloadFailure(output: string): string;
  downloadElectron(dir: string): string | null;
  findOrFetchElectron(
    dir: string,
    o?: { env?: NodeJS.ProcessEnv; download?: (dir: string) => string | null; say?: (line: string) => void },
  ): { binary?: string; message?: string };
}

let start: StartScript;
beforeAll(async () => {
  const url = pathToFileURL(path.resolve('scripts/start.mjs')).href;
  start = (await import(url)) as StartScript;
});

/** What @electron/get prints when the download host cannot be looked up (Electron's install.js prints err.stack). */
const OFFLINE_STACK = `RequestError: getaddrinfo ENOTFOUND github.com
    at ClientRequest.<anonymous> (/x/node_modules/got/dist/source/core/index.js:970:111)
    at Object.onceWrapper (node:events:634:26)
    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:120:26)`;

/** A fake `node_modules/electron`: its install.js fails offline, or "downloads" by writing path.txt and a binary. */
function fakeElectron(install: 'offline' | 'works'): string {
  const dir = path.join(tempDir('gh-electron-'), 'electron');
  fs.mkdirSync(dir);
  const script =
    install === 'offline'
      ? `console.error(${JSON.stringify(OFFLINE_STACK)}); process.exit(1);`
      : `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');`;
  fs.writeFileSync(path.join(dir, 'install.js'), script);
  return dir;
}

const env = {};

describe('npm start without Electron’s binary', () => {
  it('offline: one sentence that says so and offers npm run daemon, no stack trace', () => {
    const said: string[] = [];
    const got = start.findOrFetchElectron(fakeElectron('offline'), { env, say: (l) => said.push(l) });
    expect(got.binary).toBeUndefined();
    expect(got.message).toBe(
      "Gatehouse cannot open the desktop app: Electron's binary is not installed and could not be downloaded (no network: the download host could not be looked up); run `npm run daemon` instead for the same reviewer in your browser.",
    );
    expect(got.message).not.toContain('\n');
    expect(said).toEqual(["Downloading Electron's binary for this platform (once)…"]);
  });

  it('with the network: downloads it once with Electron’s own installer, then starts it', () => {
    const dir = fakeElectron('works');
    expect(start.electronBinary(dir, env)).toBeNull();
    expect(start.findOrFetchElectron(dir, { env })).toEqual({ binary: path.join(dir, 'dist', 'electron') });
    // The next start finds it without downloading.
    const never = () => {
      throw new Error('downloaded again');
    };
    expect(start.findOrFetchElectron(dir, { env, download: never })).toEqual({
      binary: path.join(dir, 'dist', 'electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as Electron does', () => {
    const dir = fakeElectron('offline');
    expect(start.electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe('/opt/electron/electron');
  });

  it('no electron package at all: says to run npm install', () => {
    const got = start.findOrFetchElectron(path.join(tempDir('gh-electron-'), 'missing'), { env });
    expect(got.message).toContain('(the electron package is not installed: run `npm install`)');
    expect(got.message).toContain('run `npm run daemon` instead');
  });

  it('names other download failures in a few words', () => {
    expect(start.downloadFailure('Error: connect ECONNREFUSED 10.0.0.1:443\n    at x')).toBe(
      'no network: ECONNREFUSED',
    );
    expect(start.downloadFailure('HTTPError: Response code 404 (Not Found)\n    at x')).toBe(
      'the download server answered 404',
    );
    expect(start.downloadFailure('Error: EACCES: permission denied, mkdir /x.\n    at y')).toBe(
      'Error: EACCES: permission denied, mkdir /x',
    );
  });

  it('is what npm start runs', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node scripts/build.mjs && node scripts/start.mjs');
  });
});
