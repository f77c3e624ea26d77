// A named suite, not one module's test: checkouts.ts, the rule service, evaluation and the learner together.
// A project rule holds in every checkout of its repository (decision 0062): a clone moved elsewhere, a worktree, a
// session clone. Not in another repository, not where a forged `.git` file claims it; deny rules follow too; the
// reason names where the rule was approved; the learner does not count a second checkout as a second project.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleScope } from '../../../../../shared/rules.ts';
import { Checkouts } from '../../../../../electron/core/rules/checkouts.ts';
import { suggestRules } from '../../../../../electron/core/rules/learn.ts';
import { RuleService } from '../../../../../electron/core/rules/service.ts';
import { openDatabase, type Db } from '../../../../../electron/core/store/database.ts';
import { RuleRepository } from '../../../../../electron/core/store/rules.ts';
import { fakeCheckout, fakeWorktree, writeFile } from '../../../../support/checkouts.ts';
import { assessment, gateRequest, segment } from '../../../../support/rules.ts';
import { tempDir } from '../../../../support/temp.ts';

let db: Db;
let root: string;
let rules: RuleService;
let main: string;

beforeEach(() => {
  db = openDatabase(':memory:');
  root = tempDir();
  main = fakeCheckout(path.join(root, 'Documents', 'app'), 'git@github.com:me/app.git');
  rules = new RuleService({
    repository: new RuleRepository(db),
    repositoryOf: new Checkouts({ home: root }).repositoryOf,
  });
});
afterEach(() => {
  rules.dispose();
  db.close();
});

const project = (dir: string): RuleScope => ({ type: 'project', dir });
const add = (effect: 'allow' | 'deny', pattern: string, scope: RuleScope) =>
  rules.add([{ effect, kind: 'prefix', pattern, scope, source: 'test' }], 'user');
const medium = (...argv: string[]) => assessment([segment(argv, { level: 'medium', categories: ['package-install'] })]);
const decide = (cwd: string, ...argv: string[]) =>
  rules.evaluate(argv.join(' '), medium(...argv), { cwd, sessionId: 's1' });

describe('a project rule in every checkout of its repository', () => {
  it('holds in a second clone of the same origin, a worktree, and a session clone of the folder', () => {
    add('allow', 'npm install', project(main));
    const moved = fakeCheckout(path.join(root, 'Drive', 'app'), 'https://github.com/me/app');
    const wt = fakeWorktree(main, path.join(root, 'Documents', 'app-feature'));
    const session = fakeCheckout(path.join(root, '.local', 'state', 'tool', 'task-7'), main);
    for (const dir of [main, path.join(moved, 'src'), wt, session])
      expect(decide(dir, 'npm', 'install').outcome).toBe('allow');
  });

  it('holds nowhere else: another repository, a folder outside any, a forged .git file, the home directory', () => {
    add('allow', 'npm install', project(main));
    const other = fakeCheckout(path.join(root, 'other'), 'https://github.com/me/other');
    const plain = path.join(root, 'scratch');
    writeFile(path.join(plain, 'x'), '');
    fakeWorktree(main, path.join(root, 'real-wt'), 'w');
    const forged = path.join(root, 'forged');
    writeFile(path.join(forged, '.git'), `gitdir: ${path.join(main, '.git', 'worktrees', 'w')}\n`);
    for (const dir of [other, plain, forged, root]) expect(decide(dir, 'npm', 'install').outcome).toBe('none');
  });

  it('a deny rule follows too, and the reason says where the rule was approved', () => {
    add('deny', 'npm publish', project(main));
    const moved = fakeCheckout(path.join(root, 'Drive', 'app'), 'https://github.com/me/app.git');
    const v = decide(moved, 'npm', 'publish');
    expect(v.outcome).toBe('deny');
    expect(v.reason).toContain(`approved in ${main}, another checkout of this repository`);
    add('allow', 'npm ci', project(main));
    expect(decide(moved, 'npm', 'ci').segments[0]?.verdict).toContain(`approved in ${main}`);
    // In the folder it was approved in, a rule says nothing more.
    expect(decide(main, 'npm', 'ci').reason).not.toContain('another checkout');
  });

  it('without a way to name repositories, a project rule holds only under its folder', () => {
    const plainRules = new RuleService({ repository: new RuleRepository(db) });
    add('allow', 'npm install', project(main));
    const moved = fakeCheckout(path.join(root, 'Drive', 'app'), 'https://github.com/me/app');
    expect(plainRules.evaluate('npm install', medium('npm', 'install'), { cwd: moved, sessionId: 's1' }).outcome).toBe(
      'none',
    );
    plainRules.dispose();
  });

  it('the learner does not count another checkout of this repository as another project', () => {
    const low = assessment([segment(['git', 'status'])]);
    const moved = fakeCheckout(path.join(root, 'Drive', 'app'), 'https://github.com/me/app');
    const wt = fakeWorktree(main, path.join(root, 'wt'));
    add('allow', 'git status', project(moved));
    add('allow', 'git status', project(wt));
    const here = fakeCheckout(path.join(root, 'third'), 'https://github.com/me/third');
    const learn = () =>
      suggestRules(gateRequest('git status', here, low), {
        rules: rules.ruleSet,
        riskyRequests: () => [],
        assess: () => low,
        now: rules.now(),
        repositoryOf: rules.repositoryOf,
      });
    // Two folders, but one repository: one other project, so the rule stays in `third`.
    expect(learn().rules[0]?.scope).toEqual(project(here));
    add('allow', 'git status', project(fakeCheckout(path.join(root, 'fourth'), 'https://github.com/me/fourth')));
    expect(learn().rules[0]?.scope).toEqual({ type: 'global' });
    const again = suggestRules(gateRequest('git status', main, low), {
      rules: rules.ruleSet,
      riskyRequests: () => [],
      assess: () => low,
      now: rules.now(),
      repositoryOf: rules.repositoryOf,
    });
    // From `main` itself the rule is already in force through its other checkouts: nothing more to learn.
    expect(again.rules).toEqual([]);
    expect(again.notes).toContain('allow rules already cover every part of this command');
  });
});
