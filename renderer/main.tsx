// The renderer's entry: picks this window's carrier (the desktop preload's MessagePort, else the WebSocket of
// `gatehouse daemon --ui`), connects, wires the stores, and renders the app. In browser mode, a core that goes away
// is waited for (app/reconnect.ts).
// First: it configures zod before any schema exists.
import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isOpenCardMessage, type DesktopBridge } from '../shared/desktop-bridge.ts';
import { desktopCarrier, webSocketCarrier } from './api/carriers.ts';
import { connect } from './api/client.ts';
import { AppContext, type WindowMode } from './app/context.ts';
import { Controller, messageOf } from './app/controller.ts';
import { Reconnector, TOKEN_REFUSED, pageProbe } from './app/reconnect.ts';
import { WebNotifier, browserNotificationHost } from './app/web-notifier.ts';
import { useApp } from './stores/connection.ts';
import { useInbox } from './stores/inbox.ts';
import { useSettings } from './stores/settings.ts';
import { createXtermSurface } from './terminal/xterm-surface.ts';
import { App } from './views/App.tsx';
import { ErrorState } from './views/common/states.tsx';
import { ConnectionBanner } from './views/ConnectionBanner.tsx';

const bridge = (window as Window & { gatehouse?: DesktopBridge }).gatehouse;
const mode: WindowMode = bridge ? 'desktop' : 'browser';
const root = createRoot(document.getElementById('root') as HTMLElement);

/** Shows a card the reviewer asked for from a notification or the tray (now, or once the Inbox has it). */
function openCard(requestId: string): void {
  useApp.getState().viewChosen('inbox');
  useInbox.getState().cardRequested(requestId);
}

// The desktop app's preload posts these when a notification or a tray item is clicked.
window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (e.source === window && isOpenCardMessage(e.data)) openCard(e.data.requestId);
});

// Browser mode: once the core has gone, wait for it and reload when it answers again (never onto a dead page).
const reconnector =
  mode === 'browser'
    ? new Reconnector({
        probe: pageProbe(window.location, (url, init) => fetch(url, init)),
        reload: () => location.reload(),
        refused: () => useApp.getState().reconnectRefused(TOKEN_REFUSED),
      })
    : null;

function waitForCore(): void {
  if (!reconnector) return;
  useApp.getState().reconnectStarted();
  reconnector.start();
}

async function start(): Promise<void> {
  const carrier = await (bridge ? desktopCarrier(bridge, window) : webSocketCarrier(window.location));
  void carrier.closed.then(waitForCore);
  const connection = connect(carrier);
  const host = mode === 'browser' ? browserNotificationHost(window) : null;
  const notifier = host ? new WebNotifier(host, () => useSettings.getState().settings, openCard) : null;
  const controller = new Controller(connection, (e) => notifier?.handle(e));
  window.addEventListener('pagehide', () => {
    notifier?.dispose();
    controller.dispose();
    connection.close();
  });
  const context = { commands: controller.commands(), mode, surfaces: createXtermSurface, reconnect: tryNow };
  root.render(
    <StrictMode>
      <AppContext.Provider value={context}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
  appShown = true;
  await controller.start();
}

let appShown = false;
const tryNow = reconnector ? () => void reconnector.tryNow() : undefined;

start().catch((err: unknown) => {
  // The app, once shown, says it itself (its connection banner).
  if (appShown) return;
  if (tryNow) {
    useApp.getState().connectionLost(`Gatehouse cannot reach its core: ${messageOf(err)}`);
    waitForCore();
    root.render(
      <main className="main">
        <ConnectionBanner retry={tryNow} />
      </main>,
    );
    return;
  }
  root.render(
    <ErrorState title="Gatehouse cannot reach its core" message={messageOf(err)} onRetry={() => location.reload()} />,
  );
});
