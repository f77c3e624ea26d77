// The rules in force: stored in SQLite, compiled in memory, re-read on every change, expired on time.
// Every change goes through here, so the audit trail, the compiled set and the listeners never disagree.
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api.ts';
import type { RiskAssessment } from '../../../shared/domain.ts';
import type { Rule, RuleEffect, RuleKind, RuleScope } from '../../../shared/rules.ts';
import { clockOf, SteadyClock } from '../clock.ts';
import type { Publisher } from '../events/bus.ts';
import { newId } from '../ids.ts';
import { findGitRoot } from '../risk/index.ts';
import type { ChangeBy, NewRule, RuleChanges, RuleRepository } from '../store/rules.ts';
import { evaluateRules, type RulesVerdict } from './evaluate.ts';
import { normalizePattern, PatternError } from './matcher.ts';
import { placeAt, RuleSet, type Place, type RepositoryOf } from './ruleset.ts';

export type RulesChange = 'added' | 'edited' | 'deleted' | 'imported' | 'expired';

/** setTimeout's longest delay is ~24.8 days; expiries further out are re-checked daily. */
const MAX_TIMER_MS = 24 * 3_600_000;

export interface RuleDraft {
  effect: RuleEffect;
  kind: RuleKind;
  pattern: string;
  scope: RuleScope;
  source: string;
  note?: string | null;
  expiresAt?: number | null;
  /** A lifetime from when the rule is created (instead of expiresAt). */
  ttlMs?: number;
}

export interface RuleServiceOptions {
  repository: RuleRepository;
  /** Expiries are compared with it (a step back of the wall clock never revives an expired rule); default: the system's. */
  clock?: SteadyClock;
  /** Instead of `clock`: one function for both clocks (tests, benchmarks). */
  now?: () => number;
  /** Where `rules.changed` is published after every change is committed. */
  events?: Publisher;
  /** Also called after every change is committed (tests re-decide held requests with it). */
  onChange?: (change: RulesChange, rules: Rule[]) => void;
  onError?: (err: unknown) => void;
  /**
   * Names the repository a directory is a checkout of (rules/checkouts.ts), so a project rule holds in every checkout
   * of its repository. Absent: a project rule holds only under its own directory.
   */
  repositoryOf?: RepositoryOf;
}

/** The directory a project rule covers: the git top level above cwd, else cwd itself. */
export function projectOf(cwd: string): string {
  const dir = path.resolve(cwd);
  return findGitRoot(dir) ?? dir;
}

/** True when cwd has no project of its own (the home directory or the root), so a project rule would cover too much. */
export function isTooBroadForProject(dir: string): boolean {
  return dir === path.parse(dir).root || dir === os.homedir();
}

type RuleIdentity = Pick<Rule, 'effect' | 'kind' | 'pattern' | 'scope'>;

/** The same rule: effect, kind, (normalised) pattern and scope alike; lifetime, note and source are not what it does. */
export function sameRule(a: RuleIdentity, b: RuleIdentity): boolean {
  return (
    a.effect === b.effect &&
    a.kind === b.kind &&
    a.pattern === b.pattern &&
    JSON.stringify(a.scope) === JSON.stringify(b.scope)
  );
}

export function normalizeScope(scope: RuleScope): RuleScope {
  if (scope.type !== 'project') return scope;
  if (!path.isAbsolute(scope.dir))
    throw new ApiError('invalid_input', `a project scope needs an absolute directory, not "${scope.dir}"`);
  return { type: 'project', dir: path.resolve(scope.dir) };
}

export class RuleService {
  private readonly repository: RuleRepository;
  private readonly clock: SteadyClock;
  private readonly events: Publisher | null;
  private readonly onChange: (change: RulesChange, rules: Rule[]) => void;
  private readonly onError: (err: unknown) => void;
  /** RuleServiceOptions.repositoryOf (the learner asks it too). */
  readonly repositoryOf: RepositoryOf | undefined;
  private compiled: RuleSet;
  private expiryTimer: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(opts: RuleServiceOptions) {
    this.repository = opts.repository;
    this.clock = opts.clock ?? new SteadyClock(opts.now ? clockOf(opts.now) : undefined);
    this.events = opts.events ?? null;
    this.onChange = opts.onChange ?? (() => {});
    this.onError = opts.onError ?? ((err) => console.error('gatehouse:', err));
    this.repositoryOf = opts.repositoryOf;
    this.compiled = this.compile();
    this.noteExpired();
  }

  /**
   * Rules in force (enabled, not expired), or every rule not deleted with `all`. A rule is expired once the
   * core's steady time passes its expiry, or once its expiry is in the audit trail (noted by this core or an
   * earlier one): a wall clock stepped back never brings it back.
   */
  list(all = false): Rule[] {
    const rules = this.repository.list();
    if (all) return rules;
    const now = this.now();
    const noted = this.repository.expiredIds();
    return rules.filter(
      (r) => r.enabled && (r.expiresAt === null || (Date.parse(r.expiresAt) > now && !noted.has(r.id))),
    );
  }

  /** The time expiries are compared with: the wall clock, never going back within this process (clock.ts). */
  now(): number {
    return this.clock.now();
  }

  get(id: string): Rule {
    const rule = this.repository.get(id);
    if (!rule) throw new ApiError('not_found', `no rule with id ${id}`);
    return rule;
  }

