// @vitest-environment happy-dom
// A named suite, not one view's test: the terminal text size setting, from Settings to every terminal on screen.
// A readable terminal text size with a setting: Settings offers the sizes and saves the choice; every terminal on
// screen is drawn at the saved size and redraws (and refits) when it changes, on the same terminal.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import { useSettings } from '../../../../renderer/stores/settings.ts';
import { TerminalBox } from '../../../../renderer/views/common/TerminalBox.tsx';
import { Settings } from '../../../../renderer/views/settings/Settings.tsx';
import { fakeCommands, fakeSurfaces, renderInApp, resetStores } from '../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

describe('terminal text size', () => {
  it('is a choice in Settings, 14 px by default', () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    const size = screen.getByLabelText('Terminal text size') as HTMLSelectElement;
    expect(size.value).toBe('14');
    expect([...size.options].map((o) => o.textContent)).toContain('14 px (default)');
    fireEvent.change(size, { target: { value: '18' } });
    expect(commands.updateSettings).toHaveBeenLastCalledWith({ terminalFontSize: 18 });
  });

  it('draws terminals at the saved size and redraws them, refitted, when it changes', () => {
    const surfaces = fakeSurfaces();
    const onResize = vi.fn();
    act(() => useSettings.getState().settingsLoaded({ ...DEFAULT_SETTINGS, terminalFontSize: 16 }));
    renderInApp(
      <TerminalBox
        label="Terminal"
        cols={80}
        rows={24}
        readOnly={false}
        surfaceKey="t1"
        onSurface={() => () => {}}
        onResize={onResize}
      />,
      fakeCommands(),
      'browser',
      surfaces.factory,
    );
    expect(surfaces.made[0]?.options.fontSize).toBe(16);
    expect(onResize).not.toHaveBeenCalled();
    act(() => useSettings.getState().settingsChanged({ ...DEFAULT_SETTINGS, terminalFontSize: 20 }));
    expect(surfaces.made).toHaveLength(1);
    expect(surfaces.made[0]?.surface.fontSize).toBe(20);
    expect(onResize).toHaveBeenCalledTimes(1);
  });
});
