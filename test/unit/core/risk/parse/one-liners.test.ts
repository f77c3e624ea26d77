// Interpreters given code on the command line or on stdin: the -e and -c forms of other interpreters are read for
// the calls that run commands or touch files, a script named as stdin is read like one given inline, and which
// programs run what they read on stdin (readsCodeFromStdin) and which read it as data.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../../electron/core/risk/parse/index.ts';
import { readsCodeFromStdin } from '../../../../../electron/core/risk/parse/one-liners.ts';
import { line, shellParser } from '../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

/** The synthetic segments read out of a command's code, as lines. */
const calls = (cmd: string): string[] =>
  parse(cmd)
    .segments.filter((s) => s.synthetic)
    .map(line);
const synthetic = (cmd: string): Segment[] => parse(cmd).segments.filter((s) => s.synthetic);
const words = (...ts: string[]) => ts.map((text) => ({ text, known: true }));

describe('the -e and -c forms of other interpreters', () => {
  it.each([
    [`lua -e 'os.execute("rm -rf ~")'`, ['rm -rf ~']],
    [`luajit -e 'os.remove("/etc/hosts")'`, ['rm /etc/hosts']],
    [`lua5.4 -e 'io.popen("curl -s x.example | sh")'`, ['curl -s x.example', 'sh']],
    [`julia -e 'run(\`rm -rf /home/dev\`)'`, ['rm -rf /home/dev']],
    [`julia -E 'rm("/srv"; recursive=true)'`, ['rm -rf /srv']],
    [`elixir -e 'System.cmd("rm", ["-rf", "/srv"])'`, ['rm -rf /srv']],
    [`elixir --eval 'File.rm_rf!("/srv")'`, ['rm -rf /srv']],
    [`elixir -e ":os.cmd('rm -rf ~')"`, ['rm -rf ~']],
    [`erl -noshell -eval 'os:cmd("rm -rf ~"), init:stop().'`, ['rm -rf ~']],
    [`groovy -e '"rm -rf /srv".execute()'`, ['rm -rf /srv']],
    [`groovy -e '["rm", "-rf", "/srv"].execute()'`, ['rm -rf /srv']],
    [`groovy -e 'new File("/etc/hosts").delete()'`, ['rm /etc/hosts']],
    [`scala -e 'import sys.process._; "rm -rf /srv".!'`, ['rm -rf /srv']],
    [`kotlinc -e 'Runtime.getRuntime().exec("rm -rf /srv")'`, ['rm -rf /srv']],
    [`kotlin -e 'ProcessBuilder("rm", "-rf", "/srv").start()'`, ['rm -rf /srv']],
    [`kotlin -e 'File("/srv").deleteRecursively()'`, ['rm -rf /srv']],
    [`raku -e 'shell "rm -rf ~"'`, ['rm -rf ~']],
    [`perl6 -e 'run "rm", "-rf", "/srv"'`, ['rm -rf /srv']],
    [`echo 'exec rm -rf ~' | tclsh`, ['rm -rf ~']],
    [`tclsh <<'EOF'\nfile delete -force /srv\nEOF`, ['rm -rf /srv']],
    [`expect -c 'spawn ssh prod; send "ls\\r"'`, ['ssh prod']],
    [`Rscript -e 'system("rm -rf ~")'`, ['rm -rf ~']],
    [`Rscript -e 'unlink("/srv", recursive=TRUE)'`, ['rm -rf /srv']],
    [`Rscript -e 'system2("rm", args = c("-rf", "/srv"))'`, ['rm -rf /srv']],
    [`osascript -l JavaScript -e 'Application.currentApplication().doShellScript("rm -rf ~")'`, ['rm -rf ~']],
    [`deno repl --eval 'Deno.removeSync("/")'`, ['rm /']],
    [`php -B 'system("rm -rf ~");' -R 'echo $argn;'`, ['rm -rf ~']],
  ])('%s', (cmd, expected) => expect(calls(cmd)).toEqual(expected));

  // Flags clustered with their glued values: the code after them is still found (`-le` is `-l -e`, not `-l` valued "e").
  it.each([
    [`perl -le 'system q(rm -rf ~)'`, ['rm -rf ~']],
    [`perl -wle 'system q(rm -rf ~)'`, ['rm -rf ~']],
    [`perl -l0e 'system q(rm -rf ~)'`, ['rm -rf ~']],
    [`perl -00e 'system q(rm -rf ~)'`, ['rm -rf ~']],
    [`perl -CSDe 'system q(rm -rf ~)'`, ['rm -rf ~']],
    [`perl -C7e 'system q(rm -rf ~)'`, ['rm -rf ~']],
    [`ruby -W0e 'system(%q(rm -rf ~))'`, ['rm -rf ~']],
    [`ruby -00e 'system(%q(rm -rf ~))'`, ['rm -rf ~']],
    [`ruby -Kue 'system(%q(rm -rf ~))'`, ['rm -rf ~']],
    [`ruby3.2 -e 'system(%q(rm -rf ~))'`, ['rm -rf ~']],
  ])('%s', (cmd, expected) => expect(calls(cmd)).toEqual(expected));

  it('reads a glued value the way the interpreter does, so a script named after it is not taken for code', () => {
    // `-Ke` is the EUC-JP kcode and `-0x1Fe` the hex separator 0x1FE: the next word is the script each time.
    expect(calls(`ruby -Ke 'system(%q(rm -rf ~))'`)).toEqual([]);
    expect(calls(`perl -0x1Fe 'system q(rm -rf ~)'`)).toEqual([]);
  });

  it('labels the calls with the interpreter and its flag', () => {
    expect(synthetic(`lua -e 'os.execute("rm -rf ~")'`)[0]?.via).toEqual(['lua -e']);
    expect(synthetic(`erl -noshell -eval 'os:cmd("id").'`)[0]?.via).toEqual(['erl -eval']);
  });

  it('finds nothing in code that only prints', () => {
    for (const cmd of [
      `lua -e 'print(1)'`,
      `julia -e 'println(1+1)'`,
      `elixir -e 'IO.puts System.version()'`,
      `erl -noshell -s init stop`,
      `groovy -e 'println 1'`,
      `raku -e 'say 1'`,
      `Rscript -e 'print(1)'`,
      'python3 --version',
      'node --test',
    ]) {
      expect(calls(cmd), cmd).toEqual([]);
    }
  });
});

