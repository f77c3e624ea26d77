// The core's composition root: builds the services and wires them to their carriers.
// Runs under plain Node (`gatehouse daemon`) and, later, as the desktop app's utilityProcess.
import fs from 'node:fs';
import type { CoreStatus } from '../../shared/api.ts';
import { ensureAdminToken } from './admin-token.ts';
import { Broker, type Policy } from './broker/broker.ts';
import { registerControlHandlers } from './control/handlers.ts';
import { ControlServer } from './control/server.ts';
import { GateServer } from './gate/server.ts';
import { acquireLock } from './lock.ts';
import { corePaths, ensurePrivateDir, type CorePaths } from './paths.ts';
import { Redactor } from './recording/redaction.ts';
import { Recordings } from './recording/service.ts';
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
  onError?: (err: unknown) => void;
}

export interface RunningCore {
  paths: CorePaths;
  broker: Broker;
  /** Hand this to whatever produces terminal streams (the pty host, `gatehouse run`). */
  recordings: Recordings;
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
    const redactor = new Redactor(settings.redactionPatterns);
    const requests = new RequestRepository(db, redactor);
    const onError = opts.onError ?? ((err: unknown) => console.error('gatehouse:', err));
    const recordings = new Recordings({ db, dbFile: paths.database, sessions, redactor, retention: settings.retention, onError });
    // Closed before the database: recorders flush what they hold.
    cleanup.push(() => recordings.close());
    const broker = new Broker({ requests, holdTimeoutMs: opts.holdTimeoutMs ?? settings.holdTimeoutMs, policy: opts.policy, onError: opts.onError });
    broker.abandonOrphans();
    recordings.attach(broker);
    recordings.startRetention();

    const startedAt = new Date().toISOString();
    const baseStatus = () => ({ version: VERSION, pid: process.pid, home: paths.home, gateSocket: paths.gateSocket, controlSocket: paths.controlSocket, startedAt });
    const handlers = registerControlHandlers({ broker, sessions, recordings, status: baseStatus });

    // We hold the lock, so a socket file still there belongs to a core that died.
    removeStaleSocket(paths.gateSocket);
    removeStaleSocket(paths.controlSocket);
    const gate = new GateServer({ broker, sessions, onError: opts.onError });
    await gate.listen(paths.gateSocket);
    cleanup.push(() => gate.close());
    const control = new ControlServer(handlers, broker, ensureAdminToken(paths.adminTokenFile));
    await control.listen(paths.controlSocket);
    cleanup.push(() => control.close());
    // Runs first on close: every held agent is answered (denied, with the reason) before the sockets go.
    cleanup.push(() => broker.close());
    lock.publish({ gateSocket: paths.gateSocket, controlSocket: paths.controlSocket });

    let closing: Promise<void> | null = null;
    return {
      paths,
      broker,
      recordings,
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
