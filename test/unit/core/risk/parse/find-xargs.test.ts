// Commands run once per input line or file: xargs and GNU parallel append or place their input as an unknown word;
// find's -exec family runs on what find matches, and -delete is a synthetic rm of the same target.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../../electron/core/risk/parse/index.ts';
import { line, lines, only, shellParser } from '../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

const read = (cmd: string): ParsedCommand => parse(cmd);

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
