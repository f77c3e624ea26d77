// The shell's tray and notifications with fakes for Electron's Tray and Notification and for the core connection:
// a held request produces a notification and a tray count; a notification or tray action decides the request; the
// tray's trust mode (with its countdown) and auto-allow items; a click opens the window on the card.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { CoreEvent, GateRequest, RiskLevel } from '../../../shared/domain.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings.ts';
import type { CoreClient, ShellApi } from '../../../electron/main/core-client.ts';
import { HeldCommands } from '../../../electron/main/held-commands.ts';
import {
  HeldNotifier,
  type NativeNotification,
  type NotificationOptions,
} from '../../../electron/main/notifications.ts';
import { policyActions } from '../../../electron/main/policy-actions.ts';
import { revealCard } from '../../../electron/main/reveal-card.ts';
import { TRAY_MENU_REQUESTS, type TraySurface } from '../../../electron/main/tray.ts';
import { TrayState, type TrayTimers } from '../../../electron/main/tray-state.ts';
import { IPC } from '../../../shared/desktop-bridge.ts';
import { QUICK_TRUST_MS } from '../../../shared/rules.ts';

let seq = 0;
/** A held request, medium by default (approved in one step); `level: null` for one nobody scored. */
function request(command: string, level: RiskLevel | null = 'medium'): GateRequest {
  seq += 1;
  return {
    id: `r${seq}`,
    sessionId: 's1',
    agent: 'claude',
    kind: 'pre-tool-use',
    tool: 'Bash',
    command,
    cwd: '/p',
    risk: level ? { score: 40, level, categories: [], reasons: [`it is ${level}`] } : null,
    status: 'pending',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    expiresAt: null,
    decision: null,
  };
}

class FakeNotification implements NativeNotification {
  readonly options: NotificationOptions;
  shown = false;
  closed = false;
  private readonly listeners: Record<string, Array<(...args: unknown[]) => void>> = {};
  constructor(options: NotificationOptions) {
    this.options = options;
  }
  on(event: string, listener: (...args: never[]) => void) {
    (this.listeners[event] ??= []).push(listener as (...args: unknown[]) => void);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    this.listeners[event]?.forEach((l) => l(...args));
  }
  show() {
    this.shown = true;
  }
  close() {
    this.closed = true;
  }
}

