// The tray's running-agents lines (its Electron parts passed in as a fake surface): a summary, then each agent that is
// unprotected or whose gate is not live, named with where it runs; the tooltip says it too. All protected: one line.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AgentStatusReport } from '../../../shared/agent-status.ts';
import { NO_EXTRAS, showHeld, trayMenu, type TrayActions, type TraySurface } from '../../../electron/main/tray.ts';

const actions: TrayActions = {
  decide: vi.fn(),
  openWindow: vi.fn(),
  startTrust: vi.fn(),
  stopTrust: vi.fn(),
  setAutoAllow: vi.fn(),
  quit: vi.fn(),
};

const report: AgentStatusReport = {
  agents: [
    {
      state: 'unprotected',
      agent: 'claude',
      sessionId: null,
      pid: 42,
      cwd: '/home/p',
      detail: 'runs without Gatehouse',
    },
    { state: 'gate-not-live', agent: 'codex', sessionId: 's1', pid: null, cwd: '/w', detail: 'gate NOT LIVE: …' },
    { state: 'protected', agent: 'codex', sessionId: 's2', pid: 9, cwd: '/w', detail: 'gate live' },
  ],
  processesScanned: true,
  note: null,
  scanMs: 1,
  at: '',
};

const labels = (menu: MenuItemConstructorOptions[]) => menu.map((i) => i.label).filter(Boolean);

describe('the tray and running agents', () => {
  it('names each agent that is not protected, with a summary, and a click opens the window', () => {
    const menu = trayMenu([], actions, { ...NO_EXTRAS, agents: report });
    expect(labels(menu)).toContain('Agents: 1 unprotected · 1 gate not live · 1 protected');
    expect(labels(menu)).toContain('UNPROTECTED: Claude Code (pid 42) in /home/p');
    expect(labels(menu)).toContain('gate not live: Codex in /w');
    const item = menu.find((i) => i.label === 'UNPROTECTED: Claude Code (pid 42) in /home/p');
    expect(item?.toolTip).toBe('runs without Gatehouse');
    item?.click?.({} as never, undefined as never, {} as never);
    expect(actions.openWindow).toHaveBeenCalled();
  });

  it('says it in the tooltip, and only the summary when all are protected', () => {
    const surface: TraySurface = { setToolTip: vi.fn(), setTitle: vi.fn(), setMenu: vi.fn(), setBadgeCount: vi.fn() };
    showHeld(surface, [], actions, { ...NO_EXTRAS, agents: report });
    expect(surface.setToolTip).toHaveBeenCalledWith(
      'Gatehouse: nothing waiting · 1 agent unprotected · 1 gate not live',
    );
    const calm = trayMenu([], actions, { ...NO_EXTRAS, agents: { ...report, agents: [report.agents[2]!] } });
    expect(labels(calm).filter((l) => /agent|protected|live/i.test(l as string))).toEqual(['Agents: 1 protected']);
    expect(labels(trayMenu([], actions, NO_EXTRAS)).some((l) => (l as string).startsWith('Agents:'))).toBe(false);
  });
});
