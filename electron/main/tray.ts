// The tray: how many commands are held, the newest of them with Approve / Deny, and the way back to the window.
// "Trust for 15 minutes" and "Pause auto-allow" join the menu once rules exist.
import type { MenuItemConstructorOptions } from 'electron';
import type { Decision, GateRequest } from '../../shared/domain.ts';
import { AGENT_NAMES } from '../../shared/notification-text.ts';

/** A tray menu longer than this is a list nobody reads there; the window has them all. */
export const TRAY_MENU_REQUESTS = 5;
/** Menu labels are one line; a long command is cut. */
const MAX_LABEL_CHARS = 60;

export interface TraySurface {
  setToolTip(text: string): void;
  /** Next to the icon (macOS menu bar); empty hides it. */
  setTitle(text: string): void;
  setMenu(template: MenuItemConstructorOptions[]): void;
  /** The dock / launcher badge. */
  setBadgeCount(count: number): void;
}

export interface TrayActions {
  decide(id: string, decision: Decision): void;
  openWindow(requestId?: string): void;
  quit(): void;
}

function label(r: GateRequest): string {
  const text = r.command.replace(/\s+/g, ' ').trim();
  return `${AGENT_NAMES[r.agent]}: ${text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text}`;
}

/** The menu for the held requests (oldest first), newest on top. */
export function trayMenu(pending: readonly GateRequest[], actions: TrayActions): MenuItemConstructorOptions[] {
  const newest = [...pending].reverse().slice(0, TRAY_MENU_REQUESTS);
  const items: MenuItemConstructorOptions[] = newest.map((r) => ({
    label: label(r),
    submenu: [
      { label: 'Approve', click: () => actions.decide(r.id, 'allow') },
      { label: 'Deny', click: () => actions.decide(r.id, 'deny') },
      { type: 'separator' },
      { label: 'Show in Gatehouse', click: () => actions.openWindow(r.id) },
    ],
  }));
  const more = pending.length - newest.length;
  return [
    { label: pending.length ? `${pending.length} waiting for a decision` : 'Nothing is waiting', enabled: false },
    ...(items.length ? [{ type: 'separator' as const }, ...items] : []),
    ...(more > 0 ? [{ label: `${more} more in the window…`, click: () => actions.openWindow() }] : []),
    { type: 'separator' },
    { label: 'Open Gatehouse', click: () => actions.openWindow() },
    { label: 'Quit Gatehouse', click: () => actions.quit() },
  ];
}

export function showHeld(tray: TraySurface, pending: readonly GateRequest[], actions: TrayActions): void {
  const n = pending.length;
  tray.setToolTip(n ? `Gatehouse: ${n} command${n === 1 ? '' : 's'} waiting` : 'Gatehouse: nothing waiting');
  tray.setTitle(n ? String(n) : '');
  tray.setBadgeCount(n);
  tray.setMenu(trayMenu(pending, actions));
}
