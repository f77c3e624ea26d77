// Reading Windows command lines as cmd and PowerShell split them: backslashes kept, quotes grouped, commands split on
// ; | & && ||.
import { describe, expect, it } from 'vitest';
import { windowsCommands, windowsWords } from '../../../../../electron/core/risk/rules/windows-words.ts';

describe('reading Windows command lines', () => {
  it('keeps backslashes, groups quotes, and splits commands on ; | & && ||', () => {
    expect(windowsWords('del /f "C:\\Program Files\\x" C:\\a\\b').map((w) => w.text)).toEqual([
      'del',
      '/f',
      'C:\\Program Files\\x',
      'C:\\a\\b',
    ]);
    const cmds = windowsCommands('Get-ChildItem C:\\x | Remove-Item -Recurse; echo done');
    expect(cmds.map((c) => c.argv[0]?.text)).toEqual(['Get-ChildItem', 'Remove-Item', 'echo']);
    expect(cmds[1]?.pipeFrom?.[0]?.text).toBe('Get-ChildItem');
    expect(cmds[2]?.pipeFrom).toBeNull();
  });
});
