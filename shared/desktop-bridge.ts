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
  /** main → preload: show this held request's card (a notification or the tray was clicked); the argument is its id. */
  openCard: 'gatehouse:open-card',
} as const;

/** The window message (preload → this window) that asks the page to show a card: `{ type, requestId }`. */
export const OPEN_CARD_MESSAGE = 'gatehouse:open-card';

export interface OpenCardMessage {
  type: typeof OPEN_CARD_MESSAGE;
  requestId: string;
}

/** Request ids are short; anything else in this message is not ours. */
const MAX_REQUEST_ID_LENGTH = 64;

export function isOpenCardMessage(data: unknown): data is OpenCardMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<OpenCardMessage>;
  return (
    m.type === OPEN_CARD_MESSAGE &&
    typeof m.requestId === 'string' &&
    m.requestId.length > 0 &&
    m.requestId.length <= MAX_REQUEST_ID_LENGTH
  );
}

/** The scheme and host the desktop app serves the renderer from (`app://gatehouse/index.html`). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://gatehouse';

/** The window message (from the preload, to this window itself) that carries the core port in `ports[0]`. */
export const PORT_MESSAGE = 'gatehouse:core-port';
