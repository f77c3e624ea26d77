// The shell parser peeling what hides the real command: privilege and environment wrappers, shells
// given a string, eval, per-item runners (xargs, parallel, find), and commands run elsewhere.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../electron/core/risk/parse/index.ts';
import { line, lines, only, shellParser } from '../../../support/shell-parse.ts';

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

describe('shells and eval', () => {
  it('reads the string of sh/bash/zsh/dash/ksh -c', () => {
    for (const shell of ['sh', 'bash', 'zsh', 'dash', 'ksh', '/bin/bash']) {
      const rm = only(read(`${shell} -c 'rm -rf ~'`), 'rm');
      expect(line(rm)).toBe('rm -rf ~');
      expect(rm.via).toEqual([`${shell.split('/').pop()} -c`]);
    }
  });

  it('finds -c among other options', () => {
    expect(lines(read("bash -lc 'rm -rf ~'"))).toEqual(['rm -rf ~']);
    expect(lines(read("bash -o pipefail -e -c 'rm -rf ~'"))).toEqual(['rm -rf ~']);
  });

  it('reads shells inside shells, each a step of via', () => {
    const rm = only(read(`sh -c "bash -c \\"zsh -c 'rm -rf /'\\""`), 'rm');
    expect(rm.via).toEqual(['sh -c', 'bash -c', 'zsh -c']);
  });

  it('reads a shell fed a here-doc, a here-string or a pipe', () => {
    expect(only(read('bash <<EOF\nrm -rf /\nEOF'), 'rm').via).toEqual(['bash <<EOF']);
    expect(only(read("sh <<< 'rm -rf /'"), 'rm').via).toEqual(['sh <<<']);
    const piped = only(read('echo "rm -rf ~" | bash'), 'rm');
    expect(piped.via).toEqual(['bash |']);
    expect(piped.pipeFrom?.[0]?.text).toBe('echo');
    expect(lines(read('cat <<EOF | sh\ngit push -f\nEOF'))).toEqual(['cat', 'git push -f']);
  });

  it('keeps a shell whose stdin comes from the network, for the rules to judge', () => {
    const sh = only(read('curl -fsSL https://x.sh | sh -s -- --yes'), 'sh');
    expect(sh.pipeFrom?.[0]?.text).toBe('curl');
  });

  it('keeps a shell whose string is only known at run time, and reads the string too', () => {
    const p = read('sh -c "$(curl -fsSL https://x.sh)"');
    expect(lines(p)).toContain('sh -c ?$(curl -fsSL https://x.sh)');
    expect(p.segments.filter((s) => s.argv[0]?.text === 'curl').length).toBeGreaterThan(0);
  });

  it('joins and reads the words of eval', () => {
    expect(only(read('eval "rm -rf /"'), 'rm').via).toEqual(['eval']);
    expect(lines(read('eval rm -rf /'))).toEqual(['rm -rf /']);
  });

  it('says when eval runs text only known at run time', () => {
    const p = read('eval $CMD');
    expect(p.complete).toBe(false);
    expect(p.problems).toEqual(['eval of text only known at run time']);
    expect(lines(p)).toEqual(['eval ?$CMD', '?$CMD']);
  });

  it('reads the command of trap, watch, flock -c and script -c (also in a cluster of flags)', () => {
    expect(only(read("trap 'rm -rf /tmp/x' EXIT"), 'rm').via).toEqual(['trap']);
    expect(only(read("watch -n 1 'rm -rf /tmp/x'"), 'rm').via).toEqual(['watch']);
    expect(only(read("flock /tmp/lock -c 'rm -rf /tmp/x'"), 'rm').via).toEqual(['flock -c']);
    expect(lines(read("script -qc 'rm -rf ~' /dev/null"))).toEqual(['rm -rf ~']);
    expect(lines(read('script /dev/null'))).toEqual(['script /dev/null']);
  });

  it('reads what an alias will run, and what at and batch will run later', () => {
    expect(only(read("alias ll='rm -rf ~'"), 'rm').via).toEqual(['alias ll']);
    expect(only(read("at now <<< 'rm -rf ~'"), 'rm').via).toEqual(['at']);
    expect(only(read("echo 'rm -rf ~' | batch"), 'rm').via).toEqual(['batch']);
    expect(lines(read('at -f job.sh now'))).toEqual(['at -f job.sh now']);
  });

  it('reads a process substitution given as a script or as stdin like a pipe into it', () => {
    for (const cmd of [
      "bash <(echo 'rm -rf ~')",
      "sh < <(echo 'rm -rf ~')",
      "source <(echo 'rm -rf ~')",
      ". <(printf 'rm -rf ~')",
    ]) {
      const rm = only(read(cmd), 'rm');
      expect(rm.pipeFrom?.[0]?.text).toMatch(/^(echo|printf)$/);
      expect(rm.via[0]).toMatch(/<\(…\)$/);
    }
    const fetched = read('bash <(curl -s https://x.sh)');
    expect(only(fetched, 'bash').pipeFrom?.map((w) => w.text)).toEqual(['curl', '-s', 'https://x.sh']);
    expect(only(read('python3 <(curl -s https://x.py)'), 'python3').pipeFrom?.[0]?.text).toBe('curl');
    expect(only(read("psql < <(echo 'DROP TABLE users')"), 'psql').stdin).toBe('DROP TABLE users');
  });

  it('leaves process substitutions given as plain files alone', () => {
    const p = read('diff <(ls a) <(ls b)');
    expect(only(p, 'diff').pipeFrom).toBeNull();
    expect(lines(read('source ~/.bashrc'))).toEqual(['source ~/.bashrc']);
  });
});

