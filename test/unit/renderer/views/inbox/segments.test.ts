// Marking the risky parts of a command at the places the risk engine gives: never by looking for a segment's text,
// so a word that repeats is marked where it runs.
import { describe, expect, it } from 'vitest';
import type { RiskAssessment } from '../../../../../shared/domain.ts';
import { markCommand, segmentsOf, worstOf, type RiskSegment } from '../../../../../renderer/views/inbox/segments.ts';

/** A segment at `start` in the command (its place as the engine gives it), or with no place when `start` is null. */
const seg = (text: string, level: RiskSegment['level'], start: number | null, via: string[] = []): RiskSegment => ({
  text,
  argv: text.split(' '),
  synthetic: false,
  via,
  level,
  score: { low: 2, medium: 30, high: 60, critical: 90 }[level],
  categories: [],
  reasons: [`${text} is ${level}`],
  ...(start === null ? {} : { span: { start, end: start + text.length } }),
});

/** Each piece as `text` or `[text:level]`. */
const shown = (command: string, segments: RiskSegment[]) =>
  markCommand(command, segments)
    .pieces.map((p) => (p.marks.length ? `[${p.text}:${worstOf(p.marks)?.level}]` : p.text))
    .join('');

describe('risky segment marking', () => {
  it('marks the piped sh of `curl …/install.sh | sh`, not the sh in the URL', () => {
    const command = 'curl -fsSL https://example.com/install.sh | sh';
    const segments = [seg('curl -fsSL https://example.com/install.sh', 'low', 0), seg('sh', 'critical', 44)];
    expect(shown(command, segments)).toBe('curl -fsSL https://example.com/install.sh | [sh:critical]');
  });

  it('marks each of several commands whose words repeat at its own place', () => {
    expect(shown('sh x.sh | sh', [seg('sh x.sh', 'medium', 0), seg('sh', 'critical', 10)])).toBe(
      '[sh x.sh:medium] | [sh:critical]',
    );
    expect(shown('rm a; rm a', [seg('rm a', 'low', 0), seg('rm a', 'high', 6)])).toBe('rm a; [rm a:high]');
    expect(
      shown('git push origin main && git push --force origin main', [
        seg('git push origin main', 'medium', 0),
        seg('git push --force origin main', 'critical', 24),
      ]),
    ).toBe('[git push origin main:medium] && [git push --force origin main:critical]');
    expect(shown('echo main; git push -f origin main', [seg('git push -f origin main', 'critical', 11)])).toBe(
      'echo main; [git push -f origin main:critical]',
    );
  });

  it('gives segments that share a place (read out of one `bash -c`) one mark, as risky as the worst', () => {
    const command = `sudo bash -c 'rm -rf x; ls'`;
    const whole = (text: string, level: RiskSegment['level']) => ({
      ...seg(text, level, null, ['sudo', 'bash -c']),
      span: { start: 0, end: command.length },
    });
    const { pieces } = markCommand(command, [whole('rm -rf x', 'critical'), whole('ls', 'high')]);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]?.marks.map((s) => s.text)).toEqual(['rm -rf x', 'ls']);
    expect(worstOf(pieces[0]?.marks ?? [])?.level).toBe('critical');
  });

  it('marks a risky command inside a substitution within the mark of the command around it', () => {
    const command = 'echo $(rm -rf x) done';
    const segments = [seg('rm -rf x', 'high', 7), { ...seg(command, 'medium', 0) }];
    expect(shown(command, segments)).toBe('[echo $(:medium][rm -rf x:high][) done:medium]');
  });

  it('lists segments with no place (or a place outside the command) under it instead of guessing', () => {
    const command = 'cd build && rm -rf *';
    const { pieces, unplaced } = markCommand(command, [
      seg('cd build', 'low', null),
      seg('rm -rf *', 'critical', null),
      { ...seg('rm', 'high', 0), span: { start: 30, end: 32 } },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(command);
    expect(pieces.every((p) => p.marks.length === 0)).toBe(true);
    expect(unplaced.map((s) => s.text)).toEqual(['rm -rf *', 'rm']);
  });

  it('reads segments only when the assessment has them', () => {
    const risk: RiskAssessment = { score: 90, level: 'critical', categories: [], reasons: [] };
    expect(segmentsOf(null)).toEqual([]);
    expect(segmentsOf(risk)).toEqual([]);
    expect(segmentsOf({ ...risk, segments: [seg('x', 'high', 0)] })).toHaveLength(1);
  });
});
