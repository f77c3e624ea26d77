// The admin token: what the CLI (and later the app) presents to the control API. A 0600 file in the data directory.
import fs from 'node:fs';
import { newToken } from './ids.ts';

/** Reads the token, creating it if missing. A token file others could read is replaced, since it may have leaked. */
export function ensureAdminToken(file: string): string {
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

export function readAdminToken(file: string): string {
  return fs.readFileSync(file, 'utf8').trim();
}
