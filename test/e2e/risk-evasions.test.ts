// Low must be proven, end to end: the real Claude Code and the real Codex, with "Allow low risk without asking"
// on, ask to run commands that an engine which assumed low would let through (code hidden in git settings, a sed
// script that runs a command, string-built and renamed Python and Node calls, text turned into a shell script, make code, words
// after a redirection, a substitution inside `${x:-…}`, a copy into `.claude/`, a line drawn over by `\r`). Each must be
// held for a person; the test denies each; the marker file each would create never appears. A plain `echo` runs
// unasked, which proves auto-allow was on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, GateRequest } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { claudeInvocation, codexInvocation } from '../support/agents.ts';
import { startCli, startDaemon } from '../support/cli.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Each form would create `marks/<name>` in the project if it ran. Where the hidden command is read, it runs `mark`, a
 * program outside the project that Gatehouse does not know (so it is held on its own merits: a harmless `touch` in the
 * project would rightly be low).
 */
function evasions(mark: string): Array<{ name: string; command: string }> {
  return [
    { name: 'fsmonitor', command: `git -c core.fsmonitor='${mark} fsmonitor; false' status` },
    { name: 'sed-e', command: `sed -n '1e ${mark} sed-e' seed.txt` },
    {
      name: 'python-getattr',
      command: `python3 -c 'getattr(__import__("o"+"s"), "sys"+"tem")("touch marks/python-getattr")'`,
    },
    { name: 'node-concat', command: `node -e 'require("child_"+"process").execSync("touch marks/node-concat")'` },
    // A module or function under another name is read under its own (class 5).
    { name: 'python-alias', command: `python3 -c 'import os as o; o.system("${mark} python-alias")'` },
    {
      name: 'node-alias',
      command: `node -e 'const { execSync: x } = require("child_process"); x("${mark} node-alias")'`,
    },
    { name: 'piped-shell', command: "printf 'touch marks/piped-shell\\n' | tr -d '\\r' | sh" },
    { name: 'make-eval', command: "make --eval='gh: ; touch marks/make-eval' gh" },
    // Words after a redirection are read (class 1); a backtick inside ${x:-…} runs (class 6).
    { name: 'after-redirect', command: `git 2>/dev/null -c core.fsmonitor='${mark} after-redirect; false' status` },
    { name: 'hidden-expansion', command: `echo "\${UNSET_VAR:-\`${mark} hidden-expansion\`}"` },
    // A copy into the agent's settings folder (class 8), and a command drawn over by a carriage return (class 10).
    { name: 'settings-copy', command: 'cp seed.txt .claude/' },
    { name: 'hidden-text', command: 'echo ran-$((6*9))-hidden #\r\u001b[2K    $ npm test' },
  ];
}

const AGENTS = [
  {
    name: 'claude',
    mock: startMockAnthropic,
    invocation: (o: { mockUrl: string; home: string; cwd: string }) =>
      claudeInvocation({ mockUrl: o.mockUrl, home: o.home, prompt: 'run the commands' }),
  },
  {
    name: 'codex',
    mock: startMockResponses,
    invocation: (o: { mockUrl: string; home: string; cwd: string }) =>
      codexInvocation({ mockUrl: o.mockUrl, home: o.home, cwd: o.cwd, prompt: 'run the commands' }),
  },
] as const;

describe.each(AGENTS)('$name with auto-allow of low risk on', (agent) => {
  it('holds every form that hides code, and runs the plain one unasked', async () => {
    const root = tempDir('gh-evasions-');
    const ghHome = path.join(root, 'gatehouse');
    const work = path.join(root, 'work');
    fs.mkdirSync(path.join(work, 'marks'), { recursive: true });
    fs.writeFileSync(path.join(work, 'seed.txt'), 'one line\n');
    fs.mkdirSync(path.join(work, '.claude'));
    const mark = path.join(root, 'bin', 'mark');
    fs.mkdirSync(path.dirname(mark));
    fs.writeFileSync(mark, `#!/bin/sh\ntouch "${path.join(work, 'marks')}/$1"\n`, { mode: 0o755 });
    execFileSync('git', ['init', '-q', work]);
    const daemon = await startDaemon(ghHome, ['--hold-timeout', '60s']);
    cleanups.push(() => daemon.stop());
    const paths = corePaths(ghHome);
    const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
    cleanups.push(async () => client.close());
    await client.api.updateSettings({ autoAllowLowRisk: true });

    const forms = evasions(mark);
    const held: GateRequest[] = [];
    const allowed: string[] = [];
    await client.events((e: CoreEvent) => {
      if (e.type === 'request.held') {
        held.push(e.request);
        void client.api.decide({ id: e.request.id, decision: 'deny', reason: 'evasion test' });
      }
      if (e.type === 'request.decided' && e.request.decision?.decision === 'allow') allowed.push(e.request.command);
    });
    const plain = 'echo "ran-$((6*7))"';
    const mock = await agent.mock({ command: plain, then: forms.map((f) => f.command) });
    cleanups.push(() => mock.close());
    const inv = agent.invocation({ mockUrl: mock.url, home: path.join(root, 'agent-home'), cwd: work });
    const result = await startCli(
      ['run', '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    ).done;
    expect(result.code, result.stderr).toBe(0);

    expect(allowed).toEqual([plain]);
    expect(mock.toolResults.join('\n')).toContain('ran-42');
    // Claude Code itself refuses a command that carries an escape sequence, before any hook runs (seen with 2.1.330):
    // it never reaches Gatehouse, and never runs (checked below).
    const reachesGate = forms.filter((f) => !(agent.name === 'claude' && f.name === 'hidden-text'));
    expect(held.map((r) => r.command)).toEqual(reachesGate.map((f) => f.command));
    for (const r of held) expect(r.risk?.level, `${r.command}: ${r.risk?.reasons.join('; ')}`).not.toBe('low');
    expect(fs.readdirSync(path.join(work, 'marks'))).toEqual([]);
    expect(fs.readdirSync(path.join(work, '.claude'))).toEqual([]);
    expect(mock.toolResults.join('\n')).not.toContain('ran-54-hidden');
  });
});
