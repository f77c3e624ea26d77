// The preload: a narrow bridge. It exposes one named function, and hands the core port the main process sends to
// the page by a message to this very window (a MessagePort cannot cross contextBridge).
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, PORT_MESSAGE, type DesktopBridge } from '../../shared/desktop-bridge.ts';

ipcRenderer.on(IPC.corePort, (event) => {
  window.postMessage(PORT_MESSAGE, window.location.origin, event.ports);
});

const bridge: DesktopBridge = {
  requestCorePort: () => ipcRenderer.send(IPC.requestCorePort),
};
contextBridge.exposeInMainWorld('gatehouse', bridge);
