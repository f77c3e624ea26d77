// Listening on a local socket the same way everywhere: Unix socket files are made 0600 (their directory is 0700).
import fs from 'node:fs';
import type net from 'node:net';

export async function listenPrivate(server: net.Server, socketPath: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (process.platform !== 'win32') fs.chmodSync(socketPath, 0o600);
}

/**
 * Makes the path free for a listener: whatever is there goes (a stale socket, another process's socket, a file or a
 * directory put in its place). A symlink is removed itself, never followed.
 */
export function clearSocketPath(socketPath: string): void {
  if (process.platform !== 'win32') fs.rmSync(socketPath, { force: true, recursive: true });
}

/**
 * Takes a socket path back: the old listener stops accepting (connections it already has stay open; closing a
 * Unix-socket listener also unlinks whatever is at its path, by name), the path is cleared, and the new listener
 * listens there. Closing first matters: closed later, the old listener would unlink the new one's socket file.
 */
export async function relistenPrivate(old: net.Server, next: net.Server, socketPath: string): Promise<void> {
  old.close();
  clearSocketPath(socketPath);
  await listenPrivate(next, socketPath);
}
