// The admin token: what the CLI (and later the app) presents to the control API. A 0600 file in the data directory.
// The browser UI's token is kept the same way (web/ui-token.ts), with the helpers here.
import fs from 'node:fs';
import { newToken } from './ids.ts';

/** Reads the token, creating it if missing. A token file others could read is replaced, since it may have leaked. */
export function ensureTokenFile(file: string): string {
  try {
    const st = fs.statSync(file);
    const exposed = process.platform !== 'win32' && (st.mode & 0o077) !== 0;
    const token = fs.readFileSync(file, 'utf8').trim();
    if (!exposed && token.length >= 32) return token;
    fs.rmSync(file, { force: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const token = newToken();
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return token;
}

/**
 * Writes a new token over the old one, whole or not at all: a file beside it (0600 from its creation) renamed over
 * it, so a reader never sees a half-written token and the old one stops existing at once.
 */
export function replaceTokenFile(file: string): string {
  const token = newToken();
  const next = `${file}.new`;
  fs.rmSync(next, { force: true });
  fs.writeFileSync(next, `${token}\n`, { mode: 0o600, flag: 'wx' });
  fs.renameSync(next, file);
  return token;
}

export function ensureAdminToken(file: string): string {
  return ensureTokenFile(file);
}

export function readAdminToken(file: string): string {
  return fs.readFileSync(file, 'utf8').trim();
}
