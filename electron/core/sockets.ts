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
