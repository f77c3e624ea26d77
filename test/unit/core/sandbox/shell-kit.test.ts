import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_ENV, SHELL_INTEGRATION_DIR } from '../../../../electron/core/pty/shell-launch.ts';
import { wrapperScript, writeShellKit } from '../../../../electron/core/sandbox/shell-kit.ts';
import type { SystemShell } from '../../../../electron/core/sandbox/shells.ts';
import { tempDir } from '../../../support/temp.ts';

const SESSION = {
  hook: `r=$(curl "$GATEHOUSE_SOCKET") || exit 2`,
  socket: '/run/g/gate.sock',
  token: "to'ken",
  sessionId: 'sid1',
};

describe('wrapperScript', () => {
  it('runs under the real bash with -p and carries the session in the file, not in the environment', () => {
    const text = wrapperScript({
      interpreter: '/k/real/1-bash',
      kind: 'dash',
      real: '/k/real/0-dash',
      secret: 'abc',
      session: SESSION,
    });
    expect(text.split('\n')).toEqual([
      '#!/k/real/1-bash -p',
      '# Gatehouse: asks the gate before this dash runs anything (session sid1).',
      '__gatehouse_kind=dash',
      "__gatehouse_name=''",
      "__gatehouse_real='/k/real/0-dash'",
      "__gatehouse_secret='abc'",
      `__gatehouse_hook='r=$(curl "$GATEHOUSE_SOCKET") || exit 2'`,
      "__gatehouse_socket='/run/g/gate.sock'",
      `__gatehouse_token='to'\\''ken'`,
      "__gatehouse_session='sid1'",
      "__gatehouse_path='/usr/bin:/bin:/usr/sbin:/sbin:/usr/local/bin:/opt/homebrew/bin'",
      `. '${path.join(SHELL_INTEGRATION_DIR, 'shell-wrap.bash')}'`,
      '',
    ]);
  });
});

describe('writeShellKit', () => {
  const shells: SystemShell[] = [
    { kind: 'dash', real: '/usr/bin/dash', names: ['sh', 'dash'] },
    { kind: 'bash', real: '/usr/bin/bash', names: ['bash'] },
  ];

  it('writes a wrapper per name on PATH and per binary, and a secret new for every session', () => {
    const dir = path.join(tempDir(), 'kit');
    const env = { PATH: '/usr/bin:/bin', BASH_ENV: '/home/u/.bashenv' };
    const kit = writeShellKit({ dir, session: SESSION, env, shells });
    expect(fs.readdirSync(path.join(dir, 'bin')).sort()).toEqual(['bash', 'dash', 'sh']);
    expect(kit.covers).toEqual([
      { real: '/usr/bin/dash', wrapper: path.join(dir, 'cover', '0-dash') },
      { real: '/usr/bin/bash', wrapper: path.join(dir, 'cover', '1-bash') },
    ]);
    expect(fs.statSync(path.join(dir, 'bin', 'sh')).mode & 0o777).toBe(0o700);
    expect(fs.readFileSync(path.join(dir, 'bin', 'sh'), 'utf8')).toContain(`__gatehouse_secret='${kit.secret}'`);
    expect(kit.secret).toMatch(/^[0-9a-f]{48}$/);
    expect(writeShellKit({ dir: path.join(tempDir(), 'kit'), session: SESSION, env, shells }).secret).not.toBe(
      kit.secret,
    );
    expect(kit.env).toEqual({
      [SHELL_ENV.kit]: dir,
      PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin`,
      BASH_ENV: path.join(dir, 'bash-env.bash'),
      ZDOTDIR: path.join(dir, 'zsh'),
      [SHELL_ENV.userZdotdir]: '',
      [SHELL_ENV.userBashEnv]: '/home/u/.bashenv',
    });
    const bashEnv = fs.readFileSync(path.join(dir, 'bash-env.bash'), 'utf8');
    expect(bashEnv).toContain(`__gatehouse_secret='${kit.secret}'`);
    expect(bashEnv).toContain("GATEHOUSE_USER_BASH_ENV='/home/u/.bashenv'");
    expect(fs.readFileSync(path.join(dir, 'zsh', '.zshenv'), 'utf8')).toContain(`__gatehouse_secret='${kit.secret}'`);
  });

  it('in a sandbox, leaves PATH alone and execs each real shell at its hidden path', () => {
    const dir = path.join(tempDir(), 'kit');
    const kit = writeShellKit({
      dir,
      session: SESSION,
      env: { PATH: '/usr/bin' },
      shells,
      hiddenPathOf: (real) => `/hidden${real}`,
    });
    expect(kit.env.PATH).toBeUndefined();
    const cover = fs.readFileSync(path.join(dir, 'cover', '0-dash'), 'utf8');
    expect(cover.split('\n').slice(0, 5)).toEqual([
      '#!/hidden/usr/bin/bash -p',
      expect.any(String),
      '__gatehouse_kind=dash',
      "__gatehouse_name=''",
      "__gatehouse_real='/hidden/usr/bin/dash'",
    ]);
    expect(fs.readFileSync(path.join(dir, 'bin', 'sh'), 'utf8')).toContain("__gatehouse_name='sh'");
  });

  it('needs bash to run the wrappers', () => {
    expect(() =>
      writeShellKit({
        dir: path.join(tempDir(), 'kit'),
        session: SESSION,
        env: {},
        shells: [shells[0] as SystemShell],
      }),
    ).toThrow(/bash was not found/);
  });
});
