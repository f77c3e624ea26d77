// Risky-segment marking on a card: the command cut around its medium-and-worse segments, in order.
import { describe, expect, it } from 'vitest';
import type { RiskAssessment } from '../../../../../shared/domain.ts';
import { markCommand, segmentsOf, type RiskSegment } from '../../../../../renderer/views/inbox/segments.ts';

const seg = (text: string, level: RiskSegment['level']): RiskSegment => ({
  text,
  argv: text.split(' '),
  synthetic: false,
  via: [],
  level,
  score: level === 'low' ? 2 : 80,
  categories: [],
  reasons: [`${text} is ${level}`],
});

describe('risky segment marking', () => {
  it('cuts the command around medium-and-worse segments, in order, and lists the ones it cannot place', () => {
    const command = 'cd build && rm -rf * && ls';
    const { pieces, unplaced } = markCommand(command, [
      seg('cd build', 'low'),
      seg('rm -rf *', 'critical'),
      seg('ls', 'low'),
      seg('rm  -rf  *', 'high'),
    ]);
    expect(pieces.map((p) => [p.text, p.segment?.level ?? null])).toEqual([
      ['cd build && ', null],
      ['rm -rf *', 'critical'],
      [' && ls', null],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(command);
    expect(unplaced.map((s) => s.text)).toEqual(['rm  -rf  *']);
  });

  it('marks a repeated segment at each of its own places', () => {
    const { pieces } = markCommand('rm a; rm a', [seg('rm a', 'high'), seg('rm a', 'high')]);
    expect(pieces.filter((p) => p.segment).length).toBe(2);
  });

  it('reads segments only when the assessment has them', () => {
    const risk: RiskAssessment = { score: 90, level: 'critical', categories: [], reasons: [] };
    expect(segmentsOf(null)).toEqual([]);
    expect(segmentsOf(risk)).toEqual([]);
    expect(segmentsOf({ ...risk, segments: [seg('x', 'high')] } as RiskAssessment)).toHaveLength(1);
  });
});
