// @vitest-environment happy-dom
// The Rules view: each rule with its effect, scope, expiry, hits and source; enabling, disabling, deleting, adding and
// editing through the commands, with the core's refusals shown; and testing a command against the rules.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../../../../shared/rules.ts';
import { useRules } from '../../../../../renderer/stores/rules.ts';
import { Rules } from '../../../../../renderer/views/rules/Rules.tsx';
import { fakeCommands, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

function rule(over: Partial<Rule> = {}): Rule {
  return {
    id: 'rule0001',
    effect: 'allow',
    kind: 'prefix',
    pattern: 'npm test',
    scope: { type: 'project', dir: '/home/dev/app' },
    enabled: true,
    source: 'learned:req1',
    note: null,
    createdAt: '2026-01-01T00:00:00Z',
    expiresAt: null,
    hits: 7,
    lastHitAt: '2026-01-02T00:00:00Z',
    ...over,
  };
}

describe('rules view', () => {
  it('loads on open and lists each rule with its effect, scope, expiry, hits and source; rows enable, disable and delete', () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    expect(commands.loadRules).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain('Loading rules');
    act(() =>
      useRules.getState().rulesLoaded([
        rule(),
        rule({
          id: 'rule0002',
          effect: 'deny',
          kind: 'glob',
          pattern: 'git push * main',
          scope: { type: 'global' },
          enabled: false,
          hits: 0,
          lastHitAt: null,
        }),
      ]),
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain('Starts with');
    expect(rows[0]?.textContent).toContain('Project /home/dev/app');
    expect(rows[0]?.textContent).toContain('never');
    expect(rows[0]?.textContent).toContain('learned:req1');
    expect(rows[1]?.textContent).toContain('Deny');
    expect(rows[1]?.textContent).toContain('disabled');
    fireEvent.click(screen.getByRole('button', { name: 'Disable prefix:npm test' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enable glob:git push * main' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete glob:git push * main' }));
    expect(commands.setRuleEnabled.mock.calls).toEqual([
      ['rule0001', false],
      ['rule0002', true],
    ]);
    expect(commands.removeRule).toHaveBeenCalledWith('rule0002');
    act(() => useRules.getState().rowFailed('rule0002', 'no rule with id rule0002'));
    expect(within(rows[1] as HTMLElement).getByRole('alert').textContent).toBe('no rule with id rule0002');
  });

  it("adds a rule from the form, and shows the core's refusal without losing what was typed", () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    act(() => useRules.getState().rulesLoaded([]));
    expect(screen.getByText('No rules yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add rule…' }));
    const form = screen.getByRole('form', { name: 'Add a rule' });
    fireEvent.change(within(form).getByLabelText('Effect'), { target: { value: 'deny' } });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'regex' } });
    fireEvent.change(within(form).getByLabelText('Pattern'), { target: { value: '(a)\\1' } });
    fireEvent.change(within(form).getByLabelText('Applies'), { target: { value: 'project' } });
    fireEvent.change(within(form).getByLabelText('Project directory'), { target: { value: '/srv/app' } });
    fireEvent.change(within(form).getByLabelText('Expires'), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(commands.saveRule).toHaveBeenCalledWith('new', {
      effect: 'deny',
      kind: 'regex',
      pattern: '(a)\\1',
      scope: { type: 'project', dir: '/srv/app' },
      ttlMs: 7 * 24 * 3_600_000,
      note: '',
    });
    act(() => useRules.getState().saveFailed('"(a)\\1" is not a valid RE2 regular expression'));
    expect(within(form).getByRole('alert').textContent).toContain('not a valid RE2');
    expect((within(form).getByLabelText('Pattern') as HTMLInputElement).value).toBe('(a)\\1');
  });

  it('edits a rule keeping its expiry unless another is chosen', () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    act(() => useRules.getState().rulesLoaded([rule()]));
    fireEvent.click(screen.getByRole('button', { name: 'Edit prefix:npm test' }));
    const form = screen.getByRole('form', { name: 'Edit rule rule0001' });
    fireEvent.change(within(form).getByLabelText('Pattern'), { target: { value: 'npm run test' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    expect(commands.saveRule).toHaveBeenCalledWith('rule0001', {
      effect: 'allow',
      kind: 'prefix',
      pattern: 'npm run test',
      scope: { type: 'project', dir: '/home/dev/app' },
      ttlMs: undefined,
      note: '',
    });
  });

  it('tests a command: which rule decides each part, and the risk', () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    act(() => useRules.getState().rulesLoaded([rule()]));
    fireEvent.change(screen.getByLabelText('Command'), { target: { value: 'npm test && rm -rf dist' } });
    fireEvent.change(screen.getByLabelText('In directory'), { target: { value: '/home/dev/app' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect(commands.testCommand).toHaveBeenCalledWith('npm test && rm -rf dist', '/home/dev/app');
    act(() => {
      useRules.getState().testStarted('npm test && rm -rf dist', '/home/dev/app');
      useRules.getState().testExplained({
        decision: 'hold',
        by: 'human',
        reason: 'Held for a person: rm -rf dist has no rule.',
        ruleIds: ['rule0001'],
        risk: {
          score: 40,
          level: 'medium',
          categories: ['delete'],
          reasons: ['deletes dist recursively, inside the project'],
        },
        segments: [
          {
            text: 'npm test',
            level: 'low',
            matches: [{ ruleId: 'rule0001', effect: 'allow', kind: 'prefix', pattern: 'npm test' }],
            verdict: 'allowed by rule rule0001',
          },
          { text: 'rm -rf dist', level: 'medium', matches: [], verdict: 'no rule matches' },
        ],
      });
    });
    const result = screen.getByRole('status', { name: 'How Gatehouse would decide' });
    expect(result.textContent).toContain('Held for you');
    expect(result.textContent).toContain('deletes dist recursively');
    expect(
      within(result)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['npm testlowallowed by rule rule0001', 'rm -rf distmediumno rule matches']);
  });
});
