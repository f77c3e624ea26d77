// The shell parser peeling programs that run another program, each read by its own options: privilege wrappers
// (sudo, doas, su -c …), environment and scheduling wrappers (env, nice, timeout …), language runners (uv run …).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../../electron/core/risk/parse/index.ts';
import { line, lines, only, shellParser } from '../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

const read = (cmd: string): ParsedCommand => parse(cmd);

describe('privilege wrappers', () => {
  it.each([
    ['sudo rm -rf /', ['sudo']],
    ['sudo -u root -g wheel rm -rf /', ['sudo']],
    ['sudo -uroot --preserve-env rm -rf /', ['sudo']],
    ['sudo -- rm -rf /', ['sudo']],
    ['doas -u root rm -rf /', ['doas']],
    ['pkexec --user root rm -rf /', ['pkexec']],
    ['run0 -u root rm -rf /', ['run0']],
  ])('%s runs rm as root', (cmd, via) => {
    const p = read(cmd);
    expect(lines(p)).toEqual(['rm -rf /']);
    expect(p.segments[0]?.privileged).toBe(true);
    expect(p.segments[0]?.via).toEqual(via);
  });

  it('keeps sudo itself when it runs nothing', () => {
    for (const cmd of ['sudo -v', 'sudo -k', 'sudo -l', 'sudo -i']) {
      const seg = read(cmd).segments[0];
      expect(seg?.argv[0]?.text).toBe('sudo');
      expect(seg?.privileged).toBe(false);
    }
  });

  it('reads `su -c` strings as root, wherever the user and options are', () => {
    for (const cmd of [
      "su -c 'rm -rf /'",
      "su - root -c 'rm -rf /'",
      "su root --command='rm -rf /'",
      "runuser -l app -c 'rm -rf /'",
    ]) {
      const rm = only(read(cmd), 'rm');
      expect(line(rm)).toBe('rm -rf /');
      expect(rm.privileged).toBe(true);
    }
  });

  it('passes privilege through every wrapper inside it', () => {
    const rm = only(read('sudo env X=1 nice -n 5 bash -c "rm -rf /"'), 'rm');
    expect(rm.privileged).toBe(true);
    expect(rm.via).toEqual(['sudo', 'env', 'nice', 'bash -c']);
    const direct = read('sudo env X=1 rm -rf /').segments[0];
    expect(direct?.assignments).toEqual(['X=1']);
    expect(direct?.privileged).toBe(true);
    expect(direct?.via).toEqual(['sudo', 'env']);
  });
});

describe('environment and scheduling wrappers', () => {
  it.each([
    ['env X=1 Y=2 rm -rf /', 'env'],
    ['env -i -u HOME rm -rf /', 'env'],
    ['env - rm -rf /', 'env'],
    ['nice -n 10 rm -rf /', 'nice'],
    ['nohup rm -rf /', 'nohup'],
    ['timeout 5 rm -rf /', 'timeout'],
    ['timeout -s KILL -k 1 5s rm -rf /', 'timeout'],
    ['timeout --signal=KILL 5s rm -rf /', 'timeout'],
    ['time rm -rf /', 'time'],
    ['time -p rm -rf /', 'time'],
    ['stdbuf -oL -e0 rm -rf /', 'stdbuf'],
    ['ionice -c 3 rm -rf /', 'ionice'],
    ['chrt -f 10 rm -rf /', 'chrt'],
    ['taskset 0x3 rm -rf /', 'taskset'],
    ['caffeinate -i rm -rf /', 'caffeinate'],
    ['command rm -rf /', 'command'],
    ['builtin rm -rf /', 'builtin'],
    ['exec rm -rf /', 'exec'],
    ['coproc rm -rf /', 'coproc'],
  ])('%s runs rm', (cmd, via) => {
    const p = read(cmd);
    expect(lines(p)).toEqual(['rm -rf /']);
    expect(p.segments[0]?.via).toEqual([via]);
    expect(p.segments[0]?.privileged).toBe(false);
  });

  it('turns env NAME=VALUE words into assignments', () => {
    expect(read('env FOO=1 BAR=2 rm x').segments[0]?.assignments).toEqual(['FOO=1', 'BAR=2']);
  });

  it('splits the string of `env -S` into the command', () => {
    expect(lines(read("env -S 'rm -rf' /"))).toEqual(['rm -rf /']);
  });

  it('keeps a wrapper that runs nothing as it is', () => {
    expect(lines(read('command -v rm'))).toEqual(['command -v rm']);
    expect(lines(read('env'))).toEqual(['env']);
    expect(lines(read('nice'))).toEqual(['nice']);
  });

  it('peels wrappers inside wrappers', () => {
    const seg = read('nohup nice -n 5 timeout 10 stdbuf -o0 rm -rf /').segments[0];
    expect(line(seg!)).toBe('rm -rf /');
    expect(seg?.via).toEqual(['nohup', 'nice', 'timeout', 'stdbuf']);
  });

  it('stops peeling past the nesting limit and says so', () => {
    const p = read('nice nohup timeout 5 time stdbuf -o0 ionice -c 3 chrt 5 taskset 1 caffeinate rm -rf /');
    expect(p.complete).toBe(false);
    expect(p.problems).toEqual(['wrappers nested more than 8 deep; Gatehouse stopped reading at `caffeinate`']);
    expect(p.segments[0]?.argv[0]?.text).toBe('caffeinate');
  });
});

describe('language and environment runners', () => {
  it.each([
    ['uv run rm -rf /', 'uv run'],
    ['poetry run rm -rf /', 'poetry run'],
    ['bundle exec rm -rf /', 'bundle exec'],
    ['npx --yes rm -rf /', null],
  ])('%s', (cmd, via) => {
    const p = read(cmd);
    if (via === null) expect(p.segments[0]?.argv[0]?.text).toBe('npx');
    else expect(only(p, 'rm').via).toEqual([via]);
  });
});
