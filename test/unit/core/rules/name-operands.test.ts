// Learning past a name: approving `git push origin task#011` proposes the same push of any branch, and nothing else
// (no option, no refspec, no other remote); pushes the engine rates high by the name (main) stay held. Through the
// real risk engine, learner and rule evaluation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../../shared/rules.ts';
import { nameOperandCandidate } from '../../../../electron/core/rules/name-operands.ts';
import { createRiskEngine } from '../../../../electron/core/risk/index.ts';
import type { RiskEngine } from '../../../../electron/core/risk/engine.ts';
import { decideBy, learnFrom } from '../../../support/learning.ts';
import { PROJECT, testContextOptions } from '../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});

const scope = { type: 'project', dir: PROJECT } as const;

// A push onto main was recorded: it must not stop the rule (the engine holds it by its name).
const learned = (approved: string) => learnFrom(engine, approved, ['git push origin main']);
const decide = (command: string, rules: Rule[]) => decideBy(engine, command, rules);

describe('nameOperandCandidate', () => {
  it.each([
    [['git', 'push', 'origin', 'feat-x']],
    [['git', 'push', '-u', 'origin', 'fix/ci']],
    [['git', 'push', '--set-upstream', 'origin', 'task#011']],
  ])('%j: the same push with any branch', (words) => {
    expect(nameOperandCandidate(words, scope)?.candidate.kind).toBe('regex');
  });

  it.each([
    [['git', 'push']],
    [['git', 'push', 'origin']],
    [['git', 'push', 'origin', 'a', 'b']],
    [['git', 'push', 'origin', 'a:b']],
    [['git', 'push', 'origin', '+a']],
    [['git', 'push', 'origin', '-f']],
    [['git', 'push', '--force', 'origin', 'a']],
    [['git', 'push', 'origin', 'a', '--no-verify']],
    [['git', 'push', 'origin', 'HEAD~1']],
    [['git', 'push', "evil'remote", 'a']],
    [['git', 'pull', 'origin', 'a']],
    [['git', '-C', '/tmp', 'push', 'origin', 'a']],
  ])('%j: no such rule', (words) => {
    expect(nameOperandCandidate(words, scope)).toBeNull();
  });
});

describe('a push rule learned past the branch name', () => {
  it('is proposed, with a sentence saying what it covers and what stays held', () => {
    const { rules, notes } = learned('git push origin task#011');
    expect(rules).toHaveLength(1);
    expect(rules[0]?.kind).toBe('regex');
    expect(notes.join(' ')).toContain('`git push origin <any branch>`');
    expect(notes.join(' ')).toMatch(/still held/);
  });

  it.each([
    'git push origin task#012',
    'git push origin feat/other-thing',
    'git push -u origin fix-1.2',
    'git push --set-upstream origin docs-refresh',
  ])('allows %s', (command) => {
    expect(decide(command, learned('git push origin task#011').rules)).toBe('allow');
  });

  it.each([
    // By the name: onto a shared branch.
    'git push origin main',
    'git push origin master',
    'git push -u origin release/1.2',
    // Anything more than a name.
    'git push origin feat-b --force-with-lease',
    'git push origin feat-b --no-verify',
    'git push origin feat-b -f',
    'git push origin +feat-b',
    'git push origin :feat-b',
    'git push origin feat-b:main',
    'git push origin HEAD:refs/heads/main',
    'git push origin --delete feat-b',
    'git push origin --all',
    'git push origin feat-a feat-b',
    'git push origin --receive-pack=/tmp/x feat-b',
    'git push upstream feat-b',
    'git push origin $(git branch --show-current)',
    'git -c core.sshCommand=/tmp/x push origin feat-b',
  ])('does not allow %s', (command) => {
    expect(decide(command, learned('git push origin task#011').rules)).not.toBe('allow');
  });
});

describe('a link rule learned past the project name', () => {
  it.each([['vercel link --project chef-chopsky'], ['vercel link --yes'], ['vercel link'], ['vercel link -p app -y']])(
    'approving %s proposes vercel link with any project',
    (approved) => {
      const { rules, notes } = learned(approved);
      expect(rules.map((r) => r.kind)).toEqual(['regex']);
      expect(notes.join(' ')).toContain('`vercel link [--yes] [--project <any project>]`');
    },
  );

  it.each([
    'vercel link',
    'vercel link --yes',
    'vercel link --project chef-chopsky-staging --yes',
    'vercel link -y -p other-app',
  ])('allows %s', (command) => {
    expect(decide(command, learned('vercel link --project chef-chopsky').rules)).toBe('allow');
  });

  it.each([
    'vercel link --repo',
    'vercel link ../other',
    'vercel link --project app --token abc',
    'vercel link --project app --scope other-team',
    'vercel link --project app --cwd /home/dev/.claude',
    'vercel link --project $(cat /home/dev/.netrc)',
    'vercel link --project -x',
    'vercel link --project app && vercel env pull .env',
    'vercel link --project rm',
    'HOME=/tmp/h vercel link --project app',
    'vercel --prod',
  ])('does not allow %s', (command) => {
    expect(decide(command, learned('vercel link --project chef-chopsky').rules)).not.toBe('allow');
  });

  it.each([
    [['vercel', 'link', '--repo']],
    [['vercel', 'link', 'dir']],
    [['vercel', 'link', '--project']],
    [['vercel', 'link', '--project', '-x']],
  ])('%j: no such rule', (words) => expect(nameOperandCandidate(words, scope)).toBeNull());
});