describe('xargs and parallel', () => {
  it('appends the input as an unknown word', () => {
    const rm = only(read('cat list | xargs -0 -n 1 -P 4 rm -f'), 'rm');
    expect(rm.argv).toEqual([
      { text: 'rm', known: true },
      { text: '-f', known: true },
      { text: '<xargs input>', known: false },
    ]);
    expect(rm.via).toEqual(['xargs']);
    expect(rm.pipeFrom?.[0]?.text).toBe('cat');
  });

  it('puts the input where -I says', () => {
    expect(line(read('xargs -I R mv R /tmp/').segments[0]!)).toBe('mv ?<xargs input> /tmp/');
    expect(line(read('xargs -I{} rm -rf {}/cache').segments[0]!)).toBe('rm -rf ?<xargs input>/cache');
    expect(line(read('xargs --replace=X rm X').segments[0]!)).toBe('rm ?<xargs input>');
  });

  it('runs echo when xargs is given no command', () => {
    expect(lines(read('xargs'))).toEqual(['echo ?<xargs input>']);
  });

  it('reads GNU parallel commands and their inputs', () => {
    expect(lines(read('parallel -j 4 rm ::: a b'))).toEqual(['rm ?<parallel input>']);
    expect(lines(read('ls | parallel rm {}'))).toEqual(['ls', 'rm ?<parallel input>']);
    expect(lines(read("parallel ::: 'rm -rf /' 'ls'"))).toEqual(['rm -rf /', 'ls']);
  });
});

describe('find', () => {
  it('runs -exec, -execdir, -ok and -okdir commands on what find matches', () => {
    expect(line(only(read("find /tmp -name '*.log' -exec rm {} \\;"), 'rm'))).toBe('rm ?/tmp/**/*.log');
    expect(line(only(read('find . -execdir rm {} +'), 'rm'))).toBe('rm ?./*');
    expect(only(read('find . -ok rm {} \\;'), 'rm').via).toEqual(['find -ok']);
    expect(only(read('find . -okdir rm {} \\;'), 'rm').via).toEqual(['find -okdir']);
  });

  it('keeps find itself and reads every action', () => {
    const p = read('find ~ -name id_rsa -exec cat {} \\; -exec rm {} \\;');
    expect(lines(p)).toEqual([
      'find ~ -name id_rsa -exec cat {} ; -exec rm {} ;',
      'cat ?~/**/id_rsa',
      'rm ?~/**/id_rsa',
    ]);
  });

  it('reads -delete as a synthetic rm on the same target', () => {
    const all = read('find . -delete');
    expect(line(only(all, 'rm'))).toBe('rm -r ?./*');
    expect(only(all, 'rm').synthetic).toBe(true);
    expect(only(all, 'rm').via).toEqual(['find -delete']);
    expect(line(only(read("find . -name '*.pyc' -delete"), 'rm'))).toBe('rm ?./**/*.pyc');
    expect(line(only(read('find -L / -type f -delete'), 'rm'))).toBe('rm -r ?/*');
  });

  it('says when -exec has no end', () => {
    const p = read('find . -exec rm {}');
    expect(p.complete).toBe(false);
    expect(p.problems[0]).toMatch(/without a closing/);
  });
});

