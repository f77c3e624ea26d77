// Which shell a hosted terminal starts, and the environment that turns its shell integration on (or gating off).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseShell,
  interactiveShell,
  SHELL_ENV,
  SHELL_INTEGRATION_DIR,
  withoutShellGating,
} from '../../../../electron/core/pty/shell-launch.ts';
import { writeShellKit } from '../../../../electron/core/sandbox/index.ts';
import { tempDir } from '../../../support/temp.ts';

/** A PATH holding stand-in shells (only their names matter). */
function fakePath(...names: string[]): string {
  const dir = tempDir();
  for (const n of names) fs.writeFileSync(path.join(dir, n), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

describe('chooseShell', () => {
  it('takes $SHELL when Gatehouse can gate it, and bash otherwise', () => {
    const bin = fakePath('bash', 'zsh', 'dash');
    expect(chooseShell(undefined, { PATH: bin, SHELL: path.join(bin, 'zsh') })).toEqual({
      file: path.join(bin, 'zsh'),
      kind: 'zsh',
    });
    expect(chooseShell(undefined, { PATH: bin, SHELL: path.join(bin, 'dash') })).toEqual({
      file: path.join(bin, 'bash'),
      kind: 'bash',
    });
    expect(chooseShell(undefined, { PATH: bin })).toEqual({ file: path.join(bin, 'bash'), kind: 'bash' });
  });

  it('refuses a requested shell that is missing or cannot be gated', () => {
    const bin = fakePath('sh');
    expect(() => chooseShell('fish', { PATH: bin })).toThrow(/the shell fish was not found/);
    expect(() => chooseShell('sh', { PATH: bin })).toThrow(/can gate bash, zsh and fish, not sh/);
    expect(() => chooseShell(undefined, { PATH: bin })).toThrow(/bash was not found/);
  });
});

describe('shell integration environment', () => {
  it("starts each shell with its integration and leaves the user's files where they are", () => {
    const env = { HOME: '/home/u', ZDOTDIR: '/home/u/.config/zsh' };
    expect(interactiveShell({ file: '/bin/bash', kind: 'bash' }, 'HOOK', env)).toMatchObject({
      args: ['--init-file', path.join(SHELL_INTEGRATION_DIR, 'bash-interactive.bash'), '-i'],
      env: { [SHELL_ENV.hook]: 'HOOK' },
    });
    expect(interactiveShell({ file: '/bin/zsh', kind: 'zsh' }, 'HOOK', env).env).toMatchObject({
      ZDOTDIR: path.join(SHELL_INTEGRATION_DIR, 'zsh'),
      [SHELL_ENV.userZdotdir]: '/home/u/.config/zsh',
    });
    expect(interactiveShell({ file: '/bin/fish', kind: 'fish' }, 'HOOK', env).args).toEqual([
      '--interactive',
      '--init-command',
      `source '${path.join(SHELL_INTEGRATION_DIR, 'fish-interactive.fish')}'`,
    ]);
    for (const f of ['gate.sh', 'bash-env.bash', 'zsh/.zshenv', 'zsh/.zshrc'])
      expect(fs.existsSync(path.join(SHELL_INTEGRATION_DIR, f))).toBe(true);
  });

  it('gates the shells of an agent without hooks through its kit, and takes all of it away for one with hooks', () => {
    const user = { HOME: '/home/u', BASH_ENV: '/home/u/.bashenv', PATH: '/usr/bin:/bin', [SHELL_ENV.gated]: '1' };
    const dir = path.join(tempDir(), 'kit');
    const kit = writeShellKit({
      dir,
      session: { hook: 'HOOK', socket: '/s', token: 't', sessionId: 'sid' },
      env: withoutShellGating(user),
    });
    const gated = { ...withoutShellGating(user), ...kit.env };
    expect(gated).toMatchObject({
      BASH_ENV: path.join(dir, 'bash-env.bash'),
      ZDOTDIR: path.join(dir, 'zsh'),
      PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin`,
      [SHELL_ENV.userBashEnv]: '/home/u/.bashenv',
      [SHELL_ENV.kit]: dir,
    });
    // An inherited "already asked" marker would let every command through: it never survives into a new session.
    expect(gated[SHELL_ENV.gated]).toBeUndefined();
    expect(withoutShellGating({ ...gated, [SHELL_ENV.gated]: kit.secret })).toEqual({
      HOME: '/home/u',
      BASH_ENV: '/home/u/.bashenv',
      PATH: '/usr/bin:/bin',
    });
  });
});
