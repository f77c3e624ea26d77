// What the gating wrapper shows the person for each shell's options (shell-integration/shell-args.bash, read by the
// real bash: the arguments are only parsed, never run).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_INTEGRATION_DIR } from '../../../../../electron/core/pty/shell-launch.ts';

function shown(kind: string, name: string, ...args: string[]): string {
  const script = `. ${JSON.stringify(path.join(SHELL_INTEGRATION_DIR, 'shell-args.bash'))}; __gatehouse_text "$@"`;
  return execFileSync('bash', ['--norc', '-c', script, 'test', kind, name, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
}

describe('the text a wrapper asks the gate about', () => {
  it.each([
    ['bash', ['-c', 'touch a'], 'touch a'],
    ['bash', ['-p', '-c', 'touch a'], 'touch a'],
    ['bash', ['--posix', '-c', 'touch a'], 'touch a'],
    ['bash', ['--norc', '--noprofile', '-lc', 'touch a'], 'touch a'],
    ['bash', ['-o', 'pipefail', '-ec', 'touch a'], 'touch a'],
    ['bash', ['-O', 'extglob', '-c', 'touch a'], 'touch a'],
    ['bash', ['-c', '-l', 'touch a'], 'touch a'],
    ['bash', ['-c', '--', 'touch a'], 'touch a'],
    ['dash', ['-c', 'touch a'], 'touch a'],
    ['dash', ['-eu', '-c', 'touch a'], 'touch a'],
    ['zsh', ['-f', '-c', 'touch a'], 'touch a'],
    ['zsh', ['-o', 'errexit', '-c', 'touch a'], 'touch a'],
    ['fish', ['-c', 'touch a'], 'touch a'],
    ['fish', ['--no-config', '--command=touch a'], 'touch a'],
    ['fish', ['-C', 'set x 1', '-c', 'touch a'], 'set x 1\ntouch a'],
  ])('%s %j: the -c string', (kind, args, text) => {
    expect(shown(kind, kind, ...args)).toBe(text);
  });

  it.each([
    // A script, standard input, an interactive shell: the invocation as typed.
    ['bash', ['script.sh', 'arg'], 'bash script.sh arg'],
    ['bash', [], 'bash'],
    ['dash', ['-s'], 'dash -s'],
    ['bash', ['-i'], 'bash -i'],
    ['fish', ['deploy.fish'], 'fish deploy.fish'],
    // Arguments after the string change what runs ($0 too): shown whole.
    ['dash', ['-c', '$0', 'rm x'], "dash -c '$0' 'rm x'"],
    ['bash', ['-c', 'echo $1', '_', 'hi'], "bash -c 'echo $1' _ hi"],
    // -o takes the next word: `-c` there is its value, and the string is a script's name.
    ['bash', ['-o', '-c', 'touch a'], "bash -o -c 'touch a'"],
    // Code from a file the option names, and options a shell does not have.
    ['bash', ['--rcfile', 'x.sh', '-c', 'ls'], 'bash --rcfile x.sh -c ls'],
    ['dash', ['--posix', '-c', 'ls'], 'dash --posix -c ls'],
    ['zsh', ['--emulate', 'sh', '-c', 'ls'], 'zsh --emulate sh -c ls'],
    ['fish', ['-i', '-c', 'ls'], 'fish -i -c ls'],
  ])('%s %j: the whole invocation', (kind, args, text) => {
    expect(shown(kind, kind, ...args)).toBe(text);
  });

  it('shows the shell by the name it was started with, quoted where needed', () => {
    expect(shown('dash', '/bin/sh', "it's.sh")).toBe(`/bin/sh 'it'\\''s.sh'`);
  });
});
