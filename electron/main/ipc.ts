// The one IPC message the main process accepts: a window asking for its port to the core. Every sender is checked:
// it must be one of our windows, showing our own page in its main frame; anything else is dropped.
import { IPC } from '../../shared/desktop-bridge.ts';
import { isOwnOrigin } from './hardening.ts';

export interface IpcSenderEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  on(channel: string, listener: (event: IpcSenderEvent) => void): unknown;
  removeAllListeners(channel: string): unknown;
}

export interface IpcDeps {
  /** The ids of the web contents of our own windows. */
  windowContentsIds(): readonly number[];
  /** Creates a channel, hands one end to the core and the other to the window with this web contents id. */
  sendCorePort(contentsId: number): void;
  onRejected(reason: string): void;
}

export function isTrustedSender(event: IpcSenderEvent, windowContentsIds: readonly number[]): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null && frame.parent === null && windowContentsIds.includes(event.sender.id) && isOwnOrigin(frame.url)
  );
}

export function registerIpc(ipcMain: IpcMainLike, deps: IpcDeps): () => void {
  ipcMain.on(IPC.requestCorePort, (event) => {
    if (!isTrustedSender(event, deps.windowContentsIds())) {
      deps.onRejected(
        `IPC ${IPC.requestCorePort} from an unknown sender (${event.senderFrame?.url ?? 'no frame'}) dropped`,
      );
      return;
    }
    deps.sendCorePort(event.sender.id);
  });
  return () => ipcMain.removeAllListeners(IPC.requestCorePort);
}
