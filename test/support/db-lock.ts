// Starts db-lock-holder.ts: another process holding a database's write lock (for tests and the benchmark).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HOLDER = fileURLToPath(new URL('./db-lock-holder.ts', import.meta.url));

export interface HeldLock {
  pid: number;
  /** Resolves when the holder has let go and exited. */
  released: Promise<void>;
  /** Lets go now (closes the holder's stdin) and waits for it to exit. */
  release(): Promise<void>;
}

/** Resolves once the other process holds the write lock; it lets go after `ms` at the latest. */
export function holdWriteLock(file: string, ms: number): Promise<HeldLock> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', HOLDER, file, String(ms)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('locked\n')) {
        resolve({
          pid: child.pid ?? 0,
          released,
          release: async () => {
            child.stdin.end();
            await released;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock: ${err}`)));
  });
}
