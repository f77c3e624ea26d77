// A verdict in Claude Code's words, and what its post-tool hooks say ran.
import { describe, expect, it } from 'vitest';
import {
  CLAUDE_DENY_CONTEXT,
  claudeAnswer,
  claudeConfigChangeAnswer,
  ClaudePostToolUseSchema,
  claudeReport,
} from '../../../../../electron/core/agents/claude/protocol.ts';
import { REASONS, type Verdict } from '../../../../../electron/core/broker/broker.ts';

const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: REASONS.humanAllow, decidedBy: 'human:cli' };
const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'use the staging database', decidedBy: 'human:cli' };

describe('Claude Code protocol', () => {
  it('tells Claude Code to allow, which also skips its own prompt', () => {
    expect(JSON.parse(claudeAnswer(allow).body)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        permissionDecisionReason: REASONS.humanAllow,
      },
    });
  });

  it("passes a person's reason to the agent, and says it came from the user", () => {
    expect(JSON.parse(claudeAnswer(deny).body).hookSpecificOutput.permissionDecisionReason).toBe(
      'The user denied this command in Gatehouse: use the staging database',
    );
  });

  it('tells the model beside a deny not to retry it in another form; an allow carries no such words', () => {
    const out = JSON.parse(claudeAnswer(deny).body).hookSpecificOutput as Record<string, string>;
    expect(out.additionalContext).toBe(CLAUDE_DENY_CONTEXT);
    expect(out.additionalContext).toMatch(/Do not try to reach the same result another way/);
    expect(out.additionalContext).toMatch(/ask the user/);
    expect(JSON.parse(claudeAnswer(allow).body).hookSpecificOutput).not.toHaveProperty('additionalContext');
  });

  it("an allow of a safer form runs it through updatedInput, the call's other fields kept, and tells the model", () => {
    const safer: Verdict = {
      ...allow,
      reason: 'runs the move instead',
      updatedCommand: 'mkdir -p -- t && mv -- src t/',
    };
    const out = JSON.parse(
      claudeAnswer(safer, { command: 'rm -rf src', description: 'Delete src', timeout: 5000 }).body,
    ).hookSpecificOutput as Record<string, unknown>;
    expect(out).toEqual({
      hookEventName: 'PreToolUse',
      permissionDecision: 'allow',
      permissionDecisionReason: 'runs the move instead',
      updatedInput: { command: 'mkdir -p -- t && mv -- src t/', description: 'Delete src', timeout: 5000 },
      additionalContext: 'runs the move instead',
    });
    // A deny never carries one, whatever the verdict says.
    expect(JSON.parse(claudeAnswer({ ...deny, updatedCommand: 'x' }).body).hookSpecificOutput).not.toHaveProperty(
      'updatedInput',
    );
  });

  it('blocks a settings change with the reason, and says nothing to one it lets through', () => {
    expect(JSON.parse(claudeConfigChangeAnswer('switches hooks off').body)).toEqual({
      decision: 'block',
      reason: 'switches hooks off',
    });
    expect(claudeConfigChangeAnswer(null)).toEqual({ status: 200, body: '' });
  });
});

// The payloads as Claude Code 2.1.330 sends them (test/e2e/agent-protocols.test.ts pins them against the binary).
const post = (over: Record<string, unknown>) =>
  ClaudePostToolUseSchema.parse({
    hook_event_name: 'PostToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'npm test' },
    tool_use_id: 'toolu_1',
    duration_ms: 37,
    ...over,
  });

describe('what Claude Code says ran', () => {
  it('a Bash command that succeeded: exit 0, its duration, its output', () => {
    const p = post({ tool_response: { stdout: 'fine-out', stderr: '', interrupted: false, isImage: false } });
    expect(claudeReport(p, 'npm test')).toEqual({
      callId: 'toolu_1',
      command: 'npm test',
      state: 'ran',
      exitCode: 0,
      durationMs: 37,
      output: 'fine-out',
    });
  });

  it('a status Claude Code read as no failure (grep found nothing) is not said to be 0', () => {
    const p = post({ tool_response: { stdout: '', stderr: '', returnCodeInterpretation: 'No matches found' } });
    expect(claudeReport(p, null)).toMatchObject({ state: 'ran', exitCode: null, output: 'No matches found' });
  });

  it('a failure with "Exit code N": that exit status, and the output after it', () => {
    const p = post({
      hook_event_name: 'PostToolUseFailure',
      error: "Exit code 3\nhello-out\nls: cannot access '/nope': No such file or directory",
      is_interrupt: false,
      duration_ms: 28,
    });
    expect(claudeReport(p, null)).toMatchObject({
      state: 'failed',
      exitCode: 3,
      durationMs: 28,
      output: "hello-out\nls: cannot access '/nope': No such file or directory",
    });
    expect(claudeReport(post({ hook_event_name: 'PostToolUseFailure', error: 'Exit code 1' }), null)).toMatchObject({
      exitCode: 1,
      output: null,
    });
  });

  it('a failure without an exit status (a file tool Claude Code refused, an interruption) says why', () => {
    const refused = post({ hook_event_name: 'PostToolUseFailure', tool_name: 'Write', error: 'Refusing to write x' });
    expect(claudeReport(refused, null)).toMatchObject({
      state: 'failed',
      exitCode: null,
      output: 'Refusing to write x',
    });
    const stopped = post({ hook_event_name: 'PostToolUseFailure', error: 'Exit code 130', is_interrupt: true });
    expect(claudeReport(stopped, null)).toMatchObject({ state: 'failed', exitCode: 130, output: 'Interrupted.' });
  });

  it('a file tool that succeeded ran, with no exit status and no output to show', () => {
    const p = post({ tool_name: 'Write', tool_input: { file_path: '/w/a' }, tool_response: { type: 'create' } });
    expect(claudeReport(p, 'Write /w/a')).toMatchObject({ state: 'ran', exitCode: null, output: null });
  });
});
