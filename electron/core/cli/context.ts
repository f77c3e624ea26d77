// What every CLI command gets: where the data lives, how to print, and how to reach the running core.
import fs from 'node:fs';
import { readAdminToken } from '../admin-token.ts';
import type { ParentPortLike } from './desktop-core.ts';
import { connectControl, CoreUnreachableError, type ControlClient } from '../control/client.ts';
import { isAlive, readLock } from '../lock.ts';
import { corePaths, locateCore, resolveHome, type CorePaths } from '../paths.ts';

export interface CliContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** What the user pipes in (`gatehouse score --jsonl`). */
  stdin: NodeJS.ReadableStream;
  /** The bundled Node hook client, used where curl is missing. */
  hookClientPath: string;
  /** The built renderer (`dist/renderer/`), served by `gatehouse daemon --ui`. */
  rendererDir: string;
  /** Set when this process is the desktop app's utilityProcess (Electron's `process.parentPort`). */
  parentPort?: ParentPortLike;
}

/** A failure to report as one line and exit 1 (usage errors exit 2). */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Where the core for this environment's data directory lives and listens. */
export function pathsFor(ctx: CliContext): CorePaths {
  const home = resolveHome(ctx.env);
  return locateCore(home, readLock(corePaths(home, ctx.env).lockFile), ctx.env);
}

export async function connect(ctx: CliContext): Promise<ControlClient> {
  const paths = pathsFor(ctx);
  if (!fs.existsSync(paths.adminTokenFile)) {
    throw new CliError(
      `no Gatehouse core has run for ${paths.home}. Start one with \`gatehouse daemon\` (or set GATEHOUSE_HOME).`,
    );
  }
  try {
    return await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  } catch (err) {
    if (err instanceof CoreUnreachableError) {
      // A socket removed (a temp cleaner) or replaced under a live core is not a stopped core: say which.
      const lock = readLock(corePaths(paths.home, ctx.env).lockFile);
      if (lock && isAlive(lock.pid)) {
        throw new CliError(
          `the Gatehouse core (pid ${lock.pid}) is running, but its control socket ${paths.controlSocket} did not take the connection (${err.message}). ` +
            `The core puts back a socket that was removed or replaced within a second or two: try again. If this goes on, restart the core (stop pid ${lock.pid}, then \`gatehouse daemon\`).`,
        );
      }
      throw new CliError(
        `${err.message} for ${paths.home}. Start it with \`gatehouse daemon\` in another terminal (or set GATEHOUSE_HOME).`,
      );
    }
    throw err;
  }
}

/** Runs `fn` with a connected client and always closes it. */
export async function withCore<T>(ctx: CliContext, fn: (client: ControlClient) => Promise<T>): Promise<T> {
  const client = await connect(ctx);
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}
