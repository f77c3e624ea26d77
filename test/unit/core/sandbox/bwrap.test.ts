// The bubblewrap command line for a plan: the order of binds, hides and read-only mounts, shells covered last.
import { describe, expect, it } from 'vitest';
import { bwrapArgs } from '../../../../electron/core/sandbox/bwrap.ts';
import { sandboxPlan } from '../../../../electron/core/sandbox/plan.ts';
import { PLAN_INPUT } from '../../../support/sandbox-plan.ts';

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
