// The canary's two ends as a specification: the one form the gate recognises, an answer that is deny-shaped for every
// agent, and how the launcher reads what its hook command did (live, failed, timed out, answered wrongly).
import { describe, expect, it } from 'vitest';
import {
  CANARY_FIELD,
  canaryAnswer,
  gateProtection,
  isCanaryAnswer,
  launchCanary,
  readCanary,
  runCanary,
} from '../../../../electron/core/agents/canary.ts';

const NONCE = '0123456789abcdef0123456789abcdef';
const env = { PATH: '/usr/bin:/bin' };

describe('readCanary', () => {
  it('recognises only the launcher form: a 32-hex-digit nonce in the canary field of a JSON object', () => {
    expect(readCanary({ tool_name: 'Bash', [CANARY_FIELD]: NONCE })).toBe(NONCE);
    for (const body of [
      { [CANARY_FIELD]: true },
      { [CANARY_FIELD]: 'yes' },
      { [CANARY_FIELD]: NONCE.toUpperCase() },
      { [CANARY_FIELD]: `${NONCE}0` },
      { tool_input: { [CANARY_FIELD]: NONCE } },
      [NONCE],
      NONCE,
      null,
    ])
      expect(readCanary(body)).toBeNull();
  });
});

describe('canaryAnswer', () => {
  it('is a deny in Claude Code, Codex and the generic check alike, with the nonce echoed', () => {
    const answer = JSON.parse(canaryAnswer(NONCE).body) as Record<string, unknown>;
    expect(answer).toMatchObject({
      [CANARY_FIELD]: NONCE,
      decision: 'deny',
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny' },
    });
    expect(JSON.stringify(answer)).not.toContain('allow');
    expect(isCanaryAnswer(canaryAnswer(NONCE).body, NONCE)).toBe(true);
    expect(isCanaryAnswer(canaryAnswer(NONCE).body, 'f'.repeat(32))).toBe(false);
  });
});

describe('runCanary', () => {
  it('is live when the hook prints the gate answer for the nonce it sent, and says how long it took', async () => {
    // A stand-in for the gate: echoes the nonce from stdin back in the gate answer form.
    const command = `n=$(cat | sed 's/.*"${CANARY_FIELD}":"\\([0-9a-f]*\\)".*/\\1/'); printf '{"${CANARY_FIELD}":"%s","decision":"deny"}' "$n"`;
    const r = await runCanary({ command, payload: { tool_name: 'Bash' } }, env, '/');
    expect(r).toMatchObject({ live: true });
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });

  it('is not live when the hook command fails, with the hook message', async () => {
    const command = `cat >/dev/null; printf 'Gatehouse blocked this command: the Gatehouse gate did not answer\\n' >&2; exit 2`;
    const r = await runCanary({ command, payload: {} }, env, '/');
    expect(r).toMatchObject({ live: false });
    expect(!r.live && r.why).toBe(
      'the hook command failed (exit 2): Gatehouse blocked this command: the Gatehouse gate did not answer',
    );
  });

  it('is not live when the hook answers something else: an allow, silence, another nonce', async () => {
    for (const out of [
      '{"hookSpecificOutput":{"permissionDecision":"allow"}}',
      '',
      `{"${CANARY_FIELD}":"${'f'.repeat(32)}","decision":"deny"}`,
    ]) {
      const r = await runCanary({ command: `cat >/dev/null; printf '%s' '${out}'`, payload: {} }, env, '/');
      expect(r).toMatchObject({ live: false });
      expect(!r.live && r.why).toMatch(/^the hook answered, but not as the gate does/);
    }
  });

  it('is not live when the hook does not answer in time', async () => {
    const r = await runCanary({ command: 'exec sleep 5', payload: {} }, env, '/', 200);
    expect(r).toMatchObject({ live: false, why: 'the hook command did not answer within 0.2 s' });
  });
});

describe('gateProtection', () => {
  it('says live with the time, NOT LIVE with why and what to read, or not proven when there was nothing to try', () => {
    expect(gateProtection({ live: true, ms: 12 })).toEqual({
      layer: 'gate',
      state: 'on',
      detail: "live: a test request through the agent's own hook command was answered by the gate in 12 ms",
    });
    const off = gateProtection({ live: false, ms: 3, why: 'the hook command failed (exit 2): no socket' });
    expect(off).toMatchObject({ layer: 'gate', state: 'off' });
    expect(off.detail).toMatch(/^NOT LIVE: the hook command failed \(exit 2\): no socket\. .*"Gate not live"/);
    expect(gateProtection(null)).toMatchObject({ layer: 'gate', state: 'partial' });
  });
});

describe('launchCanary', () => {
  it("takes the wiring's hook; for an agent gated by its shells, the shells' gate command with a generic check", () => {
    const wired = { canary: { command: 'hook', payload: { a: 1 } } };
    expect(launchCanary(wired, 'hooks', 'shell-hook', '/w')).toBe(wired.canary);
    expect(launchCanary({}, 'shells', 'shell-hook', '/w')).toEqual({
      command: 'shell-hook',
      payload: { command: 'true', cwd: '/w' },
    });
    expect(launchCanary({}, 'hooks', 'shell-hook', '/w')).toBeNull();
  });
});
