// @vitest-environment happy-dom
// The Rules view: each rule with the id reasons cite, what it matches, does, where, until when, how often and where
// from; rows enable, disable, delete; the add form applies to a project by default and previews what the rule would
// have decided before it is saved; adding one already in force says so; "test a command".
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../../../shared/domain.ts';
import type { BacktestResult, Rule } from '../../../../../shared/rules.ts';
import { useRules } from '../../../../../renderer/stores/rules.ts';
import { useSessions } from '../../../../../renderer/stores/sessions.ts';
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

const session = (id: string, cwd: string, startedAt: string): Session => ({
  id,
  agent: 'claude',
  argv: ['claude'],
  cwd,
  pid: 1,
  startedAt,
  endedAt: null,
  exitCode: null,
});

const backtest = (over: Partial<BacktestResult> = {}): BacktestResult => ({
  rule: { effect: 'allow', kind: 'prefix', pattern: 'make', scope: { type: 'global' } },
  examined: 12,
  changed: [],
  changedTotal: 0,
  riskyTotal: 0,
  warnings: [],
  ...over,
});

describe('rules view', () => {
  it('lists each rule with its id, what it matches, effect, scope, expiry, hits and source; rows enable, disable and delete', () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    expect(commands.loadRules).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Loading rules…')).toBeTruthy();
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
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Id',
      'Matches',
      'Effect',
      'Applies',
      'Expires',
      'Hits',
      'Actions',
    ]);
    const rows = screen.getAllByRole('row').slice(1);
    // The id a reason cites ("Allowed by Gatehouse rule rule0001 …") is the first thing in its row.
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[0]?.textContent).toBe('rule0001');
    expect(rows[0]?.textContent).toContain('Starts with npm test');
    expect(rows[0]?.textContent).toContain('from learned:req1');
    expect(rows[0]?.textContent).toContain('Project /home/dev/app');
    expect(rows[0]?.textContent).toContain('never');
    expect(rows[0]?.textContent).toContain('7last');
    expect(rows[1]?.textContent).toContain('Deny');
    expect(rows[1]?.textContent).toContain('disabled');
    expect(rows[1]?.textContent).toContain('never used');
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

  it('the add form applies to the project of the newest session, and previews what the rule would have decided', async () => {
    const commands = fakeCommands();
    commands.backtestRule.mockImplementation(async (input) =>
      backtest({
        changedTotal: 1,
        riskyTotal: 0,
        changed: [
          {
            requestId: 'q1',
            command: 'make build',
            cwd: '/home/dev/new',
            createdAt: '2026-01-01T00:00:00Z',
            level: 'medium',
            before: 'none',
            after: input.effect === 'deny' ? 'deny' : 'allow',
            risky: false,
          },
        ],
      }),
    );
    renderInApp(<Rules />, commands);
    act(() => {
      useSessions
        .getState()
        .sessionsLoaded([
          session('s1', '/home/dev/old', '2026-01-01T00:00:00Z'),
          session('s2', '/home/dev/new', '2026-01-03T00:00:00Z'),
        ]);
      useRules.getState().rulesLoaded([]);
    });
    expect(screen.getByText('No rules yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add rule…' }));
    const form = screen.getByRole('form', { name: 'Add a rule' });
    expect((within(form).getByLabelText('Applies') as HTMLSelectElement).value).toBe('project');
    expect((within(form).getByLabelText('Project directory') as HTMLInputElement).value).toBe('/home/dev/new');
    const preview = within(form).getByRole('region', { name: 'What this rule would have done' });
    expect(preview.textContent).toContain('Write a pattern');
    fireEvent.change(within(form).getByLabelText('Pattern'), { target: { value: 'make' } });
    await waitFor(() => expect(preview.textContent).toContain('Of 12 earlier commands, it would have decided 1'));
    expect(preview.textContent).toContain('make buildno rule → allowed');
    expect(commands.backtestRule).toHaveBeenLastCalledWith({
      effect: 'allow',
      kind: 'prefix',
      pattern: 'make',
      scope: { type: 'project', dir: '/home/dev/new' },
    });
    fireEvent.change(within(form).getByLabelText('Effect'), { target: { value: 'deny' } });
    await waitFor(() => expect(preview.textContent).toContain('no rule → denied'));
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(commands.saveRule).toHaveBeenCalledWith('new', {
      effect: 'deny',
      kind: 'prefix',
      pattern: 'make',
      scope: { type: 'project', dir: '/home/dev/new' },
      ttlMs: null,
      note: '',
    });
  });

  it('says so when a rule the form adds is already in force, and marks that rule', () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    act(() => useRules.getState().rulesLoaded([rule()]));
    fireEvent.click(screen.getByRole('button', { name: 'Add rule…' }));
    act(() => useRules.getState().ruleSaved(rule(), true));
    expect(screen.getByText(/^Already a rule: rule0001 does the same, so nothing was added/)).toBeTruthy();
    expect(screen.getAllByRole('row').slice(1)).toHaveLength(1);
    expect(document.getElementById('rule-rule0001')?.className).toBe('just-saved');
  });

  it("shows the core's refusal without losing what was typed; without a directory, there is nothing to preview", () => {
    const commands = fakeCommands();
    renderInApp(<Rules />, commands);
    act(() => useRules.getState().rulesLoaded([]));
    fireEvent.click(screen.getByRole('button', { name: 'Add rule…' }));
    const form = screen.getByRole('form', { name: 'Add a rule' });
    fireEvent.change(within(form).getByLabelText('Effect'), { target: { value: 'deny' } });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'regex' } });
    fireEvent.change(within(form).getByLabelText('Pattern'), { target: { value: '(a)\\1' } });
    // No session yet: no directory to offer, and a project rule needs one.
    expect((within(form).getByLabelText('Project directory') as HTMLInputElement).value).toBe('');
    expect(commands.backtestRule).not.toHaveBeenCalled();
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
    // Everywhere is a choice, and says what it means.
    fireEvent.change(within(form).getByLabelText('Applies'), { target: { value: 'global' } });
    expect(within(form).getByText(/^Everywhere: in every project and every session/)).toBeTruthy();
  });

  it('edits a rule keeping its expiry unless another is chosen; its preview replaces it', async () => {
    const commands = fakeCommands();
    commands.backtestRule.mockImplementation(async () => backtest());
    renderInApp(<Rules />, commands);
    act(() => useRules.getState().rulesLoaded([rule()]));
    fireEvent.click(screen.getByRole('button', { name: 'Edit prefix:npm test' }));
    const form = screen.getByRole('form', { name: 'Edit rule rule0001' });
    fireEvent.change(within(form).getByLabelText('Pattern'), { target: { value: 'npm run test' } });
    await waitFor(() =>
      expect(commands.backtestRule).toHaveBeenLastCalledWith({
        effect: 'allow',
        kind: 'prefix',
        pattern: 'npm run test',
        scope: { type: 'project', dir: '/home/dev/app' },
        replaces: 'rule0001',
      }),
    );
    await waitFor(() => expect(form.textContent).toContain('it would have decided none differently'));
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
