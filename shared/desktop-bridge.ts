// The desktop window's bridge: what the preload exposes, the IPC channels it uses, and how the core port reaches the
// page. Plain constants and types (no zod): the preload bundles this file and must stay tiny.

/** What the preload exposes to the renderer as `window.gatehouse`: named functions only. */
export interface DesktopBridge {
  /** Asks the main process for a MessagePort to the core; it arrives as a window message `PORT_MESSAGE`. */
  requestCorePort(): void;
}

/** Every IPC channel between the preload and the main process, in one place. */
export const IPC = {
  /** preload → main: this window wants a port to the core. */
  requestCorePort: 'gatehouse:request-core-port',
  /** main → preload: the port (in `ports[0]`). */
  corePort: 'gatehouse:core-port',
} as const;

/** The scheme and host the desktop app serves the renderer from (`app://gatehouse/index.html`). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://gatehouse';

/** The window message (from the preload, to this window itself) that carries the core port in `ports[0]`. */
export const PORT_MESSAGE = 'gatehouse:core-port';
