// The settings schema: read by the daemon (through `conf`) and by the desktop app (electron-store), written only
// by the core (`updateSettings`). Keys are flat so a patch is a plain object and other versions' keys survive it.
import { z } from 'zod';

/** Ten minutes: long enough to notice a notification and read a card, short enough that an agent is not stuck all day. */
export const DEFAULT_HOLD_TIMEOUT_MS = 10 * 60 * 1000;
/** Below a second a human cannot answer at all; above a day the agent's own hook timeout is meaningless. */
export const MIN_HOLD_TIMEOUT_MS = 1000;
export const MAX_HOLD_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/** A month of sessions is enough to look back on a week's work; older ones are rarely replayed. */
export const DEFAULT_RETENTION_DAYS = 30;
/** 2 GB: months of typical agent sessions (recordings compress ~5–20×) without filling a laptop's disk. */
export const DEFAULT_RETENTION_MB = 2048;
/** The audit answers "who allowed this last week?": keeping less than a week would defeat it. */
export const MIN_AUDIT_RETENTION_DAYS = 7;
/** A secret pattern longer than this is a sign of a pasted blob, not a pattern; long patterns also cost time on every chunk. */
export const MAX_REDACTION_PATTERN_LENGTH = 500;
/** Each pattern runs over every chunk of output; a hundred is far more than anyone writes by hand. */
export const MAX_REDACTION_PATTERNS = 100;
/** 512 MB: a build folder or a data folder of a few hundred megabytes comes back; a whole disk's worth is not copied. */
export const DEFAULT_UNDO_KEEP_MB = 512;
/** 4 GB of kept paths at most (the snapshots themselves are objects in each project's own repository). */
export const DEFAULT_UNDO_MAX_TOTAL_MB = 4096;
/** Browser mode's port: fixed, so the URL (a bookmark) survives restarts; registered to no common service. */
export const DEFAULT_UI_PORT = 7345;

/** A leading `(?i)` (as in gitleaks and RE2) makes the rest of the pattern case-insensitive; JavaScript has no inline flag. */
const CASE_INSENSITIVE_PREFIX = '(?i)';

/** The RegExp a user pattern stands for (always global, so every occurrence is redacted). Throws SyntaxError when it does not compile. */
export function compileUserPattern(pattern: string): RegExp {
  const insensitive = pattern.startsWith(CASE_INSENSITIVE_PREFIX);
  return new RegExp(insensitive ? pattern.slice(CASE_INSENSITIVE_PREFIX.length) : pattern, insensitive ? 'gi' : 'g');
}

const RedactionPatternSchema = z
  .string()
  .min(1)
  .max(MAX_REDACTION_PATTERN_LENGTH)
  .superRefine((pattern, ctx) => {
    let re: RegExp;
    try {
      re = compileUserPattern(pattern);
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(pattern)} is not a valid regular expression (${(err as Error).message})`,
      });
      return;
    }
    // A pattern that matches nothing at all would redact between every character.
    if (new RegExp(re.source, re.flags.replace('g', '')).test('')) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(pattern)} matches empty text; it must match at least one character`,
      });
    }
  });

