// @vitest-environment happy-dom
// Settings → Browser mode: the port `gatehouse daemon --ui` takes from its next start; a port below 1024 is refused
// before it is sent.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../shared/settings.ts';
import { useSettings } from '../../../../../renderer/stores/settings.ts';
import { Settings } from '../../../../../renderer/views/settings/Settings.tsx';
import { fakeCommands, renderInApp, resetStores } from '../../support.tsx';

beforeEach(resetStores);
afterEach(cleanup);

describe('Settings → Browser mode', () => {
  it('saves the port, and says when it applies', () => {
    const commands = fakeCommands();
    renderInApp(<Settings />, commands);
    act(() => useSettings.getState().settingsLoaded(DEFAULT_SETTINGS));
    const port = screen.getByLabelText('Port on 127.0.0.1') as HTMLInputElement;
    expect(port.value).toBe('7345');
    expect(screen.getByText(/^Used from the next start of/)).toBeTruthy();
    fireEvent.change(port, { target: { value: '80' } });
    fireEvent.blur(port);
    expect(screen.getByText('A whole number from 1024 to 65535.')).toBeTruthy();
    expect(commands.updateSettings).not.toHaveBeenCalled();
    fireEvent.change(port, { target: { value: '8765' } });
    fireEvent.blur(port);
    expect(commands.updateSettings).toHaveBeenCalledWith({ uiPort: 8765 });
  });
});
