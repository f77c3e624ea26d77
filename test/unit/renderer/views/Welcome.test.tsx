// @vitest-environment happy-dom
// The first start's offers: turn on auto-allow of low risk, import the agents' allow rules (the `rules import` call),
// and put the offers away for good (`welcomeDone`). Each says what it did.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult, Rule } from '../../../../shared/rules.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { useApp } from '../../../../renderer/stores/connection.ts';
import { useSettings } from '../../../../renderer/stores/settings.ts';
import { Welcome, importSummary } from '../../../../renderer/views/Welcome.tsx';
import { fakeCommands, renderInApp, resetStores } from '../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const panel = () => screen.getByRole('region', { name: 'Two things to set up first' });
/** Named without "rules": the navigation's Rules button stays the one button that says it. */
const IMPORT = 'Import from Claude Code and Codex';
const rule = { id: 'r1' } as Rule;
const issue = (message: string) => ({ file: 'f', line: 1, entry: 'e', message });

describe('the first start', () => {
  it('shows nothing before the settings are known, or once put away', () => {
    renderInApp(<Welcome />);
    expect(screen.queryByRole('region')).toBeNull();
    act(() => useSettings.getState().settingsLoaded({ ...DEFAULT_SETTINGS, welcomeDone: true }));
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('turns on auto-allow of low risk, then says it is on', () => {
    const commands = fakeCommands();
    renderInApp(<Welcome />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Allow low risk without asking' }));
    expect(commands.updateSettings).toHaveBeenCalledWith({ autoAllowLowRisk: true });
    act(() => useSettings.getState().settingsChanged({ ...DEFAULT_SETTINGS, autoAllowLowRisk: true }));
    expect(within(panel()).getByRole('status').textContent).toBe(
      'On: low-risk commands run without asking (the status line turns it off).',
    );
  });

  it('imports the agents’ allow rules and says what it added, with the way to them', async () => {
    const commands = fakeCommands();
    commands.importAgentRules.mockResolvedValue({
      files: ['/home/me/.claude/settings.json'],
      added: [rule, rule],
      skipped: [issue('already a rule')],
      errors: [],
    });
    renderInApp(<Welcome />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    await act(async () => fireEvent.click(within(panel()).getByRole('button', { name: IMPORT })));
    expect(commands.importAgentRules).toHaveBeenCalledTimes(1);
    expect(within(panel()).getByRole('status').textContent).toContain(
      'Added 2 allow rules from /home/me/.claude/settings.json. 1 entry left out (already a rule, or not for Gatehouse to take over).',
    );
    fireEvent.click(within(panel()).getByRole('link', { name: 'Show them in Rules' }));
    expect(useApp.getState().view).toBe('rules');
  });

  it('says why an import failed, and Done puts the offers away for good', async () => {
    const commands = fakeCommands();
    commands.importAgentRules.mockRejectedValue(new Error('refused to import rules: …'));
    renderInApp(<Welcome />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    await act(async () => fireEvent.click(within(panel()).getByRole('button', { name: IMPORT })));
    expect(within(panel()).getByRole('alert').textContent).toBe('Not imported: refused to import rules: …');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Done' }));
    expect(commands.updateSettings).toHaveBeenCalledWith({ welcomeDone: true });
  });
});

describe('importSummary', () => {
  const none: ImportResult = { files: [], added: [], skipped: [], errors: [] };
  it('says what was read and added, left out, or could not be read', () => {
    expect(importSummary(none)).toBe('Found no Claude Code settings or Codex .rules files.');
    expect(importSummary({ ...none, files: ['a', 'b'] })).toBe('Read a, b: no allow rules to add.');
    expect(importSummary({ ...none, files: ['a'], added: [rule] })).toBe('Added 1 allow rule from a.');
    expect(importSummary({ ...none, files: ['a'], skipped: [issue('x'), issue('y')] })).toBe(
      'Read a: no allow rules to add. 2 entries left out (already a rule, or not for Gatehouse to take over).',
    );
    expect(importSummary({ ...none, files: ['a'], errors: [issue('a:3: not valid JSON')] })).toBe(
      'Read a: no allow rules to add. Could not read 1 entry: a:3: not valid JSON.',
    );
  });
});
