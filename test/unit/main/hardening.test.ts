// Window hardening and IPC sender checks, with fake web contents and a fake ipcMain.
import { describe, expect, it, vi } from 'vitest';
import { IPC, OPEN_CARD_MESSAGE, isOpenCardMessage } from '../../../shared/desktop-bridge.ts';
import {
  hardenWebContents,
  restrictPermissions,
  secureWebPreferences,
  type WebContentsLike,
} from '../../../electron/main/hardening.ts';
import { registerIpc, type IpcMainLike, type IpcSenderEvent } from '../../../electron/main/ipc.ts';

function fakeContents() {
  const listeners: Record<string, (event: { preventDefault(): void; url: string }, url?: string) => void> = {};
  let openHandler: (d: { url: string }) => { action: 'deny' } = () => ({ action: 'deny' });
  const contents: WebContentsLike = {
    on: (event: string, listener: never) => {
      listeners[event] = listener;
      return contents;
    },
    setWindowOpenHandler: (h) => (openHandler = h),
  };
  const fire = (event: string, url: string) => {
    const e = { preventDefault: vi.fn(), url };
    listeners[event]?.(e, url);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler({ url }) };
}

describe('web contents hardening', () => {
  it('denies navigation and redirects away from our origin, window.open and webviews', () => {
    const f = fakeContents();
    const blocked: string[] = [];
    hardenWebContents(f.contents, (what, url) => blocked.push(`${what} ${url}`));
    expect(f.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(f.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(f.fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(f.fire('will-navigate', 'app://gatehouse/index.html')).toBe(false);
    expect(f.fire('will-navigate', 'app://gatehouse.evil/index.html')).toBe(true);
    expect(f.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(f.open('app://gatehouse/index.html')).toEqual({ action: 'deny' });
    expect(f.fire('will-attach-webview', 'app://gatehouse/')).toBe(true);
    expect(blocked).toContain('navigation https://evil.example/');
  });

  it('gives every window isolated, sandboxed, node-free preferences', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
  });

  it('grants no permission but notifications', () => {
    let handler: (c: unknown, p: string, cb: (g: boolean) => void) => void = () => {};
    restrictPermissions({ setPermissionRequestHandler: (h) => (handler = h) });
    const answers: Record<string, boolean> = {};
    for (const p of ['media', 'geolocation', 'clipboard-read', 'notifications'])
      handler(null, p, (g) => (answers[p] = g));
    expect(answers).toEqual({ media: false, geolocation: false, 'clipboard-read': false, notifications: true });
  });
});

describe('IPC sender validation', () => {
  function ipc(windowIds: number[]) {
    let listener: (e: IpcSenderEvent) => void = () => {};
    const ipcMain: IpcMainLike = { on: (_c, l) => (listener = l), removeAllListeners: () => {} };
    const sent: number[] = [];
    const rejected: string[] = [];
    registerIpc(ipcMain, {
      windowContentsIds: () => windowIds,
      sendCorePort: (id) => sent.push(id),
      onRejected: (r) => rejected.push(r),
    });
    return { send: (e: IpcSenderEvent) => listener(e), sent, rejected };
  }

  it('hands a port to our own window showing our own page', () => {
    const i = ipc([7]);
    i.send({ sender: { id: 7 }, senderFrame: { url: 'app://gatehouse/index.html', parent: null } });
    expect(i.sent).toEqual([7]);
  });

  it('drops a message from an unknown sender, a foreign page, a subframe or a destroyed frame', () => {
    const i = ipc([7]);
    i.send({ sender: { id: 8 }, senderFrame: { url: 'app://gatehouse/index.html', parent: null } });
    i.send({ sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } });
    i.send({ sender: { id: 7 }, senderFrame: { url: 'app://gatehouse/index.html', parent: {} } });
    i.send({ sender: { id: 7 }, senderFrame: null });
    expect(i.sent).toEqual([]);
    expect(i.rejected).toHaveLength(4);
    expect(i.rejected[0]).toContain(IPC.requestCorePort);
  });

  it('the page takes a card to open only in the exact shape the preload posts', () => {
    expect(isOpenCardMessage({ type: OPEN_CARD_MESSAGE, requestId: 'k3f9x2a7' })).toBe(true);
    for (const bad of [
      null,
      'k3f9x2a7',
      { type: OPEN_CARD_MESSAGE },
      { type: OPEN_CARD_MESSAGE, requestId: '' },
      { type: OPEN_CARD_MESSAGE, requestId: 'x'.repeat(65) },
      { type: 'other', requestId: 'k3f9x2a7' },
      { type: OPEN_CARD_MESSAGE, requestId: 7 },
    ]) {
      expect(isOpenCardMessage(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
