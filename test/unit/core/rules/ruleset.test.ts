// The active rules, indexed by the first word they fix: a rule whose pattern starts with or spans a wildcard is still
// found for every command it matches.
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../../electron/core/rules/evaluate.ts';
import { RuleSet } from '../../../../electron/core/rules/ruleset.ts';
import { assessment, rule, segment } from '../../../support/rules.ts';

const place = { cwd: '/p/app', sessionId: 's1', now: Date.parse('2030-01-01T00:00:00Z') };

describe('indexing never hides a match', () => {
  it.each([
    ['regex', 'git\\s*status', ['gitstatus']],
    ['regex', 'git ?status', ['gitstatus']],
    ['regex', 'git\\s+status', ['git', 'status']],
    ['regex', '^rm( .*)?', ['rm', '-rf', '/']],
    ['glob', 'rm*', ['rmdir', 'x']],
    ['glob', 'rm -rf *', ['rm', '-rf']],
    ['glob', 'git push *', ['git', 'push']],
  ] as const)('%s:%s matches %j through the index', (kind, pattern, words) => {
    const r = rule('deny', kind, pattern);
    expect(evaluateRules(words.join(' '), assessment([segment([...words])]), new RuleSet([r]), place).outcome).toBe(
      'deny',
    );
  });
});
