// @vitest-environment happy-dom
// The Audit view: decisions with who decided, filtered and paged through the commands, and exported.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAudit } from '../../../../../renderer/stores/audit.ts';
import { Audit } from '../../../../../renderer/views/audit/Audit.tsx';
import { decided, fakeCommands, heldRequest, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

describe('audit view', () => {
  it('loads on open, lists decisions with who decided, filters and pages', () => {
    const commands = fakeCommands();
    renderInApp(<Audit />, commands);
    expect(commands.loadHistory).toHaveBeenCalledTimes(1);
    const r = decided(heldRequest({ command: 'git push' }), 'deny', 'not on main');
    act(() => {
      useAudit.getState().filterChanged({});
      useAudit.getState().firstPageLoaded([r], 'd1');
    });
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('Denied');
    expect(row.textContent).toContain('A person, with the CLI');
    expect(row.textContent).toContain('not on main');
    fireEvent.click(screen.getByRole('button', { name: 'Load older decisions' }));
    expect(commands.loadMoreHistory).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'allowed' } });
    expect(useAudit.getState().filter).toEqual({ status: 'allowed' });
    expect(commands.loadHistory).toHaveBeenCalledTimes(2);
    act(() => useAudit.getState().firstPageLoaded([], null));
    expect(screen.getByText('No decisions match this filter')).toBeTruthy();
  });

  it('exports through the command', () => {
    const commands = fakeCommands();
    renderInApp(<Audit />, commands);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(commands.exportHistory).toHaveBeenCalledWith('csv');
  });
});
