// The desktop app's main process and its core (an Electron utilityProcess running the same entry as `gatehouse
// daemon`) talk over the utility process's parent port with these messages. API calls never travel here: `connect`
// hands the core a MessagePort (in `ports`), and the control API runs over that port like over any carrier.
import { z } from 'zod';
import type { CoreStatus } from './api.ts';

/** The hidden CLI command the desktop app starts the core with. */
export const DESKTOP_CORE_COMMAND = 'desktop-core';

export const ToCoreMessageSchema = z.discriminatedUnion('type', [
  /** Serve the control API on the port sent with this message (a window's, or the main process's own). */
  z.object({ type: z.literal('connect') }),
  /** Answer every held agent (denied, with the reason), close, then exit. */
  z.object({ type: z.literal('stop') }),
]);
export type ToCoreMessage = z.infer<typeof ToCoreMessageSchema>;

export type FromCoreMessage =
  | { type: 'ready'; status: CoreStatus }
  /** The core could not start (another core holds the data directory, settings.json is invalid, …). */
  | { type: 'failed'; message: string }
  | { type: 'stopped' };

export const FromCoreMessageSchema: z.ZodType<FromCoreMessage> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    status: z.custom<CoreStatus>((v) => typeof v === 'object' && v !== null && 'pid' in v),
  }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('stopped') }),
]);
