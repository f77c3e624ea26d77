// Electron hardening, applied to every web contents the app creates: no new windows, no navigation away from our own
// origin, no webviews, no permissions but notifications. And the webPreferences every window gets.
import type { WebPreferences } from 'electron';
import { APP_SCHEME } from '../../shared/desktop-bridge.ts';

/** The host of our own pages: `app://gatehouse/…`. */
const APP_HOST = 'gatehouse';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/** What hardening needs of a WebContents (Electron's, or a test's fake). */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url: string }, url?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
}

/** Node's URL gives custom schemes the origin "null", so scheme and host are compared instead. */
export function isOwnOrigin(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** Called for every web contents (app.on('web-contents-created')). `openExternal` is never called with our own URLs. */
export function hardenWebContents(
  contents: WebContentsLike,
  onBlocked: (what: string, url: string) => void = () => {},
): void {
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked('window.open', url);
    return { action: 'deny' };
  });
  const guard = (what: string) => (event: { preventDefault(): void; url: string }, url?: string) => {
    const target = url ?? event.url;
    if (isOwnOrigin(target)) return;
    event.preventDefault();
    onBlocked(what, target);
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Notifications are the only permission the renderer may have (it uses none in the app, but denying all is the default). */
export function restrictPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));
}