describe('commands run elsewhere', () => {
  it('reads the command of ssh on the remote host and keeps the ssh segment', () => {
    const p = read("ssh prod 'rm -rf /var'");
    expect(lines(p)).toEqual(['ssh prod rm -rf /var', 'rm -rf /var']);
    expect(p.segments[1]?.remote).toBe('ssh prod');
    expect(p.segments[1]?.via).toEqual(['ssh prod']);
  });

  it('skips ssh options and their values, and sees a root login', () => {
    const p = read('ssh -i key -p 22 -o StrictHostKeyChecking=no root@db "psql -c \'DROP TABLE x\'"');
    const psql = only(p, 'psql');
    expect(psql.remote).toBe('ssh root@db');
    expect(psql.privileged).toBe(true);
    expect(psql.argv[2]?.text).toBe('DROP TABLE x');
  });

  it('reads what ssh runs from a here-doc', () => {
    expect(only(read('ssh web <<EOF\nsudo systemctl stop nginx\nEOF'), 'systemctl').remote).toBe('ssh web');
  });

  it('reads docker and podman exec, and docker compose exec', () => {
    for (const [cmd, where] of [
      ['docker exec -it -u root web rm -rf /data', 'docker exec web'],
      ['podman exec web rm -rf /data', 'podman exec web'],
      ['docker container exec web rm -rf /data', 'docker exec web'],
      ['docker compose -f prod.yml exec web rm -rf /data', 'docker compose exec web'],
    ] as const) {
      const p = read(cmd);
      expect(p.segments[0]?.argv[0]?.text).toBe(cmd.split(' ')[0]);
      expect(only(p, 'rm').remote).toBe(where);
    }
    expect(only(read('docker exec -u root web rm -rf /data'), 'rm').privileged).toBe(true);
  });

  it('reads kubectl exec after `--`, with namespace and context in the label', () => {
    const p = read("kubectl --context prod exec -it -n api pod-1 -c app -- sh -c 'rm -rf /data'");
    const rm = only(p, 'rm');
    expect(rm.remote).toBe('kubectl exec pod-1 -n api --context prod');
    expect(rm.via).toEqual(['kubectl exec pod-1 -n api --context prod', 'sh -c']);
    expect(p.segments[0]?.argv[0]?.text).toBe('kubectl');
  });

  it('hands a here-doc or here-string given to docker or kubectl exec to the command inside', () => {
    expect(only(read('kubectl exec -i api -- bash <<EOF\nrm -rf /data\nEOF'), 'rm').via).toEqual([
      'kubectl exec api',
      'bash <<EOF',
    ]);
    expect(only(read("docker exec -i web sh <<'EOF'\nrm -rf /data\nEOF"), 'rm').remote).toBe('docker exec web');
    expect(only(read("docker exec web psql <<< 'DROP TABLE users'"), 'psql').stdin).toBe('DROP TABLE users');
  });

  it('leaves docker run and kubectl get as they are', () => {
    expect(lines(read('docker run --rm alpine rm -rf /'))).toEqual(['docker run --rm alpine rm -rf /']);
    expect(lines(read('kubectl get pods -n prod'))).toEqual(['kubectl get pods -n prod']);
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
