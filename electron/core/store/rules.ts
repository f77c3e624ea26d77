// Rules in SQLite. Every change is written with its audit entry in one transaction; a deleted rule
// is kept (marked deleted) so the decisions it made still name it.
import type { AuditKind } from '../../../shared/audit.ts';
import type { Rule, RuleEffect, RuleKind, RuleScope } from '../../../shared/rules.ts';
import { AuditRepository } from './audit.ts';
import type { Db } from './database.ts';
import { guardedWrite } from './guard.ts';

interface RuleRow {
  id: string;
  effect: RuleEffect;
  kind: RuleKind;
  pattern: string;
  scope_type: RuleScope['type'];
  scope_value: string | null;
  enabled: number;
  source: string;
  note: string | null;
  created_at: number;
  expires_at: number | null;
  deleted_at: number | null;
  hits: number;
  last_hit_at: number | null;
}

export interface NewRule {
  id: string;
  effect: RuleEffect;
  kind: RuleKind;
  pattern: string;
  scope: RuleScope;
  source: string;
  note: string | null;
  createdAt: number;
  expiresAt: number | null;
}

export type RuleChanges = Partial<Pick<NewRule, 'effect' | 'kind' | 'pattern' | 'scope' | 'note' | 'expiresAt'>> & {
  enabled?: boolean;
};

/** Who changed a rule, for the audit trail (`cli`, `window`, `human:cli` when remembered from a decision, `import`). */
export interface ChangeBy {
  actor: string;
  at: number;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function scopeOf(row: RuleRow): RuleScope {
  if (row.scope_type === 'project') return { type: 'project', dir: row.scope_value ?? '/' };
  if (row.scope_type === 'session') return { type: 'session', sessionId: row.scope_value ?? '' };
  return { type: 'global' };
}

function scopeValue(s: RuleScope): string | null {
  return s.type === 'project' ? s.dir : s.type === 'session' ? s.sessionId : null;
}

function toRule(row: RuleRow): Rule {
  return {
    id: row.id,
    effect: row.effect,
    kind: row.kind,
    pattern: row.pattern,
    scope: scopeOf(row),
    enabled: row.enabled === 1,
    source: row.source,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: iso(row.expires_at),
    hits: row.hits,
    lastHitAt: iso(row.last_hit_at),
  };
}

/** What the audit trail keeps of a rule: enough to read what it did without the rules table. */
function describe(r: Rule): Record<string, unknown> {
  return {
    effect: r.effect,
    kind: r.kind,
    pattern: r.pattern,
    scope: r.scope,
    enabled: r.enabled,
    expiresAt: r.expiresAt,
    source: r.source,
    note: r.note,
  };
}

export class RuleRepository {
  private readonly db: Db;
  private readonly audit: AuditRepository;
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly liveStmt;
  private readonly updateStmt;
  private readonly deleteStmt;
  private readonly dueStmt;
  private readonly notedStmt;
  private readonly notedIdsStmt;

