// Reading a program's words against its shape table: every word must be one the table knows; the first unknown one
// ends the proof, and the values that run or write something are handed back with where they stand.
import { describe, expect, it } from 'vitest';
import type { Word } from '../../../../../electron/core/risk/model.ts';
import { readShape } from '../../../../../electron/core/risk/shapes/read.ts';
import { programsWithShapes, shapeOf } from '../../../../../electron/core/risk/shapes/index.ts';
import { compileShape } from '../../../../../electron/core/risk/shapes/spec.ts';

const words = (...xs: string[]): Word[] => xs.map((text) => ({ text, known: !/[$*?`]/.test(text) }));

describe('the reader', () => {
  const shape = compileShape(
    {
      flags: 'abc',
      opts: '-n= --color=? --out=write --pre=shell -x=argv --all',
      subs: { show: '-v', run: { command: 'argv' } },
      subOptional: true,
    },
    'demo',
  );

  it('reads clustered flags, attached and separate values, and long options', () => {
    expect(
      readShape('demo', shape, words('-abc', '-n5', '-n', '5', '--color', '--color=always', '--all', 'file')).proven,
    ).toBe(true);
  });

  it('names the first word it does not know', () => {
    const r = readShape('demo', shape, words('-a', '-q', 'file'));
    expect(r.proven).toBe(false);
    expect(r.unknown).toMatch(/does not know what `-q`/);
    expect(readShape('demo', shape, words('--frobnicate')).unknown).toMatch(/`--frobnicate`/);
  });

  it('does not take the next word for an option whose value is only attached', () => {
    const r = readShape('demo', shape, words('--color', 'file'));
    expect(r.proven).toBe(true);
    expect(r.payloads).toEqual([]);
  });

  it('hands back what runs or writes, with where it stands', () => {
    const r = readShape(
      'demo',
      shape,
      words('-a', '--out', 'o.txt', '--pre=./x.sh', '-x', 'rm', '-rf', '/', ';', 'file'),
    );
    expect(r.payloads.map((p) => [p.kind, p.option, p.value.text, p.at])).toEqual([
      ['write', '--out', 'o.txt', 1],
      ['shell', '--pre', './x.sh', 3],
      ['argv', '-x', 'rm', 4],
    ]);
    expect(r.payloads[2]?.words.map((w) => w.text)).toEqual(['rm', '-rf', '/']);
  });

  it('a subcommand whose operands are a command hands them back whole', () => {
    const r = readShape('demo', shape, words('run', 'make', '-j4', 'test'));
    expect(r.path).toEqual(['run']);
    expect(r.payloads[0]?.words.map((w) => w.text)).toEqual(['make', '-j4', 'test']);
  });

  it('a word only known at run time proves nothing where an option could run or write', () => {
    expect(readShape('demo', shape, words('$OPTS')).proven).toBe(false);
    expect(readShape('demo', shape, words('*')).unknown).toMatch(/only known at run time/);
    const plain = compileShape({ flags: 'l' }, 'plain');
    expect(readShape('plain', plain, words('-l', '$FILE')).proven).toBe(true);
  });

  it('fails at load, not at run, on a malformed table', () => {
    expect(() => compileShape({ opts: '-n=banana' }, 'bad')).toThrow(/unknown value kind/);
    expect(() => compileShape({ opts: 'n' }, 'bad')).toThrow(/not an option/);
  });

  it('every table compiles, and the programs agents use most have one', () => {
    for (const prog of [
      'git',
      'ls',
      'cat',
      'grep',
      'rg',
      'find',
      'npm',
      'node',
      'python3',
      'cargo',
      'go',
      'make',
      'rm',
      'cd',
      'echo',
      'curl',
      'tar',
    ])
      expect(shapeOf(prog), prog).not.toBeNull();
    expect(programsWithShapes().length).toBeGreaterThan(100);
  });
});
