// Where the core keeps its data and its sockets. One core per data directory (GATEHOUSE_HOME).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** macOS limits a Unix socket path to 104 bytes (Linux: 108); stay under the smaller one. */
const MAX_SOCKET_PATH = 103;
const PRODUCT_DIR = 'Gatehouse';

export interface CorePaths {
  home: string;
  database: string;
  settingsFile: string;
  adminTokenFile: string;
  /** The browser UI's token (0600), kept so its URL stays the same across restarts. */
  uiTokenFile: string;
  lockFile: string;
  /** A 0700 directory holding the sockets (not used on Windows, where sockets are named pipes). */
  runtimeDir: string;
  gateSocket: string;
  controlSocket: string;
}

/** The platform's app-data directory, the same folder Electron uses as `userData` for the app. */
export function defaultHome(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_DIR);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PRODUCT_DIR);
}

export function resolveHome(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.GATEHOUSE_HOME?.trim();
  return path.resolve(configured ? configured : defaultHome(env));
}

/** Sockets live outside the data directory so their path stays short however deep GATEHOUSE_HOME is. */
export function corePaths(home: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): CorePaths {
  const id = createHash('sha256').update(home).digest('hex').slice(0, 12);
  const files = {
    home,
    database: path.join(home, 'gatehouse.db'),
    settingsFile: path.join(home, 'settings.json'),
    adminTokenFile: path.join(home, 'admin.token'),
    uiTokenFile: path.join(home, 'ui.token'),
    lockFile: path.join(home, 'core.lock'),
  };
  if (platform === 'win32') {
    return {
      ...files,
      runtimeDir: home,
      gateSocket: `\\\\.\\pipe\\gatehouse-${id}-gate`,
      controlSocket: `\\\\.\\pipe\\gatehouse-${id}-control`,
    };
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const candidates = [env.XDG_RUNTIME_DIR, os.tmpdir(), '/tmp'].filter((d): d is string => Boolean(d));
  const base =
    candidates.find((d) => path.join(d, `gatehouse-${uid}-${id}`, 'control.sock').length <= MAX_SOCKET_PATH) ?? '/tmp';
  const runtimeDir = path.join(base, `gatehouse-${uid}-${id}`);
  return {
    ...files,
    runtimeDir,
    gateSocket: path.join(runtimeDir, 'gate.sock'),
    controlSocket: path.join(runtimeDir, 'control.sock'),
  };
}

/**
 * Creates `dir` with mode 0700, or checks that an existing one belongs to us and is not open to others.
 * A socket directory that someone else can write to would let them stand in for the gate.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  const st = fs.lstatSync(dir);
  if (!st.isDirectory()) throw new Error(`${dir} is not a directory`);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid)
    throw new Error(`${dir} belongs to another user (uid ${st.uid}); refusing to use it`);
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/**
 * The paths of the core running for `home`: its sockets as it published them in the lock file (the temp dir,
 * and so the derived path, can differ between the core's shell and ours), else where it would put them.
 */
export function locateCore(
  home: string,
  published: { gateSocket?: string; controlSocket?: string } | null,
  env: NodeJS.ProcessEnv = process.env,
): CorePaths {
  const derived = corePaths(home, env);
  if (!published?.gateSocket || !published.controlSocket) return derived;
  return { ...derived, gateSocket: published.gateSocket, controlSocket: published.controlSocket };
}
