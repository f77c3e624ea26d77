// Brings the reviewer window forward, on a card when a notification or the tray named one. The card's id goes to
// the preload (IPC.openCard), which posts it to the page; a window still loading gets it once it has loaded (the
// page selects the card as soon as its Inbox has it).
import { IPC } from '../../shared/desktop-bridge.ts';

export interface ReviewerWindowLike {
  show(): void;
  focus(): void;
  webContents: {
    isLoading(): boolean;
    once(event: 'did-finish-load', listener: () => void): unknown;
    send(channel: string, ...args: unknown[]): void;
  };
}

export function revealCard(win: ReviewerWindowLike, requestId?: string): void {
  win.show();
  win.focus();
  if (!requestId) return;
  const send = () => win.webContents.send(IPC.openCard, requestId);
  if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
  else send();
}
