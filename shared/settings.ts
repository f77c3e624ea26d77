// The settings schema: read by the daemon (through `conf`) and by the desktop app (electron-store), written only
// by the core (`updateSettings`). Keys are flat so a patch is a plain object and other versions' keys survive it.
import { z } from 'zod';

/** Ten minutes: long enough to notice a notification and read a card, short enough that an agent is not stuck all day. */
export const DEFAULT_HOLD_TIMEOUT_MS = 10 * 60 * 1000;
/** Below a second a human cannot answer at all; above a day the agent's own hook timeout is meaningless. */
export const MIN_HOLD_TIMEOUT_MS = 1000;
export const MAX_HOLD_TIMEOUT_MS = 24 * 60 * 60 * 1000;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

/** Each key's schema without its default: a patch must not bring defaults for the keys it leaves out. */
const FIELDS = {
  holdTimeoutMs: z.number().int().min(MIN_HOLD_TIMEOUT_MS).max(MAX_HOLD_TIMEOUT_MS),
  /** A desktop (or browser) notification for each held command. */
  notifyOnHeld: z.boolean(),
  /** Notify only when no Gatehouse window has focus: the card is already in front of someone who is looking. */
  notifyOnlyWhenUnfocused: z.boolean(),
  theme: ThemeSchema,
  /** Start the desktop app when the user logs in (desktop app only). */
  openAtLogin: z.boolean(),
  /** Let commands the risk engine rates `low` (every segment, fully read) through without asking. Never `medium` and above. */
  autoAllowLowRisk: z.boolean(),
};

export const SettingsSchema = z.object({
  holdTimeoutMs: FIELDS.holdTimeoutMs.default(DEFAULT_HOLD_TIMEOUT_MS),
  notifyOnHeld: FIELDS.notifyOnHeld.default(true),
  notifyOnlyWhenUnfocused: FIELDS.notifyOnlyWhenUnfocused.default(false),
  theme: FIELDS.theme.default('system'),
  openAtLogin: FIELDS.openAtLogin.default(false),
  autoAllowLowRisk: FIELDS.autoAllowLowRisk.default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** What `updateSettings` takes: any subset of the keys, each validated as in the file; unknown keys are refused. */
export const SettingsPatchSchema = z.object(FIELDS).partial().strict();
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
