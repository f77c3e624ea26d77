// The sandbox-exec profile for a plan: hidden directories denied, settings read-only, the gate socket let through last.
import { describe, expect, it } from 'vitest';
import { sandboxPlan } from '../../../../electron/core/sandbox/plan.ts';
import { sandboxExecArgs, seatbeltProfile } from '../../../../electron/core/sandbox/seatbelt.ts';
import { PLAN_INPUT } from '../../../support/sandbox-plan.ts';

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
