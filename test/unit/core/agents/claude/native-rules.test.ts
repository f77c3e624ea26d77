// Claude Code's rule for a Gatehouse rule: exact and prefix ones said word for word, never anything broader.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { claudeNativeRules, claudeProjectDir } from '../../../../../electron/core/agents/claude/native-rules.ts';
import { tempDir } from '../../../../support/temp.ts';

const t = claudeNativeRules.translate;

describe("Claude Code's own rules", () => {
  it("says an exact rule as the command, and a prefix as Claude's `:*`", () => {
    expect(t({ kind: 'exact', pattern: 'npm test' })).toEqual({
      tool: 'Bash',
      content: 'npm test',
      shown: 'Bash(npm test)',
    });
    expect(t({ kind: 'prefix', pattern: 'npm run test' })).toMatchObject({ shown: 'Bash(npm run test:*)' });
    // A lone program is fine exactly: `ls` and nothing else.
    expect(t({ kind: 'exact', pattern: 'ls' })).toMatchObject({ shown: 'Bash(ls)' });
  });

  it('refuses a bare program as a prefix, and globs and regexes', () => {
    expect(t({ kind: 'prefix', pattern: 'npm' })).toHaveProperty('why');
    expect(t({ kind: 'glob', pattern: 'npm test *' })).toHaveProperty('why');
    expect(t({ kind: 'regex', pattern: '^npm test$' })).toHaveProperty('why');
  });

  it('refuses what Claude would read differently: quotes, wildcards, escapes, brackets, shell characters', () => {
    for (const pattern of [
      "git commit -m 'x y'",
      'ls *.ts',
      'ls a?',
      'ls [ab]',
      'echo a\\ b',
      'echo (x)',
      'echo $HOME',
      'cat ~/.ssh/id_rsa',
      'a && b',
      'a; b',
      'a | b',
      'echo `id`',
      'echo > f',
    ])
      expect(t({ kind: 'exact', pattern }), pattern).toHaveProperty('why');
  });

  it("keeps them in the project's .claude/settings.local.json: the nearest folder with a .git, as Claude Code does", () => {
    const root = tempDir('gh-claude-root-');
    const deep = path.join(root, 'repo', 'src', 'lib');
    fs.mkdirSync(deep, { recursive: true });
    // Any .git counts for Claude Code, an empty folder too (measured on 2.1.330).
    fs.mkdirSync(path.join(root, 'repo', '.git'));
    expect(claudeNativeRules.where(deep)).toBe(path.join(root, 'repo', '.claude', 'settings.local.json'));
    // The nearest one wins.
    fs.mkdirSync(path.join(root, 'repo', 'src', '.git'));
    expect(claudeProjectDir(deep)).toBe(path.join(root, 'repo', 'src'));
  });
});
