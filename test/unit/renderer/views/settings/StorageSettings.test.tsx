// @vitest-environment happy-dom
// Settings → Storage: the sizes the core reports, what the last clean-up did, compacting an older database on
// request, and turning audit retention on and off.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../../../../shared/api.ts';
import { DEFAULT_SETTINGS } from '../../../../../shared/settings.ts';
import { useSettings } from '../../../../../renderer/stores/settings.ts';
import { useStorage } from '../../../../../renderer/stores/storage.ts';
import { Settings } from '../../../../../renderer/views/settings/Settings.tsx';
import { formatBytes } from '../../../../../renderer/views/settings/StorageSettings.tsx';
import { fakeCommands, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

const MB = 1024 * 1024;

function status(over: Partial<StorageStatus> = {}): StorageStatus {
  return {
    databaseFile: '/home/dev/.config/Gatehouse/gatehouse.db',
    fileBytes: 300 * MB,
    walBytes: 4 * MB,
    freeBytes: 210 * MB,
    autoVacuum: 'none',
    recordingBytes: 64 * MB,
    sessions: 12,
    requests: 100_000,
    auditEntries: 100_400,
    auditCheckpoint: null,
    lastUpkeep: {
      at: '2026-12-01T10:00:00.000Z',
      sessionsDeleted: 3,
      auditPruned: 0,
      bytesFreed: 0,
      ms: 2300,
      longestSliceMs: 38,
    },
    ...over,
  };
}

describe('storage settings', () => {
  it('asks the core for the sizes and shows them with the last clean-up', () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    expect(commands.loadStorage).toHaveBeenCalledTimes(1);
    const section = screen.getByRole('group', { name: 'Storage' });
    expect(within(section).getByText('Measuring…')).toBeTruthy();
    act(() => useStorage.getState().storageLoaded(status()));
    expect(within(section).getByText('Database').nextElementSibling?.textContent).toBe(
      '300 MB (plus 4.0 MB not yet written into it)',
    );
    expect(within(section).getByText('Free inside it').nextElementSibling?.textContent).toBe('210 MB');
    expect(within(section).getByText('12 sessions, 100000 requests, 100400 audit entries')).toBeTruthy();
    expect(
      within(section).getByText(
        /3 sessions deleted, 0 audit entries removed, 0 B given back, in 2\.3 s \(agents waited at most 38 ms at a time\)/,
      ),
    ).toBeTruthy();
  });

  it('offers to compact a database from an earlier Gatehouse, saying how long Gatehouse pauses', () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    act(() => useStorage.getState().storageLoaded(status()));
    expect(screen.getByText(/made by an earlier Gatehouse.*about 1 s/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Compact now' }));
    expect(commands.compactStorage).toHaveBeenCalledTimes(1);
    act(() => useStorage.getState().compactStarted());
    expect(screen.getByRole('button', { name: 'Compacting…' }).hasAttribute('disabled')).toBe(true);
    act(() =>
      useStorage.getState().storageLoaded(status({ autoVacuum: 'incremental', freeBytes: 0, fileBytes: 90 * MB })),
    );
    expect(screen.queryByRole('button', { name: /Compact/ })).toBeNull();
    expect(screen.getByText('Space freed by deletions goes back to the disk.')).toBeTruthy();
  });

  it('turns audit retention on (90 days), changes it, and back off (kept forever)', () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    expect(screen.getByText(/kept forever/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remove audit entries after a while' }));
    expect(commands.updateSettings).toHaveBeenLastCalledWith({ auditRetentionDays: 90 });
    act(() => useSettings.getState().settingsChanged({ ...DEFAULT_SETTINGS, auditRetentionDays: 90 }));
    const days = screen.getByLabelText('Remove audit entries older than (days)');
    fireEvent.change(days, { target: { value: '3' } });
    fireEvent.blur(days);
    expect(days.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(days, { target: { value: '365' } });
    fireEvent.blur(days);
    expect(commands.updateSettings).toHaveBeenLastCalledWith({ auditRetentionDays: 365 });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remove audit entries after a while' }));
    expect(commands.updateSettings).toHaveBeenLastCalledWith({ auditRetentionDays: null });
  });

  it('writes sizes a person reads at a glance', () => {
    expect([0, 1023, 2048, 5.25 * MB, 210 * MB, 3 * 1024 * MB].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '2 KB',
      '5.3 MB',
      '210 MB',
      '3.0 GB',
    ]);
  });
});
