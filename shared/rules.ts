// Rules: what they are, how they are written (`prefix:npm run test`), and what the core says about them.
// Pure TypeScript: the core, the CLI and the renderer share these shapes.
import { z } from 'zod';
import type { DecidedBy, RiskAssessment, RiskLevel } from './domain.ts';

export const RuleEffectSchema = z.enum(['allow', 'deny', 'ask']);
export type RuleEffect = z.infer<typeof RuleEffectSchema>;

/**
 * `exact`: the words are the command's words. `prefix`: the command starts with these words.
 * `glob`: `*` matches anything, `?` one character, over the command's canonical text. `regex`: RE2
 * syntax, matched against the whole canonical text.
 */
export const RuleKindSchema = z.enum(['exact', 'prefix', 'glob', 'regex']);
export type RuleKind = z.infer<typeof RuleKindSchema>;

/** A pattern is one command line; longer is a mistake, not a rule. */
export const MAX_PATTERN_LENGTH = 1000;
/** A note is a sentence or two on why the rule exists. */
export const MAX_NOTE_LENGTH = 500;

export type RuleScope =
  | { type: 'global' }
  /** The directory and everything under it. */
  | { type: 'project'; dir: string }
  | { type: 'session'; sessionId: string };

export const RuleScopeSchema: z.ZodType<RuleScope> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('global') }),
  z.object({ type: z.literal('project'), dir: z.string().min(1).max(4096) }),
  z.object({ type: z.literal('session'), sessionId: z.string().min(1).max(64) }),
]);

export interface Rule {
  id: string;
  effect: RuleEffect;
  kind: RuleKind;
  /** Normalised: `prefix:npm run test *` is stored as `npm run test`. */
  pattern: string;
  scope: RuleScope;
  enabled: boolean;
  /** Where it came from: `cli`, `window`, `learned:<request id>`, `claude:<file>`, `codex:<file>:<line>`. */
  source: string;
  note: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null for a rule that does not expire. */
  expiresAt: string | null;
  hits: number;
  lastHitAt: string | null;
}

/** `kind:pattern`, as people type it on the command line. */
export const RuleSpecSchema = z.object({
  kind: RuleKindSchema,
  pattern: z.string().trim().min(1).max(MAX_PATTERN_LENGTH),
});
export type RuleSpec = z.infer<typeof RuleSpecSchema>;

/** Reads `prefix:npm run test`; returns an error sentence when it is not a rule. */
export function parseRuleSpec(text: string): RuleSpec | { error: string } {
  const colon = text.indexOf(':');
  const kind = RuleKindSchema.safeParse(colon > 0 ? text.slice(0, colon) : '');
  if (!kind.success)
    return {
      error: `"${text}" is not a rule: write <kind>:<pattern>, where kind is exact, prefix, glob or regex (for example prefix:npm run test)`,
    };
  const parsed = RuleSpecSchema.safeParse({ kind: kind.data, pattern: text.slice(colon + 1) });
  if (!parsed.success) return { error: `"${text}": the pattern must be 1 to ${MAX_PATTERN_LENGTH} characters` };
  return parsed.data;
}

/** `global`, `project:/abs/dir`, `session:<id>`. */
export function formatScope(s: RuleScope): string {
  return s.type === 'global' ? 'global' : s.type === 'project' ? `project:${s.dir}` : `session:${s.sessionId}`;
}

/** The opposite of formatScope; `project` alone means the project of the cwd (the core resolves it). */
export function parseScope(text: string): RuleScope | 'project-of-cwd' | { error: string } {
  if (text === 'global') return { type: 'global' };
  if (text === 'project') return 'project-of-cwd';
  if (text.startsWith('project:') && text.length > 'project:'.length)
    return { type: 'project', dir: text.slice('project:'.length) };
  if (text.startsWith('session:') && text.length > 'session:'.length)
    return { type: 'session', sessionId: text.slice('session:'.length) };
  return { error: `"${text}" is not a scope: use global, project, project:DIR or session:ID` };
}

/** A rule's lifetime from now, in milliseconds; a year is the longest that is still a lifetime rather than "for good". */
export const RuleTtlSchema = z
  .number()
  .int()
  .positive()
  .max(366 * 24 * 3_600_000);

