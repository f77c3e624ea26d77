// Which lines a person typed at a hosted shell's prompt, and how far each hosted shell trusts them. The person typing
// there is the reviewer, so a shell may run their low-risk lines (or all of them) without asking; a command that a
// program started in that shell asks about (an agent, a script) must not pass as typed.
//
// How they are told apart: each hosted shell gets a random key in a file of the session's private folder. The shell
// integration reads it into a variable of that shell alone before any startup file of the user's runs, deletes the
// file and forgets its name (pty/shell-integration/*). The line gate, which runs inside the shell process when Enter is
// pressed, sends the key with the line; a program the shell starts is a new process image that never has the variable,
// and the key is in no file, environment or command line it can read. So the key proves "asked by the line gate at the
// prompt". (A program could still fake keystrokes with TIOCSTI where the kernel allows it; those lines then pass
// through the line gate like typing. Linux 6.2 turned TIOCSTI off by default.)
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TypingTrust } from '../../../shared/domain.ts';

/** Asked only from medium risk up: low-risk lines a person types run at once, as in a terminal without Gatehouse. */
export const DEFAULT_TYPING_TRUST: TypingTrust = 'low';

/** The file's name in the session's private folder; its path reaches the shell as GATEHOUSE_TYPED_KEY_FILE. */
const KEY_FILE = 'typed-line-key';

interface Shell {
  keyHash: Buffer;
  trust: TypingTrust;
  /** Until the shell has shown it has read the key (its first typed line), in case the shell could not delete it. */
  file: string | null;
}

export class TypedLines {
  private readonly shells = new Map<string, Shell>();

  /** A new key for a hosted shell, written to a file in `dir` (a folder only this user can read); returns its path. */
  issue(sessionId: string, dir: string): string {
    const key = randomBytes(24).toString('base64url');
    const file = path.join(dir, KEY_FILE);
    fs.writeFileSync(file, key, { mode: 0o600 });
    this.shells.set(sessionId, { keyHash: hash(key), trust: DEFAULT_TYPING_TRUST, file });
    return file;
  }

  /** Whether `key` is that shell's: the line was typed at its prompt. */
  matches(sessionId: string, key: string): boolean {
    const shell = this.shells.get(sessionId);
    if (!shell || !timingSafeEqual(shell.keyHash, hash(key))) return false;
    // The shell has read its key by now; a file it could not delete must not outlive that.
    if (shell.file) fs.rmSync(shell.file, { force: true });
    shell.file = null;
    return true;
  }

  /** Null for a session that is not a hosted shell. */
  trust(sessionId: string): TypingTrust | null {
    return this.shells.get(sessionId)?.trust ?? null;
  }

  /** Returns false for a session that is not a hosted shell. */
  setTrust(sessionId: string, trust: TypingTrust): boolean {
    const shell = this.shells.get(sessionId);
    if (!shell) return false;
    shell.trust = trust;
    return true;
  }

  forget(sessionId: string): void {
    this.shells.delete(sessionId);
  }
}

function hash(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
