// The settings schema: read by the daemon (through `conf`) and, later, by the desktop app (electron-store).
import { z } from 'zod';

/** Ten minutes: long enough to notice a notification and read a card, short enough that an agent is not stuck all day. */
export const DEFAULT_HOLD_TIMEOUT_MS = 10 * 60 * 1000;
/** Below a second a human cannot answer at all; above a day the agent's own hook timeout is meaningless. */
export const MIN_HOLD_TIMEOUT_MS = 1000;
export const MAX_HOLD_TIMEOUT_MS = 24 * 60 * 60 * 1000;

export const SettingsSchema = z.object({
  holdTimeoutMs: z
    .number()
    .int()
    .min(MIN_HOLD_TIMEOUT_MS)
    .max(MAX_HOLD_TIMEOUT_MS)
    .default(DEFAULT_HOLD_TIMEOUT_MS),
  /** Let commands the risk engine rates `low` (every segment, fully read) through without asking. Never `medium` and above. */
  autoAllowLowRisk: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;
