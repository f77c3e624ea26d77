// The desktop app's composition root: builds the shell's parts from Electron's API and wires them together.
// Everything with logic lives in the modules it imports, which take Electron as parameters and are unit-tested.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Menu,
  MessageChannelMain,
  Notification,
  Tray,
  app,
  dialog,
  ipcMain,
  nativeImage,
  protocol,
  session,
  utilityProcess,
} from 'electron';
import Store from 'electron-store';
import { APP_ORIGIN, APP_SCHEME, IPC } from '../../shared/desktop-bridge.ts';
import { QUICK_TRUST_MS } from '../../shared/rules.ts';
import { trustQuestion } from '../../shared/trust-words.ts';
import { appAsset } from './app-protocol.ts';
import { AppSettings } from './app-settings.ts';
import { coreClient } from './core-client.ts';
import { CoreProcess } from './core-process.ts';
import { hardenWebContents, restrictPermissions, secureWebPreferences } from './hardening.ts';
import { HeldCommands } from './held-commands.ts';
import { registerIpc } from './ipc.ts';
import { HeldNotifier } from './notifications.ts';
import { policyActions } from './policy-actions.ts';
import { revealCard } from './reveal-card.ts';
import type { TrayActions } from './tray.ts';
import { realTimers, TrayState } from './tray-state.ts';

/** How often the tray asks which running agents are protected (an agent started outside Gatehouse sends no event). */
const AGENTS_REFRESH_MS = 5000;
const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '..');
/** The same data directory the CLI uses: GATEHOUSE_HOME, else Electron's userData (`…/Gatehouse`). */
const home = process.env.GATEHOUSE_HOME?.trim() || app.getPath('userData');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_e, contents) =>
    hardenWebContents(contents, (what, url) => console.warn(`gatehouse: blocked ${what} to ${url}`)),
  );
  void app.whenReady().then(main);
}

async function main(): Promise<void> {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = await appAsset(path.join(dist, 'renderer'), request.url);
    return new Response(asset.body, { status: asset.status, headers: asset.headers });
  });
  restrictPermissions(session.defaultSession);
  const store = new Store({ cwd: home, name: 'settings', clearInvalidConfig: false });
  const settings = new AppSettings({ read: () => store.store }, (m) => console.warn(`gatehouse: ${m}`));
  const core = new CoreProcess(
    (entry, args, options) => utilityProcess.fork(entry, args, { ...options, stdio: 'inherit' }),
    path.join(dist, 'core', 'gatehouse.mjs'),
    { ...process.env, GATEHOUSE_HOME: home },
  );

  let window: BrowserWindow | null = null;
  let quitting = false;
  /** Shows the reviewer window (the Inbox lists every held request, oldest first), on a card when one is named. */
  const openWindow = (requestId?: string) => {
    if (!window) {
      window = new BrowserWindow({
        width: 1100,
        height: 760,
        minWidth: 420,
        minHeight: 360,
        title: 'Gatehouse',
        show: false,
        webPreferences: secureWebPreferences(path.join(dist, 'preload', 'preload.cjs')),
      });
      window.once('ready-to-show', () => window?.show());
      // Closing the window keeps Gatehouse in the tray; Quit (tray menu, Cmd-Q) ends it.
      window.on('close', (e) => {
        if (!quitting) {
          e.preventDefault();
          window?.hide();
        }
      });
      window.on('closed', () => (window = null));
      void window.loadURL(`${APP_ORIGIN}/index.html`);
    }
    revealCard(window, requestId);
  };
  app.on('second-instance', () => openWindow());
  app.on('activate', () => openWindow());

  try {
    await core.ready;
  } catch (err) {
    dialog.showErrorBox('Gatehouse could not start its core', (err as Error).message);
    app.exit(1);
    return;
  }

  const sendCorePort = (contentsId: number) => {
    const target = BrowserWindow.getAllWindows().find((w) => w.webContents.id === contentsId);
    if (!target) return;
    const { port1, port2 } = new MessageChannelMain();
    core.connect(port1);
    target.webContents.postMessage(IPC.corePort, null, [port2]);
  };
  registerIpc(ipcMain, {
    windowContentsIds: () => BrowserWindow.getAllWindows().map((w) => w.webContents.id),
    sendCorePort,
    onRejected: (reason) => console.warn(`gatehouse: ${reason}`),
  });

  const own = new MessageChannelMain();
  core.connect(own.port1);
  const client = coreClient(own.port2);
  const tray = new Tray(
    nativeImage.createFromPath(
      path.join(dist, 'main', process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    ),
  );
  const warn = (err: unknown) => console.warn(`gatehouse: ${String(err)}`);
  // Trust mode from the tray asks first, as the window does; Cancel is the default.
  const confirmTrust = async () => {
    const until = new Date(Date.now() + QUICK_TRUST_MS).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const q = trustQuestion(until);
    const answer = await dialog.showMessageBox({
      type: 'warning',
      message: q.title,
      detail: q.detail,
      buttons: [q.confirm, q.cancel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return answer.response === 0;
  };
  const actions: TrayActions = {
    decide: (id, decision) => held.decide(id, decision, 'tray'),
    openWindow: (requestId) => openWindow(requestId),
    ...policyActions(client.api, warn, confirmTrust),
    quit: () => app.quit(),
  };
  const trayState = new TrayState(
    {
      setToolTip: (t) => tray.setToolTip(t),
      setTitle: (t) => tray.setTitle(t),
      setMenu: (template) => tray.setContextMenu(Menu.buildFromTemplate(template)),
      setBadgeCount: (n) => app.setBadgeCount(n),
    },
    actions,
  );
  const notifier = new HeldNotifier({
    create: (options) => new Notification({ ...options, silent: false }),
    supportsActions: process.platform === 'darwin',
    settings: () => settings.get(),
    anyWindowFocused: () => BrowserWindow.getFocusedWindow() !== null,
    decide: (id, decision) => held.decide(id, decision, 'notification'),
    openWindow: (requestId) => openWindow(requestId),
  });
  const held = new HeldCommands({ client, notifier, show: (pending) => trayState.heldChanged(pending), onError: warn });
  const applyLoginItem = () => app.setLoginItemSettings({ openAtLogin: settings.get().openAtLogin });
  client.onEvent((e) => {
    trayState.onEvent(e);
    if (e.type === 'gate.tampered') notifier.tampered(e.report);
    if (e.type !== 'settings.changed') return;
    settings.changed(e.settings);
    applyLoginItem();
  });
  settings.changed(await client.api.getSettings());
  trayState.settingsChanged(settings.get());
  const status = await client.api.status();
  trayState.trustChanged(status.trust.active ? status.trust.endsAt : null);
  applyLoginItem();
  // Which running agents are protected: asked every few seconds (the core scans at most once a second).
  const refreshAgents = () =>
    void client.api
      .agentStatus()
      .then((r) => trayState.agentsChanged(r))
      .catch(warn);
  refreshAgents();
  const stopAgents = realTimers.every(AGENTS_REFRESH_MS, refreshAgents);
  await held.start();
  openWindow();

  app.on('window-all-closed', () => {
    // Stay in the tray: held commands still need someone to decide them.
  });
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    held.dispose();
    stopAgents();
    trayState.dispose();
    client.close();
    tray.destroy();
    void core.stop().finally(() => app.exit(0));
  });
}
