// The preload: a narrow bridge. It exposes one named function, and hands the page, by messages to this very window,
// the core port the main process sends (a MessagePort cannot cross contextBridge) and the card a notification or the
// tray asked to show.
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC,
  OPEN_CARD_MESSAGE,
  PORT_MESSAGE,
  isOpenCardMessage,
  type DesktopBridge,
} from '../../shared/desktop-bridge.ts';

ipcRenderer.on(IPC.corePort, (event) => {
  window.postMessage(PORT_MESSAGE, window.location.origin, event.ports);
});

ipcRenderer.on(IPC.openCard, (_event, requestId: unknown) => {
  const message = { type: OPEN_CARD_MESSAGE, requestId };
  if (isOpenCardMessage(message)) window.postMessage(message, window.location.origin);
});

const bridge: DesktopBridge = {
  requestCorePort: () => ipcRenderer.send(IPC.requestCorePort),
};
contextBridge.exposeInMainWorld('gatehouse', bridge);
