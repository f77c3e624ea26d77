// Agents started by an agent: one with its checks or hooks turned off is as bad as turning Gatehouse off; one
// Gatehouse does not watch is high; looking after one is medium. Through the whole engine; only ever scored.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskEngine } from '../../../../../electron/core/risk/engine.ts';
import { createRiskEngine } from '../../../../../electron/core/risk/index.ts';
import { PROJECT, testContextOptions } from '../../../../support/risk.ts';

let engine: RiskEngine;
beforeAll(async () => {
  engine = await createRiskEngine(testContextOptions());
});
const level = (cmd: string, cwd = PROJECT) => engine.assess(cmd, cwd).level;

describe('nested agents', () => {
  it.each([
    'npx @anthropic-ai/claude-code --dangerously-skip-permissions',
    'npx -y @anthropic-ai/claude-code -p "x" --permission-mode bypassPermissions',
    'npx @google/gemini-cli --yolo',
    'codex --yolo',
    'cursor-agent --force -p x',
    'copilot -p x --allow-all-tools',
    'npx @github/copilot -p x --allow-all-tools',
  ])('%s is critical', (cmd) => {
    expect(level(cmd)).toBe('critical');
  });

  it('calls starting an agent Gatehouse does not watch high, looking after one medium', () => {
    for (const cmd of [
      'claude -p "tidy up"',
      'codex exec fix',
      'codex exec --full-auto fix',
      'gemini -p hi',
      'claude -p update',
      'copilot -p hi',
    ]) {
      expect(level(cmd), cmd).toBe('high');
      expect(engine.assess(cmd, PROJECT).reasons[0]).toContain('does not watch');
    }
    expect(level('claude doctor')).toBe('medium');
    // A tool server, plugin or extension is a program the agent starts by itself, outside any hook.
    for (const cmd of [
      'claude mcp add evil -- npx evil-mcp',
      "claude mcp add-json x '{}'",
      'codex mcp add x -- npx x',
      'gemini extensions install https://example.com/x',
      'claude plugin install x',
    ])
      expect(level(cmd), cmd).toBe('high');
    expect(level('claude mcp list')).toBe('medium');
    expect(level('claude --version')).toBe('low');
    // Where an agent reads its settings (and so its hooks) moved elsewhere.
    expect(level('export CLAUDE_CONFIG_DIR=/tmp/c')).toBe('medium');
  });
});