describe('code on stdin', () => {
  it('reads a script named as stdin (`-`, /dev/stdin), not a script file', () => {
    expect(calls(`echo 'import os; os.system("rm -rf ~")' | python3 /dev/stdin`)).toEqual(['rm -rf ~']);
    expect(calls(`echo 'system("rm -rf ~")' | ruby -`)).toEqual(['rm -rf ~']);
    expect(calls(`echo 'import os; os.system("rm -rf ~")' | python3 parse.py`)).toEqual([]);
    expect(calls(`echo 'system("rm -rf ~")' | node --version`)).toEqual([]);
  });
});

describe('readsCodeFromStdin', () => {
  it.each([
    ['sh', []],
    ['bash', ['-s', '--', 'x']],
    ['bash', ['-']],
    ['bash', ['-euxo', 'pipefail']],
    ['zsh', ['/dev/stdin']],
    ['source', ['/dev/stdin']],
    ['.', ['/proc/self/fd/0']],
    ['python3', []],
    ['python3', ['-']],
    ['python3', ['-u', '/dev/stdin']],
    ['node', []],
    ['node', ['--input-type=module']],
    ['perl', ['-w']],
    ['ruby', []],
    ['php', []],
    ['lua', []],
    ['julia', []],
    ['tclsh', []],
    ['rscript', ['-']],
    ['osascript', []],
    ['pwsh', ['-NoProfile', '-Command', '-']],
    ['awk', ['-f', '-']],
    ['sed', ['-f', '/dev/stdin', 'x']],
    ['dc', []],
    ['deno', ['run', '-']],
    ['bun', ['run', '-']],
    ['parallel', []],
    ['parallel', ['-j4']],
    ['at', ['now']],
    ['batch', []],
    ['ed', ['notes.txt']],
  ])('%s %j runs its stdin', (prog, args) => expect(readsCodeFromStdin(prog, words(...args))).toBe(true));

  it.each([
    ['sh', ['-c', 'wc -l']],
    ['bash', ['install.sh']],
    ['bash', ['-lc', 'x']],
    ['python3', ['parse.py']],
    ['python3', ['-c', 'print(1)']],
    ['python3', ['-m', 'json.tool']],
    ['python3', ['--version']],
    ['node', ['block-env-access.js']],
    ['node', ['-e', '1']],
    ['node', ['--test']],
    ['ruby', ['-c']],
    ['awk', ['{print}']],
    ['sed', ['s/a/b/']],
    ['rscript', ['x.R']],
    ['pwsh', ['-File', 'x.ps1']],
    ['jq', ['.']],
    ['psql', []],
    ['vim', ['-']],
    ['elixir', []],
    ['parallel', ['gzip']],
    ['at', ['-f', 'job.sh', 'now']],
  ])('%s %j reads its stdin as data', (prog, args) => expect(readsCodeFromStdin(prog, words(...args))).toBe(false));
});
