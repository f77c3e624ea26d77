// Finding agents' processes in a fake /proc: by program or by the script a runtime runs, the topmost of each tree, and
// owned only when a session's root process (same pid, same start time) is it or above it.
import { describe, expect, it } from 'vitest';
import { agentOfArgv, findAgentProcesses } from '../../../../electron/core/sessions/running-agents.ts';
import { fakeProcTable } from '../../../support/fake-proc.ts';

const PROGRAMS = new Map([
  ['claude', 'claude'],
  ['codex', 'codex'],
]);

describe('agentOfArgv', () => {
  it('knows an agent by its program, or by the script node, bun or deno runs', () => {
    expect(agentOfArgv(['claude', '-p', 'hi'], PROGRAMS)).toBe('claude');
    expect(agentOfArgv(['/usr/lib/node_modules/.bin/claude'], PROGRAMS)).toBe('claude');
    expect(agentOfArgv(['/x/@anthropic-ai/claude-code/bin/claude.exe'], PROGRAMS)).toBe('claude');
    expect(agentOfArgv(['node', '/x/node_modules/@openai/codex/bin/codex.js', 'exec'], PROGRAMS)).toBe('codex');
    expect(agentOfArgv(['/usr/bin/node', '--no-warnings', '/usr/local/bin/codex'], PROGRAMS)).toBe('codex');
    expect(agentOfArgv(['node', '/y/node_modules/@anthropic-ai/claude-code/cli-wrapper.cjs'], PROGRAMS)).toBe('claude');
  });

  it('does not take a shell, an editor or Gatehouse itself naming an agent for the agent', () => {
    expect(agentOfArgv(['bash', '-c', 'claude -p hi'], PROGRAMS)).toBeNull();
    expect(agentOfArgv(['node', '/opt/gatehouse/bin/gatehouse.mjs', 'run', '--', 'claude'], PROGRAMS)).toBeNull();
    expect(agentOfArgv(['vim', 'claude'], PROGRAMS)).toBeNull();
    expect(agentOfArgv(['node'], PROGRAMS)).toBeNull();
    expect(agentOfArgv([], PROGRAMS)).toBeNull();
  });
});

describe('findAgentProcesses', () => {
  // terminal(200) → claude(210), not Gatehouse's; terminal(200) → gatehouse run(300) → bwrap(310) → codex.js(320) →
  // codex native(330); an installed-hook session whose root is claude(410) itself; a reused pid (510) of a root.
  const table = fakeProcTable({
    200: { ppid: 1, argv: ['bash'] },
    210: { ppid: 200, argv: ['claude'], cwd: '/home/p/app' },
    300: { ppid: 200, argv: ['node', '/opt/gatehouse/bin/gatehouse.mjs', 'run', '--', 'codex'] },
    310: { ppid: 300, argv: ['bwrap', '--', 'codex'] },
    320: { ppid: 310, argv: ['node', '/n/node_modules/@openai/codex/bin/codex.js'], cwd: '/w' },
    330: { ppid: 320, argv: ['/n/node_modules/@openai/codex-linux-x64/vendor/codex/codex'] },
    400: { ppid: 1, argv: ['zsh'] },
    410: { ppid: 400, argv: ['claude'], cwd: '/home/p/other' },
    510: { ppid: 400, argv: ['codex'], start: 999 },
  });
  const roots = [
    { sessionId: 'run', pid: 300, startTime: 3000 },
    { sessionId: 'installed', pid: 410, startTime: 4100 },
    { sessionId: 'gone', pid: 510, startTime: 5100 },
  ];

  it('lists each agent once (its topmost process) with the session that owns it, or none', () => {
    expect(findAgentProcesses(table, PROGRAMS, roots, 1)).toEqual([
      { pid: 210, startTime: 2100, agent: 'claude', cwd: '/home/p/app', sessionId: null },
      { pid: 320, startTime: 3200, agent: 'codex', cwd: '/w', sessionId: 'run' },
      { pid: 410, startTime: 4100, agent: 'claude', cwd: '/home/p/other', sessionId: 'installed' },
      // Its pid was a session's root, but the process started at another time: another program now, not owned.
      { pid: 510, startTime: 999, agent: 'codex', cwd: null, sessionId: null },
    ]);
  });

  it('leaves out the scanning process itself', () => {
    expect(findAgentProcesses(table, PROGRAMS, roots, 210).map((p) => p.pid)).not.toContain(210);
  });
});
