// Pure renderer logic: risky-segment marking, export formats, audit filters, countdown words.
import { describe, expect, it } from 'vitest';
import type { RiskAssessment } from '../../../shared/domain.ts';
import { heldNotificationText } from '../../../shared/notification-text.ts';
import { toCsv, toJsonl } from '../../../renderer/app/history-export.ts';
import { matchesFilter } from '../../../renderer/stores/audit.ts';
import { describeDecider, formatCountdown, spokenDuration } from '../../../renderer/views/common/format.ts';
import { markCommand, segmentsOf, type RiskSegment } from '../../../renderer/views/inbox/segments.ts';
import { decided, heldRequest } from './support.tsx';

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

describe('history export', () => {
  it('writes CSV with quoting, and defuses cells a spreadsheet would run as formulas', () => {
    const r = decided(
      heldRequest({ command: '=HYPERLINK("http://x")', cwd: '/w, "quoted"' }),
      'deny',
      'line one\nline two',
    );
    const [header, row] = toCsv([r]).split('\r\n');
    expect(header).toBe(
      'decided_at,status,decided_by,reason,agent,session_id,command,cwd,risk_level,risk_score,requested_at,id',
    );
    expect(row).toContain('"line one\nline two"');
    expect(toCsv([r])).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(toCsv([r])).toContain('"/w, ""quoted"""');
  });

  it('writes JSON Lines, one request per line, that read back as they were', () => {
    const items = [decided(heldRequest(), 'allow'), decided(heldRequest(), 'deny', 'no')];
    const lines = toJsonl(items).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(items);
    expect(toJsonl([])).toBe('');
  });
});

describe('audit filter', () => {
  it('matches what the core filters on', () => {
    const r = decided(heldRequest({ agent: 'codex', command: 'git PUSH' }), 'deny');
    expect(matchesFilter(r, {})).toBe(true);
    expect(matchesFilter(r, { status: 'denied', decidedBy: 'human', agent: 'codex', search: 'push' })).toBe(true);
    expect(matchesFilter(r, { status: 'allowed' })).toBe(false);
    expect(matchesFilter(r, { decidedBy: 'timeout' })).toBe(false);
    expect(matchesFilter(r, { agent: 'claude' })).toBe(false);
    expect(matchesFilter(heldRequest(), {})).toBe(false);
  });

  it("counts a line run by a hosted shell's typing trust as a setting's decision", () => {
    const typed = heldRequest({
      agent: 'shell',
      command: 'ls',
      status: 'allowed',
      decision: { decision: 'allow', reason: null, decidedBy: 'typed', ruleIds: [], decidedAt: '2026-01-01T00:00:00Z' },
    });
    expect(matchesFilter(typed, { decidedBy: 'policy' })).toBe(true);
    expect(describeDecider('typed')).toBe('You, typing in a hosted shell');
  });
});

describe('words', () => {
  it('counts down in m:ss and says it in words', () => {
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(spokenDuration(61_000)).toBe('1 minute 1 second');
  });

  it('names the agent, the command and the risk in a notification', () => {
    const r = heldRequest({ command: 'rm -rf build' });
    expect(heldNotificationText(r)).toEqual({
      title: 'Claude Code wants to run `rm -rf build`',
      body: 'Not scored · in /home/dev/project',
    });
    const scored = {
      ...r,
      risk: {
        score: 80,
        level: 'high' as const,
        categories: ['file-deletion'],
        reasons: ['deletes 1,204 files inside the project'],
      },
    };
    expect(heldNotificationText(scored).body).toBe('HIGH: deletes 1,204 files inside the project');
  });
});
