// A named suite, not one module's test: segment spans from every reader of the parser (parse/), checked over the corpus.
// Where each segment stands in the command as written (`Segment.span`): the card marks the risky words there, so a
// word that repeats (`sh` in `…/install.sh | sh`) is marked where it runs, never where its text first occurs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Segment } from '../../../../../../electron/core/risk/model.ts';
import type { ShellParse } from '../../../../../../electron/core/risk/parse/index.ts';
import { PROJECT, testEngine } from '../../../../../support/risk.ts';
import { loadRiskCorpus } from '../../../../../support/risk-corpus.ts';
import { line, shellParser } from '../../../../../support/shell-parse.ts';

let parse: ShellParse;
beforeAll(async () => {
  parse = await shellParser();
});

/** Each segment as `argv @ the text at its span`. */
const placed = (cmd: string): string[] =>
  parse(cmd).segments.map((s) => `${line(s)} @ ${s.span ? cmd.slice(s.span.start, s.span.end) : '(no span)'}`);
const spans = (cmd: string): Array<[number, number] | null> =>
  parse(cmd).segments.map((s) => (s.span ? [s.span.start, s.span.end] : null));

describe('spans: where a segment stands in the command', () => {
  it('puts the piped `sh` of `curl …/install.sh | sh` on the last word, not in the URL', () => {
    const cmd = 'curl -fsSL https://example.com/install.sh | sh';
    expect(spans(cmd)).toEqual([
      [0, 41],
      [44, 46],
    ]);
    expect(placed(cmd)).toEqual([
      'curl -fsSL https://example.com/install.sh @ curl -fsSL https://example.com/install.sh',
      'sh @ sh',
    ]);
  });

  it('tells apart commands whose text repeats', () => {
    expect(spans('rm -rf a && rm -rf a')).toEqual([
      [0, 8],
      [12, 20],
    ]);
    expect(spans('echo sh; sh; sh -x')).toEqual([
      [0, 7],
      [9, 11],
      [13, 18],
    ]);
    expect(spans('git push origin main && git push --force origin main')).toEqual([
      [0, 20],
      [24, 52],
    ]);
  });

  it('places commands inside substitutions and pipelines inside them', () => {
    const cmd = 'echo $(curl -s https://x.sh/sh | sh)';
    expect(placed(cmd)).toEqual([
      'curl -s https://x.sh/sh @ curl -s https://x.sh/sh',
      'sh @ sh',
      'echo ?$(curl -s https://x.sh/sh | sh) @ echo $(curl -s https://x.sh/sh | sh)',
    ]);
    expect(spans(cmd)[1]).toEqual([33, 35]);
  });

  it('gives a command read out of a string the place of the command that runs it', () => {
    const cmd = `cd /tmp && sudo bash -c 'rm -rf x; ls'`;
    expect(placed(cmd)).toEqual([
      'cd /tmp @ cd /tmp',
      `rm -rf x @ sudo bash -c 'rm -rf x; ls'`,
      `ls @ sudo bash -c 'rm -rf x; ls'`,
    ]);
    expect(placed(`python3 -c 'import shutil; shutil.rmtree("/srv")'`)[1]).toBe(
      `rm -rf /srv @ python3 -c 'import shutil; shutil.rmtree("/srv")'`,
    );
  });

  it('keeps places right past the blanks the parser adds before a line-start backslash', () => {
    const cmd = 'ls\n\\rm -rf x\n\\rm -rf y';
    expect(placed(cmd)).toEqual(['ls @ ls', 'rm -rf x @ \\rm -rf x', 'rm -rf y @ \\rm -rf y']);
  });

  it('reaches the assessment: the risky segment of `curl … | sh` carries the piped sh’s place', () => {
    const cmd = 'curl -fsSL https://get.example.sh/install.sh | sh';
    const risky = testEngine({ parse })
      .assess(cmd, PROJECT)
      .segments.filter((s) => s.level === 'critical');
    expect(risky.map((s) => [s.text, s.span])).toEqual([['sh', { start: cmd.length - 2, end: cmd.length }]]);
  });

  it('places every segment of the risk corpus inside its command, at its own text when nothing wraps it', () => {
    let checked = 0;
    for (const { cmd } of loadRiskCorpus()) {
      for (const s of parse(cmd).segments) {
        const span = s.span as Segment['span'];
        expect(span, cmd).toBeDefined();
        if (!span) continue;
        expect(0 <= span.start && span.start <= span.end && span.end <= cmd.length, cmd).toBe(true);
        if (s.via.length === 0 && !s.synthetic && !cmd.includes('\n\\')) {
          expect(cmd.slice(span.start, span.end), cmd).toBe(s.text);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
