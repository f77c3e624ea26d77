// OpenCode's endpoints, fed the payloads Gatehouse's plug-in posts (the shapes opencode-ai 1.18.33 hands it:
// test/e2e/opencode-protocol.test.ts): bash is held, file tools are judged by where they land, other tools pass, a
// payload it cannot read blocks, and tool.execute.after reports what ran.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../../shared/domain.ts';
import { OPENCODE_HOOKS } from '../../../../../electron/core/agents/opencode/hooks.ts';
import { OPENCODE_PATHS } from '../../../../../electron/core/agents/opencode/protocol.ts';
import type { HookCall } from '../../../../../electron/core/agents/plugin.ts';
import type { AgentReport } from '../../../../../electron/core/broker/outcomes.ts';
import type { Verdict } from '../../../../../electron/core/broker/broker.ts';
import type { FileToolCall } from '../../../../../electron/core/gate/file-tools.ts';
import { HookPayloadError, type Interception } from '../../../../../electron/core/gate/protocols.ts';
import { NativeRuleGrants } from '../../../../../electron/core/agents/native-rules.ts';

const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'not today', decidedBy: 'human:cli' };
const allow: Verdict = {
  requestId: 'r1',
  decision: 'allow',
  reason: 'Approved by the user in Gatehouse.',
  decidedBy: 'human:cli',
};

function fakeCall(body: unknown, o: { verdict?: Verdict; fileVerdict?: Verdict | null } = {}) {
  const seen: { decided: Interception[]; files: Array<{ call: FileToolCall; cwd: string }>; reports: AgentReport[] } = {
    decided: [],
    files: [],
    reports: [],
  };
  const call: HookCall = {
    body,
    session: { id: 's1', agent: 'opencode' } as Session,
    decide: async (r) => {
      seen.decided.push(r);
      return o.verdict ?? allow;
    },
    decideFileChange: async (c, cwd) => {
      seen.files.push({ call: c, cwd });
      return o.fileVerdict ?? null;
    },
    reportOutcome: (r) => seen.reports.push(r),
    turnEnded: () => {},
    record: () => {},
    notify: () => {},
    nativeRules: new NativeRuleGrants().forSession('s1'),
  };
  return { call, seen };
}

const hook = (p: string) => OPENCODE_HOOKS.find((h) => h.path === p)?.handle ?? (() => Promise.reject(new Error(p)));
const before = hook(OPENCODE_PATHS.toolBefore);
const after = hook(OPENCODE_PATHS.toolAfter);
const bash = (args: Record<string, unknown>) => ({
  tool: 'bash',
  sessionID: 'ses_1',
  callID: 'toolu_1',
  args: { description: 'x', ...args },
  directory: '/w',
});

describe('OpenCode tool.execute.before', () => {
  it('holds a bash command, in its workdir, and answers in the words the plug-in reads', async () => {
    const { call, seen } = fakeCall(bash({ command: 'npm test', workdir: 'pkg' }), { verdict: deny });
    const answer = await before(call);
    expect(seen.decided).toEqual([
      {
        kind: 'pre-tool-use',
        tool: 'bash',
        command: 'npm test',
        cwd: '/w/pkg',
        callId: 'toolu_1',
        expectsOutcome: false,
      },
    ]);
    expect(JSON.parse(answer.body)).toEqual({
      decision: 'deny',
      reason: 'The user denied this command in Gatehouse: not today',
    });
  });

  it('allows only with decision "allow"', async () => {
    const { call } = fakeCall(bash({ command: 'ls' }), { verdict: allow });
    expect(JSON.parse((await before(call)).body)).toMatchObject({ decision: 'allow' });
  });

  it('judges a file tool by where it writes: held in a protected place, passed elsewhere', async () => {
    const write = { tool: 'write', callID: 'c', args: { filePath: '.opencode/x.js', content: 'hi' }, directory: '/w' };
    const held = fakeCall(write, { fileVerdict: deny });
    expect(JSON.parse((await before(held.call)).body)).toMatchObject({ decision: 'deny' });
    expect(held.seen.files[0]).toMatchObject({ call: { tool: 'write', paths: ['.opencode/x.js'] }, cwd: '/w' });
    const passed = fakeCall(write, { fileVerdict: null });
    expect(JSON.parse((await before(passed.call)).body)).toMatchObject({ decision: 'allow' });
  });

  it('passes tools that neither run commands nor change files, without a request', async () => {
    const { call, seen } = fakeCall({ tool: 'read', args: { filePath: '/etc/hosts' }, directory: '/w' });
    expect(JSON.parse((await before(call)).body)).toMatchObject({ decision: 'allow' });
    expect(seen.decided).toEqual([]);
  });

  it('refuses (a 422, so the plug-in blocks) a payload it cannot read', async () => {
    await expect(before(fakeCall({ tool: 'bash', args: {}, directory: '/w' }).call)).rejects.toThrow(HookPayloadError);
    await expect(before(fakeCall({ tool: 'bash', args: { command: 'ls' } }).call)).rejects.toThrow(HookPayloadError);
    await expect(before(fakeCall({ tool: 'write', args: {}, directory: '/w' }).call)).rejects.toThrow(/filePath/);
    await expect(before(fakeCall('garbage').call)).rejects.toThrow(HookPayloadError);
  });
});

describe('OpenCode tool.execute.after', () => {
  it('reports the exit and output of a bash call by its call id', async () => {
    const { call, seen } = fakeCall({
      tool: 'bash',
      callID: 'toolu_1',
      args: { command: 'false' },
      result: { title: 'false', output: 'nope\n', metadata: { exit: 1, output: 'nope\n' } },
    });
    expect((await after(call)).body).toBe('');
    expect(seen.reports).toEqual([
      { callId: 'toolu_1', command: 'false', state: 'failed', exitCode: 1, durationMs: null, output: 'nope\n' },
    ]);
  });
});
