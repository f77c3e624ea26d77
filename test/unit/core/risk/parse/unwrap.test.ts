// The shell parser peeling shells given a string, a here-doc or a pipe, eval, and the builtins and tools that run a
// command given as text (trap, watch, flock -c, script -c, alias, at, batch, process substitutions).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../../electron/core/risk/parse/index.ts';
import { line, lines, only, shellParser } from '../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

const read = (cmd: string): ParsedCommand => parse(cmd);

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
