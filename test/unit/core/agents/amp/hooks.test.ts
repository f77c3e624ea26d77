// Amp's endpoint, fed what Gatehouse's delegate posts: shell tools are held (in the Bash call's cwd, else the
// session's), file tools judged by where they land, other tools pass, and a payload it cannot read blocks.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../../shared/domain.ts';
import { AMP_HOOKS } from '../../../../../electron/core/agents/amp/hooks.ts';
import type { HookCall } from '../../../../../electron/core/agents/plugin.ts';
import type { Verdict } from '../../../../../electron/core/broker/broker.ts';
import type { FileToolCall } from '../../../../../electron/core/gate/file-tools.ts';
import { HookPayloadError, type Interception } from '../../../../../electron/core/gate/protocols.ts';
import { NativeRuleGrants } from '../../../../../electron/core/agents/native-rules.ts';

const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'not today', decidedBy: 'human:cli' };
const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: 'ok', decidedBy: 'human:cli' };

function fakeCall(body: unknown, o: { verdict?: Verdict; fileVerdict?: Verdict | null } = {}) {
  const seen = { decided: [] as Interception[], files: [] as Array<{ call: FileToolCall; cwd: string }> };
  const call: HookCall = {
    body,
    session: { id: 's1', agent: 'amp', cwd: '/w' } as Session,
    decide: async (r) => {
      seen.decided.push(r);
      return o.verdict ?? allow;
    },
    decideFileChange: async (c, cwd) => {
      seen.files.push({ call: c, cwd });
      return o.fileVerdict ?? null;
    },
    reportOutcome: () => {},
    turnEnded: () => {},
    record: () => {},
    notify: () => {},
    nativeRules: new NativeRuleGrants().forSession('s1'),
  };
  return { call, seen };
}

const handle = (AMP_HOOKS[0] as (typeof AMP_HOOKS)[number]).handle;

describe('Amp delegate endpoint', () => {
  it('holds Bash in its cwd and answers a deny in one line the delegate reads', async () => {
    const { call, seen } = fakeCall({ tool: 'Bash', args: { cmd: 'npm test', cwd: 'pkg' } }, { verdict: deny });
    expect((await handle(call)).body).toBe('deny: The user denied this command in Gatehouse: not today');
    expect(seen.decided).toEqual([
      { kind: 'pre-tool-use', tool: 'Bash', command: 'npm test', cwd: '/w/pkg', callId: null, expectsOutcome: false },
    ]);
  });

  it('holds shell_command by its command, in the session’s directory; an allow is "allow"', async () => {
    const { call, seen } = fakeCall({ tool: 'shell_command', args: { command: 'ls' } });
    expect((await handle(call)).body).toBe('allow');
    expect(seen.decided[0]).toMatchObject({ command: 'ls', cwd: '/w' });
  });

  it('judges edit_file and create_file by their path', async () => {
    const held = fakeCall(
      { tool: 'create_file', args: { path: '.amp/settings.json', content: '{}' } },
      { fileVerdict: deny },
    );
    expect((await handle(held.call)).body).toMatch(/^deny: /);
    expect(held.seen.files[0]).toMatchObject({ call: { paths: ['.amp/settings.json'] }, cwd: '/w' });
    expect((await handle(fakeCall({ tool: 'edit_file', args: { path: 'a.ts' } }).call)).body).toBe('allow');
  });

  it('passes other tools, and refuses what it cannot read', async () => {
    expect((await handle(fakeCall({ tool: 'Read', args: { path: '/etc/hosts' } }).call)).body).toBe('allow');
    await expect(handle(fakeCall({ tool: 'Bash', args: {} }).call)).rejects.toThrow(HookPayloadError);
    await expect(handle(fakeCall({ tool: 'edit_file', args: {} }).call)).rejects.toThrow(/path/);
    await expect(handle(fakeCall({ args: { cmd: 'ls' } }).call)).rejects.toThrow(HookPayloadError);
  });
});
