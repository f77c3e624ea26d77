// Browser mode: a Web Notification for each held request, following the settings (on/off, only when the page is not
// focused). Clicking one brings the page forward on that card. The desktop app notifies natively instead.
import type { CoreEvent } from '../../shared/domain.ts';
import { heldNotificationText } from '../../shared/notification-text.ts';
import type { Settings } from '../../shared/settings.ts';

export interface NotificationHost {
  permission(): NotificationPermission;
  show(title: string, options: { body: string; tag: string }, onClick: () => void): { close(): void };
  hasFocus(): boolean;
  focus(): void;
}

export function browserNotificationHost(win: Window): NotificationHost | null {
  if (!('Notification' in win)) return null;
  return {
    permission: () => Notification.permission,
    show: (title, options, onClick) => {
      const n = new Notification(title, options);
      n.onclick = onClick;
      return n;
    },
    hasFocus: () => win.document.hasFocus(),
    focus: () => win.focus(),
  };
}

export class WebNotifier {
  private readonly shown = new Map<string, { close(): void }>();
  private readonly host: NotificationHost;
  private readonly settings: () => Settings | null;
  private readonly onOpen: (requestId: string) => void;

  constructor(host: NotificationHost, settings: () => Settings | null, onOpen: (requestId: string) => void) {
    this.host = host;
    this.settings = settings;
    this.onOpen = onOpen;
  }

  handle(e: CoreEvent): void {
    if (e.type === 'request.decided') {
      this.shown.get(e.request.id)?.close();
      this.shown.delete(e.request.id);
      return;
    }
    if (e.type !== 'request.held') return;
    const s = this.settings();
    if (!s?.notifyOnHeld || this.host.permission() !== 'granted') return;
    if (s.notifyOnlyWhenUnfocused && this.host.hasFocus()) return;
    const { title, body } = heldNotificationText(e.request);
    const id = e.request.id;
    const n = this.host.show(title, { body, tag: id }, () => {
      this.host.focus();
      this.onOpen(id);
      this.shown.get(id)?.close();
      this.shown.delete(id);
    });
    this.shown.set(id, n);
  }

  dispose(): void {
    for (const n of this.shown.values()) n.close();
    this.shown.clear();
  }
}
