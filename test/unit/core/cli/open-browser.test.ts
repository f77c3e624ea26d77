// What `gatehouse ui` and `gatehouse daemon --open` use to open the browser: $BROWSER first, then the platform's
// opener; never in CI, never without a display.
import { describe, expect, it } from 'vitest';
import { openBrowser, openPlan } from '../../../../electron/core/cli/open-browser.ts';

const URL = 'http://127.0.0.1:7345/?token=abc';
const DESKTOP = { DISPLAY: ':0' };

describe('openPlan', () => {
  it("uses the platform's opener", () => {
    expect(openPlan(URL, DESKTOP, 'linux')).toEqual({ command: 'xdg-open', args: [URL] });
    expect(openPlan(URL, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toEqual({ command: 'xdg-open', args: [URL] });
    expect(openPlan(URL, {}, 'darwin')).toEqual({ command: 'open', args: [URL] });
    expect(openPlan(URL, {}, 'win32')).toEqual({ command: 'rundll32', args: ['url.dll,FileProtocolHandler', URL] });
  });

  it('honours $BROWSER: the first of its colon-separated commands, with %s standing for the URL', () => {
    expect(openPlan(URL, { ...DESKTOP, BROWSER: 'firefox' }, 'linux')).toEqual({ command: 'firefox', args: [URL] });
    expect(openPlan(URL, { BROWSER: 'w3m -o x=1 %s:lynx' }, 'linux')).toEqual({
      command: 'w3m',
      args: ['-o', 'x=1', URL],
    });
  });

  it('opens nothing in CI or without a display, and says why', () => {
    expect(openPlan(URL, { ...DESKTOP, CI: 'true' }, 'linux')).toEqual({ skip: 'CI is set' });
    expect(openPlan(URL, { CI: '1', BROWSER: 'firefox' }, 'darwin')).toEqual({ skip: 'CI is set' });
    expect(openPlan(URL, { ...DESKTOP, CI: 'false' }, 'linux')).toEqual({ command: 'xdg-open', args: [URL] });
    expect(openPlan(URL, {}, 'linux')).toEqual({ skip: 'there is no display here (DISPLAY is not set)' });
  });
});

describe('openBrowser', () => {
  it('says so when the opener is not installed', async () => {
    const missing = { BROWSER: 'gatehouse-test-no-such-browser', PATH: '/nonexistent' };
    expect(await openBrowser(URL, missing, 'linux')).toBe('gatehouse-test-no-such-browser is not installed');
  });
});
