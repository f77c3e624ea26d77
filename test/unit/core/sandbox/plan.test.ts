// What a sandboxed agent may not touch: the agents' settings, and Gatehouse's own data and sockets.
import { describe, expect, it } from 'vitest';
import { agentSettingsPaths, sandboxPlan, SandboxPlanError } from '../../../../electron/core/sandbox/plan.ts';
import { PLAN_INPUT } from '../../../support/sandbox-plan.ts';

describe('what the sandbox protects', () => {
  it("lists the agents' settings, Claude's shell snapshots and a project's own .claude, .codex and .gemini", () => {
    expect(agentSettingsPaths('/home/u', '/p', {})).toEqual([
      '/home/u/.claude/settings.json',
      '/home/u/.claude/settings.local.json',
      '/home/u/.claude/shell-snapshots',
      '/home/u/.codex/config.toml',
      '/home/u/.gemini/settings.json',
      '/home/u/.gemini/extensions',
      '/home/u/.copilot/hooks',
      '/p/.claude',
      '/p/.codex',
      '/p/.gemini',
      '/home/u/.config/opencode/plugins',
      '/home/u/.config/opencode/opencode.json',
      '/p/.opencode/plugins',
      '/p/opencode.json',
      '/home/u/.config/amp/settings.json',
      '/p/.amp/settings.json',
      '/home/u/.cursor/hooks.json',
      '/p/.cursor/hooks.json',
    ]);
    expect(agentSettingsPaths('/home/u', '/p', { CLAUDE_CONFIG_DIR: '/c', CODEX_HOME: '/x' }).slice(0, 4)).toEqual([
      '/c/settings.json',
      '/c/settings.local.json',
      '/c/shell-snapshots',
      '/x/config.toml',
    ]);
    // OpenCode's plug-in folder and config, not the whole folder (OpenCode writes there itself), under XDG_CONFIG_HOME.
    expect(agentSettingsPaths('/home/u', '/p', { XDG_CONFIG_HOME: '/xdg' })).toContain('/xdg/opencode/plugins');
  });

  it("hides Gatehouse's data and socket directories once each, keeps the gate socket, and refuses a cwd inside them", () => {
    const plan = sandboxPlan(PLAN_INPUT);
    expect(plan.hide).toEqual(['/home/u/.config/Gatehouse', '/run/user/1000/gatehouse-1000-abc']);
    expect(plan.keep).toEqual(['/run/user/1000/gatehouse-1000-abc/gate.sock']);
    expect(plan.readOnly.slice(0, 2)).toEqual(PLAN_INPUT.ownFiles);
    expect(() => sandboxPlan({ ...PLAN_INPUT, cwd: '/home/u/.config/Gatehouse/x' })).toThrow(SandboxPlanError);
  });
});
