// Words as the shell would pass them: quote removal and escapes as bash does them, brace lists and $IFS split as bash
// would, expansions kept as written and marked unknown, quoted text never run.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../../electron/core/risk/parse/index.ts';
import { lines, only, shellParser } from '../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

const read = (cmd: string): ParsedCommand => parse(cmd);

describe('words', () => {
  const words = (cmd: string) => read(cmd).segments[0]?.argv.slice(1);

  it('removes quotes and escapes as bash does', () => {
    expect(words(`echo 'a b' "c d" a\\ b 'it'\\''s' "q\\"x\\\\y\\$z" "a\\b"`)).toEqual(
      ['a b', 'c d', 'a b', "it's", 'q"x\\y$z', 'a\\b'].map((text) => ({ text, known: true })),
    );
  });

  it("decodes $'…' escapes", () => {
    expect(words("echo $'a\\nb' $'\\x41\\101\\u00e9' $'it\\'s'")).toEqual(
      ['a\nb', 'AAé', "it's"].map((text) => ({ text, known: true })),
    );
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
    expect(
      only(
        read('echo $HOME/x ${DIR}/ "a $x" $(pwd) $((1+2)) *.log a?c [ab]c {1..3} x{a,b}{1..2} ${y}{a,b}'),
        'echo',
      ).argv.slice(1),
    ).toEqual(
      [
        '$HOME/x',
        '${DIR}/',
        'a $x',
        '$(pwd)',
        '$((1+2))',
        '*.log',
        'a?c',
        '[ab]c',
        '{1..3}',
        'x{a,b}{1..2}',
        '${y}{a,b}',
      ].map((text) => ({ text, known: false })),
    );
  });

  it('expands unquoted brace lists into words, as bash does before anything else', () => {
    expect(lines(read('echo {a,b} x{1,2}y ~/{.ssh,.aws} {a,{b,c}} {} {x} "{a,b}" \\{a,b}'))).toEqual([
      'echo a b x1y x2y ~/.ssh ~/.aws a b c {} {x} {a,b} {a,b}',
    ]);
    expect(lines(read('{rm,-rf,~}'))).toEqual(['rm -rf ~']);
  });

  it('treats quoted or escaped glob characters as plain text', () => {
    expect(words(`echo '*.log' "a?c" \\* '[ab]' \\[x]`)).toEqual(
      ['*.log', 'a?c', '*', '[ab]', '[x]'].map((text) => ({ text, known: true })),
    );
  });

  it('reads bracket globs split over several nodes as one unknown word', () => {
    expect(words('rm -rf [!.]* x[0-9].txt')).toEqual([
      { text: '-rf', known: true },
      { text: '[!.]*', known: false },
      { text: 'x[0-9].txt', known: false },
    ]);
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
