// @vitest-environment happy-dom
// Settings → Recording: auto-allow, retention and redaction patterns saved as patches, and the core's refusal of a
// pattern shown.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../shared/settings.ts';
import { useSettings } from '../../../../../renderer/stores/settings.ts';
import { Settings } from '../../../../../renderer/views/settings/Settings.tsx';
import { fakeCommands, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

describe('recording settings', () => {
  it("saves auto-allow, retention and redaction patterns, and shows the core's refusal of a pattern", () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Allow commands rated low risk without asking' }));
    const days = screen.getByLabelText('Delete ended sessions after (days)');
    fireEvent.change(days, { target: { value: '7' } });
    fireEvent.blur(days);
    const mb = screen.getByLabelText('Keep recordings under (MB)');
    fireEvent.change(mb, { target: { value: '0' } });
    fireEvent.blur(mb);
    expect(mb.getAttribute('aria-invalid')).toBe('true');
    const patterns = screen.getByLabelText(/Also redact these secret shapes/);
    fireEvent.change(patterns, { target: { value: 'ACME-[0-9]{6}\n\n(a+)+\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save patterns' }));
    expect(commands.updateSettings.mock.calls.map(([p]) => p)).toEqual([
      { autoAllowLowRisk: true },
      { retention: { maxAgeDays: 7, maxTotalMB: DEFAULT_SETTINGS.retention.maxTotalMB } },
      { redactionPatterns: ['ACME-[0-9]{6}', '(a+)+'] },
    ]);
    act(() => useSettings.getState().saveFailed('redactionPatterns.1: "(a+)+" backtracks catastrophically'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'redactionPatterns.1: "(a+)+" backtracks catastrophically',
    );
  });
});
