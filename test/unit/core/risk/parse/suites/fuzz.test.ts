// A named suite, not one module's test: seeded fuzzing of the whole parser (parse/), every reader at once.
// The shell parser on hostile input: random bytes, token soup, huge commands, deep nesting, broken
// quotes. It never throws, reports what it could not read, and its caps turn into problems, not hangs.
// Inputs come from a seeded generator, so a failure repeats exactly.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../../../../electron/core/risk/model.ts';
import { MAX_COMMAND_CHARS, type ShellParse } from '../../../../../../electron/core/risk/parse/index.ts';
import { lines, shellParser } from '../../../../../support/shell-parse.ts';

let parse: ShellParse;
let baseline: ParsedCommand;
const BASELINE = 'cd src && FOO=1 sudo rm -rf "$DIR"/x | tee log';
beforeAll(async () => {
  parse = await shellParser();
  baseline = parse(BASELINE);
});

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

/** Checks the shape of a result, whatever the input: the contract the rules rely on. */
function wellFormed(p: ParsedCommand): void {
  expect(Array.isArray(p.segments)).toBe(true);
  expect(p.complete).toBe(p.problems.length === 0);
  for (const problem of p.problems) expect(problem.length).toBeGreaterThan(0);
  // The reader turns an internal exception into this problem so scoring fails closed; here it is a bug.
  expect(p.problems.filter((m) => m.startsWith('Gatehouse failed while reading'))).toEqual([]);
  for (const s of p.segments) {
    for (const w of [...s.argv, ...(s.pipeFrom ?? []), ...s.redirects.map((r) => r.target)]) {
      expect(typeof w.text).toBe('string');
      expect(typeof w.known).toBe('boolean');
    }
    expect(Array.isArray(s.via)).toBe(true);
    expect(typeof s.text).toBe('string');
  }
}

/** Reads `cmd`, checks the result, and checks the shared parser still reads a normal command the same. */
function survive(cmd: string): ParsedCommand {
  let p: ParsedCommand | undefined;
  expect(() => {
    p = parse(cmd);
  }).not.toThrow();
  wellFormed(p as ParsedCommand);
  expect(parse(BASELINE)).toEqual(baseline);
  return p as ParsedCommand;
}

const TOKENS = [
  'rm',
  '-rf',
  '/',
  '~',
  'sudo',
  'env',
  'X=1',
  'bash',
  '-c',
  'sh',
  'eval',
  'xargs',
  '-I',
  '{}',
  'find',
  '.',
  '-exec',
  '-delete',
  '\\;',
  '+',
  'ssh',
  'host',
  'docker',
  'exec',
  'kubectl',
  '--',
  'python',
  'node',
  '-e',
  'awk',
  'timeout',
  '5',
  'nice',
  'parallel',
  ':::',
  ';',
  '&&',
  '||',
  '|',
  '|&',
  '&',
  '!',
  '(',
  ')',
  '{',
  '}',
  '$(',
  '`',
  '<(',
  '>(',
  '$((',
  '))',
  '[[',
  ']]',
  'if',
  'then',
  'fi',
  'while',
  'do',
  'done',
  'case',
  'in',
  'esac',
  ';;',
  'for',
  'function',
  'f()',
  '>',
  '>>',
  '<',
  '2>&1',
  '&>',
  '<<EOF',
  '<<-EOF',
  "<<'EOF'",
  'EOF',
  '<<<',
  "'",
  '"',
  "$'",
  '$"',
  '\\',
  '\n',
  '\t',
  '$HOME',
  '${X:-y}',
  '*',
  '?',
  '[a]',
  '{a,b}',
  "'a b'",
  '"c $d"',
  "os.system('rm -rf /')",
  "shutil.rmtree('/')",
  "require('child_process').execSync('x')",
  'system("x")',
  '#',
  '=',
  '%',
  '^',
  '\u0000',
  'é',
  '😀',
];

