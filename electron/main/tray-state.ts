// What the tray shows, kept together: the held requests, trust mode (from `status` at start, then the core's
// trust.* events) and the auto-allow setting. While trust mode is on, the menu is redrawn every few seconds so its
// countdown stays true; the timer is this object's and stops with trust mode or `dispose`.
import type { AgentStatusReport } from '../../shared/agent-status.ts';
import type { CoreEvent, GateRequest } from '../../shared/domain.ts';
import type { Settings } from '../../shared/settings.ts';
import { showHeld, type TrayActions, type TraySurface } from './tray.ts';

/** A menu countdown in minutes (seconds in the last one) stays true when redrawn this often. */
export const TRUST_REDRAW_MS = 5000;

export interface TrayTimers {
  now(): number;
  every(ms: number, fn: () => void): () => void;
}

export const realTimers: TrayTimers = {
  now: () => Date.now(),
  every: (ms, fn) => {
    const t = setInterval(fn, ms);
    t.unref?.();
    return () => clearInterval(t);
  },
};

export class TrayState {
  private readonly surface: TraySurface;
  private readonly actions: TrayActions;
  private readonly timers: TrayTimers;
  private pending: readonly GateRequest[] = [];
  private trustEndsAt: number | null = null;
  private autoAllowLowRisk = false;
  private agents: AgentStatusReport | null = null;
  private stopRedraw: (() => void) | null = null;

  constructor(surface: TraySurface, actions: TrayActions, timers: TrayTimers = realTimers) {
    this.surface = surface;
    this.actions = actions;
    this.timers = timers;
  }

  heldChanged(pending: readonly GateRequest[]): void {
    this.pending = pending;
    this.draw();
  }

  settingsChanged(settings: Settings): void {
    this.autoAllowLowRisk = settings.autoAllowLowRisk;
    this.draw();
  }

  /** `endsAt`: ISO 8601 while trust mode is on, null when it is off. */
  trustChanged(endsAt: string | null): void {
    this.trustEndsAt = endsAt ? Date.parse(endsAt) : null;
    this.stopRedraw?.();
    this.stopRedraw = null;
    if (this.trustEndsAt !== null) this.stopRedraw = this.timers.every(TRUST_REDRAW_MS, () => this.tick());
    this.draw();
  }

  /** Which running agents are protected (asked of the core every few seconds: an agent started outside sends no event). */
  agentsChanged(report: AgentStatusReport): void {
    this.agents = report;
    this.draw();
  }

  /** The core's events the tray follows. */
  onEvent(e: CoreEvent): void {
    if (e.type === 'trust.started') this.trustChanged(e.endsAt);
    if (e.type === 'trust.ended') this.trustChanged(null);
    if (e.type === 'settings.changed') this.settingsChanged(e.settings);
  }

  dispose(): void {
    this.stopRedraw?.();
    this.stopRedraw = null;
  }

  private tick(): void {
    // The core says when trust ends (trust.ended); past its time the menu already reads as off.
    if (this.trustEndsAt !== null && this.trustEndsAt <= this.timers.now()) {
      this.stopRedraw?.();
      this.stopRedraw = null;
    }
    this.draw();
  }

  private draw(): void {
    showHeld(this.surface, this.pending, this.actions, {
      trustEndsAt: this.trustEndsAt,
      now: this.timers.now(),
      autoAllowLowRisk: this.autoAllowLowRisk,
      agents: this.agents,
    });
  }
}
