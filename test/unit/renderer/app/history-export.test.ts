// Exporting the history: CSV a spreadsheet opens safely, and JSON Lines that read back as they were.
import { describe, expect, it } from 'vitest';
import { toCsv, toJsonl } from '../../../../renderer/app/history-export.ts';
import { decided, heldRequest } from '../support.tsx';

describe('history export', () => {
  it('writes CSV with quoting, and defuses cells a spreadsheet would run as formulas', () => {
    const r = decided(
      heldRequest({ command: '=HYPERLINK("http://x")', cwd: '/w, "quoted"' }),
      'deny',
      'line one\nline two',
    );
    const [header, row] = toCsv([r]).split('\r\n');
    expect(header).toBe(
      'decided_at,status,decided_by,reason,agent,session_id,command,cwd,risk_level,risk_score,requested_at,id,outcome,exit_code,duration_ms,output',
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
