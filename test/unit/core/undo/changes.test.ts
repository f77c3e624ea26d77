import { describe, expect, it } from 'vitest';
import { summarize } from '../../../../electron/core/undo/changes.ts';

describe('summarize', () => {
  it('says per kind how many files and the folder they share', () => {
    const deleted = Array.from({ length: 412 }, (_, i) => ({
      path: `src/d${i % 7}/f${i}.ts`,
      kind: 'deleted' as const,
    }));
    expect(summarize(deleted)).toBe('deleted 412 files in src/');
    expect(
      summarize([
        ...deleted.slice(0, 2),
        { path: 'README.md', kind: 'modified' },
        { path: 'a/new.txt', kind: 'created' },
        { path: 'b/new.txt', kind: 'created' },
      ]),
    ).toBe('deleted 2 files in src/, changed 1 file README.md, created 2 files');
  });

  it('says when nothing changed', () => {
    expect(summarize([])).toBe('changed no files');
  });
});
