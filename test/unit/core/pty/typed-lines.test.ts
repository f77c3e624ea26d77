// The key that marks a line as typed at a hosted shell's prompt, and each shell's typing trust.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TYPING_TRUST, TypedLines } from '../../../../electron/core/pty/typed-lines.ts';
import { tempDir } from '../../../support/temp.ts';

describe('typed lines', () => {
  it("hands a shell its key in a file only the user can read, and knows only that key as that shell's", () => {
    const typed = new TypedLines();
    const file = typed.issue('s1', tempDir());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const key = fs.readFileSync(file, 'utf8');
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(typed.matches('s1', 'guessed')).toBe(false);
    expect(typed.matches('s2', key)).toBe(false);
    // The shell has read its key once it uses it: the file goes, if the shell could not delete it.
    expect(fs.existsSync(file)).toBe(true);
    expect(typed.matches('s1', key)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(typed.matches('s1', key)).toBe(true);
  });

  it('asks from medium risk up until told otherwise; a session that is not a hosted shell has no trust', () => {
    const typed = new TypedLines();
    typed.issue('s1', tempDir());
    expect(DEFAULT_TYPING_TRUST).toBe('low');
    expect(typed.trust('s1')).toBe('low');
    expect(typed.setTrust('s1', 'all')).toBe(true);
    expect(typed.trust('s1')).toBe('all');
    expect(typed.setTrust('s9', 'all')).toBe(false);
    expect(typed.trust('s9')).toBe(null);
    typed.forget('s1');
    expect(typed.trust('s1')).toBe(null);
  });
});
