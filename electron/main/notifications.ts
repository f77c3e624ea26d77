// Native notifications for held requests: Approve / Deny buttons where the platform has them (macOS; Deny only on high,
// critical and unscored requests, whose approval takes the card's two steps), a click that opens the card everywhere,
// closed when the request is decided. Follows the notification settings.
import type { GateRequest } from '../../shared/domain.ts';
import { heldNotificationText } from '../../shared/notification-text.ts';
import { approvalTakesTwoSteps } from '../../shared/rules.ts';
import type { Settings } from '../../shared/settings.ts';
import type { TamperReport } from '../../shared/tamper.ts';

export interface NativeNotification {
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown;
  on(event: 'click', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export interface NotificationOptions {
  title: string;
  body: string;
  actions: Array<{ type: 'button'; text: string }>;
}

export interface NotifierDeps {
  create(options: NotificationOptions): NativeNotification;
  /** Electron shows action buttons on macOS only. */
  supportsActions: boolean;
  settings(): Settings | null;
  anyWindowFocused(): boolean;
  decide(id: string, decision: 'allow' | 'deny'): void;
  /** On a request's card, or (no id) on the window as it is. */
  openWindow(requestId?: string): void;
}

const ACTIONS = [
  { type: 'button' as const, text: 'Approve' },
  { type: 'button' as const, text: 'Deny' },
];
/** High, critical and unscored: approving takes the card's two steps, so the notification only denies or opens it. */
const DENY_ONLY = [{ type: 'button' as const, text: 'Deny' }];

export class HeldNotifier {
  private readonly deps: NotifierDeps;
  private readonly shown = new Map<string, NativeNotification>();

  constructor(deps: NotifierDeps) {
    this.deps = deps;
  }

  held(r: GateRequest): void {
    const s = this.deps.settings();
    if (!s?.notifyOnHeld || this.shown.has(r.id)) return;
    if (s.notifyOnlyWhenUnfocused && this.deps.anyWindowFocused()) return;
    const actions = !this.deps.supportsActions ? [] : approvalTakesTwoSteps(r.risk) ? DENY_ONLY : ACTIONS;
    const n = this.deps.create({ ...heldNotificationText(r), actions });
    n.on('action', (_event, index) => {
      const chosen = actions[index]?.text;
      if (!chosen) return;
      this.forget(r.id);
      this.deps.decide(r.id, chosen === 'Approve' ? 'allow' : 'deny');
    });
    n.on('click', () => {
      this.forget(r.id);
      this.deps.openWindow(r.id);
    });
    this.shown.set(r.id, n);
    n.show();
  }

  /**
   * The gate was tampered with: always said, whatever the notification settings and focus (it is no ordinary held
   * command), and a click opens the window, where the banner says what happened.
   */
  tampered(report: TamperReport): void {
    const n = this.deps.create({
      title: 'Gatehouse was tampered with: every command now waits for you',
      body: `${report.detail} ${report.response}`,
      actions: [],
    });
    n.on('click', () => this.deps.openWindow());
    n.show();
  }

  decided(r: GateRequest): void {
    this.shown.get(r.id)?.close();
    this.forget(r.id);
  }

  dispose(): void {
    for (const n of this.shown.values()) n.close();
    this.shown.clear();
  }

  private forget(id: string): void {
    this.shown.delete(id);
  }
}
