// Gatehouse's delegate for Amp, run as Amp runs it (measured with `amp permissions test`): the tool's arguments on
// stdin, its name in AGENT_TOOL_NAME; stand-in hook commands play the gate. Exit 0 allows, 2 rejects with the reason
// on stderr (Amp hands it to the model), and it never exits 1 (Amp's "ask").
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMP_DELEGATE_MARK, ampDelegateSource } from '../../../../../electron/core/agents/amp/delegate-source.ts';
import { tempDir } from '../../../../support/temp.ts';

function runDelegate(hookCommand: string, o: { tool?: string; stdin?: string } = {}) {
  const dir = tempDir('gh-amp-delegate-');
  const file = path.join(dir, 'gatehouse-amp-delegate');
  fs.writeFileSync(file, ampDelegateSource(hookCommand), { mode: 0o700 });
  const r = spawnSync(file, [], {
    input: o.stdin ?? '{"cmd":"ls","cwd":"/w"}',
    env: { PATH: '/usr/bin:/bin', AGENT: 'amp', AGENT_TOOL_NAME: o.tool ?? 'Bash', SAVE: path.join(dir, 'payload') },
    encoding: 'utf8',
  });
  const saved = path.join(dir, 'payload');
  return { code: r.status, stderr: r.stderr, payload: fs.existsSync(saved) ? fs.readFileSync(saved, 'utf8') : null };
}

describe("Gatehouse's Amp delegate", () => {
  it('is marked as Gatehouse’s', () => {
    expect(ampDelegateSource('true').split('\n')[1]).toBe(AMP_DELEGATE_MARK);
  });

  it('posts the tool name and its arguments, and exits 0 on "allow"', () => {
    const r = runDelegate(`cat > "$SAVE"; printf allow`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.payload ?? '')).toEqual({ tool: 'Bash', args: { cmd: 'ls', cwd: '/w' } });
  });

  it('exits 2 with the reason on stderr for a deny', () => {
    const r = runDelegate(`cat >/dev/null; printf 'deny: The user denied this command in Gatehouse: no'`);
    expect(r).toMatchObject({ code: 2, stderr: 'The user denied this command in Gatehouse: no\n' });
  });

  it('exits 2 when the hook command fails (the gate unreachable), its words on stderr', () => {
    const r = runDelegate(
      `cat >/dev/null; printf 'Gatehouse blocked this command: the gate did not answer\\n' >&2; exit 2`,
    );
    expect(r).toMatchObject({ code: 2, stderr: 'Gatehouse blocked this command: the gate did not answer\n' });
  });

  it('exits 2 for an answer it cannot read, never 1 (Amp would ask the person instead of Gatehouse)', () => {
    for (const out of ['', 'allowed', 'ask', '{"decision":"allow"}']) {
      const r = runDelegate(`cat >/dev/null; printf '%s' '${out}'`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Gatehouse blocked this tool call');
    }
    expect(runDelegate('exit 1').code).toBe(2);
  });

  it("exits 1, Amp's own prompt, only for the installed fallback's answer when Gatehouse is down", () => {
    expect(runDelegate("cat >/dev/null; printf '%s' 'core-down: ask'").code).toBe(1);
  });

  it('refuses a tool name that could break the JSON, without sending it', () => {
    const r = runDelegate(`cat > "$SAVE"; printf allow`, { tool: 'x","args":{}}' });
    expect(r.code).toBe(2);
    expect(r.payload).toBeNull();
  });
});
