// Words as rules see them: one canonical text whatever quotes a command was written with.
import { describe, expect, it } from 'vitest';
import { canonicalText, splitWords } from '../../../../electron/core/rules/words.ts';

describe('quoting', () => {
  it('writes one canonical text whatever quotes were used', () => {
    const forms = ['git commit -m "a b"', "git commit -m 'a b'", 'git commit -m a\\ b'].map((t) =>
      canonicalText(splitWords(t) ?? []),
    );
    expect(new Set(forms)).toEqual(new Set(["git commit -m 'a b'"]));
    expect(canonicalText(['echo', "it's"])).toBe("echo 'it'\\''s'");
    expect(canonicalText(['ls', '~/src', '-la'])).toBe('ls ~/src -la');
  });
});
