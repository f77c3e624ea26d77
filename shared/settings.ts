// The settings schema: read by the daemon (through `conf`) and, later, by the desktop app (electron-store).
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
/** A secret pattern longer than this is a sign of a pasted blob, not a pattern; long patterns also cost time on every chunk. */
export const MAX_REDACTION_PATTERN_LENGTH = 500;
/** Each pattern runs over every chunk of output; a hundred is far more than anyone writes by hand. */
export const MAX_REDACTION_PATTERNS = 100;

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
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(pattern)} is not a valid regular expression (${(err as Error).message})` });
      return;
    }
    // A pattern that matches nothing at all would redact between every character.
    if (new RegExp(re.source, re.flags.replace('g', '')).test('')) {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(pattern)} matches empty text; it must match at least one character` });
    }
  });

export const RetentionSchema = z.object({
  /** Sessions that ended longer ago than this are deleted, recordings and requests included. */
  maxAgeDays: z.number().int().min(1).max(36_500).default(DEFAULT_RETENTION_DAYS),
  /** When recordings take more than this, the oldest ended sessions are deleted until they fit. */
  maxTotalMB: z.number().int().min(1).max(10_000_000).default(DEFAULT_RETENTION_MB),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const SettingsSchema = z.object({
  holdTimeoutMs: z
    .number()
    .int()
    .min(MIN_HOLD_TIMEOUT_MS)
    .max(MAX_HOLD_TIMEOUT_MS)
    .default(DEFAULT_HOLD_TIMEOUT_MS),
  /** Extra secret shapes (JavaScript regular expressions; a leading `(?i)` ignores case), redacted like the built-in ones. */
  redactionPatterns: z.array(RedactionPatternSchema).max(MAX_REDACTION_PATTERNS).default([]),
  retention: RetentionSchema.default({ maxAgeDays: DEFAULT_RETENTION_DAYS, maxTotalMB: DEFAULT_RETENTION_MB }),
});
export type Settings = z.infer<typeof SettingsSchema>;
