// Cursor's endpoints fed the payloads its documentation gives (cursor.com/docs/agent/hooks; not verified against the
// real program, whose CLI is not on npm): beforeShellExecution is held and answered with `permission`, a payload it
// cannot read blocks, afterShellExecution reports what ran.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../../shared/domain.ts';
import { CURSOR_HOOKS } from '../../../../../electron/core/agents/cursor/hooks.ts';
import { CURSOR_PATHS } from '../../../../../electron/core/agents/cursor/protocol.ts';
import type { HookCall } from '../../../../../electron/core/agents/plugin.ts';
import type { AgentReport } from '../../../../../electron/core/broker/outcomes.ts';
import type { Verdict } from '../../../../../electron/core/broker/broker.ts';
import { HookPayloadError, type Interception } from '../../../../../electron/core/gate/protocols.ts';
import { NativeRuleGrants } from '../../../../../electron/core/agents/native-rules.ts';

const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'not today', decidedBy: 'human:cli' };
const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: 'ok', decidedBy: 'human:cli' };

function fakeCall(body: unknown, verdict: Verdict = allow) {
  const seen = { decided: [] as Interception[], reports: [] as AgentReport[] };
  const call: HookCall = {
    body,
    session: { id: 's1', agent: 'cursor', cwd: '/w' } as Session,
    decide: async (r) => {
      seen.decided.push(r);
      return verdict;
    },
    decideFileChange: async () => null,
    reportOutcome: (r) => seen.reports.push(r),
    turnEnded: () => {},
    record: () => {},
    notify: () => {},
    nativeRules: new NativeRuleGrants().forSession('s1'),
  };
  return { call, seen };
}

const hook = (p: string) => CURSOR_HOOKS.find((h) => h.path === p)?.handle ?? (() => Promise.reject(new Error(p)));
const before = hook(CURSOR_PATHS.beforeShellExecution);
const after = hook(CURSOR_PATHS.afterShellExecution);
const documented = {
  hook_event_name: 'beforeShellExecution',
  conversation_id: 'conv-123',
  generation_id: 'gen-456',
  workspace_roots: ['/p'],
  command: 'npm install express',
  cwd: '/p/app',
};

describe('Cursor beforeShellExecution', () => {
  it('holds the command in its cwd and answers a deny with permission and both messages', async () => {
    const { call, seen } = fakeCall(documented, deny);
    expect(JSON.parse((await before(call)).body)).toEqual({
      permission: 'deny',
      user_message: 'The user denied this command in Gatehouse: not today',
      agent_message: 'The user denied this command in Gatehouse: not today',
    });
    expect(seen.decided).toEqual([
      {
        kind: 'pre-tool-use',
        tool: 'shell',
        command: 'npm install express',
        cwd: '/p/app',
        callId: null,
        expectsOutcome: false,
      },
    ]);
  });

  it('answers an allow with permission "allow", never "ask"', async () => {
    expect(JSON.parse((await before(fakeCall(documented).call)).body)).toEqual({ permission: 'allow' });
  });

  it('runs an empty cwd in the first workspace root', async () => {
    const { call, seen } = fakeCall({ ...documented, cwd: '' });
    await before(call);
    expect(seen.decided[0]?.cwd).toBe('/p');
  });

  it('refuses (a 422: the hook exits 2, a block) what it cannot read', async () => {
    for (const body of [
      { ...documented, command: '' },
      { ...documented, hook_event_name: 'beforeMCPExecution' },
      { hook_event_name: 'beforeShellExecution', command: 'ls' },
      'garbage',
    ])
      await expect(before(fakeCall(body).call)).rejects.toThrow(HookPayloadError);
  });
});

describe('Cursor afterShellExecution', () => {
  it('reports the output and duration by the command text (no call id, no exit status)', async () => {
    const { call, seen } = fakeCall({
      hook_event_name: 'afterShellExecution',
      command: 'npm test',
      output: 'ok',
      duration: 1234,
    });
    expect((await after(call)).body).toBe('');
    expect(seen.reports).toEqual([
      { callId: null, command: 'npm test', state: 'ran', exitCode: null, durationMs: 1234, output: 'ok' },
    ]);
  });
});
