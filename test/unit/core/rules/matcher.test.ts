// One rule's pattern, compiled: each rule kind (exact, prefix, glob, regex on RE2), patterns that cannot be read, and
// the regex pre-check (the text every match must contain), which never changes what a regex matches.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../../shared/rules.ts';
import {
  compilePattern,
  globMatches,
  normalizePattern,
  requiredLiteral,
} from '../../../../electron/core/rules/matcher.ts';
import { canonicalText } from '../../../../electron/core/rules/words.ts';

const matches = (kind: Rule['kind'], pattern: string, words: string[]) =>
  compilePattern(kind, normalizePattern(kind, pattern)).matches(words, canonicalText(words));

describe('rule kinds', () => {
  it('exact matches the same words and nothing else', () => {
    expect(matches('exact', 'npm test', ['npm', 'test'])).toBe(true);
    expect(matches('exact', 'npm test', ['npm', 'test', '--watch'])).toBe(false);
    expect(matches('exact', 'git commit -m "fix it"', ['git', 'commit', '-m', 'fix it'])).toBe(true);
  });

  it('prefix matches word by word, never inside a word', () => {
    expect(matches('prefix', 'npm run test', ['npm', 'run', 'test', '--', '--grep', 'foo'])).toBe(true);
    expect(matches('prefix', 'npm run test', ['npm', 'run', 'test'])).toBe(true);
    expect(matches('prefix', 'npm run test', ['npm', 'run', 'testx'])).toBe(false);
    expect(matches('prefix', 'npm run test', ['npm', 'run'])).toBe(false);
  });

  it('reads `npm run test *` and Claude-style `npm run test:*` as the same prefix', () => {
    expect(normalizePattern('prefix', 'npm run test *')).toBe('npm run test');
    expect(normalizePattern('prefix', 'npm run test:*')).toBe('npm run test');
    expect(normalizePattern('prefix', "git   commit  -m 'a b'")).toBe("git commit -m 'a b'");
  });

  it('glob: * spans words and slashes, ? is one character, a trailing " *" also matches no arguments', () => {
    expect(globMatches('git * main', 'git push origin main')).toBe(true);
    expect(globMatches('git * main', 'git push origin main2')).toBe(false);
    expect(globMatches('cat src/*', 'cat src/a/b.ts')).toBe(true);
    expect(globMatches('ls *', 'ls')).toBe(true);
    expect(globMatches('ls *', 'lsof')).toBe(false);
    expect(globMatches('ls*', 'lsof')).toBe(true);
    expect(globMatches('v?', 'v1')).toBe(true);
    expect(globMatches('echo \\*', 'echo *')).toBe(true);
    expect(globMatches('echo \\*', 'echo x')).toBe(false);
  });

  it('regex matches the whole canonical text, with RE2 syntax', () => {
    expect(matches('regex', 'git (status|log)( .*)?', ['git', 'log', '--oneline'])).toBe(true);
    expect(matches('regex', 'git (status|log)( .*)?', ['git', 'push'])).toBe(false);
    expect(matches('regex', 'status', ['rm', '-rf', 'status'])).toBe(false);
    expect(() => normalizePattern('regex', '(a)\\1')).toThrow(/not a valid RE2 regular expression/);
    expect(() => normalizePattern('regex', '(?=x)')).toThrow(/no backreferences or lookarounds/);
  });

  it('a regex that backtracks catastrophically in JavaScript runs in linear time', () => {
    // With RegExp, /^(a+)+$/ against 30,000 a's and a "!" would not finish in our lifetime.
    const evil = compilePattern('regex', normalizePattern('regex', '(a+)+'));
    const input = `${'a'.repeat(30_000)}!`;
    expect(evil.matches([input], input)).toBe(false);
    expect(evil.matches(['aaaa'], 'aaaa')).toBe(true);
  });

  it('rejects patterns that name nothing or cannot be read', () => {
    expect(() => normalizePattern('prefix', '   ')).toThrow(/names no command/);
    expect(() => normalizePattern('exact', 'echo "oops')).toThrow(/unterminated quote/);
    expect(() => normalizePattern('prefix', 'git * main')).toThrow(/use glob:/);
  });
});

describe('regex pre-check', () => {
  it('finds the text every match must contain, or says there is none', () => {
    expect(requiredLiteral('.*--danger-5.*')).toBe('--danger-5');
    expect(requiredLiteral('git (status|log)( .*)?')).toBe('git ');
    expect(requiredLiteral('npm\\s+run\\s+test')).toBe('test');
    expect(requiredLiteral('colou?r-scheme')).toBe('r-scheme');
    expect(requiredLiteral('a\\.b\\.c')).toBe('a.b.c');
    expect(requiredLiteral('git status|rm -rf')).toBeNull();
    expect(requiredLiteral('(?i)git push')).toBeNull();
    expect(requiredLiteral('[a-z]+')).toBeNull();
    expect(requiredLiteral('\\Q)\\E(abc)?xyz')).toBeNull();
  });

  it('never changes what a regex matches', () => {
    for (const [pattern, text, want] of [
      ['.*--danger-5.*', 'rm --danger-5 x', true],
      ['.*--danger-5.*', 'rm --danger-6 x', false],
      ['npm\\s+run\\s+test', 'npm run test', true],
      ['colou?r-scheme', 'color-scheme', true],
      ['(?i)GIT push', 'git push', true],
      ['\\Q)\\E(abc)?xyz', ')xyz', true],
    ] as const) {
      expect(compilePattern('regex', pattern).matches([], text), `${pattern} on ${text}`).toBe(want);
    }
  });
});
