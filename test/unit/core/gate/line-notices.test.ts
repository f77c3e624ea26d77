// What a hosted shell says in its own terminal about a typed line Gatehouse holds: one line while it waits, one line
// for the decision, each a single terminal row of plain text.
import { describe, expect, it } from 'vitest';
import type { GateRequest } from '../../../../shared/domain.ts';
import { REASONS, type Verdict } from '../../../../electron/core/broker/broker.ts';
import { decidedNotice, heldNotice } from '../../../../electron/core/gate/line-notices.ts';

const request = (command: string, level: 'low' | 'medium' | 'critical' | null = 'medium'): GateRequest => ({
  id: 'r1',
  sessionId: 's1',
  agent: 'shell',
  kind: 'check',
  tool: null,
  command,
  cwd: '/w',
  risk: level ? { score: 40, level, categories: [], reasons: [] } : null,
  status: 'pending',
  createdAt: '2026-01-01T00:00:00Z',
  expiresAt: null,
  decision: null,
});

const verdict = (over: Partial<Verdict>): Verdict => ({
  requestId: 'r1',
  decision: 'deny',
  reason: REASONS.humanDeny,
  decidedBy: 'human:window',
  ...over,
});

describe('a held line, in the terminal', () => {
  it('says it waits for the person, how risky it is, what it is, and how to cancel it', () => {
    expect(heldNotice(request('rm -rf build'))).toBe(
      '‖ Waiting for your decision in Gatehouse — medium risk: rm -rf build. Ctrl-C cancels.',
    );
    expect(heldNotice(request('make', null))).toBe('‖ Waiting for your decision in Gatehouse — make. Ctrl-C cancels.');
  });

  it('shows a long or multi-line command as its start on one line, with nothing a terminal would obey', () => {
    const notice = heldNotice(request(`echo one\necho two\x1b]0;title\x07 ${'x'.repeat(100)}`));
    expect(notice).toMatch(
      /^‖ Waiting for your decision in Gatehouse — medium risk: echo one echo two ]0;title x+…\. /,
    );
    expect([...notice].filter((c) => c.charCodeAt(0) < 0x20 || c === '\x7f')).toEqual([]);
  });
});

describe('the decision, in one line', () => {
  it('says who allowed it, then that it runs', () => {
    expect(decidedNotice(verdict({ decision: 'allow', reason: REASONS.humanAllow }), 600_000)).toBe(
      '✓ Allowed in Gatehouse; running it.',
    );
    expect(decidedNotice(verdict({ decision: 'allow', decidedBy: 'rule:r7' }), 600_000)).toBe(
      '✓ Allowed by Gatehouse rule r7; running it.',
    );
    expect(decidedNotice(verdict({ decision: 'allow', decidedBy: 'trust-mode' }), 600_000)).toBe(
      '✓ Allowed by trust mode; running it.',
    );
  });

  it("gives a person's reason for a denial, and none when they gave none", () => {
    expect(decidedNotice(verdict({ reason: 'open a PR instead' }), 600_000)).toBe(
      '✗ Denied in Gatehouse: open a PR instead',
    );
    expect(decidedNotice(verdict({}), 600_000)).toBe('✗ Denied in Gatehouse.');
  });

  it('says a line nobody decided did not run, and how long it waited', () => {
    expect(decidedNotice(verdict({ reason: REASONS.timeout(600_000), decidedBy: 'timeout' }), 600_000)).toBe(
      '✗ Not run: nobody decided within 10 minutes.',
    );
  });

  it("gives a rule's denial as the rule says it", () => {
    expect(
      decidedNotice(verdict({ reason: 'Denied by Gatehouse rule r2 (prefix:rm).', decidedBy: 'rule:r2' }), 1),
    ).toBe('✗ Denied by Gatehouse rule r2 (prefix:rm).');
  });
});