export const RetentionSchema = z.object({
  /** Sessions that ended longer ago than this are deleted, recordings and requests included. */
  maxAgeDays: z.number().int().min(1).max(36_500).default(DEFAULT_RETENTION_DAYS),
  /** When recordings take more than this, the oldest ended sessions are deleted until they fit. */
  maxTotalMB: z.number().int().min(1).max(10_000_000).default(DEFAULT_RETENTION_MB),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);

/**
 * The terminals' text size in CSS pixels. 14 reads like the window's own text (15 px); below 10 a cell is a few
 * pixels wide, above 28 a 80-column screen no longer fits a laptop's window.
 */
export const DEFAULT_TERMINAL_FONT_SIZE = 14;
export const MIN_TERMINAL_FONT_SIZE = 10;
export const MAX_TERMINAL_FONT_SIZE = 28;

/** Each key's schema without its default: a patch must not bring defaults for the keys it leaves out. */
const FIELDS = {
  holdTimeoutMs: z.number().int().min(MIN_HOLD_TIMEOUT_MS).max(MAX_HOLD_TIMEOUT_MS),
  /** A desktop (or browser) notification for each held command. */
  notifyOnHeld: z.boolean(),
  /** Notify only when no Gatehouse window has focus: the card is already in front of someone who is looking. */
  notifyOnlyWhenUnfocused: z.boolean(),
  theme: ThemeSchema,
  /** The text size of live terminals, replays and card clips, in CSS pixels; a change redraws open terminals. */
  terminalFontSize: z.number().int().min(MIN_TERMINAL_FONT_SIZE).max(MAX_TERMINAL_FONT_SIZE),
  /** Start the desktop app when the user logs in (desktop app only). */
  openAtLogin: z.boolean(),
  /** Let commands the risk engine rates `low` (every segment, fully read) through without asking. Never `medium` and above. */
  autoAllowLowRisk: z.boolean(),
  /** Extra secret shapes (JavaScript regular expressions; a leading `(?i)` ignores case), redacted like the built-in ones. */
  redactionPatterns: z.array(RedactionPatternSchema).max(MAX_REDACTION_PATTERNS),
  retention: RetentionSchema,
  /**
   * Audit entries older than this many days are removed (a checkpoint keeps the rest verifiable); null keeps
   * them forever. Decisions name the commands, so a person may want them gone with the sessions.
   */
  auditRetentionDays: z.number().int().min(MIN_AUDIT_RETENTION_DAYS).max(36_500).nullable(),
  /** Browser mode's port on 127.0.0.1 (`gatehouse daemon --ui`), the same at every start so a bookmark keeps working. */
  uiPort: z.number().int().min(1024).max(65_535),
  /** The first-start offers (auto-allow low risk, importing the agents' allow rules) were answered or put away. */
  welcomeDone: z.boolean(),
  /**
   * What an installed hook (`gatehouse install`) answers when Gatehouse is not running: `ask` hands the decision to the
   * agent's own prompt where it has one (a headless run, or an agent without one, is denied); `deny` always denies.
   * Written into the hook at install time: a change applies at the next install.
   */
  whenCoreDown: z.enum(['ask', 'deny']),
  /**
   * Undo: megabytes of ignored or outside paths a command names (`rm -rf dist`, `rm -rf ~/data`) kept beside its
   * snapshot; a path past it is not kept, and the card says so. 0 keeps none.
   */
  undoKeepMB: z.number().int().min(0).max(1_000_000),
  /** Undo: megabytes all kept paths may take; past it the oldest snapshots go first (age follows `retention`). */
  undoMaxTotalMB: z.number().int().min(1).max(10_000_000),
};

export const SettingsSchema = z.object({
  holdTimeoutMs: FIELDS.holdTimeoutMs.default(DEFAULT_HOLD_TIMEOUT_MS),
  notifyOnHeld: FIELDS.notifyOnHeld.default(true),
  notifyOnlyWhenUnfocused: FIELDS.notifyOnlyWhenUnfocused.default(false),
  theme: FIELDS.theme.default('system'),
  terminalFontSize: FIELDS.terminalFontSize.default(DEFAULT_TERMINAL_FONT_SIZE),
  openAtLogin: FIELDS.openAtLogin.default(false),
  autoAllowLowRisk: FIELDS.autoAllowLowRisk.default(false),
  redactionPatterns: FIELDS.redactionPatterns.default([]),
  retention: FIELDS.retention.default({ maxAgeDays: DEFAULT_RETENTION_DAYS, maxTotalMB: DEFAULT_RETENTION_MB }),
  auditRetentionDays: FIELDS.auditRetentionDays.default(null),
  uiPort: FIELDS.uiPort.default(DEFAULT_UI_PORT),
  welcomeDone: FIELDS.welcomeDone.default(false),
  whenCoreDown: FIELDS.whenCoreDown.default('ask'),
  undoKeepMB: FIELDS.undoKeepMB.default(DEFAULT_UNDO_KEEP_MB),
  undoMaxTotalMB: FIELDS.undoMaxTotalMB.default(DEFAULT_UNDO_MAX_TOTAL_MB),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** What `updateSettings` takes: any subset of the keys, each validated as in the file; unknown keys are refused. */
export const SettingsPatchSchema = z.object(FIELDS).partial().strict();
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
