// How this window reaches the core: a WebSocket in browser mode (`gatehouse daemon --ui`), a MessagePort handed over
// by the desktop app's preload otherwise. Both move the same text messages; see api/client.ts.
import { PORT_MESSAGE, type DesktopBridge } from '../../shared/desktop-bridge.ts';
import { TOKEN_REPLACED_CLOSE } from '../../shared/ui-page.ts';
import type { Carrier } from './client.ts';

/** Browser mode: the token the page was opened with also opens the WebSocket. */
export function webSocketCarrier(location: Pick<Location, 'host' | 'search'>): Promise<Carrier> {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const ws = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
  const closed = new Promise<string>((resolve) =>
    ws.addEventListener(
      'close',
      (e) =>
        resolve(
          e.code === TOKEN_REPLACED_CLOSE
            ? 'This page’s token was replaced (`gatehouse ui --rotate-token`).'
            : 'Lost the connection to the Gatehouse core.',
        ),
      { once: true },
    ),
  );
  return new Promise((resolve, reject) => {
    ws.addEventListener('open', () => resolve({ channel: wsChannel(ws), closed, close: () => ws.close() }), {
      once: true,
    });
    void closed.then(() => reject(new Error('Cannot reach the Gatehouse core (`gatehouse daemon --ui`).')));
  });
}

function wsChannel(ws: WebSocket): Carrier['channel'] {
  return {
    post: (data) => ws.send(data),
    on: (fn) =>
      ws.addEventListener('message', (e: MessageEvent<unknown>) => {
        if (typeof e.data === 'string') fn(e.data);
      }),
  };
}

/** The desktop app: asks the preload for a port to the core and takes it from the window message it posts. */
export function desktopCarrier(bridge: DesktopBridge, win: Window): Promise<Carrier> {
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent<unknown>) => {
      const port = e.ports[0];
      // Only the preload (this very window) posts the port; anything else is not ours.
      if (e.source !== win || e.data !== PORT_MESSAGE || !port) return;
      win.removeEventListener('message', onMessage);
      let closedBy: (why: string) => void = () => {};
      const closed = new Promise<string>((r) => (closedBy = r));
      port.addEventListener('close', () => closedBy('The Gatehouse core stopped. Restart Gatehouse.'));
      const channel: Carrier['channel'] = {
        post: (data) => port.postMessage(data),
        on: (fn) => {
          port.addEventListener('message', (m: MessageEvent<unknown>) => {
            if (typeof m.data === 'string') fn(m.data);
          });
          port.start();
        },
      };
      resolve({ channel, closed, close: () => port.close() });
    };
    win.addEventListener('message', onMessage);
    bridge.requestCorePort();
  });
}
