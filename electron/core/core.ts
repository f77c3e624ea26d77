// The core's composition root: builds the services and wires them to their carriers.
// Runs under plain Node (`gatehouse daemon`) and, later, as the desktop app's utilityProcess.
import fs from 'node:fs';
import type { CoreStatus } from '../../shared/api.ts';
import { ensureAdminToken } from './admin-token.ts';
import { Broker, type Policy } from './broker/broker.ts';
import { registerConnectionHandlers, registerControlHandlers } from './control/handlers.ts';
import { ControlServer } from './control/server.ts';
import { GateServer } from './gate/server.ts';
import { acquireLock } from './lock.ts';
import { corePaths, ensurePrivateDir, type CorePaths } from './paths.ts';
import { PtyHost } from './pty/pty-host.ts';
import type { RecordingService } from './recording/types.ts';
import { SessionService } from './sessions/session-service.ts';
import { loadSettings } from './settings.ts';
import { openDatabase } from './store/database.ts';
import { RequestRepository } from './store/requests.ts';
import { SessionRepository } from './store/sessions.ts';
import { VERSION } from './version.ts';

export interface CoreOptions {
  home: string;
  /** Overrides the settings file's hold timeout (tests, `gatehouse daemon --hold-timeout`). */
  holdTimeoutMs?: number;
  policy?: Policy;
  /** Stores terminal streams; without one, streams are accepted and dropped (logged once). */
  recordings?: RecordingService | null;
  /** The bundled Node hook client, for hosted sessions where curl is missing. */
  hookClientPath?: string;
  /** The environment hosted terminals start from; the core's own by default. */
  env?: NodeJS.ProcessEnv;
  onError?: (err: unknown) => void;
  /** Where the core says things a person should know (one line each). */
  log?: (message: string) => void;
}

export interface RunningCore {
  paths: CorePaths;
  broker: Broker;
  terminals: PtyHost;
  status(): CoreStatus;
  close(): Promise<void>;
}

export async function startCore(opts: CoreOptions): Promise<RunningCore> {
  const paths = corePaths(opts.home);
  ensurePrivateDir(paths.home);
  const settings = loadSettings(paths.home);
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
    const broker = new Broker({ requests, holdTimeoutMs: opts.holdTimeoutMs ?? settings.holdTimeoutMs, policy: opts.policy, onError: opts.onError });
    broker.abandonOrphans();

    const onError = opts.onError ?? ((err: unknown) => console.error('gatehouse:', err));
    const sessionService = new SessionService({
      sessions,
      broker,
      gateSocket: () => paths.gateSocket,
      recordings: opts.recordings ?? null,
      log: opts.log ?? ((m) => console.error(m)),
      onError,
    });
    // Runs after the pty host has ended its sessions: their recordings are flushed last.
    cleanup.push(() => sessionService.close());
    const terminals = new PtyHost({ sessions: sessionService, broker, env: opts.env ?? process.env, hookClientPath: opts.hookClientPath ?? '', onError });
    cleanup.push(() => terminals.close());

    const startedAt = new Date().toISOString();
    const baseStatus = () => ({ version: VERSION, pid: process.pid, home: paths.home, gateSocket: paths.gateSocket, controlSocket: paths.controlSocket, startedAt });
    const handlers = registerControlHandlers({ broker, sessions, sessionService, terminals, status: baseStatus });

    // We hold the lock, so a socket file still there belongs to a core that died.
    removeStaleSocket(paths.gateSocket);
    removeStaleSocket(paths.controlSocket);
    const gate = new GateServer({ broker, sessions, onError: opts.onError });
    await gate.listen(paths.gateSocket);
    cleanup.push(() => gate.close());
    const control = new ControlServer(handlers, (client, id) => registerConnectionHandlers({ broker, terminals }, client, id), ensureAdminToken(paths.adminTokenFile));
    await control.listen(paths.controlSocket);
    cleanup.push(() => control.close());
    // Runs first on close: every held agent is answered (denied, with the reason) before the sockets go.
    cleanup.push(() => broker.close());
    lock.publish({ gateSocket: paths.gateSocket, controlSocket: paths.controlSocket });

    let closing: Promise<void> | null = null;
    return {
      paths,
      broker,
      terminals,
      status: () => handlers.status(),
      close: () => (closing ??= undo()),
    };
  } catch (err) {
    await undo();
    throw err;
  }
}

function removeStaleSocket(socketPath: string): void {
  if (process.platform !== 'win32') fs.rmSync(socketPath, { force: true });
}
