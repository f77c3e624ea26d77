import { describe, expect, it } from 'vitest';
import { previewText } from '../../../../electron/core/cli/undo.ts';

describe('gatehouse undo: the preview', () => {
  it('names what comes back, what is put back, what goes to the trash, and who changed those files since', () => {
    const text = previewText({
      requestId: 'k3f9',
      root: '/p',
      restore: ['src/a.ts'],
      overwrite: ['README.md'],
      trash: ['new.txt'],
      changedLater: [{ path: 'README.md', by: ['m2x7'] }],
      keptBack: [],
      notKept: [{ path: '/home/dev/big', why: 'it is larger than the 512 MB Gatehouse keeps beside a snapshot' }],
    });
    expect(text).toBe(
      [
        'Undoing k3f9 in /p:',
        '  comes back (1):',
        '    src/a.ts',
        '  put back as it was (what is there now is snapshotted first) (1):',
        '    README.md',
        "  created since: moved to Gatehouse's trash, not deleted (1):",
        '    new.txt',
        '  changed again after this command (by m2x7):',
        '    README.md',
        '  cannot come back: /home/dev/big, because it is larger than the 512 MB Gatehouse keeps beside a snapshot',
      ].join('\n'),
    );
  });

  it('says when there is nothing to undo', () => {
    const empty = { restore: [], overwrite: [], trash: [], changedLater: [], keptBack: [], notKept: [] };
    expect(previewText({ requestId: 'k3f9', root: '/p', ...empty })).toContain('there is nothing to undo');
  });
});
