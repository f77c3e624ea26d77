// What doctor says about the installed Claude Code: does a command fail closed?
import { describe, expect, it } from 'vitest';
import { claudeAgent } from '../../../../../electron/core/agents/claude/index.ts';
import { claudeFailMode } from '../../../../../electron/core/agents/claude/status.ts';

describe('doctor: does Claude Code fail closed?', () => {
  it('says whether Claude Code also blocks on a crashing hook', () => {
    expect(claudeFailMode('2.1.330 (Claude Code)')).toMatchObject({
      failsClosed: true,
      detail: expect.stringContaining('onFailure "block"'),
    });
    expect(claudeFailMode('2.0.0 (Claude Code)').detail).toContain('upgrade Claude Code');
  });

  it('needs only `claude --version` to say so', async () => {
    const run = async (): Promise<string> => {
      throw new Error('Claude Code is asked nothing else');
    };
    await expect(claudeAgent.program?.failMode({ version: '2.1.330 (Claude Code)', run })).resolves.toEqual(
      claudeFailMode('2.1.330 (Claude Code)'),
    );
  });
});
