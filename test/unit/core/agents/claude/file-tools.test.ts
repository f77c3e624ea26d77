// Claude Code's file tools as the gate reads them: which file a call changes, and what the card shows.
import { describe, expect, it } from 'vitest';
import { claudeFileCall } from '../../../../../electron/core/agents/claude/file-tools.ts';
import { MAX_SHOWN_CHARS } from '../../../../../electron/core/gate/file-tools.ts';

describe('Claude Code file tools', () => {
  it('reads Write, Edit, MultiEdit and NotebookEdit (payloads as Claude Code 2.1.330 sends them)', () => {
    expect(
      claudeFileCall('Write', { file_path: '/p/.claude/settings.local.json', content: '{"disableAllHooks": true}' }),
    ).toEqual({
      tool: 'Write',
      paths: ['/p/.claude/settings.local.json'],
      summary: 'Write /p/.claude/settings.local.json\n{"disableAllHooks": true}',
    });
    expect(
      claudeFileCall('Edit', { file_path: '/h/.bashrc', old_string: 'a', new_string: 'b', replace_all: false })
        ?.summary,
    ).toBe('Edit /h/.bashrc\nreplace:\na\nwith:\nb');
    expect(
      claudeFileCall('MultiEdit', {
        file_path: '/p/x',
        edits: [
          { old_string: 'a', new_string: 'b' },
          { old_string: 'c', new_string: 'd' },
        ],
      })?.summary,
    ).toBe('MultiEdit /p/x\nreplace:\na\nwith:\nb\nreplace:\nc\nwith:\nd');
    expect(
      claudeFileCall('NotebookEdit', { notebook_path: '/p/n.ipynb', new_source: 'print(1)', edit_mode: 'replace' }),
    ).toMatchObject({ paths: ['/p/n.ipynb'], summary: 'NotebookEdit /p/n.ipynb\nprint(1)' });
  });

  it('is null for tools that change no file, and refuses a file tool that names none', () => {
    expect(claudeFileCall('Bash', { command: 'ls' })).toBeNull();
    expect(claudeFileCall('Read', { file_path: '/p/x' })).toBeNull();
    expect(() => claudeFileCall('Write', { content: 'x' })).toThrow(/file_path/);
    expect(() => claudeFileCall('Edit', { file_path: '' })).toThrow(/file_path/);
  });

  it('caps what the card shows', () => {
    const summary =
      claudeFileCall('Write', { file_path: '/p/x', content: 'y'.repeat(MAX_SHOWN_CHARS * 2) })?.summary ?? '';
    expect(summary.length).toBeLessThan(MAX_SHOWN_CHARS + 100);
    expect(summary).toMatch(/more characters not shown\)$/);
  });
});
