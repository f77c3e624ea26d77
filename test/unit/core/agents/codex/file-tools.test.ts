// Codex's apply_patch as the gate reads it: which files a patch changes, and what the card shows.
import { describe, expect, it } from 'vitest';
import { codexPatchCall, codexPatchPaths } from '../../../../../electron/core/agents/codex/file-tools.ts';

describe('Codex apply_patch', () => {
  const patch = [
    '*** Begin Patch',
    '*** Add File: src/new.txt',
    '+hello',
    '*** Update File: src/a.txt',
    '*** Move to: .codex/config.toml',
    '@@',
    '-old',
    '+*** Add File: not/a/header.txt',
    '*** Delete File: /abs/gone.txt\r',
    '*** Update File: src/a.txt',
    '*** End Patch',
  ].join('\n');

  it('reads every file the patch adds, updates, deletes or moves to, once each; content lines are not headers', () => {
    expect(codexPatchPaths(patch)).toEqual(['src/new.txt', 'src/a.txt', '.codex/config.toml', '/abs/gone.txt']);
  });

  it('shows the whole patch on the card', () => {
    expect(codexPatchCall(patch)).toEqual({
      tool: 'apply_patch',
      paths: codexPatchPaths(patch),
      summary: `apply_patch\n${patch}`,
    });
  });

  it('names no file for text that is not a patch (Codex refuses it itself)', () => {
    expect(codexPatchPaths('echo hi')).toEqual([]);
  });
});
