import { describe, expect, it } from 'vitest';
import { bwrapArgs } from '../../../../electron/core/sandbox/bwrap.ts';
import { agentSettingsPaths, sandboxPlan, SandboxPlanError } from '../../../../electron/core/sandbox/plan.ts';
import { sandboxExecArgs, seatbeltProfile } from '../../../../electron/core/sandbox/seatbelt.ts';

const PLAN_INPUT = {
  home: '/home/u',
  cwd: '/home/u/proj',
  env: {},
  dataDir: '/home/u/.config/Gatehouse',
  runtimeDirs: ['/run/user/1000/gatehouse-1000-abc', '/run/user/1000/gatehouse-1000-abc'],
  gateSocket: '/run/user/1000/gatehouse-1000-abc/gate.sock',
  ownFiles: ['/tmp/gatehouse-run-x', '/opt/gatehouse/shell-integration'],
};

describe('what the sandbox protects', () => {
  it("lists the agents' settings, Claude's shell snapshots and a project's own .claude and .codex", () => {
    expect(agentSettingsPaths('/home/u', '/p', {})).toEqual([
      '/home/u/.claude/settings.json',
      '/home/u/.claude/settings.local.json',
      '/home/u/.claude/shell-snapshots',
      '/home/u/.codex/config.toml',
      '/p/.claude',
      '/p/.codex',
    ]);
    expect(agentSettingsPaths('/home/u', '/p', { CLAUDE_CONFIG_DIR: '/c', CODEX_HOME: '/x' }).slice(0, 4)).toEqual([
      '/c/settings.json',
      '/c/settings.local.json',
      '/c/shell-snapshots',
      '/x/config.toml',
    ]);
  });

  it("hides Gatehouse's data and socket directories once each, keeps the gate socket, and refuses a cwd inside them", () => {
    const plan = sandboxPlan(PLAN_INPUT);
    expect(plan.hide).toEqual(['/home/u/.config/Gatehouse', '/run/user/1000/gatehouse-1000-abc']);
    expect(plan.keep).toEqual(['/run/user/1000/gatehouse-1000-abc/gate.sock']);
    expect(plan.readOnly.slice(0, 2)).toEqual(PLAN_INPUT.ownFiles);
    expect(() => sandboxPlan({ ...PLAN_INPUT, cwd: '/home/u/.config/Gatehouse/x' })).toThrow(SandboxPlanError);
  });
});

describe('bwrapArgs', () => {
  it('binds the host as it is, hides, makes read-only, then puts each wrapper over its shell after hiding the real one', () => {
    const plan = {
      ...sandboxPlan(PLAN_INPUT),
      readOnly: ['/home/u/.claude/settings.json'],
      shells: [{ real: '/usr/bin/dash', wrapper: '/k/cover/0-dash', hidden: '/k/real/0-dash' }],
    };
    expect(bwrapArgs(plan, ['/usr/bin/agent', '--flag'])).toEqual([
      '--dev-bind',
      '/',
      '/',
      '--unshare-pid',
      '--proc',
      '/proc',
      '--die-with-parent',
      '--tmpfs',
      '/home/u/.config/Gatehouse',
      '--remount-ro',
      '/home/u/.config/Gatehouse',
      '--tmpfs',
      '/run/user/1000/gatehouse-1000-abc',
      '--bind-try',
      '/run/user/1000/gatehouse-1000-abc/gate.sock',
      '/run/user/1000/gatehouse-1000-abc/gate.sock',
      '--remount-ro',
      '/run/user/1000/gatehouse-1000-abc',
      '--ro-bind',
      '/home/u/.claude/settings.json',
      '/home/u/.claude/settings.json',
      '--ro-bind',
      '/usr/bin/dash',
      '/k/real/0-dash',
      '--ro-bind',
      '/k/cover/0-dash',
      '/usr/bin/dash',
      '--chdir',
      '/home/u/proj',
      '--',
      '/usr/bin/agent',
      '--flag',
    ]);
  });
});

describe('seatbeltProfile', () => {
  it('denies reading and writing the hidden directories, writing the settings, and lets the gate socket through last', () => {
    const plan = {
      ...sandboxPlan(PLAN_INPUT),
      readOnly: ['/Users/u/.claude/settings.json', '/tmp/a "quoted" \\ path'],
    };
    expect(seatbeltProfile(plan).split('\n')).toEqual([
      '(version 1)',
      '(allow default)',
      '(deny file-read* file-write* (subpath "/home/u/.config/Gatehouse"))',
      '(deny file-read* file-write* (subpath "/run/user/1000/gatehouse-1000-abc"))',
      '(deny file-write* (literal "/Users/u/.claude/settings.json") (subpath "/Users/u/.claude/settings.json"))',
      '(deny file-write* (literal "/tmp/a \\"quoted\\" \\\\ path") (subpath "/tmp/a \\"quoted\\" \\\\ path"))',
      '(allow file-read* file-write* (literal "/run/user/1000/gatehouse-1000-abc/gate.sock"))',
      '(allow network-outbound (remote unix-socket (path-literal "/run/user/1000/gatehouse-1000-abc/gate.sock")))',
      '',
    ]);
    expect(sandboxExecArgs(plan, ['/bin/agent', 'x'])).toEqual(['-p', seatbeltProfile(plan), '/bin/agent', 'x']);
  });
});
