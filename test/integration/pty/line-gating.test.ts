// A hosted shell in a real pty, with a real core: every typed line reaches the gate before the shell accepts it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasShell, terminalWorld, type TerminalWorld } from '../../support/terminal.ts';

const worlds: TerminalWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.stop();
});

/** The prompt's OSC 133 B mark, as a pattern (the shell integration prints it after each prompt). */
const PROMPT_MARK = String.raw`\u001b\]133;B\u0007`;

/** How each shell sets an exported variable (to point the gate somewhere unreachable). */
const SET_SOCKET: Record<string, (p: string) => string> = {
  bash: (p) => `GATEHOUSE_SOCKET=${p}`,
  zsh: (p) => `GATEHOUSE_SOCKET=${p}`,
  fish: (p) => `set -gx GATEHOUSE_SOCKET ${p}`,
};

describe.each(['bash', 'zsh', 'fish'])('line gating in %s', (shell) => {
  it.skipIf(!hasShell(shell))(
    `runs allowed lines, never runs denied ones, says in the terminal what waits and how it was decided, and marks each command (${shell} must be installed)`,
    async () => {
      const w = await terminalWorld();
      worlds.push(w);
      // Wide enough that each notice is one row on screen.
      const t = await w.start({ agent: 'shell', shell, size: { cols: 160, rows: 24 } });
      expect(t.info).toMatchObject({ agent: 'shell', shell, cwd: w.work });
      await t.prompt();

      // Allowed by the policy at once: it runs, and OSC 133 gives it a start, an end, an exit code and a cwd.
      let from = t.output().length;
      await t.type('touch allowed.txt; expr 1234 + 4321\r');
      const allowed = await t.nextCommand();
      expect(t.output().slice(from)).toContain('5555');
      expect(allowed).toMatchObject({ command: 'touch allowed.txt; expr 1234 + 4321', exitCode: 0, cwd: w.work });
      expect(allowed.endedAtMs).toBeGreaterThanOrEqual(allowed.startedAtMs);
      expect(fs.existsSync(path.join(w.work, 'allowed.txt'))).toBe(true);
      await t.prompt(from);

      // Held: the terminal says so while it waits; allowed by a person through the control API, it says that in one
      // line and runs.
      expect(t.output()).not.toContain('Waiting for your decision');
      from = t.output().length;
      let held = w.core.next('request.held');
      await t.type('touch held-ok.txt; expr 2000 + 22\r');
      const heldOk = (await held).request;
      expect(heldOk).toMatchObject({
        command: 'touch held-ok.txt; expr 2000 + 22',
        kind: 'check',
        agent: 'shell',
        cwd: w.work,
        sessionId: t.info.sessionId,
      });
      await t.waitForOutput(/‖ Waiting for your decision in Gatehouse/, from);
      expect((await t.screen()).at(-1)).toMatch(
        /^‖ Waiting for your decision in Gatehouse — low risk: touch held-ok\.txt; expr 2000 \+ 22\. Ctrl-C cancels\.$/,
      );
      const ran = w.core.next('request.outcome', (e) => e.request.id === heldOk.id);
      await w.core.client.api.decide({ id: heldOk.id, decision: 'allow' });
      expect(await t.nextCommand()).toMatchObject({ requestId: heldOk.id, exitCode: 0 });
      expect(fs.existsSync(path.join(w.work, 'held-ok.txt'))).toBe(true);
      expect(t.output().slice(from)).toMatch(/✓ Allowed in Gatehouse; running it\.[\s\S]*2022/);
      // What it did is recorded with the request: from the shell's own marks, its output as plain text.
      expect((await ran).request.outcome).toMatchObject({
        state: 'ran',
        exitCode: 0,
        source: 'shell',
        summary: '2022',
      });

      // Held, then denied: the line is cleared, the reason said in one line, the prompt given back, and it never runs.
      from = t.output().length;
      held = w.core.next('request.held');
      await t.type('touch held-denied.txt\r');
      const heldNo = (await held).request;
      await t.waitForOutput(/‖ Waiting for your decision/, from);
      await w.core.client.api.decide({ id: heldNo.id, decision: 'deny', reason: 'not today' });
      // The prompt (its OSC 133 B mark) drawn after the decision is said.
      await t.waitForOutput(new RegExp(`✗ Denied in Gatehouse: not today[^]*${PROMPT_MARK}`), from);
      // Gatehouse is named once: the reason already says where it was denied.
      expect(t.output().slice(from)).not.toContain('Gatehouse: The user');
      expect(fs.existsSync(path.join(w.work, 'held-denied.txt'))).toBe(false);
      const shown = await t.screen();
      expect(shown.slice(-3, -1)).toEqual([
        '‖ Waiting for your decision in Gatehouse — low risk: touch held-denied.txt. Ctrl-C cancels.',
        '✗ Denied in Gatehouse: not today',
      ]);
      // The prompt comes back once, empty, below the decision.
      expect(shown.at(-1)).not.toMatch(/held-denied/);

      // Ctrl-C while a line waits cancels it there: the request is abandoned, nothing runs, the shell goes on.
      from = t.output().length;
      held = w.core.next('request.held');
      await t.type('touch held-cancelled.txt\r');
      const cancelled = (await held).request;
      await t.waitForOutput(/‖ Waiting for your decision/, from);
      const abandoned = w.core.next('request.decided', (e) => e.request.id === cancelled.id);
      await t.type('\x03');
      expect((await abandoned).request.status).toBe('abandoned');
      await t.waitForOutput(new RegExp(`✗ Cancelled here; nothing ran\\.[^]*${PROMPT_MARK}`), from);
      expect(fs.existsSync(path.join(w.work, 'held-cancelled.txt'))).toBe(false);

      // Whitespace-only lines pass without a request; exit codes and the working directory are reported.
      const before = w.requests.length;
      await t.type('   \r');
      await t.type('mkdir -p sub; cd sub\r');
      await t.nextCommand();
      const failed = w.core.next('request.outcome', (e) => e.request.command === "sh -c 'exit 3'");
      await t.type("sh -c 'exit 3'\r");
      expect(await t.nextCommand()).toMatchObject({
        command: "sh -c 'exit 3'",
        exitCode: 3,
        cwd: path.join(w.work, 'sub'),
      });
      expect((await failed).request.outcome).toMatchObject({ state: 'failed', exitCode: 3, summary: null });
      expect(w.requests.slice(before).map((r) => r.command)).toEqual(['mkdir -p sub; cd sub', "sh -c 'exit 3'"]);

      // Gate unreachable: the line is blocked with a clear message and does not run.
      await t.type(`${SET_SOCKET[shell]?.('/nonexistent/gate.sock')}\r`);
      await t.nextCommand();
      from = t.output().length;
      await t.type('touch unreachable.txt\r');
      await t.waitForOutput(/Gatehouse blocked this command/, from);
      await t.prompt(from);
      expect(fs.existsSync(path.join(w.work, 'unreachable.txt'))).toBe(false);

      // The recording saw the output and what was typed.
      const rec = w.recordings.sessions.get(t.info.sessionId);
      expect(rec?.size).toEqual({ cols: 160, rows: 24 });
      expect(w.recordings.output(t.info.sessionId)).toContain('5555');
      expect(
        rec?.events.some(({ event }) => event.kind === 'input' && event.data.includes('touch held-denied.txt')),
      ).toBe(true);
      expect(
        rec?.events
          .filter(({ event }) => event.kind === 'marker' && event.requestId === heldNo.id)
          .map(({ event }) => event.kind === 'marker' && event.decision),
      ).toEqual([null, 'deny']);

      await w.core.client.api.killTerminal({ sessionId: t.info.sessionId, signal: 'SIGKILL' });
      expect(await t.exit).toBe(137);
    },
  );
});