function shell(
  opts: { settings?: Settings; focused?: boolean; supportsActions?: boolean; pending?: GateRequest[] } = {},
) {
  /** The person's answer to trust mode's question (the native dialog); yes unless a test says otherwise. */
  const answers: boolean[] = [];
  const confirmTrust = vi.fn(async () => answers.shift() ?? true);
  const listeners = new Set<(e: CoreEvent) => void>();
  const decide = vi.fn<ShellApi['decide']>(async (input) => ({ ...request('x'), id: input.id }));
  const noTrust = { active: false, endsAt: null, remainingMs: 0, floor: ['high' as const, 'critical' as const] };
  const startTrust = vi.fn<ShellApi['startTrust']>(async (input) => ({
    ...noTrust,
    active: true,
    endsAt: new Date(clock.now + (input as { durationMs: number }).durationMs).toISOString(),
  }));
  const stopTrust = vi.fn<ShellApi['stopTrust']>(async () => noTrust);
  const updateSettings = vi.fn<ShellApi['updateSettings']>(async (patch) => ({
    ...DEFAULT_SETTINGS,
    ...(patch as Partial<Settings>),
  }));
  const client: CoreClient = {
    api: {
      subscribe: async () => true,
      listPending: async () => opts.pending ?? [],
      getSettings: async () => DEFAULT_SETTINGS,
      decide,
      startTrust,
      stopTrust,
      updateSettings,
      status: async () => {
        throw new Error('the tray reads trust from events in these tests');
      },
      agentStatus: async () => ({ agents: [], processesScanned: true, note: null, scanMs: 0, at: '' }),
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => {},
  };
  const notifications: FakeNotification[] = [];
  const tray = { tooltip: '', title: '', badge: -1, menu: [] as MenuItemConstructorOptions[] };
  const surface: TraySurface = {
    setToolTip: (t) => (tray.tooltip = t),
    setTitle: (t) => (tray.title = t),
    setBadgeCount: (n) => (tray.badge = n),
    setMenu: (m) => (tray.menu = m),
  };
  const opened: string[] = [];
  const notifier = new HeldNotifier({
    create: (o) => {
      const n = new FakeNotification(o);
      notifications.push(n);
      return n;
    },
    supportsActions: opts.supportsActions ?? true,
    settings: () => opts.settings ?? DEFAULT_SETTINGS,
    anyWindowFocused: () => opts.focused ?? false,
    decide: (id, decision) => held.decide(id, decision, 'notification'),
    openWindow: (id) => opened.push(id ?? 'window'),
  });
  const fail = (err: unknown) => {
    throw err;
  };
  const clock = { now: Date.UTC(2026, 0, 1), ticks: new Set<() => void>() };
  const timers: TrayTimers = {
    now: () => clock.now,
    every: (_ms, fn) => {
      clock.ticks.add(fn);
      return () => clock.ticks.delete(fn);
    },
  };
  const trayState = new TrayState(
    surface,
    {
      decide: (id, d) => held.decide(id, d, 'tray'),
      openWindow: (id) => opened.push(id ?? 'window'),
      ...policyActions(client.api, fail, confirmTrust),
      quit: () => {},
    },
    timers,
  );
  const held: HeldCommands = new HeldCommands({
    client,
    notifier,
    show: (pending) => trayState.heldChanged(pending),
    onError: fail,
  });
  client.onEvent((e) => trayState.onEvent(e));
  const emit = (e: CoreEvent) => listeners.forEach((l) => l(e));
  const item = (label: RegExp) => tray.menu.find((m) => label.test(m.label ?? ''));
  /** Time passes: the redraw timer (if any) fires. */
  const advance = (ms: number) => {
    clock.now += ms;
    clock.ticks.forEach((t) => t());
  };
  return {
    held,
    notifier,
    emit,
    decide,
    answers,
    confirmTrust,
    startTrust,
    stopTrust,
    updateSettings,
    notifications,
    tray,
    opened,
    item,
    advance,
    clock,
    trayState,
  };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('tamper notification', () => {
  it('is shown whatever the notification settings and focus, and a click opens the window', () => {
    const s = shell({ settings: { ...DEFAULT_SETTINGS, notifyOnHeld: false }, focused: true });
    s.notifier.tampered({
      at: '2026-12-06T23:30:00.000Z',
      what: 'gate-socket',
      path: '/run/g/gate.sock',
      detail: 'The gate socket /run/g/gate.sock was replaced.',
      response: 'Gatehouse took its socket back.',
      sessionIds: [],
    });
    expect(s.notifications).toHaveLength(1);
    expect(s.notifications[0]).toMatchObject({
      shown: true,
      options: {
        title: 'Gatehouse was tampered with: every command now waits for you',
        body: 'The gate socket /run/g/gate.sock was replaced. Gatehouse took its socket back.',
        actions: [],
      },
    });
    s.notifications[0]?.emit('click');
    expect(s.opened).toEqual(['window']);
  });
});

describe('tray and notifications', () => {
  it('a held request produces a notification and a tray count; its decision clears both', async () => {
    const s = shell();
    await s.held.start();
    expect(s.tray).toMatchObject({ tooltip: 'Gatehouse: nothing waiting', title: '', badge: 0 });
    const r = request('rm -rf build');
    s.emit({ type: 'request.held', request: r });
    expect(s.tray).toMatchObject({ tooltip: 'Gatehouse: 1 command waiting', title: '1', badge: 1 });
    expect(s.item(/rm -rf build/)).toBeTruthy();
    expect(s.notifications).toHaveLength(1);
    expect(s.notifications[0]).toMatchObject({
      shown: true,
      options: { title: 'Claude Code wants to run `rm -rf build`', actions: [{ text: 'Approve' }, { text: 'Deny' }] },
    });

    s.emit({ type: 'request.decided', request: { ...r, status: 'allowed' } });
    expect(s.tray).toMatchObject({ title: '', badge: 0 });
    expect(s.item(/rm -rf build/)).toBeUndefined();
    expect(s.notifications[0]?.closed).toBe(true);
  });

  it('a notification action decides the request, recorded as from the notification', async () => {
    const s = shell();
    await s.held.start();
    const [a, b] = [request('git push --force'), request('npm publish')];
    s.emit({ type: 'request.held', request: a });
    s.emit({ type: 'request.held', request: b });
    s.notifications[0]?.emit('action', {}, 0);
    s.notifications[1]?.emit('action', {}, 1);
    expect(s.decide.mock.calls.map(([i]) => i)).toEqual([
      { id: a.id, decision: 'allow', via: 'notification' },
      { id: b.id, decision: 'deny', via: 'notification' },
    ]);
  });

  it('never approves a high, critical or unscored request in one click: Deny and the card only', async () => {
    const s = shell();
    await s.held.start();
    const [critical, unscored] = [request('git push --force origin main', 'critical'), request('make', null)];
    s.emit({ type: 'request.held', request: critical });
    s.emit({ type: 'request.held', request: unscored });
    expect(s.notifications.map((n) => n.options.actions)).toEqual([
      [{ type: 'button', text: 'Deny' }],
      [{ type: 'button', text: 'Deny' }],
    ]);
    s.notifications[0]?.emit('action', {}, 0);
    s.notifications[1]?.emit('action', {}, 1);
    expect(s.decide.mock.calls.map(([i]) => [i.id, i.decision])).toEqual([[critical.id, 'deny']]);
    const submenu = s.item(/make/)?.submenu as MenuItemConstructorOptions[];
    expect(submenu.map((m) => m.label ?? m.type)).toEqual(['Deny', 'separator', 'Review in Gatehouse…']);
    click(submenu.find((m) => m.label === 'Review in Gatehouse…'));
    expect(s.opened).toEqual([unscored.id]);
  });

  it('a click on a notification opens the window; tray items approve, deny and open', async () => {
    const s = shell();
    await s.held.start();
    const r = request('make deploy');
    s.emit({ type: 'request.held', request: r });
    s.notifications[0]?.emit('click');
    expect(s.opened).toEqual([r.id]);
    const submenu = s.item(/make deploy/)?.submenu as MenuItemConstructorOptions[];
    click(submenu.find((m) => m.label === 'Deny'));
    click(submenu.find((m) => m.label === 'Approve'));
    expect(s.decide.mock.calls.map(([i]) => [i.decision, i.via])).toEqual([
      ['deny', 'tray'],
      ['allow', 'tray'],
    ]);
    click(s.item(/^Open Gatehouse$/));
    expect(s.opened).toEqual([r.id, 'window']);
  });

  it('lists only the newest requests in the menu, and the ones already held at start', async () => {
    const pending = Array.from({ length: TRAY_MENU_REQUESTS + 2 }, (_, i) => request(`cmd-${i}`));
    const s = shell({ pending });
    await s.held.start();
    expect(s.tray.badge).toBe(pending.length);
    const labels = s.tray.menu.map((m) => m.label ?? '');
    expect(labels.filter((l) => l.startsWith('Claude Code: '))).toEqual(
      pending
        .slice(2)
        .reverse()
        .map((r) => `Claude Code: ${r.command}`),
    );
    expect(labels).toContain('2 more in the window…');
  });

  it('follows the notification settings: off, only when unfocused, and no buttons where the platform has none', async () => {
    const off = shell({ settings: { ...DEFAULT_SETTINGS, notifyOnHeld: false } });
    await off.held.start();
    off.emit({ type: 'request.held', request: request('a') });
    expect(off.notifications).toEqual([]);
    expect(off.tray.badge).toBe(1);

    const focused = shell({ settings: { ...DEFAULT_SETTINGS, notifyOnlyWhenUnfocused: true }, focused: true });
    await focused.held.start();
    focused.emit({ type: 'request.held', request: request('b') });
    expect(focused.notifications).toEqual([]);

    const linux = shell({ supportsActions: false });
    await linux.held.start();
    linux.emit({ type: 'request.held', request: request('c') });
    expect(linux.notifications[0]?.options.actions).toEqual([]);
  });
});

describe('tray: trust mode and auto-allow', () => {
  it("trust mode starts only once its question is answered yes; the menu counts down from the core's event and offers Turn off until it ends", async () => {
    const s = shell();
    await s.held.start();
    const off = /^Trust mode: off — Turn on for 15 minutes…$/;
    s.answers.push(false);
    click(s.item(off));
    await vi.waitFor(() => expect(s.confirmTrust).toHaveBeenCalledTimes(1));
    await new Promise((r) => setImmediate(r));
    expect(s.startTrust).not.toHaveBeenCalled();
    click(s.item(off));
    await vi.waitFor(() => expect(s.startTrust).toHaveBeenCalledWith({ durationMs: QUICK_TRUST_MS }));
    // The menu follows the core, not the click.
    expect(s.item(off)).toBeTruthy();
    s.emit({ type: 'trust.started', endsAt: new Date(s.clock.now + QUICK_TRUST_MS).toISOString() });
    expect(s.item(/^Trust mode: on, 15 min left — Turn off$/)).toBeTruthy();
    expect(s.tray.tooltip).toBe('Gatehouse: nothing waiting · trusting');
    s.advance(10 * 60_000);
    expect(s.item(/^Trust mode: on, 5 min left/)).toBeTruthy();
    s.advance(4 * 60_000 + 30_000);
    expect(s.item(/^Trust mode: on, 30 s left/)).toBeTruthy();
    click(s.item(/Turn off$/));
    expect(s.stopTrust).toHaveBeenCalledTimes(1);
    expect(s.confirmTrust).toHaveBeenCalledTimes(2);
    s.emit({ type: 'trust.ended', why: 'stopped' });
    expect(s.item(off)).toBeTruthy();
    // No timer is left running once trust mode is off.
    expect(s.clock.ticks.size).toBe(0);
    s.trayState.trustChanged(new Date(s.clock.now + 1000).toISOString());
    s.trayState.dispose();
    expect(s.clock.ticks.size).toBe(0);
  });

  it('auto-allow says its state and switches it at once, and the item follows the setting', async () => {
    const s = shell();
    await s.held.start();
    click(s.item(/^Auto-allow low risk: off — Turn on$/));
    expect(s.updateSettings).toHaveBeenLastCalledWith({ autoAllowLowRisk: true });
    s.emit({ type: 'settings.changed', settings: { ...DEFAULT_SETTINGS, autoAllowLowRisk: true } });
    click(s.item(/^Auto-allow low risk: on — Turn off$/));
    expect(s.updateSettings).toHaveBeenLastCalledWith({ autoAllowLowRisk: false });
    s.emit({ type: 'settings.changed', settings: DEFAULT_SETTINGS });
    expect(s.item(/^Auto-allow low risk: on/)).toBeUndefined();
    expect(s.confirmTrust).not.toHaveBeenCalled();
  });

  it('"Show in Gatehouse" opens the window on that card; the card reaches the page once it has loaded', async () => {
    const s = shell();
    await s.held.start();
    const r = request('terraform apply');
    s.emit({ type: 'request.held', request: r });
    click(
      (s.item(/terraform apply/)?.submenu as MenuItemConstructorOptions[]).find((m) => m.label === 'Show in Gatehouse'),
    );
    expect(s.opened).toEqual([r.id]);

    const sent: unknown[][] = [];
    let loaded: (() => void) | null = null;
    let loading = true;
    const win = {
      shown: 0,
      show() {
        this.shown += 1;
      },
      focus() {},
      webContents: {
        isLoading: () => loading,
        once: (_e: 'did-finish-load', l: () => void) => (loaded = l),
        send: (...args: unknown[]) => sent.push(args),
      },
    };
    revealCard(win, r.id);
    expect(sent).toEqual([]);
    loading = false;
    (loaded as (() => void) | null)?.();
    expect(sent).toEqual([[IPC.openCard, r.id]]);
    revealCard(win, 'other');
    revealCard(win);
    expect(sent).toEqual([
      [IPC.openCard, r.id],
      [IPC.openCard, 'other'],
    ]);
    expect(win.shown).toBe(3);
  });
});