  constructor(db: Db) {
    this.db = db;
    this.audit = new AuditRepository(db);
    this.insertStmt = db.prepare(
      `INSERT INTO rules (id, effect, kind, pattern, scope_type, scope_value, source, note, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byIdStmt = db.prepare<[string], RuleRow>('SELECT * FROM rules WHERE id = ? AND deleted_at IS NULL');
    this.liveStmt = db.prepare<[], RuleRow>('SELECT * FROM rules WHERE deleted_at IS NULL ORDER BY created_at, rowid');
    this.updateStmt = db.prepare(
      // A new expiry is noted again when it passes; an unchanged one is not noted twice.
      `UPDATE rules SET effect = @effect, kind = @kind, pattern = @pattern, scope_type = @scopeType, scope_value = @scopeValue, note = @note,
         expiry_noted = CASE WHEN expires_at IS @expiresAt THEN expiry_noted ELSE 0 END, expires_at = @expiresAt, enabled = @enabled
       WHERE id = @id`,
    );
    this.deleteStmt = db.prepare('UPDATE rules SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
    this.dueStmt = db.prepare<[number], RuleRow>(
      'SELECT * FROM rules WHERE deleted_at IS NULL AND expiry_noted = 0 AND expires_at IS NOT NULL AND expires_at <= ?',
    );
    this.notedStmt = db.prepare('UPDATE rules SET expiry_noted = 1 WHERE id = ?');
    this.notedIdsStmt = db.prepare<[], { id: string }>(
      'SELECT id FROM rules WHERE deleted_at IS NULL AND expiry_noted = 1',
    );
  }

  /** Adds rules and their audit entries in one transaction (an import lands whole or not at all). */
  insert(
    rules: NewRule[],
    by: ChangeBy,
    kind: Extract<AuditKind, 'rule.added' | 'rule.imported'> = 'rule.added',
  ): Rule[] {
    return guardedWrite(
      this.db,
      this.db.transaction(() =>
        rules.map((r) => {
          this.insertStmt.run(
            r.id,
            r.effect,
            r.kind,
            r.pattern,
            r.scope.type,
            scopeValue(r.scope),
            r.source,
            r.note,
            r.createdAt,
            r.expiresAt,
          );
          const rule = this.get(r.id) as Rule;
          this.audit.append({ at: by.at, kind, actor: by.actor, subject: r.id, data: describe(rule) });
          return rule;
        }),
      ),
    );
  }

  /** Applies changes; the audit entry says whether it was an edit, a disable or an enable. */
  update(id: string, changes: RuleChanges, by: ChangeBy): Rule | null {
    return guardedWrite(
      this.db,
      this.db.transaction(() => {
        const before = this.get(id);
        if (!before) return null;
        const scope = changes.scope ?? before.scope;
        const expiresAt =
          changes.expiresAt !== undefined
            ? changes.expiresAt
            : before.expiresAt === null
              ? null
              : Date.parse(before.expiresAt);
        const enabled = changes.enabled ?? before.enabled;
        this.updateStmt.run({
          effect: changes.effect ?? before.effect,
          kind: changes.kind ?? before.kind,
          pattern: changes.pattern ?? before.pattern,
          scopeType: scope.type,
          scopeValue: scopeValue(scope),
          note: changes.note !== undefined ? changes.note : before.note,
          expiresAt,
          enabled: enabled ? 1 : 0,
          id,
        });
        const after = this.get(id) as Rule;
        const onlyToggle = Object.keys(changes).every((k) => k === 'enabled');
        const kind: AuditKind = onlyToggle ? (enabled ? 'rule.enabled' : 'rule.disabled') : 'rule.edited';
        this.audit.append({
          at: by.at,
          kind,
          actor: by.actor,
          subject: id,
          data: { before: describe(before), after: describe(after) },
        });
        return after;
      }),
    );
  }

  delete(id: string, by: ChangeBy): Rule | null {
    return guardedWrite(
      this.db,
      this.db.transaction(() => {
        const rule = this.get(id);
        if (!rule || this.deleteStmt.run(by.at, id).changes === 0) return null;
        this.audit.append({ at: by.at, kind: 'rule.deleted', actor: by.actor, subject: id, data: describe(rule) });
        return rule;
      }),
    );
  }

  /**
   * Rules whose expiry is at or before `now` and not yet in the audit trail: records it, once each (the
   * entry's time is `at`, the wall clock). A noted expiry stays noted until the rule is given a new one.
   */
  noteExpired(now: number, at = now): Rule[] {
    return guardedWrite(
      this.db,
      this.db.transaction(() =>
        this.dueStmt.all(now).map((row) => {
          this.notedStmt.run(row.id);
          const rule = toRule(row);
          this.audit.append({ at, kind: 'rule.expired', actor: 'system', subject: row.id, data: describe(rule) });
          return rule;
        }),
      ),
    );
  }

  /** Rules whose expiry is in the audit trail: expired whatever the clock says now. */
  expiredIds(): Set<string> {
    return new Set(this.notedIdsStmt.all().map((r) => r.id));
  }

  get(id: string): Rule | null {
    const row = this.byIdStmt.get(id);
    return row ? toRule(row) : null;
  }

  /** Every rule not deleted, including disabled and expired ones, oldest first. */
  list(): Rule[] {
    return this.liveStmt.all().map(toRule);
  }
}
