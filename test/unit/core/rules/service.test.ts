// Adding a rule that is already in force: said, and kept once (the rule service on a real SQLite file).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuleService, type RuleDraft } from '../../../../electron/core/rules/service.ts';
import { openDatabase, type Db } from '../../../../electron/core/store/database.ts';
import { RuleRepository } from '../../../../electron/core/store/rules.ts';
import { tempDir } from '../../../support/temp.ts';

let db: Db;
let rules: RuleService;
let changes: string[][];

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'g.db'));
  changes = [];
  rules = new RuleService({
    repository: new RuleRepository(db),
    onChange: (_c, r) => changes.push(r.map((x) => x.id)),
  });
});
afterEach(() => {
  rules.dispose();
  db.close();
});

const draft = (over: Partial<RuleDraft> = {}): RuleDraft => ({
  effect: 'allow',
  kind: 'prefix',
  pattern: 'npm test',
  scope: { type: 'project', dir: '/home/dev/app' },
  source: 'cli',
  ...over,
});

describe('duplicate rules', () => {
  it('a rule doing what one in force does is not added again: the one in force answers for it', () => {
    const [first] = rules.add([draft()], 'user');
    // The same rule as written differently: a trailing ` *` on a prefix is the same prefix; the directory normalises.
    const [again] = rules.add(
      [draft({ pattern: 'npm  test *', scope: { type: 'project', dir: '/home/dev/app/' } })],
      'user',
    );
    expect(again?.id).toBe(first?.id);
    expect(rules.list(true)).toHaveLength(1);
    // Nothing changed, so nobody was told of a change.
    expect(changes).toEqual([[first?.id]]);
  });

  it('findSame names the rule in force a draft repeats, and only an identical one', () => {
    const [first] = rules.add([draft()], 'user');
    expect(rules.findSame(draft({ note: 'another note', ttlMs: 60_000, source: 'window' }))?.id).toBe(first?.id);
    expect(rules.findSame(draft({ effect: 'ask' }))).toBeNull();
    expect(rules.findSame(draft({ kind: 'exact' }))).toBeNull();
    expect(rules.findSame(draft({ scope: { type: 'global' } }))).toBeNull();
    expect(rules.findSame(draft({ scope: { type: 'project', dir: '/home/dev/other' } }))).toBeNull();
  });

  it('two identical drafts in one call make one rule', () => {
    const added = rules.add([draft(), draft({ source: 'learned:q1' }), draft({ pattern: 'npm run lint' })], 'user');
    expect(added[0]?.id).toBe(added[1]?.id);
    expect(new Set(added.map((r) => r.id)).size).toBe(2);
    expect(rules.list(true).map((r) => r.pattern)).toEqual(['npm test', 'npm run lint']);
  });

  it('a disabled or expired twin is not in force: the new rule is added', () => {
    const [off] = rules.add([draft()], 'user');
    rules.update(off?.id ?? '', { enabled: false }, 'user');
    const [on] = rules.add([draft()], 'user');
    expect(on?.id).not.toBe(off?.id);
    expect(rules.list().map((r) => r.id)).toEqual([on?.id]);
  });
});