  get ruleSet(): RuleSet {
    return this.compiled;
  }

  evaluate(command: string, risk: RiskAssessment, where: { cwd: string; sessionId: string | null }): RulesVerdict {
    return evaluateRules(command, risk, this.compiled, this.placeAt(where.cwd, where.sessionId));
  }

  /** Where a command runs, now, with the other checkouts of its repository (RuleServiceOptions.repositoryOf). */
  placeAt(cwd: string, sessionId: string | null): Place {
    return placeAt(cwd, sessionId, this.now(), this.repositoryOf);
  }

  /** Checks and normalises a draft into a row (throws invalid_input with the reason). */
  prepare(draft: RuleDraft): NewRule {
    // Steady time (the wall clock, unless it stepped back in this process): a lifetime lasts as long as it says.
    const createdAt = this.now();
    return {
      id: newId(),
      effect: draft.effect,
      kind: draft.kind,
      pattern: normalized(draft.kind, draft.pattern),
      scope: normalizeScope(draft.scope),
      source: draft.source,
      note: draft.note ?? null,
      createdAt,
      expiresAt: draft.ttlMs !== undefined ? createdAt + draft.ttlMs : (draft.expiresAt ?? null),
    };
  }

  /** The rule in force that does what this draft would (sameRule), or null. */
  findSame(draft: RuleDraft): Rule | null {
    const row = this.prepare(draft);
    return this.list().find((r) => sameRule(r, row)) ?? null;
  }

  /**
   * Adds the drafts as rules, one answer per draft in order. A draft that does what a rule in force already does (or
   * an earlier draft of the same call) is not added again: that rule is its answer. Two identical rules would only
   * double the list, the hits and the audit trail, and deleting one would leave the other in force unnoticed.
   */
  add(drafts: RuleDraft[], by: string, change: 'added' | 'imported' = 'added'): Rule[] {
    const rows = drafts.map((d) => this.prepare(d));
    const inForce = this.list();
    const fresh: NewRule[] = [];
    const answer = rows.map((row) => {
      const same = inForce.find((r) => sameRule(r, row)) ?? fresh.find((f) => sameRule(f, row));
      if (!same) fresh.push(row);
      return same ?? row;
    });
    if (fresh.length === 0) return answer as Rule[];
    const added = this.repository.insert(fresh, this.by(by), change === 'imported' ? 'rule.imported' : 'rule.added');
    this.changed(change, added);
    // Answers that were drafts become the stored rules (same ids); the others already were rules.
    const stored = new Map(added.map((r) => [r.id, r]));
    return answer.map((r) => stored.get(r.id) ?? (r as Rule));
  }

  update(id: string, changes: RuleChanges, by: string): Rule {
    const before = this.get(id);
    const kind = changes.kind ?? before.kind;
    const next: RuleChanges = { ...changes };
    if (changes.pattern !== undefined || changes.kind !== undefined)
      next.pattern = normalized(kind, changes.pattern ?? before.pattern);
    if (changes.scope) next.scope = normalizeScope(changes.scope);
    const rule = this.repository.update(id, next, this.by(by));
    if (!rule) throw new ApiError('not_found', `no rule with id ${id}`);
    this.changed('edited', [rule]);
    return rule;
  }

  remove(id: string, by: string): Rule {
    const rule = this.repository.delete(id, this.by(by));
    if (!rule) throw new ApiError('not_found', `no rule with id ${id}`);
    this.changed('deleted', [rule]);
    return rule;
  }

  dispose(): void {
    this.disposed = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
  }

  private by(actor: string): ChangeBy {
    return { actor, at: this.clock.wall() };
  }

  private changed(change: RulesChange, rules: Rule[]): void {
    this.compiled = this.compile();
    this.scheduleExpiry();
    // Clients hear of it; so does whatever asks held requests again (wired in core.ts).
    this.events?.publish({ type: 'rules.changed', change, ruleIds: rules.map((r) => r.id) });
    try {
      this.onChange(change, rules);
    } catch (err) {
      this.onError(err);
    }
  }

  private compile(): RuleSet {
    return new RuleSet(this.list(), (rule, err) =>
      this.onError(new Error(`rule ${rule.id} (${rule.kind}:${rule.pattern}) is ignored: ${String(err)}`)),
    );
  }

  /** Writes the expiry of every rule that has passed it into the audit trail, once, and tells listeners. */
  private noteExpired(): void {
    try {
      const expired = this.repository.noteExpired(this.now(), this.clock.wall());
      if (expired.length) this.changed('expired', expired);
      else this.scheduleExpiry();
    } catch (err) {
      this.onError(err);
    }
  }

  private scheduleExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    if (this.disposed) return;
    const next = Math.min(...this.list().map((r) => (r.expiresAt ? Date.parse(r.expiresAt) : Infinity)));
    if (!Number.isFinite(next)) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - this.now()));
    this.expiryTimer = setTimeout(() => this.noteExpired(), delay);
    this.expiryTimer.unref();
  }
}

function normalized(kind: RuleKind, pattern: string): string {
  try {
    return normalizePattern(kind, pattern);
  } catch (err) {
    if (err instanceof PatternError) throw new ApiError('invalid_input', err.message);
    throw err;
  }
}
