// The core's composition root: builds the services and wires them to their carriers.
// Runs under plain Node (`gatehouse daemon`) and, later, as the desktop app's utilityProcess.
import fs from 'node:fs';
import type { CoreStatus } from '../../shared/api.ts';
import { ensureAdminToken } from './admin-token.ts';
import { Broker, type Assess, type Policy } from './broker/broker.ts';
import { registerControlHandlers } from './control/handlers.ts';
import { ControlServer } from './control/server.ts';
import { serveControl, type TextChannel } from './control/serve.ts';
import { GateServer } from './gate/server.ts';
import { acquireLock } from './lock.ts';
import { corePaths, ensurePrivateDir, type CorePaths } from './paths.ts';
import { createRiskEngine } from './risk/index.ts';
import { SettingsFile } from './settings.ts';
import { openDatabase } from './store/database.ts';
import { RequestRepository } from './store/requests.ts';
import { SessionRepository } from './store/sessions.ts';
import { VERSION } from './version.ts';
import { RendererAssets } from './web/assets.ts';
import { UiServer } from './web/server.ts';

export interface CoreOptions {
  home: string;
  /** Overrides the settings file's hold timeout (tests, `gatehouse daemon --hold-timeout`). */
  holdTimeoutMs?: number;
  policy?: Policy;
  /** Scores each request before it is held or decided; default: the risk engine, guarding this core's own files. */
  assess?: Assess;
  onError?: (err: unknown) => void;
  /** Browser mode: serve the built renderer and the API over a WebSocket on 127.0.0.1. */
  ui?: { rendererDir: string; port: number; token?: string };
}

export interface RunningCore {
  paths: CorePaths;
  broker: Broker;
  /** The browser UI's address, token included, when started with `ui`. */
  uiUrl: string | null;
  status(): CoreStatus;
  /** Serves the control API on one more connection (a desktop window's MessagePort); returns its disposer. */
  serve(channel: TextChannel): () => void;
  close(): Promise<void>;
}

export async function startCore(opts: CoreOptions): Promise<RunningCore> {
  const paths = corePaths(opts.home);
  ensurePrivateDir(paths.home);
  const settingsFile = new SettingsFile(paths.home);
  const settings = settingsFile.read();
  const lock = acquireLock(paths.lockFile, paths.home);
  const cleanup: Array<() => void | Promise<void>> = [() => lock.release()];
  const undo = async () => {
    for (const fn of cleanup.reverse()) await fn();
  };
  try {
    if (process.platform !== 'win32') ensurePrivateDir(paths.runtimeDir);
    const db = openDatabase(paths.database);
    cleanup.push(() => {
      db.close();
    });
    const sessions = new SessionRepository(db);
    const requests = new RequestRepository(db);
    const assess = opts.assess ?? (await defaultAssess(paths));
    const broker = new Broker({ requests, holdTimeoutMs: opts.holdTimeoutMs ?? settings.holdTimeoutMs, policy: opts.policy, assess, onError: opts.onError });
    broker.abandonOrphans();

    const startedAt = new Date().toISOString();
    const baseStatus = () => ({ version: VERSION, pid: process.pid, home: paths.home, gateSocket: paths.gateSocket, controlSocket: paths.controlSocket, startedAt });
    const handlers = registerControlHandlers({ broker, sessions, requests, settings: settingsFile, status: baseStatus });

    // We hold the lock, so a socket file still there belongs to a core that died.
    removeStaleSocket(paths.gateSocket);
    removeStaleSocket(paths.controlSocket);
    const gate = new GateServer({ broker, sessions, onError: opts.onError });
    await gate.listen(paths.gateSocket);
    cleanup.push(() => gate.close());
    const control = new ControlServer(handlers, broker, ensureAdminToken(paths.adminTokenFile));
    await control.listen(paths.controlSocket);
    cleanup.push(() => control.close());
    let ui: UiServer | null = null;
    if (opts.ui) {
      ui = new UiServer({ assets: new RendererAssets(opts.ui.rendererDir), port: opts.ui.port, token: opts.ui.token, serve: (channel) => serveControl(handlers, broker, channel) });
      await ui.listen();
      const server = ui;
      cleanup.push(() => server.close());
    }
    // Runs first on close: every held agent is answered (denied, with the reason) before the sockets go.
    cleanup.push(() => broker.close());
    lock.publish({ gateSocket: paths.gateSocket, controlSocket: paths.controlSocket });

    let closing: Promise<void> | null = null;
    return {
      paths,
      broker,
      uiUrl: ui?.url ?? null,
      status: () => handlers.status(),
      serve: (channel) => serveControl(handlers, broker, channel),
      close: () => (closing ??= undo()),
    };
  } catch (err) {
    await undo();
    throw err;
  }
}

async function defaultAssess(paths: CorePaths): Promise<Assess> {
  const engine = await createRiskEngine({ protectedPaths: [paths.home, paths.runtimeDir] });
  return (command, cwd) => engine.assess(command, cwd);
}

function removeStaleSocket(socketPath: string): void {
  if (process.platform !== 'win32') fs.rmSync(socketPath, { force: true });
}
