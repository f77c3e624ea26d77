// A verdict in Codex's words, and what its PostToolUse says ran.
import { describe, expect, it } from 'vitest';
import {
  codexPermissionAnswer,
  codexPreToolUseAnswer,
  CodexPostToolUseSchema,
  codexReport,
} from '../../../../../electron/core/agents/codex/protocol.ts';
import { REASONS, type Verdict } from '../../../../../electron/core/broker/broker.ts';

const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: REASONS.humanAllow, decidedBy: 'human:cli' };
const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'use the staging database', decidedBy: 'human:cli' };
const timeout: Verdict = { requestId: 'r1', decision: 'deny', reason: REASONS.timeout(600_000), decidedBy: 'timeout' };

describe('Codex protocol', () => {
  it('stays silent for a Codex allow (Codex rejects allow in PreToolUse) and denies with a reason', () => {
    expect(codexPreToolUseAnswer(allow)).toEqual({ status: 200, body: '' });
    expect(JSON.parse(codexPreToolUseAnswer(deny).body).hookSpecificOutput).toEqual({
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: 'The user denied this command in Gatehouse: use the staging database',
    });
  });

  it('an allow of a safer form is the one allow Codex takes: with updatedInput, its other fields kept', () => {
    const safer: Verdict = { ...allow, updatedCommand: 'git push --force-with-lease origin main' };
    expect(
      JSON.parse(codexPreToolUseAnswer(safer, { command: 'git push -f origin main', workdir: '/w' }).body),
    ).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        updatedInput: { command: 'git push --force-with-lease origin main', workdir: '/w' },
      },
    });
  });

  it('leaves the full stop to Codex, which adds its own before ". Command: …"', () => {
    const reasonOf = (v: Verdict) =>
      JSON.parse(codexPreToolUseAnswer(v).body).hookSpecificOutput.permissionDecisionReason;
    expect(reasonOf(timeout)).toBe(REASONS.timeout(600_000).slice(0, -1));
    expect(reasonOf({ ...deny, reason: REASONS.humanDeny })).toBe('Denied by the user in Gatehouse');
  });

  it('answers Codex permission requests with a behavior', () => {
    expect(JSON.parse(codexPermissionAnswer(allow).body).hookSpecificOutput.decision).toEqual({ behavior: 'allow' });
    expect(JSON.parse(codexPermissionAnswer(timeout).body).hookSpecificOutput.decision).toMatchObject({
      behavior: 'deny',
    });
  });
});

// The payloads as Codex 0.169 sends them in `exec` (test/e2e/agent-protocols.test.ts pins them against the binary).
const post = (over: Record<string, unknown>) =>
  CodexPostToolUseSchema.parse({
    hook_event_name: 'PostToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'echo hello-out; exit 3' },
    tool_use_id: 'call_1',
    ...over,
  });

describe('what Codex says ran', () => {
  it('a shell command: its output only; no exit status and no duration (measured from the allow instead)', () => {
    expect(codexReport(post({ tool_response: 'hello-out\n' }), 'echo hello-out; exit 3')).toEqual({
      callId: 'call_1',
      command: 'echo hello-out; exit 3',
      state: 'ran',
      exitCode: null,
      durationMs: null,
      output: 'hello-out\n',
    });
    expect(codexReport(post({ tool_response: '' }), null)).toMatchObject({ output: null });
  });

  it("apply_patch: its exit status and wall time, and the patch tool's words", () => {
    const p = post({
      tool_name: 'apply_patch',
      tool_response: 'Exit code: 0\nWall time: 0.2 seconds\nOutput:\nSuccess. Updated the following files:\nA b.txt\n',
    });
    expect(codexReport(p, null)).toMatchObject({
      state: 'ran',
      exitCode: 0,
      durationMs: 200,
      output: 'Success. Updated the following files:\nA b.txt\n',
    });
    const failed = post({ tool_response: 'Exit code: 1\nWall time: 1.25 seconds\nOutput:\nno\n' });
    expect(codexReport(failed, null)).toMatchObject({ state: 'failed', exitCode: 1, durationMs: 1250 });
  });
});
