// Pure renderer logic: export formats, audit filters, countdown words (risky-segment marking: views/inbox/).
import { describe, expect, it } from 'vitest';
import { heldNotificationText } from '../../../shared/notification-text.ts';
import { toCsv, toJsonl } from '../../../renderer/app/history-export.ts';
import { matchesFilter } from '../../../renderer/stores/audit.ts';
import { formatCountdown, spokenDuration } from '../../../renderer/views/common/format.ts';
import { decided, heldRequest } from './support.tsx';

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
