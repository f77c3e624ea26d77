// The tray: how many commands are held, the newest of them with Approve / Deny (Deny only where approving takes two
// steps), trust mode and auto-allow as states ("Trust mode: off — Turn on for 15 minutes…", then its countdown and
// Turn off; "Auto-allow low risk: on — Turn off"), which running agents are protected (each unprotected agent or gate
// not live named), and the way back to the window.
import type { MenuItemConstructorOptions } from 'electron';
import { agentCounts, STATE_LABEL, type AgentStatusReport } from '../../shared/agent-status.ts';
import type { Decision, GateRequest } from '../../shared/domain.ts';
import { AGENT_NAMES } from '../../shared/notification-text.ts';
import { approvalTakesTwoSteps } from '../../shared/rules.ts';
import { shownLine } from '../../shared/visible-text.ts';

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
  startTrust(): void;
  stopTrust(): void;
  setAutoAllow(on: boolean): void;
  quit(): void;
}

/** What the tray shows besides the held requests. */
export interface TrayExtras {
  /** Epoch ms when trust mode ends, or null when it is off. */
  trustEndsAt: number | null;
  now: number;
  autoAllowLowRisk: boolean;
  /** Which running agents are protected, as the core last said; null before it has. */
  agents?: AgentStatusReport | null;
}

export const NO_EXTRAS: TrayExtras = { trustEndsAt: null, now: 0, autoAllowLowRisk: false };

/** The agents' names by id; a running agent's id is any plug-in's, which this build may not name. */
const NAMES: Readonly<Record<string, string | undefined>> = AGENT_NAMES;

/** A summary line, then one line for each agent that is not protected (each opens the window's Sessions). */
function agentItems(report: AgentStatusReport | null | undefined, actions: TrayActions): MenuItemConstructorOptions[] {
  if (!report) return [];
  const worrying = report.agents.filter((a) => a.state !== 'protected');
  return [
    { label: `Agents: ${agentCounts(report)}`, enabled: false },
    ...worrying.map((a) => ({
      label: shownLine(
        `${STATE_LABEL[a.state]}: ${NAMES[a.agent] ?? a.agent}${a.pid !== null ? ` (pid ${a.pid})` : ''}${a.cwd ? ` in ${a.cwd}` : ''}`,
        MAX_LABEL_CHARS,
      ),
      toolTip: a.detail,
      click: () => actions.openWindow(),
    })),
    { type: 'separator' as const },
  ];
}

/** " · 1 agent unprotected" for the tooltip, or nothing when every running agent is protected. */
function agentsTip(report: AgentStatusReport | null | undefined): string {
  const n = report?.agents.filter((a) => a.state === 'unprotected').length ?? 0;
  const dead = report?.agents.filter((a) => a.state === 'gate-not-live').length ?? 0;
  return `${n ? ` · ${n} agent${n === 1 ? '' : 's'} unprotected` : ''}${dead ? ` · ${dead} gate not live` : ''}`;
}

/** One line, hidden characters escaped: a menu item draws what it is given. */
function label(r: GateRequest): string {
  return `${AGENT_NAMES[r.agent]}: ${shownLine(r.command, MAX_LABEL_CHARS)}`;
}

/** "14 min" while minutes are left, then "45 s": a menu is read at a glance. */
export function trustLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return s >= 60 ? `${Math.ceil(s / 60)} min` : `${s} s`;
}

function policyItems(extras: TrayExtras, actions: TrayActions): MenuItemConstructorOptions[] {
  const trusting = extras.trustEndsAt !== null && extras.trustEndsAt > extras.now;
  return [
    trusting
      ? {
          label: `Trust mode: on, ${trustLeft((extras.trustEndsAt as number) - extras.now)} left — Turn off`,
          click: () => actions.stopTrust(),
        }
      : {
          label: 'Trust mode: off — Turn on for 15 minutes…',
          toolTip: 'Medium-risk commands too would run without asking, in every session; you are asked first',
          click: () => actions.startTrust(),
        },
    extras.autoAllowLowRisk
      ? {
          label: 'Auto-allow low risk: on — Turn off',
          toolTip: 'Low-risk commands run without asking, in every session',
          click: () => actions.setAutoAllow(false),
        }
      : {
          label: 'Auto-allow low risk: off — Turn on',
          toolTip: 'Low-risk commands wait for you too',
          click: () => actions.setAutoAllow(true),
        },
  ];
}

/** The menu for the held requests (oldest first), newest on top. */
export function trayMenu(
  pending: readonly GateRequest[],
  actions: TrayActions,
  extras: TrayExtras = NO_EXTRAS,
): MenuItemConstructorOptions[] {
  const newest = [...pending].reverse().slice(0, TRAY_MENU_REQUESTS);
  const items: MenuItemConstructorOptions[] = newest.map((r) => ({
    label: label(r),
    // High, critical and unscored: approving takes the card's two steps, so the menu only denies or opens it.
    submenu: [
      ...(approvalTakesTwoSteps(r.risk)
        ? []
        : [{ label: 'Approve', click: () => actions.decide(r.id, 'allow') } satisfies MenuItemConstructorOptions]),
      { label: 'Deny', click: () => actions.decide(r.id, 'deny') },
      { type: 'separator' },
      {
        label: approvalTakesTwoSteps(r.risk) ? 'Review in Gatehouse…' : 'Show in Gatehouse',
        click: () => actions.openWindow(r.id),
      },
    ],
  }));
  const more = pending.length - newest.length;
  return [
    { label: pending.length ? `${pending.length} waiting for a decision` : 'Nothing is waiting', enabled: false },
    ...(items.length ? [{ type: 'separator' as const }, ...items] : []),
    ...(more > 0 ? [{ label: `${more} more in the window…`, click: () => actions.openWindow() }] : []),
    { type: 'separator' },
    ...agentItems(extras.agents, actions),
    ...policyItems(extras, actions),
    { type: 'separator' },
    { label: 'Open Gatehouse', click: () => actions.openWindow() },
    { label: 'Quit Gatehouse', click: () => actions.quit() },
  ];
}

export function showHeld(
  tray: TraySurface,
  pending: readonly GateRequest[],
  actions: TrayActions,
  extras: TrayExtras = NO_EXTRAS,
): void {
  const n = pending.length;
  const trusting = extras.trustEndsAt !== null && extras.trustEndsAt > extras.now;
  tray.setToolTip(
    `${n ? `Gatehouse: ${n} command${n === 1 ? '' : 's'} waiting` : 'Gatehouse: nothing waiting'}${trusting ? ' · trusting' : ''}${agentsTip(extras.agents)}`,
  );
  tray.setTitle(n ? String(n) : '');
  tray.setBadgeCount(n);
  tray.setMenu(trayMenu(pending, actions, extras));
}