describe('the parser never throws', () => {
  it('on random characters from the whole of UTF-16', () => {
    const rand = prng(1);
    for (let i = 0; i < 400; i++) {
      const len = Math.floor(rand() * 200);
      let s = '';
      for (let k = 0; k < len; k++) s += String.fromCharCode(Math.floor(rand() * 0x10000));
      survive(s);
    }
  });

  it('on random printable ASCII, where shell syntax is dense', () => {
    const rand = prng(2);
    for (let i = 0; i < 600; i++) {
      const len = Math.floor(rand() * 120);
      let s = '';
      for (let k = 0; k < len; k++) s += String.fromCharCode(32 + Math.floor(rand() * 95));
      survive(s);
    }
  });

  it('on shell-ish token soup', () => {
    const rand = prng(3);
    let incomplete = 0;
    for (let i = 0; i < 1500; i++) {
      const n = 1 + Math.floor(rand() * 30);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(pick(rand, TOKENS));
      const p = survive(parts.join(rand() < 0.8 ? ' ' : ''));
      if (!p.complete) incomplete += 1;
    }
    // The soup is mostly broken syntax: most of it must be reported, not silently read as fine.
    expect(incomplete).toBeGreaterThan(500);
  });

  it('on unterminated quotes and substitutions anywhere', () => {
    const rand = prng(4);
    const openers = ["'", '"', '`', '$(', "$'", '<(', '${', '$((', '"$('];
    for (let i = 0; i < 300; i++) {
      const base = 'sudo rm -rf /tmp/x && echo done | tee out';
      const at = Math.floor(rand() * (base.length + 1));
      const p = survive(`${base.slice(0, at)}${pick(rand, openers)}${base.slice(at)}`);
      expect(p.complete).toBe(false);
    }
  });
});

describe('caps turn into problems', () => {
  it('reads a 100 KB here-doc whole: one node, well under the caps', () => {
    const body = 'x'.repeat(100 * 1024);
    const p = survive(`cat > big.txt <<'EOF'\n${body}\nEOF`);
    expect(p.complete).toBe(true);
    expect(p.segments[0]?.stdin?.length).toBe(body.length + 1);
  });

  it('reads a 100 KB single word whole', () => {
    const p = survive(`echo ${'a'.repeat(100 * 1024)}`);
    expect(p.complete).toBe(true);
    expect(p.segments[0]?.argv[1]?.text.length).toBe(100 * 1024);
  });

  it('stops at the node cap on 100 KB of short commands, and says so', () => {
    const p = survive('ls;'.repeat(34 * 1024));
    expect(p.complete).toBe(false);
    expect(p.problems).toContain('the command is too large or too deeply nested to read fully');
    expect(p.segments.length).toBeGreaterThan(0);
  });

  it('reads only the start of a command longer than the length cap', () => {
    const p = survive(`echo ${'a'.repeat(MAX_COMMAND_CHARS)}`);
    expect(p.complete).toBe(false);
    expect(p.problems[0]).toMatch(/longer than 256 KB; Gatehouse read only the start of it/);
  });

  it('stops reading segments past the segment cap', () => {
    const p = survive('a & '.repeat(2100));
    expect(p.complete).toBe(false);
    expect(p.problems).toContain('more than 2000 commands; Gatehouse stopped reading there');
    expect(p.segments).toHaveLength(2000);
  });

  it('cuts 500 nested command substitutions and says so', () => {
    const p = survive(`${'echo $('.repeat(500)}rm -rf /${')'.repeat(500)}`);
    expect(p.complete).toBe(false);
    expect(p.problems).toContain('the command is too large or too deeply nested to read fully');
  });

  it('survives 500 levels of `(`, closed or not', () => {
    expect(survive(`${'('.repeat(500)}rm -rf /${')'.repeat(500)}`).complete).toBe(false);
    expect(survive(`${'('.repeat(500)}rm -rf /`).complete).toBe(false);
    expect(survive(`${'{ '.repeat(500)}ls${'; }'.repeat(500)}`).complete).toBe(false);
  });

  it('stops peeling wrappers past the nesting limit', () => {
    const p = survive(`${'sudo '.repeat(50)}rm -rf /`);
    expect(p.complete).toBe(false);
    expect(p.problems[0]).toMatch(/wrappers nested more than 8 deep/);
    expect(p.segments[0]?.privileged).toBe(true);
  });

  it('stops reading shell strings inside shell strings past the nesting limit', () => {
    let cmd = 'rm -rf /';
    for (let i = 0; i < 12; i++) cmd = `bash -c ${JSON.stringify(cmd)}`;
    const p = survive(cmd);
    expect(p.complete).toBe(false);
    expect(p.problems.join(' ')).toMatch(/nested more than 8 deep/);
    expect(lines(p).some((l) => l.startsWith('bash -c'))).toBe(true);
  });

  it('bounds how many strings are read again as commands', () => {
    const p = survive("eval 'ls'; ".repeat(300));
    expect(p.complete).toBe(false);
    expect(p.problems).toContain('more than 256 nested commands; Gatehouse stopped reading them');
  });

  it('bounds the calls read from a one-liner', () => {
    const code = 'import os; ' + "os.remove('x'); ".repeat(200);
    const p = survive(`python -c "${code}"`);
    expect(p.segments.filter((s) => s.synthetic).length).toBeLessThanOrEqual(64);
  });
});
