// The audit store's filter: it matches what the core filters on.
import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../../../renderer/stores/audit.ts';
import { decided, heldRequest } from '../support.tsx';

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
  });
});