export const AddRuleInputSchema = RuleSpecSchema.extend({
  effect: RuleEffectSchema,
  /** Omitted: global. `project` without a dir is resolved from `cwd`. */
  scope: z.union([RuleScopeSchema, z.literal('project-of-cwd')]).default({ type: 'global' }),
  cwd: z.string().min(1).max(4096).optional(),
  /** Lifetime from now. */
  ttlMs: RuleTtlSchema.optional(),
  note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
  source: z.string().min(1).max(4200).default('cli'),
});
export type AddRuleInput = z.input<typeof AddRuleInputSchema>;

/**
 * What `addRule` answers: the rule in force. `duplicate`: a rule doing the same (effect, kind, pattern, scope) was
 * already in force, so nothing was added and this is that rule, with its own expiry and note.
 */
export type AddedRule = Rule & { duplicate?: true };

export const UpdateRuleInputSchema = z.object({
  id: z.string().min(1).max(64),
  effect: RuleEffectSchema.optional(),
  kind: RuleKindSchema.optional(),
  pattern: z.string().trim().min(1).max(MAX_PATTERN_LENGTH).optional(),
  scope: RuleScopeSchema.optional(),
  enabled: z.boolean().optional(),
  /** null removes the expiry; a number is a lifetime from now. */
  ttlMs: RuleTtlSchema.nullable().optional(),
  note: z.string().trim().max(MAX_NOTE_LENGTH).nullable().optional(),
});

export const ListRulesInputSchema = z.object({ all: z.boolean().default(false) }).default({ all: false });

export const ExplainInputSchema = z.object({
  command: z
    .string()
    .min(1)
    .max(1024 * 1024),
  cwd: z.string().min(1).max(4096),
  sessionId: z.string().min(1).max(64).optional(),
});

export const BacktestInputSchema = RuleSpecSchema.extend({
  effect: RuleEffectSchema.default('allow'),
  scope: z.union([RuleScopeSchema, z.literal('project-of-cwd')]).default({ type: 'global' }),
  cwd: z.string().min(1).max(4096).optional(),
  /** Replaces this rule in the backtest (an edit), instead of adding a new one. */
  replaces: z.string().min(1).max(64).optional(),
});
export type BacktestInput = z.input<typeof BacktestInputSchema>;

/** What a set of rules does with a command, before trust mode and auto-allow. */
export type RuleOutcome = 'allow' | 'deny' | 'ask' | 'none';

/** One rule that matched a segment. */
export interface RuleMatch {
  ruleId: string;
  effect: RuleEffect;
  kind: RuleKind;
  pattern: string;
}

export interface SegmentExplanation {
  /** The canonical text rules are matched against (quotes normalised, assignments left out). */
  text: string;
  level: RiskLevel;
  matches: RuleMatch[];
  /** Why this segment is or is not allowed by rules, in a sentence. */
  verdict: string;
}

/** How the core would decide a command now, and why. */
export interface Explanation {
  decision: 'allow' | 'deny' | 'hold';
  /** `rule:<id>`, `trust-mode`, `auto-allow`, or `human` when it would be held. */
  by: DecidedBy | 'human';
  reason: string;
  ruleIds: string[];
  risk: { score: number; level: RiskLevel; categories: string[]; reasons: string[] };
  segments: SegmentExplanation[];
}

export interface BacktestMatch {
  requestId: string;
  command: string;
  cwd: string;
  createdAt: string;
  level: RiskLevel | null;
  /** What the rules alone made of it before, and would make of it with this rule. */
  before: RuleOutcome;
  after: RuleOutcome;
  /** High or critical: a rule that lets this through deserves a second look. */
  risky: boolean;
}

export interface BacktestResult {
  rule: RuleSpec & { effect: RuleEffect; scope: RuleScope };
  /** Recorded requests looked at. */
  examined: number;
  /** Requests whose outcome this rule changes (up to a page of them; `changedTotal` counts all). */
  changed: BacktestMatch[];
  changedTotal: number;
  riskyTotal: number;
  /** High/critical commands (recorded or probed) the pattern would cover, for allow rules. */
  warnings: string[];
}

