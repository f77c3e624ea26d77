// Browser-mode notifications follow the settings and close when the request is decided.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/settings.ts';
import { WebNotifier, type NotificationHost } from '../../../../renderer/app/web-notifier.ts';
import { decided, heldRequest } from '../support.tsx';

function fakeHost(focused: boolean, permission: NotificationPermission = 'granted') {
  const shown: Array<{ title: string; body: string; tag: string; closed: boolean; click: () => void }> = [];
  let focusCalls = 0;
  const host: NotificationHost = {
    permission: () => permission,
    show: (title, { body, tag }, onClick) => {
      const n = { title, body, tag, closed: false, click: onClick };
      shown.push(n);
      return { close: () => (n.closed = true) };
    },
    hasFocus: () => focused,
    focus: () => (focusCalls += 1),
  };
  return { host, shown, focusCalls: () => focusCalls };
}

describe('web notifier', () => {
  it('notifies a held request, opens its card on click, and closes when it is decided', () => {
    const f = fakeHost(true);
    const opened: string[] = [];
    const n = new WebNotifier(
      f.host,
      () => DEFAULT_SETTINGS,
      (id) => opened.push(id),
    );
    const r = heldRequest({ command: 'git push --force' });
    n.handle({ type: 'request.held', request: r });
    expect(f.shown).toMatchObject([{ title: 'Claude Code wants to run `git push --force`', tag: r.id, closed: false }]);
    f.shown[0]?.click();
    expect(opened).toEqual([r.id]);
    expect(f.focusCalls()).toBe(1);
    expect(f.shown[0]?.closed).toBe(true);

    const s = heldRequest();
    n.handle({ type: 'request.held', request: s });
    n.handle({ type: 'request.decided', request: decided(s, 'allow') });
    expect(f.shown[1]?.closed).toBe(true);
  });

  it('stays quiet when turned off, when the page has focus and only-unfocused is on, or without permission', () => {
    const cases: Array<[Settings, boolean, NotificationPermission]> = [
      [{ ...DEFAULT_SETTINGS, notifyOnHeld: false }, false, 'granted'],
      [{ ...DEFAULT_SETTINGS, notifyOnlyWhenUnfocused: true }, true, 'granted'],
      [DEFAULT_SETTINGS, false, 'default'],
    ];
    for (const [settings, focused, permission] of cases) {
      const f = fakeHost(focused, permission);
      new WebNotifier(
        f.host,
        () => settings,
        () => {},
      ).handle({ type: 'request.held', request: heldRequest() });
      expect(f.shown).toEqual([]);
    }
    const f = fakeHost(false);
    new WebNotifier(
      f.host,
      () => ({ ...DEFAULT_SETTINGS, notifyOnlyWhenUnfocused: true }),
      () => {},
    ).handle({ type: 'request.held', request: heldRequest() });
    expect(f.shown).toHaveLength(1);
  });
});
