// What doctor says about the installed Codex: can it take Gatehouse's per-run hooks, and does a command fail closed?
import { describe, expect, it } from 'vitest';
import { codexAgent } from '../../../../../electron/core/agents/codex/index.ts';
import { codexFailMode } from '../../../../../electron/core/agents/codex/status.ts';

describe('doctor: does Codex fail closed?', () => {
  it('flags a Codex that cannot take per-run hooks', () => {
    expect(codexFailMode('Options:\n  --dangerously-bypass-hook-trust\n').failsClosed).toBe(true);
    expect(codexFailMode('Options:\n  -c, --config\n').failsClosed).toBe(false);
  });

  it('reads `codex --help` for it', async () => {
    const asked: string[][] = [];
    const mode = await codexAgent.program?.failMode({
      version: 'codex-cli 0.50.0',
      run: async (args) => {
        asked.push([...args]);
        return 'Options:\n  -c, --config\n';
      },
    });
    expect(asked).toEqual([['--help']]);
    expect(mode?.detail).toContain('upgrade Codex');
  });
});