export interface Suggestion {
  requestId: string;
  /** One rule for each segment no allow rule covers yet; empty when nothing safe can be remembered. */
  rules: Array<RuleSpec & { effect: 'allow'; scope: RuleScope }>;
  /** Why this rule (or why none), in sentences. */
  notes: string[];
  /**
   * Where the card may offer "Also add to <agent>'s own rules": the agent's name, the file they go to, and each
   * suggested rule in the agent's own words (null: it cannot say it exactly). Absent where the session cannot.
   */
  agentRules?: { agent: string; where: string; shown: Array<string | null> };
}

/** Levels no rule may allow: they always reach a person (deny rules still apply to them). */
export const NEVER_ALLOWED_BY_RULES: readonly RiskLevel[] = ['high', 'critical'];

/**
 * Approving takes a second, deliberate step (the card's "Approve…" then "Run it"): the levels no rule may allow, and a
 * command nobody scored. Everything below is one step.
 */
export function approvalTakesTwoSteps(risk: RiskAssessment | null): boolean {
  return risk === null || NEVER_ALLOWED_BY_RULES.includes(risk.level);
}

/** The risk engine could not read some part of the command. */
export function isUnparsed(risk: RiskAssessment): boolean {
  return risk.categories.includes('unparsed') || (risk.segments ?? []).some((s) => s.categories.includes('unparsed'));
}

/**
 * Why no allow rule can ever cover this command, or null when one might. The core's suggestion says it as its note,
 * and the card says it instead of offering "Always allow…": the same sentence in both places.
 */
export function whyNoRuleCanAllow(risk: RiskAssessment | null): string | null {
  if (!risk) return 'this request was never scored, so Gatehouse cannot say what a rule would cover';
  if (isUnparsed(risk) || !risk.segments?.length)
    return 'Gatehouse could not read all of this command, so no rule may allow it';
  if (NEVER_ALLOWED_BY_RULES.includes(risk.level))
    return `it is rated ${risk.level}, and Gatehouse never remembers a rule for high or critical commands`;
  return null;
}

export interface ImportIssue {
  file: string;
  line: number | null;
  entry: string;
  message: string;
}

export const ImportRulesInputSchema = z.object({
  /** Claude Code settings files; omitted: the user's and the cwd's project's standard files. */
  claude: z.array(z.string().min(1).max(4096)).max(100).optional(),
  /** Codex `.rules` files; omitted: `~/.codex/rules/*.rules` and the project's `.codex/rules/*.rules`. */
  codex: z.array(z.string().min(1).max(4096)).max(100).optional(),
  cwd: z.string().min(1).max(4096),
});

export interface ImportResult {
  /** Files read. */
  files: string[];
  added: Rule[];
  /** Entries understood but not added (already present, or not something Gatehouse should take over). */
  skipped: ImportIssue[];
  /** Entries or files that could not be read, with file:line. */
  errors: ImportIssue[];
}

export const ExportRulesInputSchema = z.object({
  format: z.enum(['claude', 'codex']),
  /** Project rules are exported only when they cover this directory. */
  cwd: z.string().min(1).max(4096),
  /** Also export the allow rules listed in `unsafe` (the person read why, and will paste them where they belong). */
  includeUnsafe: z.boolean().default(false),
});

export interface ExportResult {
  text: string;
  exported: number;
  /** Rules the format cannot express, or that do not apply here, each with why. */
  skipped: Array<{ ruleId: string; why: string }>;
  /**
   * Allow rules that would let more through in the agent's own settings than they do in Gatehouse: a project's rule
   * (the agent applies an entry wherever its file applies), or a pattern covering commands rated high or critical
   * (Gatehouse holds those whatever the rules say; the agent would not). Each with why; exported only with
   * `includeUnsafe`, and listed either way.
   */
  unsafe: Array<{ ruleId: string; why: string }>;
}

/** A trust window should end the same day it starts; longer is not a window. */
export const MAX_TRUST_MS = 8 * 3_600_000;
/** "Trust for 15 minutes" in the window and the tray: a stretch of routine work, short enough to forget safely. */
export const QUICK_TRUST_MS = 15 * 60_000;

export const StartTrustInputSchema = z.object({ durationMs: z.number().int().min(1000).max(MAX_TRUST_MS) });

export interface TrustStatus {
  active: boolean;
  /** ISO 8601. */
  endsAt: string | null;
  remainingMs: number;
  /** Never let through, whatever the trust: the hard floor. */
  floor: RiskLevel[];
}
