// The core's one entry point: the `gatehouse` CLI, `gatehouse daemon`, and the desktop app's utilityProcess
// (`gatehouse desktop-core`).
import { fileURLToPath } from 'node:url';
import { dispatch } from './cli/commands.ts';
import type { ParentPortLike } from './cli/desktop-core.ts';

/** Electron gives a utilityProcess `process.parentPort`; under plain Node it is absent. */
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

const stop = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stop.abort());

const code = await dispatch(
  {
    env: process.env,
    cwd: process.cwd(),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    stdin: process.stdin,
    hookClientPath: fileURLToPath(new URL('./hook-client.mjs', import.meta.url)),
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    parentPort,
  },
  process.argv.slice(2),
  stop.signal,
);
process.exitCode = code;
if (code !== 0 || process.argv[2] !== 'daemon') {
  // Let stdout drain, then leave even if a handle (a socket the core closed) lingers.
  process.stdout.write('', () => process.exit(code));
}
